"""Lesson files: one self-contained file that brings back every tab, on any machine.

A lesson (``*.cnnviz-lesson``) is a zip archive (format 2)::

    lesson.json                 {"kind": "cnnviz-lesson", "version": 2, "data": {...}}
    attachments/<sha256>        images and weights the lesson needs, by content hash

``data`` holds the language, the tab in front and each tab's part
(``data["tabs"][key]``); ``data["attachments"]`` lists every attachment's
name, kind and size. Tabs refer to attachments by their hash, so a lesson
copied to the classroom PC keeps its pictures and the weights trained in the
app (format 1, plain JSON with absolute paths, is still read).

A lesson is someone else's file, so reading it is bounded and never runs
anything: only a regular file is opened (never a FIFO or a device), the
archive's declared sizes are checked before anything is decompressed, only
the expected member names are read, and attachments are handed out as bytes
(weights are loaded by the caller with ``torch.load(weights_only=True)``).
Writing is atomic; a file from a newer cnnviz, or of another kind, is never
overwritten; a symlink is written through to its target; a FIFO or device is
refused; a read-only file is replaced only when the caller says so.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import stat
import time
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cnnviz.core.errors import CnnvizError
from cnnviz.core.messages import Text, message_of, msg

LESSON_KIND = "cnnviz-lesson"
LESSON_VERSION = 2
SUFFIX = ".cnnviz-lesson"
#: The whole lesson file, and everything it decompresses to.
MAX_BYTES = 2 * 2**30
#: The JSON part (settings, curves, view state) decompresses to at most this.
MAX_JSON_BYTES = 128 * 2**20
MAX_MEMBERS = 4096
_JSON_NAME = "lesson.json"
_ATTACHMENT = re.compile(r"attachments/([0-9a-f]{64})")
ATTACHMENT_KINDS = ("image", "weights", "checkpoint", "data")


class LessonFileError(CnnvizError):
    """A lesson file cannot be read or written; the message says why and what happened to the file."""


class ReadOnlyLessonError(LessonFileError):
    """The target file is read-only; replace it only if the user agrees."""


class ForeignFileError(LessonFileError):
    """The file is valid for someone else (a newer cnnviz, another kind of file): never overwritten.

    ``reason`` is the first sentence of the message (without its full stop), to quote it elsewhere.
    """

    def __init__(self, message: str, reason: str | None = None) -> None:
        super().__init__(message)
        self.reason = message if reason is None else reason


def _unchanged() -> Text:
    return msg("The file was not changed.")


@dataclass(frozen=True)
class Attachment:
    """One file a lesson carries: its bytes, a display name and what it is."""

    data: bytes
    name: str
    kind: str

    @property
    def ref(self) -> str:
        """The attachment's id: the SHA-256 of its bytes."""
        return hashlib.sha256(self.data).hexdigest()


@dataclass
class Attachments:
    """The attachments of one lesson, by reference (tabs add and read them)."""

    items: dict[str, Attachment] = field(default_factory=dict)

    def add(self, data: bytes, name: str, kind: str) -> str:
        """Keep ``data`` (once, whatever how many tabs add it) and return its reference."""
        if kind not in ATTACHMENT_KINDS:
            raise ValueError(f"unknown attachment kind {kind!r}")
        item = Attachment(bytes(data), _clean_name(name), kind)
        self.items.setdefault(item.ref, item)
        return item.ref

    def get(self, ref: object, kind: str | None = None) -> Attachment | None:
        """The attachment ``ref`` (of ``kind`` when given), or None."""
        item = self.items.get(ref) if isinstance(ref, str) else None
        return item if item is not None and (kind is None or item.kind == kind) else None

    def total_bytes(self) -> int:
        """The size of every attachment together."""
        return sum(len(a.data) for a in self.items.values())

    def __iter__(self) -> Iterator[Attachment]:
        return iter(self.items.values())


@dataclass
class LessonDocument:
    """What a lesson file holds."""

    language: str = "en"
    current_tab: str = ""
    tabs: dict[str, dict[str, Any]] = field(default_factory=dict)
    attachments: Attachments = field(default_factory=Attachments)
    app_version: str = ""
    saved_at: str = ""
    format: int = LESSON_VERSION


def _clean_name(name: str) -> str:
    """A display name without folders or control characters, at most 120 characters."""
    base = re.split(r"[\\/]", str(name))[-1]
    base = "".join(ch for ch in base if ch.isprintable())
    return base[:120] or "attachment"


def with_suffix(path: str | os.PathLike[str]) -> Path:
    """``path`` ending in ``.cnnviz-lesson`` (added when the user typed a bare name)."""
    p = Path(path)
    return p if p.name.endswith(SUFFIX) else p.with_name(p.name + SUFFIX)


# ---------------------------------------------------------------- reading


def _regular_file(path: Path) -> os.stat_result:
    """``stat`` of ``path`` after checking it is a regular file (following a symlink); LessonFileError if not."""
    from cnnviz.core.safe_io import check_regular_file

    return check_regular_file(path, what="lesson file", error=LessonFileError)


def read_lesson(path: str | os.PathLike[str]) -> LessonDocument:
    """Read a lesson file (format 1 or 2); LessonFileError with a readable reason if it cannot be used.

    The file is only read, never renamed or rewritten, whatever is wrong with it.
    """
    target = Path(path)
    unchanged = _unchanged()
    st = _regular_file(target)
    if st.st_size > MAX_BYTES:
        raise LessonFileError(msg(
            "{name} is too large to be a lesson ({size:.0f} MB; at most {limit:.0f} GB). {unchanged}",
            name=target.name, size=st.st_size / 2**20, limit=MAX_BYTES / 2**30, unchanged=unchanged,
        ))
    try:
        with open(target, "rb") as f:
            if f.read(4).startswith(b"PK\x03\x04"):
                f.seek(0)
                return _read_zip(target, f, unchanged)
            f.seek(0)
            raw = f.read(MAX_JSON_BYTES + 1)
    except OSError as exc:
        raise LessonFileError(
            msg("{path} cannot be read: {reason}.", path=str(target), reason=exc.strerror or message_of(exc))
        ) from None
    if len(raw) > MAX_JSON_BYTES:
        raise LessonFileError(msg(
            "{name} is too large to be a lesson in the old (JSON) format. {unchanged}",
            name=target.name, unchanged=unchanged,
        ))
    return _from_envelope(target, _parse_json(target, raw, unchanged), Attachments(), unchanged)


def _parse_json(target: Path, raw: bytes, unchanged: Text) -> Any:
    try:
        # utf-8-sig: a lesson saved by an editor that writes a byte-order mark is still a lesson
        return json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise LessonFileError(msg(
            "{name} is damaged or is not a lesson file (it is not valid JSON). {unchanged}",
            name=target.name, unchanged=unchanged,
        )) from None


def _read_zip(target: Path, file: io.BufferedReader, unchanged: Text) -> LessonDocument:
    try:
        archive = zipfile.ZipFile(file)
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise LessonFileError(msg(
            "{name} is damaged (its archive cannot be read). {unchanged}", name=target.name, unchanged=unchanged
        )) from None
    if len(infos) > MAX_MEMBERS:
        raise LessonFileError(msg(
            "{name} holds too many files to be a lesson. {unchanged}", name=target.name, unchanged=unchanged
        ))
    declared = sum(max(0, i.file_size) for i in infos)
    if declared > MAX_BYTES:
        raise LessonFileError(msg(
            "{name} would unpack to {size:.1f} GB, more than a lesson may hold. {unchanged}",
            name=target.name, size=declared / 2**30, unchanged=unchanged,
        ))
    by_name = {i.filename: i for i in infos}
    info = by_name.get(_JSON_NAME)
    if info is None:
        raise LessonFileError(msg(
            "{name} is not a cnnviz lesson (it has no {member}). {unchanged}",
            name=target.name, member=_JSON_NAME, unchanged=unchanged,
        ))
    if info.file_size > MAX_JSON_BYTES:
        raise LessonFileError(msg(
            "{name} is damaged: its {member} is too large. {unchanged}",
            name=target.name, member=_JSON_NAME, unchanged=unchanged,
        ))
    attachments = Attachments()
    try:
        doc = _parse_json(target, _read_member(archive, info), unchanged)
        listed = doc.get("data", {}).get("attachments", {}) if isinstance(doc, dict) else {}
        listed = listed if isinstance(listed, dict) else {}
        for name, member in by_name.items():
            match = _ATTACHMENT.fullmatch(name)
            if match is None:
                continue  # anything else in the archive is ignored, never read
            data = _read_member(archive, member)
            ref = match.group(1)
            if hashlib.sha256(data).hexdigest() != ref:
                raise LessonFileError(msg(
                    "{name} is damaged: an attachment does not match its checksum. {unchanged}",
                    name=target.name, unchanged=unchanged,
                ))
            listed_meta = listed.get(ref)
            meta: dict[str, Any] = listed_meta if isinstance(listed_meta, dict) else {}
            kind = str(meta["kind"]) if meta.get("kind") in ATTACHMENT_KINDS else "data"
            attachments.items[ref] = Attachment(data, _clean_name(str(meta.get("name") or ref[:12])), kind)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        if isinstance(exc, LessonFileError):
            raise
        raise LessonFileError(msg(
            "{name} is damaged (an archive member cannot be read). {unchanged}",
            name=target.name, unchanged=unchanged,
        )) from None
    return _from_envelope(target, doc, attachments, unchanged)


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """A member's bytes, never more than it declared (a lying header cannot unpack more)."""
    with archive.open(info) as f:
        data = f.read(info.file_size + 1)
    if len(data) != info.file_size:
        raise LessonFileError(msg("an archive member is not the size it declares"))
    return data


def _from_envelope(target: Path, doc: Any, attachments: Attachments, unchanged: Text) -> LessonDocument:
    if not isinstance(doc, dict) or "kind" not in doc or "version" not in doc or "data" not in doc:
        reason = msg("{name} is not a cnnviz lesson (it lacks the kind / version / data fields)", name=target.name)
        raise ForeignFileError(msg("{reason}. {unchanged}", reason=reason, unchanged=unchanged), reason)
    if doc["kind"] != LESSON_KIND:
        reason = msg("{name} is a “{kind}” file, not a cnnviz lesson", name=target.name, kind=doc["kind"])
        raise ForeignFileError(msg("{reason}. {unchanged}", reason=reason, unchanged=unchanged), reason)
    version = doc["version"]
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise LessonFileError(msg(
            "{name} is damaged: its version is not a whole number. {unchanged}",
            name=target.name, unchanged=unchanged,
        ))
    if version > LESSON_VERSION:
        reason = msg(
            "{name} was saved by a newer cnnviz (lesson format {version}; this one reads up to {supported})",
            name=target.name, version=version, supported=LESSON_VERSION,
        )
        raise ForeignFileError(
            msg("{reason}. Update cnnviz to open it. {unchanged}", reason=reason, unchanged=unchanged), reason
        )
    data = doc["data"]
    if not isinstance(data, dict) or not isinstance(data.get("tabs", {}), dict):
        raise LessonFileError(msg(
            "{name} is damaged: its content is not a lesson. {unchanged}", name=target.name, unchanged=unchanged
        ))
    language = data.get("language")
    return LessonDocument(
        language=language if language in ("en", "zh") else "en",
        current_tab=str(data.get("current_tab") or ""),
        tabs={str(k): v for k, v in data.get("tabs", {}).items() if isinstance(v, dict)},
        attachments=attachments,
        app_version=str(data.get("app_version") or ""),
        saved_at=str(data.get("saved_at") or ""),
        format=version,
    )


# ---------------------------------------------------------------- writing


def lesson_bytes(lesson: LessonDocument) -> bytes:
    """The file ``lesson`` is saved as (a zip archive); LessonFileError if a tab's state is not plain data."""
    used = {ref: a for ref, a in lesson.attachments.items.items() if _referenced(ref, lesson.tabs)}
    data = {
        "language": lesson.language,
        "current_tab": lesson.current_tab,
        "app_version": lesson.app_version,
        "saved_at": lesson.saved_at or time.strftime("%Y-%m-%dT%H:%M:%S"),
        "tabs": lesson.tabs,
        "attachments": {ref: {"name": a.name, "kind": a.kind, "bytes": len(a.data)} for ref, a in used.items()},
    }
    try:
        text = json.dumps({"kind": LESSON_KIND, "version": LESSON_VERSION, "data": data},
                          ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError) as exc:
        raise LessonFileError(msg(
            "The lesson cannot be saved: a tab's state is not plain data ({reason}).", reason=message_of(exc)
        )) from None
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(_JSON_NAME, text.encode("utf-8"), compress_type=zipfile.ZIP_DEFLATED)
        for ref, a in used.items():
            # images and weights are compressed already: stored as they are, fast to write and read
            archive.writestr(f"attachments/{ref}", a.data, compress_type=zipfile.ZIP_STORED)
    return out.getvalue()


def _referenced(ref: str, tabs: Mapping[str, Any]) -> bool:
    """True when some tab's state mentions ``ref`` (unused attachments are not written)."""
    stack: list[Any] = [tabs]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif item == ref:
            return True
    return False


def write_lesson(path: str | os.PathLike[str], lesson: LessonDocument, *, replace_read_only: bool = False) -> Path:
    """Write ``lesson`` to ``path`` atomically; returns the file written (a symlink's target).

    LessonFileError (nothing written) when the content is not plain data, the
    target is a folder, pipe or device, holds a newer cnnviz's lesson or
    another kind of file, or cannot be written; ReadOnlyLessonError for a
    read-only file unless ``replace_read_only``.
    """
    from cnnviz.core.settings_io import atomic_path

    target = Path(path)
    payload = lesson_bytes(lesson)
    if target.is_symlink():
        target = target.resolve()
    if target.exists():
        _check_replaceable(target, replace_read_only)
    try:
        with atomic_path(target, replace_read_only=replace_read_only) as tmp:
            tmp.write_bytes(payload)
            if replace_read_only and target.exists():  # the new file may be written again next time
                os.chmod(tmp, stat.S_IMODE(target.stat().st_mode) | stat.S_IWUSR)
    except CnnvizError as exc:  # safe_io's refusals (a special file, a folder that cannot be written)
        raise LessonFileError(msg("The lesson was not saved: {reason}", reason=message_of(exc))) from None
    except OSError as exc:
        raise LessonFileError(msg(
            "The lesson was not saved to {path}: {reason}.", path=str(target), reason=exc.strerror or message_of(exc)
        )) from None
    return target


def _check_replaceable(target: Path, replace_read_only: bool) -> None:
    """Refuse to replace a file someone else needs; keep a damaged one aside before it is replaced."""
    from cnnviz.core.settings_io import move_aside

    st = _regular_file(target)
    read_only = not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(target, os.W_OK)
    if read_only and not replace_read_only:  # the mode bits too: root may write anything, yet it was marked
        raise ReadOnlyLessonError(msg("{path} is read-only.", path=str(target)))
    if not st.st_size:
        return
    try:
        read_lesson(target)
    except ForeignFileError as exc:
        raise LessonFileError(
            msg("{path} was not overwritten: {reason}.", path=str(target), reason=exc.reason)
        ) from None
    except LessonFileError:
        move_aside(target)  # damaged: keep it as <name>.bad-<time> rather than destroy it
