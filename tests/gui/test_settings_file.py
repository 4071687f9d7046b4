"""A damaged or future-version settings file is reported, replaced by defaults, and never lost."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from cnnviz.gui import settings_file


@pytest.fixture
def settings_path(qapp):
    path = Path(QSettings("cnnviz", "cnnviz").fileName())
    path.parent.mkdir(parents=True, exist_ok=True)
    for old in path.parent.glob(path.name + "*"):
        old.unlink()
    yield path
    settings_file.end_session()
    for old in path.parent.glob(path.name + "*"):
        old.unlink()


def test_damaged_file_is_kept_aside_and_defaults_used(settings_path: Path) -> None:
    junk = os.urandom(200) + b"\0[General"
    settings_path.write_bytes(junk)
    message = settings_file.check_settings_file()
    assert message and "damaged" in message
    backups = list(settings_path.parent.glob(settings_path.name + ".bad-*"))
    assert len(backups) == 1 and backups[0].read_bytes() == junk
    assert settings_file.settings().value("window/geometry") is None


def test_a_damaged_file_that_cannot_be_moved_is_left_alone(settings_path: Path, monkeypatch) -> None:
    import cnnviz.core.settings_io as settings_io

    junk = b"\0" * 64
    settings_path.write_bytes(junk)
    monkeypatch.setattr(settings_io, "move_aside", lambda target: None)  # e.g. a read-only folder
    message = settings_file.check_settings_file()
    assert message and "could not be moved" in message
    s = settings_file.settings()
    assert Path(s.fileName()) != settings_path
    s.setValue("window/tab", "inspect")
    s.sync()
    assert settings_path.read_bytes() == junk


def test_future_version_is_left_untouched(settings_path: Path) -> None:
    settings_path.write_text("[meta]\nformat=99\n[window]\ntab=train\n", encoding="utf-8")
    before = settings_path.read_bytes()
    message = settings_file.check_settings_file()
    assert message and "newer" in message
    s = settings_file.settings()
    assert Path(s.fileName()) != settings_path
    s.setValue("window/tab", "inspect")
    s.sync()
    assert settings_path.read_bytes() == before


def test_a_good_file_is_used_and_stamped(settings_path: Path) -> None:
    settings_path.write_text("[window]\ntab=explain\n", encoding="utf-8")
    assert settings_file.check_settings_file() is None
    s = settings_file.settings()
    assert s.value("window/tab") == "explain" and int(s.value("meta/format")) == settings_file.SETTINGS_FORMAT
