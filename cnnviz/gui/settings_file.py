"""The settings file: where the app remembers its choices, checked before use and never lost.

Settings hold *settings* (language, zoom, the last model, splitter sizes),
never lesson payloads. The file is checked at start-up
(:func:`check_settings_file`): a damaged one is moved aside, one from a newer
cnnviz is left untouched and this session uses a temporary file (deleted at
exit by :func:`end_session`), and a file that cannot be written is reported
instead of losing the user's changes silently.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings

SETTINGS_FORMAT = 1
"""Version of the settings file's layout; a file with a larger ``meta/format`` is from a newer cnnviz."""

_session_settings_path: str | None = None


def tr(text: str) -> str:
    """Translate a settings message (the main window's context)."""
    return QCoreApplication.translate("MainWindow", text)


def settings() -> QSettings:
    """The app's persistent settings (platform-native location).

    After :func:`check_settings_file` found a file that must not be written,
    this session's settings live in a temporary file instead.
    """
    if _session_settings_path is not None:
        return QSettings(_session_settings_path, QSettings.Format.IniFormat)
    return QSettings("cnnviz", "cnnviz")


def _use_session_file() -> None:
    """Keep this session's settings in a fresh temporary file (the real one stays untouched)."""
    global _session_settings_path
    fd, tmp = tempfile.mkstemp(prefix="cnnviz-session-", suffix=".conf")
    os.close(fd)
    _session_settings_path = tmp


def end_session() -> None:
    """Delete this session's temporary settings file, if it used one."""
    global _session_settings_path
    if _session_settings_path is not None:
        with contextlib.suppress(OSError):
            os.unlink(_session_settings_path)
        _session_settings_path = None


def check_settings_file() -> str | None:
    """Check the settings file before use; a message for the user when it cannot be used as it is.

    A damaged file (binary junk, undecodable text) is moved aside to
    ``<name>.bad-<time>`` and defaults are used; a file from a newer cnnviz is
    left untouched and this session keeps its settings in a temporary file; a
    file or folder that cannot be written is reported (changes last until quit).
    """
    end_session()
    native = QSettings("cnnviz", "cnnviz")
    path = Path(native.fileName())
    if path.is_file():
        problem = _check_existing(native, path)
        if problem is not None:
            return problem
    native.setValue("meta/format", SETTINGS_FORMAT)
    native.sync()
    if native.status() != QSettings.Status.NoError:
        _use_session_file()
        return tr("The settings file {0} cannot be written, so the choices you make now will be forgotten "
                  "when cnnviz closes.").format(path)
    return None


def _check_existing(native: QSettings, path: Path) -> str | None:
    from cnnviz.core.errors import CnnvizError
    from cnnviz.core.safe_io import read_bytes
    from cnnviz.core.settings_io import MAX_SETTINGS_BYTES

    try:  # bounded, and never a FIFO or a device behind the settings' name
        data = read_bytes(path, limit=MAX_SETTINGS_BYTES, what="settings file")
        data.decode("utf-8")
        damaged = b"\0" in data or native.status() != QSettings.Status.NoError
    except UnicodeDecodeError:
        damaged = True
    except (OSError, CnnvizError):
        _use_session_file()
        return tr("The settings file {0} cannot be read. It is left untouched; this session uses default "
                  "settings.").format(path)
    if damaged:
        from cnnviz.core.settings_io import move_aside

        backup = move_aside(path)
        if backup is not None:
            return tr(
                "The settings file was damaged. It was kept as {0}; cnnviz starts with default settings."
            ).format(backup)
        _use_session_file()
        return tr(
            "The settings file {0} is damaged and could not be moved aside. It is left untouched; this "
            "session uses default settings."
        ).format(path)
    stored: Any = native.value("meta/format", 0)  # QSettings.value() is typed object
    try:
        version = int(stored or 0)
    except (TypeError, ValueError):
        version = 0
    if version > SETTINGS_FORMAT:
        _use_session_file()
        return tr(
            "The settings file {0} comes from a newer cnnviz. It is left untouched; this session uses "
            "default settings."
        ).format(path)
    return None


def float_setting(s: QSettings, key: str, default: float) -> float:
    """A number from the settings, or ``default`` when it is missing or not a number."""
    value: Any = s.value(key, default)  # QSettings.value() is typed object
    try:
        return float(value)
    except (TypeError, ValueError):
        return default
