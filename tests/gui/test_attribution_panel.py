"""The Inspect tab's "Why this class?" panel, driven in the real window with LeNet-5.

Every number the panel shows is compared with an independent call of the
core (``compute`` / ``faithfulness`` under ``session.exclusive()``) or with a
formula written here (the top class as the argmax of the logits, the colours
as the colormap's lookup table applied by hand).
"""

from __future__ import annotations

import csv
import json

import numpy as np
import pytest
import torch

from cnnviz.core.attribution import compute, faithfulness
from cnnviz.core.render import get_colormap

pytestmark = pytest.mark.gui


def _tab(window):
    return window.tab_widgets["inspect"]


def _panel(window):
    return _tab(window).side_panels["attribution"]


def _idle(qtbot, window, timeout: int = 30000) -> None:
    tab = _tab(window)
    qtbot.waitUntil(lambda: tab.controller.forward is not None and not tab.is_busy(), timeout=timeout)


def _show(qtbot, window):
    """Bring the panel to the front and wait for its maps."""
    _tab(window).show_panel("attribution")
    _idle(qtbot, window)
    return _panel(window)


def _lut(values01: np.ndarray, name: str) -> np.ndarray:
    """Colours by hand: the colormap's entry floor(v·255 + 0.5)."""
    idx = np.floor(np.clip(values01, 0, 1) * 255 + 0.5).astype(int)
    return get_colormap(name)[idx]


def _reference(session, image, method: str, layer: str | None):
    """The core's map for ``method`` on the window's model and image, computed here."""
    options = {"input_mean": tuple(session.pre.mean), "input_std": tuple(session.pre.std)} if method == "ig" else {}
    with session.exclusive() as model:
        return compute(method, model, image.tensor, "top", layer=layer, **options)


def test_the_panel_computes_nothing_while_hidden(inspect_window, qtbot) -> None:
    panel = _panel(inspect_window)
    _tab(inspect_window).state.set_layer("C3")
    qtbot.wait(300)  # longer than the panel's start delay
    assert panel.controller.maps is None and not panel.controller._jobs
    assert not panel.is_busy()


def test_maps_shown_are_the_cores_for_the_same_model_image_and_target(inspect_window, qtbot) -> None:
    window = inspect_window
    tab = _tab(window)
    panel = _panel(window)
    panel.controller.set_methods(["gradcam", "saliency", "ig", "occlusion"])
    panel.set_overlay(False)
    panel = _show(qtbot, window)
    answer = panel.controller.maps
    assert answer is not None and list(answer.maps) == ["gradcam", "saliency", "ig", "occlusion"]
    session, image = tab.state.model, tab.state.image
    assert answer.session_id == session.session_id and answer.image_id == tab.controller.forward.image_id
    with session.exclusive() as model, torch.no_grad():
        top = int(model(image.tensor).argmax(1))
    assert answer.target.class_index == top
    assert tab.state.layer == "C1" and answer.layer == "C1"  # the selected convolution is a map: the CAMs use it
    for method, shown in answer.maps.items():
        ref = _reference(session, image, method, "C1")
        np.testing.assert_allclose(shown.map, ref.map, rtol=1e-4, atol=1e-6)
        # the tile shows the map alone in its colours: inferno on [0, 1], coolwarm on [-1, 1] -> [0, 1]
        n = ref.normalized()
        expected = _lut((n + 1) / 2, "coolwarm") if ref.signed else _lut(n, "inferno")
        np.testing.assert_array_equal(panel.grid.views[method].view.image.image, expected)
    assert "untrained" in panel.notes.text()  # random weights are said next to the maps
    # click a tile: it opens large, the picture is the same map
    panel.grid.views["saliency"].sig_clicked.emit()
    assert panel.enlarged == "saliency" and panel.maps_stack.currentIndex() == 1
    np.testing.assert_array_equal(panel.big_view.image.image, panel.grid.views["saliency"].view.image.image)
    panel.back_button.click()
    assert panel.maps_stack.currentIndex() == 0


def test_a_model_switch_while_computing_never_shows_the_old_models_maps(inspect_window, qtbot, monkeypatch) -> None:
    from cnnviz.core.progress import CancelToken

    window = inspect_window
    tab = _tab(window)
    panel = _show(qtbot, window)
    old = tab.state.model
    seen = []
    panel.controller.maps_changed.connect(lambda a: seen.append(a))
    monkeypatch.setattr(CancelToken, "check", lambda self: None)  # the old job runs to its end: it must be dropped
    assert panel.controller.model_copy.copied  # the panel computes on its own copy of the model
    with panel.controller.model_copy.lock:  # the new maps job waits for the copy ...
        panel.controller.set_methods(["gradcam", "saliency"])
        qtbot.waitUntil(lambda: panel.controller.running("maps"), timeout=5000)
        old_job = panel.controller._jobs["maps"]
        tab.controller.load_model("lenet5", seed=1)  # ... while another model is loaded
        qtbot.waitUntil(lambda: tab.state.model is not old and tab.controller.forward is not None
                        and tab.controller.forward.session_id == tab.state.model.session_id, timeout=20000)
        assert panel.controller.maps is None  # cleared at once
    qtbot.waitUntil(lambda: old_job.delivered, timeout=20000)
    _idle(qtbot, window)
    new = tab.state.model
    assert all(a is None or a.session_id == new.session_id for a in seen)
    answer = panel.controller.maps
    assert answer is not None and answer.session_id == new.session_id
    ref = _reference(new, tab.state.image, "saliency", None)
    np.testing.assert_allclose(answer.maps["saliency"].map, ref.map, rtol=1e-4, atol=1e-6)

    # the same with another image: maps of the previous picture never appear once the new one is shown
    from cnnviz.core.samples import sample_path
    from cnnviz.gui.inspect.jobs import ImageInput

    after: list = []
    switched: list = []
    tab.controller.forward_changed.connect(lambda f: switched.append(f.image_id))
    panel.controller.maps_changed.connect(lambda a: switched and after.append(a))
    with panel.controller.model_copy.lock:
        panel.controller.set_methods(["saliency"])
        qtbot.waitUntil(lambda: panel.controller.running("maps"), timeout=5000)
        old_job = panel.controller._jobs["maps"]
        tab.controller.load_image(ImageInput(path=str(sample_path("circles")), label="circles.png"))
    qtbot.waitUntil(lambda: old_job.delivered and bool(switched), timeout=20000)
    _idle(qtbot, window)
    assert after and all(a is None or a.image_id == switched[-1] for a in after)
    ref = _reference(new, tab.state.image, "saliency", None)
    np.testing.assert_allclose(panel.controller.maps.maps["saliency"].map, ref.map, rtol=1e-4, atol=1e-6)


def test_a_non_spatial_layer_gives_a_message_not_a_traceback(inspect_window, qtbot) -> None:
    window = inspect_window
    tab = _tab(window)
    panel = _show(qtbot, window)
    tab.state.set_layer("F6")  # a Linear layer: the CAMs fall back to the last convolutional stage
    _idle(qtbot, window)
    assert panel.controller.maps.layer == "C3"
    assert "F6 has no spatial output" in panel.layer_info.text() and "use C3." in panel.layer_info.text()
    panel.controller.set_layer_pin("F6")  # asked for explicitly (a lesson): the core's message, other maps stay
    _idle(qtbot, window)
    assert panel.message.isVisible() and "no spatial output" in panel.message.text()
    assert "Grad-CAM" in panel.message.text() and "Traceback" not in panel.message.text()
    assert "gradcam" not in panel.shown and "saliency" in panel.shown
    panel.controller.set_target("class", 50)  # LeNet-5 has 10 classes
    _idle(qtbot, window)
    assert "out of range" in panel.message.text() and not panel.shown
    assert window.reported_errors == 0  # said in the panel, no dialog


def test_targets_a_picked_class_and_the_selected_unit(inspect_window, qtbot) -> None:
    window = inspect_window
    tab = _tab(window)
    panel = _panel(window)
    panel.controller.set_methods(["saliency"])
    panel = _show(qtbot, window)
    i = panel.class_box.findData(4)
    assert i >= 0 and panel.class_box.itemText(i) == "4"  # no class names: the indices
    panel.target_box.setCurrentIndex(panel.target_box.findData("class"))
    panel.class_box.setCurrentIndex(i)
    panel.choices.target_from_widgets()
    _idle(qtbot, window)
    assert panel.controller.maps.target.class_index == 4
    ref = None
    with tab.state.model.exclusive() as model:
        ref = compute("saliency", model, tab.state.image.tensor, 4)
    np.testing.assert_allclose(panel.controller.maps.maps["saliency"].map, ref.map, rtol=1e-4, atol=1e-6)
    panel.controller.set_target("unit")
    _idle(qtbot, window)
    assert "Click a unit" in panel.message.text() and not panel.shown
    tab.grid.click_pixel(*tab.grid.mosaic.tile_origin(2))  # channel 2 of layer C1 at (0, 0)
    _idle(qtbot, window)
    t = panel.controller.maps.target
    assert t.class_index is None and (t.target.layer, t.target.channel) == ("C1", 2)
    assert "channel 2" in panel.heading.text()


def test_export_writes_the_grid_png_and_the_faithfulness_csv(inspect_window, qtbot, tmp_path) -> None:
    from PySide6.QtGui import QImage

    from cnnviz.gui.inspect.attribution.jobs import FAITHFULNESS_STEPS

    window = inspect_window
    tab = _tab(window)
    panel = _panel(window)
    panel.controller.set_methods(["gradcam", "gradxinput"])
    panel = _show(qtbot, window)
    assert panel.export_csv(str(tmp_path / "none.csv")) is None and not panel.export_csv_action.isEnabled()
    panel.show_page("faithfulness")
    panel.faithfulness.run.button.click()
    _idle(qtbot, window)
    assert panel.export_csv_action.isEnabled()
    png = panel.export_png(str(tmp_path / "grid.png"))
    csv_path = panel.export_csv(str(tmp_path / "scores.csv"))
    picture = QImage(str(png))
    assert not picture.isNull() and picture.width() >= panel.grid.width() - 1 and picture.height() > 40
    rows = list(csv.DictReader(csv_path.read_text(encoding="utf-8").splitlines()))
    assert [r["method"] for r in rows] == ["gradcam", "gradxinput"]
    session, image = tab.state.model, tab.state.image
    for row in rows:
        ref_map = _reference(session, image, row["method"], "C1")
        with session.exclusive() as model:
            ref = faithfulness(model, image.tensor, ref_map, steps=FAITHFULNESS_STEPS)
        for key, value in (("deletion_auc", ref.deletion_auc), ("insertion_auc", ref.insertion_auc),
                           ("average_drop", ref.average_drop),
                           ("increase_in_confidence", ref.increase_in_confidence)):
            assert float(row[key]) == pytest.approx(value, rel=1e-5, abs=1e-7), key
    # the plotted curves are the scores' curves
    curves = panel.faithfulness.deletion.getPlotItem().listDataItems()
    assert len(curves) == 2
    np.testing.assert_allclose(curves[0].yData, panel.controller.scores.scores["gradcam"].deletion.scores)


def test_sanity_check_and_layer_sweep(inspect_window, qtbot) -> None:
    window = inspect_window
    tab = _tab(window)
    panel = _panel(window)
    panel.controller.set_methods(["gradcam", "guidedbackprop"])
    panel = _show(qtbot, window)
    panel.show_page("sanity")
    panel.sanity.run.button.click()
    _idle(qtbot, window)
    report = panel.controller.sanity.report
    assert set(report.methods) == {"gradcam", "guidedbackprop"}
    items = panel.sanity.plot.getPlotItem().listDataItems()
    assert len(items) == 2 and len(items[0].yData) == len(report.steps)
    for m in report.methods:  # the verdict printed is the report's: flagged = median correlation >= threshold
        values = np.nan_to_num(report.correlations(m), nan=0.0)
        flagged = bool(np.median(values) >= report.threshold)
        assert report.flagged[m] == flagged
        label = "Grad-CAM" if m == "gradcam" else "Guided backprop"
        line = next(s for s in panel.sanity.verdicts.text().split("<br>") if label in s)
        assert ("does not explain the model" in line) == flagged
        assert ("⚠" in panel.grid.views[m].title.text()) == flagged
    panel.show_page("sweep")
    panel.sweep.run.button.click()
    _idle(qtbot, window)
    sweep = panel.controller.sweep.sweep
    assert [e.layer for e in sweep.entries] == ["C1", "C3"]  # the convolutions whose output is a map
    best = max(sweep.entries, key=lambda e: e.insertion_auc - e.deletion_auc).layer
    assert sweep.best == best and panel.sweep.grid.views[best].title.text().startswith("★")
    other = "C1" if best == "C3" else "C3"
    panel.sweep.grid.views[other].sig_clicked.emit()  # clicking a map selects its layer in the app
    assert tab.state.layer == other
    _idle(qtbot, window)
    assert panel.controller.maps.layer == other and panel.controller.sweep is not None  # the strip stays


def test_lesson_state_keeps_the_panels_choices(inspect_window, qtbot) -> None:
    window = inspect_window
    tab = _tab(window)
    panel = _show(qtbot, window)
    panel.controller.set_methods(["hirescam", "smoothgrad"])
    panel.controller.set_target("class", 7)
    panel.controller.set_layer_pin("C3")
    panel.set_overlay(False)
    panel.show_page("sanity")
    _idle(qtbot, window)
    state = json.loads(json.dumps(tab.lesson_state()))
    assert state["attribution"] == {"methods": ["hirescam", "smoothgrad"], "target": "class", "class_index": 7,
                                    "layer": "C3", "overlay": False, "page": "sanity"}
    panel.controller.set_methods(["gradcam"])
    panel.controller.set_target("top")
    panel.controller.set_layer_pin(None)
    panel.set_overlay(True)
    panel.show_page("maps")
    tab.apply_lesson_state(state)
    qtbot.waitUntil(lambda: tab.lesson_state()["attribution"] == state["attribution"], timeout=20000)
    _idle(qtbot, window)
    assert panel.controller.maps.target.class_index == 7 and panel.controller.maps.layer == "C3"
    assert [panel.method_boxes[m].isChecked() for m in ("hirescam", "smoothgrad", "gradcam")] == [True, True, False]
    # an older lesson without the key changes nothing; a damaged one is a message
    del state["attribution"]
    tab.apply_lesson_state(state)
    _idle(qtbot, window)
    assert panel.controller.methods == ["hirescam", "smoothgrad"]
    assert panel.apply_lesson_state({"methods": ["nope"], "target": "everything"})


def test_the_panel_fits_1280x800_and_grows_with_the_zoom(make_main_window, qtbot, monkeypatch) -> None:
    from PySide6.QtWidgets import QApplication

    from cnnviz.gui import presentation, startup, theme
    from cnnviz.gui.inspect.attribution.tiles import MIN_TILE
    from cnnviz.gui.inspect.attribution.trust_views import PLOT_HEIGHT

    app = QApplication.instance()
    saved = app.font().pointSizeF()
    monkeypatch.setattr(presentation, "_base_point_size", startup.CLASSROOM_POINT_SIZE)
    window = make_main_window(model="lenet5", seed=0)
    try:
        window.resize(1280, 800)
        panel = _show(qtbot, window)
        hint = window.minimumSizeHint()
        assert hint.width() <= 1280 and hint.height() <= 800, hint.toTuple()
        assert (window.width(), window.height()) == (1280, 800)
        for page in ("maps", "faithfulness", "sanity", "sweep"):
            panel.show_page(page)
            qtbot.wait(20)
            content = panel.scroll_area.widget()
            assert content.width() <= panel.scroll_area.viewport().width(), page  # nothing cut on the right
        panel.show_page("maps")
        qtbot.wait(20)
        side = panel.grid.tile_side()
        window.resize(1920, 1080)  # 200 % on a 1920×1080 screen (issue 14): pictures grow, nothing is cut
        window.set_zoom(2.0)
        qtbot.wait(50)
        assert panel.grid.tile_side() > side  # fewer columns of bigger pictures
        assert panel.grid.columns_for(1000) == 1000 // (2 * MIN_TILE + 4)
        assert panel.faithfulness.deletion.maximumHeight() == 2 * PLOT_HEIGHT
        assert panel.scroll_area.widget().width() <= panel.scroll_area.viewport().width()
    finally:
        window.set_zoom(1.0)
        theme.set_application_font_size(app, saved)


def test_the_in_place_note_is_shown_with_its_figure(make_main_window, qtbot) -> None:
    """vgg_small's first convolution is followed by an in-place ReLU: the core's note, with its figure, is shown."""
    window = make_main_window(model="vgg_small", seed=0)
    _idle(qtbot, window)
    tab = _tab(window)
    panel = _panel(window)
    panel.controller.set_methods(["gradcam"])
    panel = _show(qtbot, window)
    assert tab.state.layer == "features.0" and panel.controller.maps.layer == "features.0"
    ref = _reference(tab.state.model, tab.state.image, "gradcam", "features.0")
    assert ref.notes and "overwritten in place" in ref.notes[0]
    text = panel.notes.text()
    assert "overwritten in place" in text and f"up to {ref.extras['library_difference']:.2f}" in text
    assert "overwritten in place" in panel.grid.views["gradcam"].toolTip()


def test_the_panel_works_on_its_own_copy_unless_the_model_is_too_big() -> None:
    import threading

    from cnnviz.core.session import session_for_module
    from cnnviz.gui.inspect.attribution.jobs import ModelCopy

    net = torch.nn.Sequential(torch.nn.Conv2d(1, 2, 3), torch.nn.Flatten(), torch.nn.Linear(2 * 6 * 6, 3))
    session = session_for_module(net, (1, 8, 8))

    def session_free() -> bool:  # asked from another thread (the lock is re-entrant for this one)
        free: list[bool] = []

        def probe() -> None:
            ok = session._lock.acquire(timeout=0.01)
            if ok:
                session._lock.release()
            free.append(ok)

        t = threading.Thread(target=probe)
        t.start()
        t.join()
        return free[0]

    copy_ = ModelCopy(session)
    with copy_.exclusive() as model:
        assert model is not net and copy_.copied and session_free()  # Inspect's work never waits for it
        for (k1, a), (k2, b) in zip(model.state_dict().items(), net.state_dict().items(), strict=True):
            assert k1 == k2 and torch.equal(a, b) and a.data_ptr() != b.data_ptr()
    big = ModelCopy(session, limit_bytes=100)  # 2·9 + 2 + 72·3 + 3 floats = 956 bytes
    with big.exclusive() as model:
        assert model is net and big.copied is False and not session_free()


def test_cancel_stops_the_maps_and_again_computes_them(inspect_window, qtbot) -> None:
    window = inspect_window
    panel = _show(qtbot, window)
    before = panel.controller.maps
    with panel.controller.model_copy.lock:  # the next job waits here, so Cancel reaches it before it starts
        panel.controller.set_methods(["saliency", "occlusion"])
        qtbot.waitUntil(lambda: panel.controller.running("maps"), timeout=5000)
        assert panel.cancel_button.isVisible()
        job = panel.controller._jobs["maps"]
        panel.cancel_button.click()
    qtbot.waitUntil(lambda: job.delivered, timeout=10000)
    assert not panel.is_busy() and panel.controller.maps is before and "Cancelled" in panel.message.text()
    assert not panel.cancel_button.isVisible()
    panel.recompute_button.click()
    _idle(qtbot, window)
    assert list(panel.controller.maps.maps) == ["saliency", "occlusion"] and not panel.message.isVisible()


def test_a_live_camera_starts_no_maps_job_per_frame(inspect_window, qtbot, monkeypatch) -> None:
    from cnnviz.gui.inspect.jobs import ImageInput

    window = inspect_window
    tab = _tab(window)
    panel = _show(qtbot, window)
    started: list[str] = []
    slots = panel.controller._slots  # the attribution panel's own jobs, not Inspect's
    real = slots.start

    def spy(kind, fn, *args, **kwargs):
        started.append(fn.__name__)
        return real(kind, fn, *args, **kwargs)

    monkeypatch.setattr(slots, "start", spy)
    rng = np.random.default_rng(0)
    shown = set()
    tab.controller.forward_changed.connect(lambda f: shown.add(f.image_id))
    for _ in range(8):  # frames every 100 ms, as a webcam sends them
        frame = (rng.random((32, 32, 3)) * 255).astype(np.uint8)
        tab.controller.load_image(ImageInput(array=frame, label="camera"), show_progress=False)
        qtbot.wait(100)
    _idle(qtbot, window)
    assert len(shown) >= 4  # the frames did arrive one after another
    # one job for the last frame (a frame late by more than the panel's delay on a busy machine may add one)
    assert set(started) == {"job_maps"} and len(started) <= max(1, len(shown) // 3)
    assert panel.controller.maps.image_id == tab.controller.forward.image_id
