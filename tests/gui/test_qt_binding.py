"""Guards against a broken Qt binding.

PySide6 6.12.0 on Python 3.11 drops one reference to ``None`` on every Qt
call that returns nothing; after a few seconds of animation Python aborts with
"Fatal Python error: none_dealloc". pyproject.toml excludes that release; this
test fails if a binding with the same defect is ever installed.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene, QLabel, QSlider


def test_void_qt_calls_keep_none_refcount(qtbot) -> None:
    label = QLabel()
    slider = QSlider()
    qtbot.addWidget(label)
    qtbot.addWidget(slider)
    scene = QGraphicsScene()
    item = QGraphicsRectItem(0, 0, 1, 1)
    scene.addItem(item)

    def calls() -> None:
        label.setText("a")
        slider.setValue(3)
        item.setPos(1, 2)
        item.update()

    calls()
    before = sys.getrefcount(None)
    for _ in range(500):
        calls()
    assert sys.getrefcount(None) - before < 50


def test_the_ignored_qt_warnings_are_exactly_the_offscreen_noise() -> None:
    """pytest fails a test on any Qt warning but the offscreen platform's known noise: one list, not two."""
    import re
    import tomllib
    from pathlib import Path

    from cnnviz.gui.qt_messages import OFFSCREEN_NOISE

    config = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text())
    patterns = config["tool"]["pytest"]["ini_options"]["qt_log_ignore"]
    assert config["tool"]["pytest"]["ini_options"]["qt_log_level_fail"] == "WARNING"
    assert len(patterns) == len(OFFSCREEN_NOISE)
    for message in OFFSCREEN_NOISE:
        assert any(re.search(p, message) for p in patterns), message
