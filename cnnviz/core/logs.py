"""The app's log: what went wrong, in full, for whoever looks into it later.

People see one sentence (a dialog, a status line, one CLI line); the
traceback behind an unexpected error goes to a rotating log file in the
user's log folder (``platformdirs.user_log_dir("cnnviz")/cnnviz.log``, at
most 3 × 1 MB), and the GUI's error dialog offers it under "Details…".
"""

from __future__ import annotations

import logging
import logging.handlers
import traceback
from pathlib import Path

LOGGER_NAME = "cnnviz"
MAX_BYTES = 1 << 20
BACKUPS = 2

log = logging.getLogger(LOGGER_NAME)


def log_path() -> Path:
    """Where the log file lives."""
    import platformdirs

    return Path(platformdirs.user_log_dir("cnnviz", appauthor=False)) / "cnnviz.log"


def setup_logging() -> Path | None:
    """Send the ``cnnviz`` logger to the rotating file (once); the file, or None if it cannot be written."""
    for handler in log.handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            return Path(handler.baseFilename)
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                                       encoding="utf-8", delay=True)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path


def exception_details(exc: BaseException) -> str:
    """The full traceback of ``exc`` as text (for "Details…")."""
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)).rstrip()


def log_exception(what: str, exc: BaseException) -> str:
    """Log ``exc`` (with its traceback) under ``what``; returns the details text."""
    details = exception_details(exc)
    log.error("%s\n%s", what, details)
    return details
