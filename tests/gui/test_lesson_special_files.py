"""Opening a lesson that is a FIFO or a link to a device is refused at once (issue #12): no hang, no flood."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cnnviz.core.lesson_file import LessonFileError as LessonError
from cnnviz.core.lesson_file import read_lesson as load_lesson

pytestmark = pytest.mark.timeout(60)


def test_a_fifo_lesson_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    path = tmp_path / "class.cnnviz-lesson"
    os.mkfifo(path)
    with pytest.raises(LessonError, match=r"named pipe \(FIFO\)"):
        load_lesson(path)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_lesson_linked_to_an_endless_device_is_refused_unread(tmp_path: Path, device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    path = tmp_path / "class.cnnviz-lesson"
    path.symlink_to(device)
    with pytest.raises(LessonError, match=f"a link to '{device}'.*a device"):
        load_lesson(path)
