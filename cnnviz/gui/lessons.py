"""Lesson files: the whole state of the window, prepared ahead and opened in class.

A lesson file (``*.cnnviz-lesson``) is UTF-8 JSON in the versioned envelope
of :mod:`cnnviz.core.settings_io`::

    {"kind": "cnnviz-lesson", "version": 1,
     "data": {"language": "zh", "current_tab": "explain", "app_version": "0.1.0",
              "saved_at": "2025-01-31T09:00:00", "tabs": {"explain": {...}, ...}}}

``tabs`` maps a tab key to what that tab's ``lesson_state()`` returned;
opening the file hands each part back to the tab's ``apply_lesson_state``.
Nothing in a lesson needs the network: tabs store what they need to rebuild
their state (model names and settings, not downloads).

Saving is atomic (a crash leaves the old file or the new one). Opening never
changes the file: a damaged file, a file from a newer cnnviz, or any other
JSON is reported in a sentence and left exactly as it is.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from cnnviz import __version__
from cnnviz.core.errors import CnnvizError
from cnnviz.core.safe_io import read_bytes
from cnnviz.core.settings_io import write_versioned_json

LESSON_KIND = "cnnviz-lesson"
LESSON_VERSION = 1
SUFFIX = ".cnnviz-lesson"
#: Refuse absurd files before parsing them (a lesson with training curves is a few MB).
MAX_BYTES = 256 * 2**20


def tr(text: str) -> str:
    """Translate a lesson string."""
    return QCoreApplication.translate("Lessons", text)


class LessonError(CnnvizError):
    """A lesson file cannot be read or written; the message says why and what happened to the file."""


@dataclass
class Lesson:
    """What a lesson file holds."""

    language: str = "en"
    current_tab: str = ""
    tabs: dict[str, dict[str, Any]] = field(default_factory=dict)
    app_version: str = __version__
    saved_at: str = ""

    def to_data(self) -> dict[str, Any]:
        """The ``data`` part of the file."""
        return {
            "language": self.language,
            "current_tab": self.current_tab,
            "app_version": self.app_version,
            "saved_at": self.saved_at or time.strftime("%Y-%m-%dT%H:%M:%S"),
            "tabs": self.tabs,
        }

    @classmethod
    def from_data(cls, data: Any, path: Path) -> Lesson:
        """Check the ``data`` part of a file; LessonError if it is not a lesson."""
        if not isinstance(data, dict) or not isinstance(data.get("tabs", {}), dict):
            raise LessonError(tr("{0} is damaged: its content is not a lesson. The file was not changed.")
                              .format(path.name))
        tabs = {str(k): v for k, v in data.get("tabs", {}).items() if isinstance(v, dict)}
        language = data.get("language")
        return cls(
            language=language if language in ("en", "zh") else "en",
            current_tab=str(data.get("current_tab") or ""),
            tabs=tabs,
            app_version=str(data.get("app_version") or ""),
            saved_at=str(data.get("saved_at") or ""),
        )


def with_suffix(path: str | Path) -> Path:
    """``path`` ending in ``.cnnviz-lesson`` (added when the user typed a bare name)."""
    p = Path(path)
    return p if p.name.endswith(SUFFIX) else p.with_name(p.name + SUFFIX)


def save_lesson(path: str | Path, lesson: Lesson) -> Path:
    """Write ``lesson`` to ``path`` atomically; returns the path written.

    LessonError (with the reason, nothing written) if a tab's state is not
    JSON, the folder is not writable, or ``path`` holds a newer cnnviz's file.
    """
    target = Path(path)
    try:
        json.dumps(lesson.tabs, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise LessonError(tr("The lesson cannot be saved: a tab's state is not plain data ({0}).")
                          .format(exc)) from exc
    try:
        write_versioned_json(target, LESSON_KIND, LESSON_VERSION, lesson.to_data())
    except CnnvizError as exc:
        raise LessonError(tr("The lesson was not saved: {0}").format(exc)) from exc
    except OSError as exc:
        raise LessonError(tr("The lesson was not saved to {0}: {1}.").format(target, exc.strerror or exc)) from exc
    return target


def load_lesson(path: str | Path) -> Lesson:
    """Read a lesson file; LessonError with a readable reason if it cannot be used.

    The file is only read, never renamed or rewritten, whatever is wrong with it.
    """
    target = Path(path)
    unchanged = tr("The file was not changed.")
    try:
        size = target.stat().st_size
        if size > MAX_BYTES:
            raise LessonError(tr("{0} is too large to be a lesson ({1} MB). {2}")
                              .format(target.name, size // 2**20, unchanged))
        # A FIFO or a link to /dev/zero is refused unread: reading it would hang or never end.
        raw = read_bytes(target, limit=MAX_BYTES, what="lesson file", error=LessonError)
    except FileNotFoundError as exc:
        raise LessonError(tr("{0} does not exist.").format(target)) from exc
    except OSError as exc:
        raise LessonError(tr("{0} cannot be read: {1}.").format(target, exc.strerror or exc)) from exc
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise LessonError(tr("{0} is damaged or is not a lesson file (it is not valid JSON). {1}")
                          .format(target.name, unchanged)) from exc
    if not isinstance(doc, dict) or "kind" not in doc or "version" not in doc or "data" not in doc:
        raise LessonError(tr("{0} is not a cnnviz lesson (it lacks the kind / version / data fields). {1}")
                          .format(target.name, unchanged))
    if doc["kind"] != LESSON_KIND:
        raise LessonError(tr("{0} is a “{1}” file, not a cnnviz lesson. {2}")
                          .format(target.name, doc["kind"], unchanged))
    version = doc["version"]
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise LessonError(tr("{0} is damaged: its version is not a whole number. {1}").format(target.name, unchanged))
    if version > LESSON_VERSION:
        raise LessonError(tr("{0} was saved by a newer cnnviz (lesson format {1}; this one reads up to {2}). "
                             "Update cnnviz to open it. {3}").format(target.name, version, LESSON_VERSION, unchanged))
    return Lesson.from_data(doc["data"], target)
