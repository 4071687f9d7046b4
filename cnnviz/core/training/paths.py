"""Where training data and outputs live on disk."""

from __future__ import annotations

import os
import pathlib


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
