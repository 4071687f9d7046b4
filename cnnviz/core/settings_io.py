"""Versioned JSON files (settings, lessons) and atomic writes for every export.

A versioned file is a JSON object with an envelope::

    {"kind": "cnnviz-lesson", "version": 2, "data": {...}}

Reading (:func:`read_versioned_json`) never raises for a bad file and never
destroys one. It returns ``(data, None)`` for a good file, ``(None, None)``
when there is no file (use the defaults, nothing to report) and
``(None, message)`` when the caller must fall back to defaults and tell the
user why:

* a **corrupt** file (not JSON, not an envelope, wrong types) is moved aside
  to ``<name>.bad-<timestamp>`` so the next save cannot overwrite it and the
  user can still open it; the message names the new file;
* a file from a **future version** of cnnviz, or of another **kind**, is left
  exactly where and as it is: it is valid for the program that wrote it.
  :func:`write_versioned_json` refuses to replace it.

Writing goes through :func:`atomic_path`: the content is written to a
temporary file in the same folder, flushed to disk, then renamed over the
target with :func:`os.replace`, so a crash or a full disk leaves either the
old file or the new one, never half of each.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from cnnviz.core.errors import CnnvizError, ConfigError
from cnnviz.core.messages import message_of, msg
from cnnviz.core.safe_io import OutputPathError, check_output_file, label, read_bytes

#: Migration steps: ``MIGRATIONS[v]`` turns version-``v`` data into version ``v + 1``.
Migrations = Mapping[int, Callable[[Any], Any]]


#: Settings and lesson files larger than this are not read (left untouched, defaults used).
MAX_SETTINGS_BYTES = 256 * 2**20


class SettingsFileError(ConfigError):
    """A settings or lesson file cannot be written without destroying the user's file."""


class _Unreadable(CnnvizError):
    """A versioned file that cannot be read (its message says why)."""


# --------------------------------------------------------------------------- writing


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str], *, replace_read_only: bool = False) -> Iterator[Path]:
    """Yield a temporary path next to ``path``; on success rename it over ``path``.

    For writers that want a file name (``torch.save``, ``QImage.save``,
    ``cv2.imwrite``). If the block raises, the temporary file is removed and
    ``path`` is untouched. A new file gets the permissions ``open()`` would
    give it (umask applied); a replaced file keeps its permission bits.

    Before anything is written, :func:`cnnviz.core.safe_io.check_output_file`
    checks the target: a symlink is written through (its target is replaced,
    the link stays), a device, FIFO, socket or folder is refused, and a
    read-only file raises :class:`~cnnviz.core.safe_io.ReadOnlyFileError`
    unless ``replace_read_only`` (ask the user first).
    """
    target = check_output_file(path, replace_read_only=replace_read_only)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # umask applies
    except OSError as exc:
        raise OutputPathError(
            msg("Cannot write {path}: {reason}.", path=label(path), reason=exc.strerror or message_of(exc))
        ) from None
    os.close(fd)
    try:
        with contextlib.suppress(OSError):
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        yield tmp
        _fsync(tmp)
        try:
            os.replace(tmp, target)
        except OSError as exc:  # e.g. an immutable file that root could open
            raise OutputPathError(
                msg("Cannot replace {path}: {reason}.", path=label(path), reason=exc.strerror or message_of(exc))
            ) from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _fsync(path: Path) -> None:
    """Flush ``path`` to disk so the rename cannot outrun its content."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:  # some file systems (and Windows for read-only handles) refuse
        pass
    finally:
        os.close(fd)


def write_bytes_atomic(
    path: str | os.PathLike[str], data: bytes, *, replace_read_only: bool = False
) -> None:
    """Write ``data`` to ``path`` atomically (temporary file, then rename; see :func:`atomic_path`)."""
    with atomic_path(path, replace_read_only=replace_read_only) as tmp:
        tmp.write_bytes(data)


def write_json_atomic(
    path: str | os.PathLike[str], data: Any, *, indent: int | None = 2, replace_read_only: bool = False
) -> None:
    """Write ``data`` as UTF-8 JSON to ``path`` atomically.

    The JSON text is built first, so data that cannot be written (an object
    JSON does not know, NaN) raises :class:`ConfigError` before any file is
    touched.
    """
    try:
        text = json.dumps(data, indent=indent, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise ConfigError(
            msg("Cannot save {name} as JSON: {reason}", name=Path(path).name, reason=message_of(exc))
        ) from exc
    write_bytes_atomic(path, (text + "\n").encode("utf-8"), replace_read_only=replace_read_only)


def write_versioned_json(
    path: str | os.PathLike[str], kind: str, version: int, data: Any, *, replace_read_only: bool = False
) -> None:
    """Write ``data`` in a versioned envelope, atomically.

    Refuses (:class:`SettingsFileError`) to replace a file that another
    version or program still needs: one of another ``kind`` or of a version
    newer than ``version``. A corrupt file in the way is first moved aside,
    as :func:`read_versioned_json` does. A special file or read-only file in
    the way is refused before it is read (see :func:`atomic_path`).
    """
    # Through a symlink (dotfiles kept elsewhere): the file it points to is checked,
    # moved aside if damaged and replaced; the link stays.
    target = check_output_file(path, replace_read_only=replace_read_only)
    state, detail = _classify(target, kind)
    if state == "corrupt":
        move_aside(target)
    elif state == "ok" and detail["version"] > version:
        raise SettingsFileError(msg(
            "{path} was written by a newer cnnviz (format version {version}; "
            "this one writes version {supported}). It was not overwritten.",
            path=str(target), version=detail["version"], supported=version,
        ))
    elif state == "other-kind":
        raise SettingsFileError(msg(
            "{path} holds a {found!r} file, not {kind!r}. It was not overwritten.",
            path=str(target), found=detail["kind"], kind=kind,
        ))
    elif state == "unreadable":
        raise SettingsFileError(
            msg("{path} cannot be read ({reason}); it was not overwritten.", path=str(target), reason=detail["error"])
        )
    write_json_atomic(target, {"kind": kind, "version": int(version), "data": data},
                      replace_read_only=replace_read_only)


# --------------------------------------------------------------------------- reading


def read_versioned_json(
    path: str | os.PathLike[str],
    kind: str,
    current_version: int,
    *,
    migrations: Migrations | None = None,
) -> tuple[Any | None, str | None]:
    """Read a versioned JSON file: ``(data, None)``, or ``(None, message)`` to use defaults.

    ``(None, None)`` means there is no file. Data of an older version is
    upgraded through ``migrations`` (``migrations[v]`` maps version ``v`` to
    ``v + 1``); steps without a migration pass the data through unchanged.
    See the module docstring for what happens to a corrupt or future file.
    """
    target = Path(path)
    state, detail = _classify(target, kind)
    if state == "missing":
        return None, None
    if state == "ok":
        version = detail["version"]
        if version > current_version:
            return None, msg(
                "{path} was written by a newer cnnviz (format version {version}; this one "
                "reads up to {supported}). It was left as it is; defaults are used and "
                "the file will not be overwritten.",
                path=str(target), version=version, supported=current_version,
            )
        data = detail["data"]
        for step in range(version, current_version):
            migrate = (migrations or {}).get(step)
            if migrate is not None:
                try:
                    data = migrate(data)
                except Exception as exc:  # a migration tripping on odd data = corrupt file
                    return None, _corrupt_message(
                        target, msg("it could not be upgraded ({reason})", reason=message_of(exc))
                    )
        return data, None
    if state == "other-kind":
        return None, msg(
            "{path} is a {found!r} file, not {kind!r}. It was left as it is; defaults are used.",
            path=str(target), found=detail["kind"], kind=kind,
        )
    if state == "unreadable":
        return None, msg("{path} cannot be read ({reason}). Defaults are used.", path=str(target), reason=detail["error"])
    return None, _corrupt_message(target, detail["error"])


def _corrupt_message(target: Path, why: str) -> str:
    backup = move_aside(target)
    where = (
        msg("It was kept as {name}.", name=backup.name)
        if backup is not None
        else msg("It could not be renamed and was left as it is.")
    )
    return msg("{path} is damaged: {reason}. {where} Defaults are used.", path=str(target), reason=why, where=where)


def _classify(target: Path, kind: str) -> tuple[str, dict[str, Any]]:
    """One of missing / unreadable / corrupt / other-kind / ok, with details.

    "ok" covers every version; the caller compares it with its own.
    """
    try:
        os.stat(target)
    except FileNotFoundError:
        return "missing", {}
    except OSError:
        pass  # read_bytes words it
    try:
        raw = read_bytes(target, limit=MAX_SETTINGS_BYTES, what="settings file", error=_Unreadable)
    except _Unreadable as exc:  # a folder, a FIFO, too large, no permission: do not touch it
        return "unreadable", {"error": message_of(exc)}
    try:
        doc = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return "corrupt", {"error": msg("it is not UTF-8 text")}
    except (ValueError, RecursionError) as exc:
        return "corrupt", {"error": msg("it is not valid JSON ({reason})", reason=_short(exc))}
    if not isinstance(doc, dict):
        return "corrupt", {"error": msg("it holds a JSON {type}, not an object", type=type(doc).__name__)}
    if "kind" not in doc or "version" not in doc or "data" not in doc:
        return "corrupt", {"error": msg("it lacks the kind / version / data fields")}
    file_kind, version = doc["kind"], doc["version"]
    if not isinstance(file_kind, str):
        return "corrupt", {"error": msg("its kind is not text")}
    if file_kind != kind:
        return "other-kind", {"kind": file_kind}
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        return "corrupt", {"error": msg("its version {version!r} is not a positive whole number", version=version)}
    return "ok", {"version": version, "data": doc["data"]}


def _short(exc: BaseException) -> str:
    return str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__


def move_aside(target: Path) -> Path | None:
    """Rename ``target`` to ``<name>.bad-<timestamp>`` (never over an existing file); None if it cannot be moved."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for n in range(1000):
        suffix = f".bad-{stamp}" + (f"-{n}" if n else "")
        backup = target.with_name(target.name + suffix)
        if backup.exists():
            continue
        try:
            # os.link fails if the backup appeared meanwhile, so nothing is overwritten
            os.link(target, backup)
        except FileExistsError:
            continue
        except OSError:  # no hard links here (some file systems): plain rename
            if backup.exists():
                continue
            try:
                os.rename(target, backup)
            except OSError:
                return None
            return backup
        try:
            target.unlink()
        except OSError:
            with contextlib.suppress(OSError):
                backup.unlink()
            return None
        return backup
    return None
