"""Reading and writing the user's files without hanging, flooding memory or breaking them.

Every reader and writer of a file the user names (images, weights, lessons,
settings, training folders, command-line outputs) goes through here.

Reading
    :func:`check_regular_file` refuses anything that is not a regular file
    *before* it is opened: a folder, a named pipe (FIFO: reading it waits
    forever for a writer), a device (``/dev/zero`` and ``/dev/urandom`` never
    end), a socket, and a symlink to any of those. :func:`read_bytes` then
    opens without blocking, checks the open file again (the path may have
    changed in between) and reads at most the format's limit: a file that is
    larger, or grows while it is read, is refused rather than read to the end.

Writing
    :func:`check_output_file` says where a write to ``path`` lands and refuses
    up front, before any work starts: a symlink is followed, so the file it
    points to is written (the link stays); a device, FIFO, socket or folder in
    the way is refused (``--out /dev/full`` must not turn the device into a
    regular file); a read-only file is refused with :class:`ReadOnlyFileError`
    unless the caller passes ``replace_read_only=True`` (the GUI asks "replace
    this read-only file?" and calls again); the folder must exist or be
    creatable, and writable, which is tested by creating and removing a
    probe file, the only test that also catches read-only mounts, immutable
    folders and a root user. :func:`check_output_folder` does the same for an
    output folder. :func:`cnnviz.core.settings_io.atomic_path` calls
    :func:`check_output_file`, so every atomic write gets these rules.

Errors are :class:`~cnnviz.core.errors.CnnvizError` subclasses with a message
naming the path and why; readers pass ``error=`` to raise their own type
(ImageError, WeightsError, ...). The write errors also derive from
:class:`PermissionError` / :class:`OSError`, so older ``except OSError``
handlers keep working.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from cnnviz.core.errors import CnnvizError, shorten
from cnnviz.core.messages import Text, message_of, msg

_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_O_BINARY = getattr(os, "O_BINARY", 0)  # Windows
_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


class FileAccessError(CnnvizError):
    """A file cannot be read: missing, not a regular file, too large or unreadable."""


class OutputPathError(CnnvizError, OSError):
    """A path cannot be written: a special file or folder in the way, or no permission."""


class ReadOnlyFileError(OutputPathError, PermissionError):
    """The file to be replaced is read-only; pass ``replace_read_only=True`` after asking the user."""

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path


def label(path: str | os.PathLike[str]) -> str:
    """A path as messages show it: quoted, and shortened when absurdly long."""
    return f"'{shorten(os.fspath(path), 160)}'"


#: What a file is, as the ``what=`` of the readers and writers: the noun, capitalised and plural
#: (English grammar needs all three; each is its own message so that it can be translated).
_NOUNS: dict[str, tuple[Text, Text, Text]] = {
    "file": (msg("file"), msg("File"), msg("files")),
    "image file": (msg("image file"), msg("Image file"), msg("image files")),
    "weights file": (msg("weights file"), msg("Weights file"), msg("weights files")),
    "lesson file": (msg("lesson file"), msg("Lesson file"), msg("lesson files")),
    "settings file": (msg("settings file"), msg("Settings file"), msg("settings files")),
    "folder": (msg("folder"), msg("Folder"), msg("folders")),
    "output folder": (msg("output folder"), msg("Output folder"), msg("output folders")),
}


def _noun(what: str) -> str:
    """``what`` as a translatable message when it is one of the known nouns (else as given)."""
    return _NOUNS[what][0] if what in _NOUNS else what


def _capitalized(what: str) -> str:
    return _NOUNS[what][1] if what in _NOUNS else what.capitalize()


def _plural(what: str) -> str:
    return _NOUNS[what][2] if what in _NOUNS else f"{what}s"


def kind_of(mode: int) -> str | None:
    """None for a regular file, else what the file is, for a message ("a named pipe (FIFO)")."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return msg("a folder")
    if stat.S_ISFIFO(mode):
        return msg("a named pipe (FIFO)")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return msg("a device")
    if stat.S_ISSOCK(mode):
        return msg("a socket")
    return msg("not a regular file")


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.ENAMETOOLONG:
        return msg("the name is longer than the file system allows")
    if exc.errno == errno.ELOOP:
        return msg("it is a loop of symbolic links")
    return exc.strerror or type(exc).__name__


def _points_to(path: Path) -> str:
    """`` (a link to '/dev/zero')`` for a symlink, else empty."""
    try:
        if path.is_symlink():
            return msg(" (a link to {target})", target=label(os.path.realpath(path)))
    except OSError:
        pass
    return ""


# --------------------------------------------------------------------------- reading


def check_regular_file(
    path: str | os.PathLike[str], *, what: str = "file", error: type[CnnvizError] = FileAccessError
) -> os.stat_result:
    """The ``stat`` of ``path`` if it is a regular file (symlinks followed), else ``error``.

    Nothing is opened: a FIFO or a device is refused by its type alone.
    """
    p = Path(os.fspath(path))
    try:
        st = os.stat(p)
    except FileNotFoundError:
        raise error(msg("{What} not found: {path}.", What=_capitalized(what), path=label(p))) from None
    except OSError as exc:
        raise error(msg(
            "Cannot open {what} {path}: {reason}.", what=_noun(what), path=label(p), reason=_os_reason(exc)
        )) from None
    kind = kind_of(st.st_mode)
    if kind is not None:
        raise error(msg(
            "{path}{link} is {kind}, not a {what}; cnnviz reads only regular files.",
            path=label(p), link=_points_to(p), kind=kind, what=_noun(what),
        ))
    return st


@contextlib.contextmanager
def open_regular(
    path: str | os.PathLike[str],
    *,
    limit: int | None = None,
    what: str = "file",
    error: type[CnnvizError] = FileAccessError,
) -> Iterator[BinaryIO]:
    """Open a regular file for reading, refusing special files and files over ``limit`` bytes.

    The file is opened without blocking (a FIFO swapped in after the check
    cannot hang the open) and checked again through its descriptor.
    """
    st = check_regular_file(path, what=what, error=error)
    _check_size(path, st.st_size, limit, what, error)
    try:
        fd = os.open(os.fspath(path), os.O_RDONLY | _O_NONBLOCK | _O_BINARY | _O_CLOEXEC)
    except OSError as exc:
        raise error(msg(
            "Cannot open {what} {path}: {reason}.", what=_noun(what), path=label(path), reason=_os_reason(exc)
        )) from None
    try:
        st = os.fstat(fd)
        kind = kind_of(st.st_mode)
        if kind is not None:
            raise error(msg("{path} is {kind}, not a regular file.", path=label(path), kind=kind))
        _check_size(path, st.st_size, limit, what, error)
        if _O_NONBLOCK:  # a regular file: blocking reads are what file objects expect
            os.set_blocking(fd, True)
        handle = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with handle:
        yield handle


def _check_size(
    path: str | os.PathLike[str], size: int, limit: int | None, what: str, error: type[CnnvizError]
) -> None:
    if limit is not None and size > limit:
        have, most = format_bytes(size), format_bytes(limit)
        if have == most:  # too close to tell apart once rounded
            have, most = msg("{count:,} bytes", count=size), msg("{count:,} bytes", count=limit)
        raise error(msg(
            "{path} is {size}; cnnviz reads {what} of at most {limit}.",
            path=label(path), size=have, what=_plural(what), limit=most,
        ))


def read_bytes(
    path: str | os.PathLike[str],
    *,
    limit: int,
    what: str = "file",
    error: type[CnnvizError] = FileAccessError,
) -> bytes:
    """The content of the regular file ``path``, at most ``limit`` bytes (else ``error``)."""
    with open_regular(path, limit=limit, what=what, error=error) as fh:
        try:
            # read(n) allocates n bytes up front: ask for the size the file has, then
            # check in small steps that it did not grow past the limit meanwhile.
            data = fh.read(os.fstat(fh.fileno()).st_size)
            while len(data) <= limit:
                more = fh.read(min(1 << 20, limit + 1 - len(data)))
                if not more:
                    break
                data += more
        except OSError as exc:
            raise error(msg(
                "Cannot read {what} {path}: {reason}.", what=_noun(what), path=label(path), reason=_os_reason(exc)
            )) from None
    _check_size(path, len(data), limit, what, error)
    return data


def format_bytes(n: float) -> str:
    """``1536`` -> ``1.5 KiB``: a size for a person."""
    value = float(n)
    for unit in ("bytes", "KiB", "MiB", "GiB", "TiB", "PiB"):
        if abs(value) < 1024 or unit == "PiB":
            return msg("{count} bytes", count=int(value)) if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} PiB"  # pragma: no cover


# --------------------------------------------------------------------------- writing


def check_output_folder(
    folder: str | os.PathLike[str], *, what: str = "output folder", create: bool = False
) -> Path:
    """Check that files can be created in ``folder`` (or that it can be created), before any work.

    Returns the folder with symlinks resolved. With ``create`` the folder
    (and its parents) is made. The check creates and removes a probe file:
    permission bits alone miss read-only mounts, immutable folders and root.
    """
    given = Path(os.fspath(folder))
    try:
        real = Path(os.path.realpath(given))
    except OSError as exc:
        raise OutputPathError(_cannot("use", what, given, _os_reason(exc))) from None
    existing = real
    try:
        while not existing.exists():  # the nearest folder that is there
            if existing.parent == existing:
                break
            existing = existing.parent
        st = os.stat(existing)
    except OSError as exc:
        raise OutputPathError(_cannot("use", what, given, _os_reason(exc))) from None
    if not stat.S_ISDIR(st.st_mode):
        where = "" if existing == real else msg(" ({path} is in the way)", path=label(existing))
        kind = kind_of(st.st_mode) or msg("a file")
        raise OutputPathError(msg(
            "Cannot use {what} {path}{where}: it is {kind}, not a folder.",
            what=_noun(what), path=label(given), where=where, kind=kind,
        ))
    _probe_writable(existing, given, what)
    if create and existing != real:
        try:
            real.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputPathError(_cannot("create", what, given, _os_reason(exc))) from None
    return real


def _cannot(verb: str, what: str, path: Path, reason: str) -> str:
    """The message 'Cannot <verb> <what> <path>: <reason>.' of the writers."""
    values = {"what": _noun(what), "path": label(path), "reason": reason}
    if verb == "use":
        return msg("Cannot use {what} {path}: {reason}.", **values)
    if verb == "create":
        return msg("Cannot create {what} {path}: {reason}.", **values)
    return msg("Cannot write {what} {path}: {reason}.", **values)


def _probe_writable(folder: Path, given: Path, what: str) -> None:
    probe = folder / f".cnnviz-write-test-{secrets.token_hex(4)}"
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_CLOEXEC, 0o600)
    except OSError as exc:
        if folder == given:
            raise OutputPathError(_cannot("write", what, given, _os_reason(exc))) from None
        raise OutputPathError(msg(
            "Cannot write {what} {path} (in {folder}): {reason}.",
            what=_noun(what), path=label(given), folder=label(folder), reason=_os_reason(exc),
        )) from None
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(probe)


def check_output_file(
    path: str | os.PathLike[str],
    *,
    what: str = "file",
    replace_read_only: bool = False,
) -> Path:
    """Where writing ``path`` lands (symlinks followed), after checking it can be written.

    Raises :class:`OutputPathError` for a folder, device, FIFO or socket in
    the way or an unwritable folder, and :class:`ReadOnlyFileError` for an
    existing read-only file unless ``replace_read_only``. Nothing is written
    except a probe file that is removed at once; a missing folder is not
    created (the writer does that).
    """
    given = Path(os.fspath(path))
    try:
        real = Path(os.path.realpath(given))
        st: os.stat_result | None = os.stat(real)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputPathError(_cannot("write", what, given, _os_reason(exc))) from None
    if st is not None:
        kind = kind_of(st.st_mode)
        if kind is not None:
            values = {"what": _noun(what), "path": label(given), "link": _points_to(given), "kind": kind}
            raise OutputPathError(
                msg("Cannot write {what} {path}{link}: it is {kind}, not a regular file; "
                    "give a file name inside it.", **values)
                if stat.S_ISDIR(st.st_mode)
                else msg("Cannot write {what} {path}{link}: it is {kind}, not a regular file.", **values)
            )
        if not st.st_mode & 0o222 and not replace_read_only:
            raise ReadOnlyFileError(
                msg("{path} is read-only; cnnviz does not replace it. Make it writable or "
                    "choose another name.", path=label(given)),
                real,
            )
        if st.st_mode & 0o222:
            _probe_file(real, given, what)
    try:
        check_output_folder(real.parent, what="folder")
    except OutputPathError as exc:
        raise OutputPathError(msg(
            "Cannot write {what} {path}: {reason}", what=_noun(what), path=label(given), reason=message_of(exc)
        )) from None
    return real


def _probe_file(real: Path, given: Path, what: str) -> None:
    """Open an existing file for writing without changing it (catches immutable files)."""
    try:
        fd = os.open(real, os.O_WRONLY | _O_NONBLOCK | _O_CLOEXEC)
    except PermissionError as exc:  # mode bits allow it: an immutable or locked file
        raise OutputPathError(msg(
            "Cannot write {what} {path}: {reason} (is it locked or immutable?).",
            what=_noun(what), path=label(given), reason=_os_reason(exc),
        )) from None
    except OSError as exc:
        raise OutputPathError(_cannot("write", what, given, _os_reason(exc))) from None
    os.close(fd)
