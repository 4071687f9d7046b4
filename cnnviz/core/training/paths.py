"""Where training data and outputs live on disk."""

from __future__ import annotations

import os
import pathlib
import threading


def cnnviz_home() -> pathlib.Path:
    """cnnviz's cache folder: ``$CNNVIZ_HOME`` if set, else the platform's user cache dir."""
    env = os.environ.get("CNNVIZ_HOME")
    if env:
        return pathlib.Path(env)
    import platformdirs

    return pathlib.Path(platformdirs.user_cache_dir("cnnviz", appauthor=False))


def datasets_dir() -> pathlib.Path:
    """The folder that holds downloaded datasets (created on demand)."""
    path = cnnviz_home() / "datasets"
    path.mkdir(parents=True, exist_ok=True)
    return path


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    A reader never sees a half-written file, and a crash leaves the old file.
    """
    target = pathlib.Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()
