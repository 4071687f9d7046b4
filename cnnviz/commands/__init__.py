"""Sub-commands of the ``cnnviz`` command line, one module each.

Each module defines ``add_parser(subparsers)`` which adds its parser and sets
``func=run`` on it; ``run(args) -> int`` does the work. Import torch and core
inside ``run`` so that ``cnnviz --help`` does not pay for it.
"""
