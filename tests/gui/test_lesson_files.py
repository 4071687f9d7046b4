"""Lesson files travel (images and trained weights inside), and opening or saving one never loses work."""

from __future__ import annotations

import json
import os
import shutil
import stat
import time
from pathlib import Path

import cv2
import numpy as np
import pytest
import torch
from PySide6.QtWidgets import QMessageBox

from cnnviz.core.images import load_image, prepare
from cnnviz.core.lesson_file import LessonDocument, read_lesson, write_lesson
from cnnviz.core.models import build_model
from cnnviz.core.session import ModelRequest, trained_label

pytestmark = pytest.mark.gui


def _idle(qtbot, tab) -> None:
    qtbot.waitUntil(lambda: tab.controller.forward is not None and not tab.is_busy(), timeout=30000)


def _photo(path: Path) -> Path:
    rng = np.random.default_rng(7)
    assert cv2.imwrite(str(path), (rng.random((48, 60, 3)) * 255).astype(np.uint8))
    return path


def test_a_lesson_carries_its_image_and_trained_weights_to_another_machine(make_main_window, qtbot, tmp_path):
    first = make_main_window(model="lenet5", seed=0)
    tab = first.tab_widgets["inspect"]
    _idle(qtbot, tab)
    trained = build_model("lenet5_modern", seed=42, num_classes=4).state_dict()
    (tmp_path / "home").mkdir()
    photo = _photo(tmp_path / "home" / "photo.png")
    tab.controller.load(ModelRequest("lenet5_modern", model_kwargs={"num_classes": 4}, state_dict=trained,
                                     state_label=trained_label("Adam"), class_names=("a", "b", "c", "d")))
    qtbot.waitUntil(lambda: tab.state.model.name == "lenet5_modern", timeout=30000)
    _idle(qtbot, tab)
    from cnnviz.gui.inspect.jobs import ImageInput

    tab.controller.load_image(ImageInput(path=str(photo), label=photo.name))
    qtbot.waitUntil(lambda: tab.controller.raw_image is not None and tab.controller.raw_image.path == photo,
                    timeout=30000)
    _idle(qtbot, tab)
    saved = first.save_lesson_to(tmp_path / "home" / "lecture")
    assert saved is not None and "KB" in first.statusBar().currentMessage()  # the size is shown

    # another machine: the lesson in another folder, the originals gone
    classroom = tmp_path / "classroom"
    classroom.mkdir()
    moved = Path(shutil.move(str(saved), classroom / saved.name))
    shutil.rmtree(tmp_path / "home")
    second = make_main_window(model="lenet5", seed=0)
    tab2 = second.tab_widgets["inspect"]
    _idle(qtbot, tab2)
    errors: list[str] = []
    second.state.error.connect(lambda title, msg: errors.append(msg))
    assert second.open_lesson_from(moved)
    qtbot.waitUntil(lambda: tab2.state.model.name == "lenet5_modern", timeout=30000)
    _idle(qtbot, tab2)
    assert errors == []
    session = tab2.state.model
    assert session.weights_label == "trained in the Train tab (Adam)"
    with session.exclusive() as model:
        assert all(torch.equal(model.state_dict()[k], v) for k, v in trained.items())
    # the same picture, and both panels show that same input
    raw = tab2.controller.raw_image
    expected = load_image(_photo(tmp_path / "again.png"))
    np.testing.assert_array_equal(raw.rgb, expected.rgb)
    np.testing.assert_array_equal(tab2.input_panel.original.image.image, raw.rgb)
    np.testing.assert_array_equal(tab2.state.image.display, prepare(raw, session.pre).display)


def test_a_tab_that_cannot_take_its_part_keeps_it_and_says_why(make_main_window, qtbot, tmp_path):
    window = make_main_window(tabs=("train", "playground"))
    part = {"format": 1, "setup": {"model": "lenet5", "epochs": "many"}, "runs": [{"name": "x"}]}
    lesson = tmp_path / "l.cnnviz-lesson"
    write_lesson(lesson, LessonDocument(tabs={"train": part, "playground": {"steps": 66}}))
    errors: list[tuple[str, str]] = []
    window.state.error.connect(lambda title, msg: errors.append((title, msg)))
    assert window.open_lesson_from(lesson)
    assert errors and "Train" in errors[0][1] and "cannot be read" in errors[0][1]  # the reason, in the window
    out = window.save_lesson_to(tmp_path / "again")  # Ctrl+S
    assert out is not None
    assert read_lesson(out).tabs["train"] == part  # written back unchanged, not the tab's defaults
    assert read_lesson(out).tabs["playground"]["steps"] == 66


def test_opening_a_lesson_while_training_asks_first(make_main_window, qtbot, tmp_path, monkeypatch):
    from cnnviz.core.training.config import RunConfig

    window = make_main_window(tabs=("train", "playground"))
    train = window.tab_widgets["train"]
    train.epochs.setValue(500)
    train.runs_panel.set_runs([RunConfig("SGD", "sgd", {"lr": 0.01})])
    train.start()
    qtbot.waitUntil(lambda: train.trainer is not None and train.trainer.log.snapshot("SGD").train["loss"].size > 0,
                    timeout=30000)
    lesson = tmp_path / "l.cnnviz-lesson"
    write_lesson(lesson, LessonDocument(tabs={"playground": {"steps": 66}}))
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: (asked.append(a[2]), QMessageBox.StandardButton.No)[1])
    before = window.tab_widgets["playground"].lesson_state()["steps"]
    assert not window.open_lesson_from(lesson)
    assert asked and "Train" in asked[0]
    assert train.is_running() and window.tab_widgets["playground"].lesson_state()["steps"] == before
    train.stop()
    qtbot.waitUntil(lambda: not train.is_running(), timeout=10000)


def test_a_lesson_with_a_byte_order_mark_opens(make_main_window, tmp_path):
    window = make_main_window(tabs=("playground",))
    lesson = tmp_path / "bom.cnnviz-lesson"
    doc = {"kind": "cnnviz-lesson", "version": 1, "data": {"tabs": {"playground": {"steps": 55}}}}
    lesson.write_bytes(b"\xef\xbb\xbf" + json.dumps(doc).encode("utf-8"))
    assert window.open_lesson_from(lesson)
    assert window.tab_widgets["playground"].lesson_state()["steps"] == 55


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_or_a_device_is_refused_at_once(make_main_window, tmp_path):
    window = make_main_window(tabs=())
    fifo = tmp_path / "pipe.cnnviz-lesson"
    os.mkfifo(fifo)
    link = tmp_path / "zero.cnnviz-lesson"
    link.symlink_to("/dev/zero")
    errors: list[str] = []
    window.state.error.connect(lambda title, msg: errors.append(msg))
    t0 = time.monotonic()
    assert not window.open_lesson_from(fifo)  # a read would block forever: never opened
    assert not window.open_lesson_from(link)
    assert time.monotonic() - t0 < 10
    assert len(errors) == 2 and all("reads only regular files" in e for e in errors)


def test_a_read_only_lesson_is_replaced_only_when_the_user_agrees(make_main_window, tmp_path, monkeypatch):
    window = make_main_window(tabs=("playground",))
    target = tmp_path / "ro.cnnviz-lesson"
    write_lesson(target, LessonDocument(tabs={"playground": {"steps": 11}}))
    before = target.read_bytes()
    target.chmod(stat.S_IRUSR)  # read-only (even for root, who could write it: the user marked it so)
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    assert window.save_lesson_to(target) is None
    assert target.read_bytes() == before
    assert window.save_lesson_to(target) == target
    assert target.read_bytes() != before  # replaced with the window's lesson


def test_a_symlinked_lesson_is_written_through_to_its_target(make_main_window, tmp_path):
    window = make_main_window(tabs=("playground",))
    real = tmp_path / "real.cnnviz-lesson"
    write_lesson(real, LessonDocument(tabs={"playground": {"steps": 12}}))
    link = tmp_path / "link.cnnviz-lesson"
    link.symlink_to(real)
    assert window.save_lesson_to(link) == real
    assert link.is_symlink() and read_lesson(link).tabs["playground"]["steps"] == read_lesson(real).tabs[
        "playground"]["steps"]


def test_big_curves_do_not_grow_on_save_and_stay_out_of_the_settings(make_main_window, tmp_path):
    from cnnviz.core.training.config import RunConfig, TrainSetup
    from cnnviz.core.training.metrics import MetricsLog
    from cnnviz.gui.settings_file import settings

    log = MetricsLog()
    log.add_run("SGD", "sgd")
    rng = np.random.default_rng(0)
    for step in range(150_000):
        log.add_train("SGD", step, step // 1000, float(rng.random()), float(rng.random()), 0.05)
    part = {"format": 1, "setup": TrainSetup().to_dict(), "runs": [RunConfig("SGD", "sgd", {"lr": 0.05}).to_dict()],
            "session": {"setup": TrainSetup().to_dict(), "runs": [RunConfig("SGD", "sgd", {"lr": 0.05}).to_dict()],
                        "metrics": log.to_dict(), "checkpoint": None}}
    big = tmp_path / "big.cnnviz-lesson"
    write_lesson(big, LessonDocument(tabs={"train": part}))
    window = make_main_window(tabs=("train",))
    assert window.open_lesson_from(big)
    out = window.save_lesson_to(tmp_path / "big-again")
    assert out is not None
    ratio = out.stat().st_size / big.stat().st_size
    assert ratio < 1.1, ratio  # saved about as big as it was opened (was 4x: indented JSON)
    window.close()
    settings().sync()
    assert Path(settings().fileName()).stat().st_size < 64 * 1024  # settings, not the curves
