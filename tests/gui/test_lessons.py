"""Lesson files: save the whole window, open it again, and never lose the user's file."""

from __future__ import annotations

import json
import math
import zipfile

import pytest

from cnnviz.core.lesson_file import LessonDocument, LessonFileError, read_lesson, write_lesson

pytestmark = pytest.mark.gui


def read_doc(path) -> dict:
    """The JSON part of a saved lesson (a zip archive)."""
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read("lesson.json").decode("utf-8"))


def write_doc(path, doc: dict) -> None:
    """Replace the JSON part of a saved lesson, keeping its attachments."""
    with zipfile.ZipFile(path) as archive:
        members = {n: archive.read(n) for n in archive.namelist() if n != "lesson.json"}
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("lesson.json", json.dumps(doc))
        for name, data in members.items():
            archive.writestr(name, data)


def _settle(qtbot, window) -> None:
    """Wait until every tab has finished its background work."""
    play = window.tab_widgets.get("playground")
    if play is not None:  # the race is computed and on screen (a job's end reaches the tab a moment later)
        qtbot.waitUntil(play.is_settled, timeout=20000)
    qtbot.waitUntil(lambda: not any(getattr(p, "is_busy", lambda: False)()
                                    for p in getattr(window.tab_widgets.get("explain"), "pages", {}).values()),
                    timeout=20000)


def _prepare(qtbot, window) -> dict:
    """Change the Playground and Explain tabs away from their defaults; return their lesson states."""
    play = window.tab_widgets["playground"]
    play.surface_combo.setCurrentIndex(play.surface_combo.findData("rosenbrock"))
    play.steps_box.setValue(123)
    play.racers.set_enabled("adagrad", False)
    play.racers.set_hyperparams("adam", {"lr": 0.042})
    play.set_start(-1.25, 1.5)
    _settle(qtbot, window)
    play.clock.pause()
    play.clock.seek(37)
    explain = window.tab_widgets["explain"]
    explain.show_topic("rf")
    window.show_tab("explain")
    return window.capture_tab_states()


def _scramble(qtbot, window) -> None:
    play = window.tab_widgets["playground"]
    play.surface_combo.setCurrentIndex(play.surface_combo.findData("himmelblau"))
    play.steps_box.setValue(40)
    window.tab_widgets["explain"].show_topic("timeline")
    window.show_tab("playground")
    _settle(qtbot, window)


def test_save_and_reopen_restores_every_tab(make_main_window, qtbot, tmp_path):
    window = make_main_window(tabs=("playground", "explain"))
    saved = _prepare(qtbot, window)
    assert saved["playground"]["surface"] == "rosenbrock" and saved["playground"]["step"] == 37
    path = window.save_lesson_to(tmp_path / "lecture 1")
    assert path is not None and path.name == "lecture 1.cnnviz-lesson"  # suffix added

    doc = read_doc(path)
    assert doc["kind"] == "cnnviz-lesson" and doc["version"] == 2
    assert doc["data"]["language"] == "en" and doc["data"]["current_tab"] == "explain"
    assert doc["data"]["tabs"]["playground"]["optimizers"]["adam"]["hyper"]["lr"] == pytest.approx(0.042)

    _scramble(qtbot, window)
    assert window.capture_tab_states() != saved
    assert window.open_lesson_from(path)
    _settle(qtbot, window)
    assert window.current_tab_key() == "explain"
    restored = window.capture_tab_states()
    assert restored["explain"] == saved["explain"]
    play_saved, play_now = saved["playground"], restored["playground"]
    assert play_now == play_saved  # surface, params, start, steps, optimizers, lr and the step shown
    assert window.tab_widgets["playground"].clock.playing is False  # stands at the lesson's step
    assert window.windowTitle().startswith("lecture 1.cnnviz-lesson")


def test_lesson_in_another_language_switches_and_restores(make_main_window, qtbot, tmp_path):
    window = make_main_window(tabs=("playground", "explain"))
    saved = _prepare(qtbot, window)
    path = window.save_lesson_to(tmp_path / "zh.cnnviz-lesson")
    doc = read_doc(path)
    doc["data"]["language"] = "zh"
    write_doc(path, doc)
    _scramble(qtbot, window)

    assert window.open_lesson_from(path)
    _settle(qtbot, window)
    assert window.language == "zh" and window.state.language == "zh"
    assert window.tabs.tabText(window.tabs.currentIndex()) == "讲解"
    assert window.capture_tab_states()["playground"] == saved["playground"]
    assert window.capture_tab_states()["explain"]["topic"] == "rf"


@pytest.mark.parametrize(
    "content, words",
    [
        (b"\x00\xff not json at all", "damaged"),
        (b'{"kind": "cnnviz-lesson", "version": 99, "data": {}}', "newer"),
        (b'{"kind": "cnnviz-settings", "version": 1, "data": {}}', "not a cnnviz lesson"),
        (b'{"kind": "cnnviz-lesson", "version": 1, "data": []}', "damaged"),
        (b'[1, 2, 3]', "not a cnnviz lesson"),
    ],
)
def test_bad_files_give_a_message_and_stay_untouched(make_main_window, qtbot, tmp_path, content, words):
    window = make_main_window(tabs=("playground",))
    path = tmp_path / "bad.cnnviz-lesson"
    path.write_bytes(content)
    before = window.capture_tab_states()
    errors = []
    window.state.error.connect(lambda title, msg: errors.append(msg))
    assert not window.open_lesson_from(path)
    assert errors and words in errors[0] and "bad.cnnviz-lesson" in errors[0]
    assert "not changed" in errors[0]
    assert path.read_bytes() == content  # kept exactly
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.cnnviz-lesson"]  # nothing moved aside
    assert window.capture_tab_states() == before


def test_missing_file_and_unwritable_folder(make_main_window, tmp_path):
    window = make_main_window(tabs=())
    errors = []
    window.state.error.connect(lambda title, msg: errors.append(msg))
    assert not window.open_lesson_from(tmp_path / "nope.cnnviz-lesson")
    assert "not found" in errors[-1]
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    assert window.save_lesson_to(blocker / "inside.cnnviz-lesson") is None  # a file where a folder should be
    assert "not saved" in errors[-1]


def test_save_refuses_state_that_is_not_json(tmp_path):
    target = tmp_path / "x.cnnviz-lesson"
    with pytest.raises(LessonFileError, match="plain data"):
        write_lesson(target, LessonDocument(tabs={"t": {"value": math.nan}}))
    with pytest.raises(LessonFileError, match="plain data"):
        write_lesson(target, LessonDocument(tabs={"t": {"value": object()}}))
    assert not target.exists()
    good = LessonDocument(language="zh", current_tab="explain", tabs={"explain": {"topic": "rf", "n": [1, 2.5, "三"]}})
    write_lesson(target, good)
    back = read_lesson(target)
    assert (back.language, back.current_tab, back.tabs) == ("zh", "explain", good.tabs)


def test_overwriting_a_newer_lesson_is_refused(tmp_path):
    target = tmp_path / "future.cnnviz-lesson"
    future = b'{"kind": "cnnviz-lesson", "version": 7, "data": {"tabs": {}}}'
    target.write_bytes(future)
    with pytest.raises(LessonFileError, match="not overwritten"):
        write_lesson(target, LessonDocument())
    assert target.read_bytes() == future


def test_a_failing_tab_does_not_stop_the_others(make_main_window, qtbot, tmp_path):
    window = make_main_window(tabs=("playground", "explain"))
    saved = _prepare(qtbot, window)
    path = window.save_lesson_to(tmp_path / "l.cnnviz-lesson")
    _scramble(qtbot, window)

    def broken(_state, _attachments=None):
        raise RuntimeError("a bug in one tab")

    window.tab_widgets["explain"].apply_lesson_state = broken
    errors = []
    window.state.error.connect(lambda title, msg: errors.append(msg))
    assert window.open_lesson_from(path)
    _settle(qtbot, window)
    assert window.capture_tab_states()["playground"] == saved["playground"]
    assert errors and "Explain" in errors[0]


def test_playground_lesson_state_round_trip_and_bad_values(make_main_window, qtbot):
    window = make_main_window(tabs=("playground",))
    play = window.tab_widgets["playground"]
    _settle(qtbot, window)
    state = play.lesson_state()
    json.dumps(state, allow_nan=False)  # plain data
    state.update(surface="valley", steps=88, lr=0.0123, step=5, start=[0.5, -0.25])
    state["optimizers"]["momentum"] = {"on": False, "hyper": {"lr": 0.01, "momentum": 0.5}}
    play.apply_lesson_state(state)
    _settle(qtbot, window)
    now = play.lesson_state()
    assert (now["surface"], now["steps"], now["start"], now["step"]) == ("valley", 88, [0.5, -0.25], 5)
    assert now["lr"] == pytest.approx(0.0123) and now["optimizers"]["sgd"]["hyper"]["lr"] == pytest.approx(0.0123)
    assert now["optimizers"]["momentum"]["on"] is False
    assert now["optimizers"]["momentum"]["hyper"]["momentum"] == pytest.approx(0.5)
    # Damaged parts are skipped; the rest still applies.
    play.apply_lesson_state({"surface": "valley", "steps": "many", "lr": -5, "start": "here",
                             "optimizers": {"adam": {"hyper": {"lr": "fast"}}, "nope": {}}, "step": None})
    _settle(qtbot, window)
    assert play.lesson_state()["surface"] == "valley"
    play.apply_lesson_state({"surface": "no-such-surface"})
    assert play.lesson_state()["surface"] == "valley"
