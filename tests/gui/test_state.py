"""AppState keeps a clicked unit across a new image through the same model, and only then."""

from __future__ import annotations

from types import SimpleNamespace

import torch

from cnnviz.gui.state import AppState


def _forward(h: int = 4) -> SimpleNamespace:
    return SimpleNamespace(layers={"conv": torch.zeros(1, 2, h, h)})


def test_unit_survives_a_new_frame_but_not_a_new_model_or_shape() -> None:
    state = AppState()
    model = object()
    state.set_session(model, None, object(), _forward())
    unit = SimpleNamespace(layer="conv", channel=1, y=3, x=0)
    state.set_unit(unit)
    seen: list[object] = []
    state.unit_changed.connect(seen.append)
    state.set_session(model, None, object(), _forward())  # next webcam frame
    assert state.unit is unit and seen[-1] is unit
    state.set_session(model, None, object(), _forward(h=2))  # smaller map: unit gone
    assert state.unit is None and seen[-1] is None
    state.set_unit(SimpleNamespace(layer="conv", channel=0, y=0, x=0))
    state.set_session(object(), None, object(), _forward())  # another model
    assert state.unit is None


def test_disconnect_listeners_drops_every_connection_even_after_a_method_became_a_slot(qapp) -> None:
    from PySide6.QtCore import QTimer

    state = AppState()
    timer = QTimer()
    timer.timeout.connect(state.pop_busy)  # PySide now gives state a dynamic meta-object
    heard: list[object] = []
    state.model_changed.connect(heard.append)
    state.layer_changed.connect(lambda name: heard.append(name))
    state.disconnect_listeners()
    state.model_changed.emit("m")
    state.layer_changed.emit("conv")
    assert heard == []
