"""The Inspect controller keeps a clicked unit across a new image through the same model, and only then;
AppState drops every listener on a rebuild."""

from __future__ import annotations

import torch

from cnnviz.core.session import ForwardResult, UnitSelection
from cnnviz.gui.inspect.controller import InspectController
from cnnviz.gui.state import AppState


def _forward(h: int = 4) -> ForwardResult:
    return ForwardResult(session_id=1, image_id=1, layers={"conv": torch.zeros(1, 2, h, h)}, output=None,
                         predictions=[], seconds=0.0)


def test_unit_survives_a_new_frame_but_not_a_new_model_or_shape(qapp) -> None:
    state = AppState()
    controller = InspectController(state)
    model = object()
    controller.publish(model, None, None, _forward())  # type: ignore[arg-type]
    unit = UnitSelection("conv", 1, 3, 0)
    controller.set_unit(unit)
    seen: list[object] = []
    controller.unit_changed.connect(seen.append)
    controller.publish(model, None, None, _forward())  # type: ignore[arg-type]  # next webcam frame
    assert controller.unit is unit and seen[-1] is unit
    controller.publish(model, None, None, _forward(h=2))  # type: ignore[arg-type]  # smaller map: unit gone
    assert controller.unit is None and seen[-1] is None
    controller.set_unit(UnitSelection("conv", 0, 0, 0))
    controller.publish(object(), None, None, _forward())  # type: ignore[arg-type]  # another model
    assert controller.unit is None
    controller.shutdown()


def test_disconnect_listeners_drops_every_connection_even_after_a_method_became_a_slot(qapp) -> None:
    from PySide6.QtCore import QTimer

    state = AppState()
    timer = QTimer()
    timer.timeout.connect(state.announce)  # PySide now gives state a dynamic meta-object
    heard: list[object] = []
    state.model_changed.connect(heard.append)
    state.layer_changed.connect(lambda name: heard.append(name))
    state.disconnect_listeners()
    state.model_changed.emit("m")
    state.layer_changed.emit("conv")
    assert heard == []
