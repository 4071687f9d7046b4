"""A lesson someone sent never runs code without an explicit Yes, and the rest of it still opens."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cnnviz.core import trust
from cnnviz.core.lesson_file import LessonDocument, write_lesson

pytestmark = pytest.mark.gui

EVIL = """\
import pathlib
pathlib.Path({marker!r}).write_text("ran")
from torch import nn
class Net(nn.Sequential):
    input_shape = (1, 8, 8)
    def __init__(self):
        pathlib.Path({marker!r}).write_text("built")
        super().__init__(nn.Conv2d(1, 2, 3), nn.Flatten(), nn.Linear(72, 2))
"""


@pytest.fixture(autouse=True)
def _forget_approvals():
    trust.revoke_all()
    trust.forget_remembered()
    yield
    trust.revoke_all()
    trust.forget_remembered()


def _lesson(path: Path, model: str, **inspect: object) -> Path:
    tabs = {
        "inspect": {"model": model, "model_kwargs": inspect.pop("kwargs", {}), "weights": "random", "layer": None},
        "train": {"setup": {"model": model}},  # a part the Train tab refuses: the rest still opens
        "playground": {"surface": "rosenbrock", "steps": 77},
    }
    write_lesson(path, LessonDocument(tabs=tabs, current_tab="playground"))
    return path


def _code_file(folder: Path, marker: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    src = folder / "evil_net.py"
    src.write_text(EVIL.format(marker=str(marker)))
    return src


def _open(window, qtbot, path: Path) -> list[str]:
    errors: list[str] = []
    window.state.error.connect(lambda title, msg: errors.append(msg))
    assert window.open_lesson_from(path)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=30000)
    return errors


def _specs(tmp_path: Path, marker: Path) -> dict[str, tuple[Path, str]]:
    """Lesson path and model spec for each way a lesson can name a Python file."""
    code = _code_file(tmp_path / "code", marker)
    lessons = tmp_path / "lessons"
    lessons.mkdir()
    return {
        "absolute": (lessons / "abs.cnnviz-lesson", f"{code}:Net"),
        "relative": (tmp_path / "rel.cnnviz-lesson", "code/evil_net.py:Net"),  # from the lesson's folder
        "parent": (lessons / "up.cnnviz-lesson", "../code/evil_net.py:Net"),
    }


@pytest.mark.parametrize("how", ["absolute", "relative", "parent"])
def test_a_lesson_naming_a_python_file_runs_nothing_when_the_answer_is_no(make_main_window, qtbot, tmp_path, how):
    marker = tmp_path / "marker.txt"
    lesson, spec = _specs(tmp_path, marker)[how]
    _lesson(lesson, spec)
    window = make_main_window(tabs=("inspect", "playground"), model="lenet5")
    inspect = window.tab_widgets["inspect"]
    qtbot.waitUntil(lambda: inspect.controller.forward is not None and not inspect.is_busy(), timeout=30000)
    asked: list[trust.CodeRequest] = []
    window.lessons.ask_consent = lambda request, path: (asked.append(request), (False, False))[1]
    errors = _open(window, qtbot, lesson)
    assert not marker.exists()  # nothing was imported or built
    assert len(asked) == 1 and asked[0].kind == "file"
    assert asked[0].target == str((tmp_path / "code" / "evil_net.py").resolve())  # the question names the file
    # the rest of the lesson opened: the Playground's part, and Inspect kept its model and says what it skipped
    assert window.tab_widgets["playground"].lesson_state()["steps"] == 77
    assert inspect.state.model.name == "lenet5"
    assert any("chose not to run" in e and "skipped" in e for e in errors)


def test_a_standard_library_function_with_arguments_is_refused_without_asking(make_main_window, qtbot, tmp_path):
    marker = tmp_path / "marker.txt"
    lesson = _lesson(tmp_path / "os.cnnviz-lesson", "os:system", kwargs={"command": f"touch {marker}"})
    window = make_main_window(tabs=("inspect", "playground"), model="lenet5")
    inspect = window.tab_widgets["inspect"]
    qtbot.waitUntil(lambda: inspect.controller.forward is not None and not inspect.is_busy(), timeout=30000)
    asked: list[object] = []
    window.lessons.ask_consent = lambda request, path: (asked.append(request), (True, False))[1]  # even a Yes
    errors = _open(window, qtbot, lesson)
    assert not marker.exists() and asked == []
    assert inspect.state.model.name == "lenet5"
    assert window.tab_widgets["playground"].lesson_state()["steps"] == 77
    assert any("skipped" in e for e in errors)


def test_yes_runs_the_named_file_and_remembering_is_per_file_content(make_main_window, qtbot, tmp_path):
    marker = tmp_path / "marker.txt"
    lesson, spec = _specs(tmp_path, marker)["absolute"]
    _lesson(lesson, spec)
    window = make_main_window(tabs=("inspect",), model="lenet5")
    inspect = window.tab_widgets["inspect"]
    qtbot.waitUntil(lambda: inspect.controller.forward is not None and not inspect.is_busy(), timeout=30000)
    window.lessons.ask_consent = lambda request, path: (True, True)
    _open(window, qtbot, lesson)
    qtbot.waitUntil(lambda: inspect.state.model.name.endswith("evil_net.py:Net"), timeout=30000)
    assert marker.read_text() == "built"
    request = trust.code_request(spec)
    trust.revoke_all()
    assert trust.is_approved(request)  # remembered for this exact content ...
    Path(request.target).write_text(Path(request.target).read_text() + "\n# changed\n")
    assert not trust.is_approved(request)  # ... and only for it


def test_a_module_factory_must_be_declared_to_return_a_model(tmp_path):
    from cnnviz.core.models import build_model
    from cnnviz.core.trust import RefusedFactoryError

    trust.approve_typed("shutil:rmtree")
    with pytest.raises(RefusedFactoryError, match="standard library"):
        build_model("shutil:rmtree", path=str(tmp_path))
    assert tmp_path.exists()
    trust.approve_typed("torchvision.models:get_model_weights")  # installed, callable, not a model
    with pytest.raises(RefusedFactoryError, match="not declared to return a torch.nn.Module"):
        build_model("torchvision.models:get_model_weights")
    trust.approve_typed("torchvision.models:resnet18")  # annotated -> ResNet
    assert build_model("torchvision.models:resnet18", num_classes=3).fc.out_features == 3


@pytest.mark.slow
def test_headless_screenshot_of_a_lesson_answers_no(tmp_path):
    """``cnnviz LESSON --screenshot``: no question can be answered, so the code never runs; exit 1, one line."""
    marker = tmp_path / "marker.txt"
    lesson, spec = _specs(tmp_path, marker)["absolute"]
    _lesson(lesson, spec)
    out = tmp_path / "shot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "-m", "cnnviz", str(lesson), "--screenshot", str(out), "--model", "lenet5",
         "--size", "1600x1000"],
        capture_output=True, text=True, timeout=240, env=env,
    )
    assert not marker.exists()
    assert out.exists() and proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert any("chose not to run" in line for line in proc.stderr.splitlines())
