"""`python -m cnnviz` runs the same front end as the `cnnviz` command."""

from cnnviz.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
