"""Entry script of the PyInstaller bundle: the same front end as the ``cnnviz`` command."""

import multiprocessing

from cnnviz.cli import main

if __name__ == "__main__":
    # Windows and macOS start DataLoader workers with "spawn": a frozen app must
    # recognise those child processes instead of opening another window.
    multiprocessing.freeze_support()
    raise SystemExit(main())
