"""Versioned settings / lesson files and atomic writes: the user's file is never lost."""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import pytest

from cnnviz.core.errors import ConfigError
from cnnviz.core.settings_io import (
    SettingsFileError,
    atomic_path,
    read_versioned_json,
    write_bytes_atomic,
    write_json_atomic,
    write_versioned_json,
)

KIND = "cnnviz-settings"


def envelope(version: int, data: object, kind: str = KIND) -> bytes:
    return json.dumps({"kind": kind, "version": version, "data": data}).encode()


def leftovers(folder: Path, keep: set[str]) -> set[str]:
    return {p.name for p in folder.iterdir()} - keep


# ------------------------------------------------------------------ atomic writes


def test_write_json_atomic_round_trip_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "settings.json"
    write_json_atomic(target, {"a": 1, "名": "卷积"})
    assert json.loads(target.read_text("utf-8")) == {"a": 1, "名": "卷积"}
    write_json_atomic(target, [1, 2, 3])
    assert json.loads(target.read_text("utf-8")) == [1, 2, 3]
    assert leftovers(target.parent, {"settings.json"}) == set()


@pytest.mark.parametrize("bad", [{"x": object()}, {"x": float("nan")}])
def test_unserialisable_data_leaves_the_old_file(tmp_path: Path, bad: object) -> None:
    target = tmp_path / "settings.json"
    target.write_bytes(b'{"old": true}')
    with pytest.raises(ConfigError):
        write_json_atomic(target, bad)
    assert target.read_bytes() == b'{"old": true}'
    assert leftovers(tmp_path, {"settings.json"}) == set()


def test_failed_rename_keeps_old_file_and_removes_temp(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "export.csv"
    target.write_bytes(b"old")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_bytes_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path, {"export.csv"}) == set()


def test_error_inside_atomic_path_block_keeps_old_file(tmp_path: Path) -> None:
    target = tmp_path / "weights.pt"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_bytes(b"half")
        assert tmp.parent == tmp_path  # same folder, so the rename is atomic
        raise RuntimeError("writer crashed")
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path, {"weights.pt"}) == set()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_new_file_gets_the_same_mode_as_open_would_give(tmp_path: Path) -> None:
    reference = tmp_path / "plain.txt"
    reference.write_text("x")  # open() applies the umask
    target = tmp_path / "atomic.txt"
    write_bytes_atomic(target, b"x")
    assert stat.S_IMODE(target.stat().st_mode) == stat.S_IMODE(reference.stat().st_mode)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "lesson.json"
    target.write_text("{}")
    target.chmod(0o640)
    write_json_atomic(target, {"a": 1})
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


# ------------------------------------------------------------------ reading


def test_missing_file_means_defaults_without_a_message(tmp_path: Path) -> None:
    assert read_versioned_json(tmp_path / "none.json", KIND, 1) == (None, None)


def test_round_trip_through_versioned_writer(tmp_path: Path) -> None:
    target = tmp_path / "settings.json"
    write_versioned_json(target, KIND, 3, {"lr": 0.01, "tabs": ["inspect"]})
    assert read_versioned_json(target, KIND, 3) == ({"lr": 0.01, "tabs": ["inspect"]}, None)


def test_migrations_run_in_order_from_the_file_version(tmp_path: Path) -> None:
    target = tmp_path / "settings.json"
    target.write_bytes(envelope(1, {"steps": []}))
    migrations = {
        1: lambda d: {**d, "steps": [*d["steps"], "1->2"]},
        2: lambda d: {**d, "steps": [*d["steps"], "2->3"]},
        3: lambda d: {**d, "steps": [*d["steps"], "3->4 must not run"]},
    }
    data, message = read_versioned_json(target, KIND, 3, migrations=migrations)
    assert message is None
    assert data == {"steps": ["1->2", "2->3"]}


CORRUPT = [
    pytest.param(b"{not json", id="not-json"),
    pytest.param(b'{"kind": "cnnviz-settings", "version": 1, "data": {', id="truncated"),
    pytest.param(b"\xff\xfe\x00garbage", id="not-utf8"),
    pytest.param(b"[1, 2, 3]", id="array"),
    pytest.param(b'{"version": 1, "data": {}}', id="no-kind"),
    pytest.param(b'{"kind": "cnnviz-settings", "data": {}}', id="no-version"),
    pytest.param(b'{"kind": "cnnviz-settings", "version": "2", "data": {}}', id="version-text"),
    pytest.param(b'{"kind": "cnnviz-settings", "version": true, "data": {}}', id="version-bool"),
    pytest.param(b'{"kind": "cnnviz-settings", "version": 0, "data": {}}', id="version-zero"),
    pytest.param(b'{"kind": 5, "version": 1, "data": {}}', id="kind-number"),
    pytest.param(b"", id="empty"),
]


@pytest.mark.parametrize("raw", CORRUPT)
def test_corrupt_file_is_moved_aside_byte_for_byte(tmp_path: Path, raw: bytes) -> None:
    target = tmp_path / "settings.json"
    target.write_bytes(raw)
    data, message = read_versioned_json(target, KIND, 1)
    assert data is None
    assert not target.exists()
    backups = list(tmp_path.glob("settings.json.bad-*"))
    assert len(backups) == 1
    assert backups[0].read_bytes() == raw
    assert message is not None and backups[0].name in message and "damaged" in message


def test_two_corrupt_files_in_the_same_second_get_distinct_backups(tmp_path: Path) -> None:
    target = tmp_path / "settings.json"
    for raw in (b"first", b"second", b"third"):
        target.write_bytes(raw)
        read_versioned_json(target, KIND, 1)
    contents = sorted(p.read_bytes() for p in tmp_path.glob("settings.json.bad-*"))
    assert contents == [b"first", b"second", b"third"]


def test_future_version_is_reported_and_left_untouched(tmp_path: Path) -> None:
    target = tmp_path / "settings.json"
    raw = envelope(7, {"from": "the future"})
    target.write_bytes(raw)
    before = target.stat()
    data, message = read_versioned_json(target, KIND, 2)
    assert data is None
    assert message is not None and "version 7" in message and "reads up to 2" in message
    assert target.read_bytes() == raw
    assert target.stat().st_mtime_ns == before.st_mtime_ns
    assert leftovers(tmp_path, {"settings.json"}) == set()


def test_file_of_another_kind_is_left_untouched(tmp_path: Path) -> None:
    target = tmp_path / "settings.json"
    raw = envelope(1, {"title": "A lesson"}, kind="cnnviz-lesson")
    target.write_bytes(raw)
    data, message = read_versioned_json(target, KIND, 1)
    assert data is None and message is not None and "cnnviz-lesson" in message
    assert target.read_bytes() == raw


def test_unreadable_path_is_reported_and_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / "settings.json"
    folder.mkdir()
    data, message = read_versioned_json(folder, KIND, 1)
    assert data is None and message is not None and "cannot be read" in message
    assert folder.is_dir()


def test_failing_migration_counts_as_damage(tmp_path: Path) -> None:
    target = tmp_path / "settings.json"
    target.write_bytes(envelope(1, ["not", "a", "dict"]))
    data, message = read_versioned_json(target, KIND, 2, migrations={1: lambda d: d["key"]})
    assert data is None and message is not None and "could not be upgraded" in message
    assert [p.read_bytes() for p in tmp_path.glob("settings.json.bad-*")] == [
        envelope(1, ["not", "a", "dict"])
    ]


# ------------------------------------------------------------------ versioned writer


def test_writer_refuses_to_overwrite_a_newer_file(tmp_path: Path) -> None:
    target = tmp_path / "settings.json"
    raw = envelope(5, {"newer": True})
    target.write_bytes(raw)
    with pytest.raises(SettingsFileError, match="newer cnnviz"):
        write_versioned_json(target, KIND, 4, {"older": True})
    assert target.read_bytes() == raw


def test_writer_refuses_to_overwrite_another_kind(tmp_path: Path) -> None:
    target = tmp_path / "lesson.json"
    raw = envelope(1, {"title": "x"}, kind="cnnviz-lesson")
    target.write_bytes(raw)
    with pytest.raises(SettingsFileError):
        write_versioned_json(target, KIND, 1, {})
    assert target.read_bytes() == raw


def test_writer_replaces_an_older_version_of_the_same_kind(tmp_path: Path) -> None:
    target = tmp_path / "settings.json"
    target.write_bytes(envelope(1, {"old": True}))
    write_versioned_json(target, KIND, 2, {"new": True})
    assert json.loads(target.read_bytes()) == {"kind": KIND, "version": 2, "data": {"new": True}}


def test_writer_moves_a_corrupt_file_aside_first(tmp_path: Path) -> None:
    target = tmp_path / "settings.json"
    target.write_bytes(b"\x00\x01 not json")
    write_versioned_json(target, KIND, 1, {"a": 1})
    assert read_versioned_json(target, KIND, 1) == ({"a": 1}, None)
    assert [p.read_bytes() for p in tmp_path.glob("settings.json.bad-*")] == [b"\x00\x01 not json"]
