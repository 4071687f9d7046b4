"""The Inspect tab's "What it detects" panel (issue #15), driven through the real window.

Every number on screen is checked against a computation written here: the top 9
against a brute-force pass over the images, one at a time; the feature
visualisation's activation against a forward pass on the picture shown; the
deconvnet overlay against the core map of the same unit.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import torch

pytestmark = pytest.mark.gui

LAYER = "C3"  # LeNet-5's second convolution: 16 channels of 10×10


def _tab(window):
    return window.tab_widgets["inspect"]


def _idle(qtbot, tab, timeout: int = 30000) -> None:
    qtbot.waitUntil(lambda: tab.controller.forward is not None and not tab.is_busy(), timeout=timeout)


def _folder(path: Path, n: int, *, extras: bool = False) -> Path:
    """``n`` small random pictures (rectangles on noise), plus a corrupt and a grayscale file with ``extras``."""
    import cv2

    path.mkdir()
    rng = np.random.default_rng(7)
    for i in range(n):
        img = (rng.random((32, 32, 3)) * 60).astype(np.uint8)
        y, x, h, w = (int(v) for v in rng.integers(0, 20, 4))
        img[y:y + h + 4, x:x + w + 4] = rng.integers(120, 256, 3)
        assert cv2.imwrite(str(path / f"img{i:04d}.png"), img)
    if extras:
        (path / "broken.png").write_bytes(b"\x89PNG not really")
        assert cv2.imwrite(str(path / "gray.png"), (rng.random((32, 32)) * 255).astype(np.uint8))
    return path


@pytest.fixture
def atlas(make_main_window, qtbot, tmp_path):
    """The window with LeNet-5, the atlas panel in front, its cache in a temporary folder."""
    from cnnviz.core.atlas.cache import AtlasCache

    window = make_main_window(model="lenet5", seed=0, layer=LAYER)
    tab = _tab(window)
    _idle(qtbot, tab)
    panel = tab.side_panels["atlas"]
    panel.atlas.cache = AtlasCache(tmp_path / "cache")
    tab.show_panel("atlas")
    _idle(qtbot, tab)
    return window, tab, panel


def _brute_top(session, folder: Path, layer: str, channel: int, k: int = 9) -> list[tuple[str, float]]:
    """Each readable image through the model alone; the channel's max over space; best k (ties: file order)."""
    from cnnviz.core.errors import ImageError
    from cnnviz.core.images import load_image, prepare

    scores: list[tuple[str, float]] = []
    with session.exclusive() as model:
        module = dict(model.named_modules())[layer]
        for p in sorted(folder.iterdir()):
            try:
                x = prepare(load_image(p), session.pre).tensor
            except ImageError:
                continue
            out: list[torch.Tensor] = []
            handle = module.register_forward_hook(lambda m, a, o, out=out: out.append(o.detach().clone()))
            try:
                with torch.no_grad():
                    model(x)
            finally:
                handle.remove()
            scores.append((p.name, float(out[0][0, channel].max())))
    ranked = sorted(range(len(scores)), key=lambda i: (-scores[i][1], i))[:k]
    return [scores[i] for i in ranked]


def _channel_mean(session, path: Path, layer: str, channel: int) -> float:
    """The channel's mean over space on one image file, fed as the Inspect tab feeds it."""
    from cnnviz.core.images import load_image, prepare

    out: list[torch.Tensor] = []
    with session.exclusive() as model:
        handle = dict(model.named_modules())[layer].register_forward_hook(lambda m, a, o: out.append(o.detach()))
        try:
            with torch.no_grad():
                model(prepare(load_image(path), session.pre).tensor)
        finally:
            handle.remove()
    return float(out[0][0, channel].mean())


def test_top9_of_the_clicked_channel_is_the_brute_force_top9(atlas, qtbot, tmp_path) -> None:
    from cnnviz.core.atlas.crops import crop_box
    from cnnviz.core.atlas.inputs import model_view
    from cnnviz.core.images import load_image
    from cnnviz.gui.inspect.atlas.jobs import SourceChoice

    window, tab, panel = atlas
    folder = _folder(tmp_path / "images", 24, extras=True)
    panel.exemplars.set_choice(SourceChoice("folder", str(folder)))
    _idle(qtbot, tab)
    assert "press Build index" in panel.exemplars.index_label.text()
    panel.exemplars.build_button.click()
    _idle(qtbot, tab)
    text = panel.exemplars.index_label.text()
    assert "25 images indexed" in text and "skipped 1: 1 corrupt" in text and "1 grayscale" in text

    tab.grid.click_pixel(*tab.grid.mosaic.tile_origin(5))  # channel 5 of layer C3
    _idle(qtbot, tab)
    assert panel.channel == 5
    expected = _brute_top(tab.state.model, folder, LAYER, 5)
    shown = panel.atlas.top.items
    assert [Path(i.exemplar.image).name for i in shown] == [name for name, _ in expected]
    np.testing.assert_allclose([i.exemplar.value for i in shown], [v for _, v in expected], rtol=1e-5, atol=1e-5)
    tiles = panel.exemplars.top_grid.tiles
    assert [t.caption for t in tiles] == [f"{v:.3g}" for _, v in expected]
    # each tile is the unit's receptive field cut from the picture the model saw
    first = shown[0].exemplar
    view = model_view(load_image(folder / Path(first.image).name).rgb, tab.state.model.pre)
    np.testing.assert_array_equal(tiles[0].rgb, crop_box(view, first.box).rgb)
    rf = tab.state.model.layer(LAYER).rf
    assert first.box[2] - first.box[0] == int(rf.size[0])

    # the atlas: every channel with its best value, strongest first; a click opens that channel's top 9
    panel.exemplars.view_box.setCurrentIndex(panel.exemplars.view_box.findData("atlas"))
    _idle(qtbot, tab)
    cells = panel.exemplars.atlas_grid.tiles
    assert len(cells) == 16
    best = {c: _brute_top(tab.state.model, folder, LAYER, c, 1)[0][1] for c in (0, 9)}
    values = {t.key: float(t.caption) for t in cells}
    for c, v in best.items():
        assert values[c] == pytest.approx(float(f"{v:.3g}"))
    assert [float(t.caption) for t in cells] == sorted((float(t.caption) for t in cells), reverse=True)
    panel.exemplars.atlas_grid.sig_clicked.emit(9)
    _idle(qtbot, tab)
    assert panel.channel == 9 and panel.exemplars.view_box.currentData() == "top"
    assert panel.atlas.top.channel == 9

    # feature visualisation of that channel puts its mean on the best natural image next to the synthetic one's
    panel.toolbox.setCurrentIndex(1)
    panel.featvis.steps.setValue(6)
    panel.featvis.run_button.click()
    _idle(qtbot, tab)
    answer = panel.atlas.featvis
    best_name = _brute_top(tab.state.model, folder, LAYER, 9, 1)[0][0]
    natural = _channel_mean(tab.state.model, folder / best_name, LAYER, 9)
    assert Path(answer.natural_label).name == best_name
    assert answer.natural == pytest.approx(natural, abs=1e-5)
    assert f"{natural:.4g}" in panel.featvis.result_label.text()


def test_cancel_then_build_again_completes_and_a_model_switch_never_shows_old_exemplars(atlas, qtbot, tmp_path):
    from cnnviz.gui.inspect.atlas.jobs import SourceChoice

    window, tab, panel = atlas
    # a dataset that is not on disk: one sentence in the panel, nothing downloaded
    panel.exemplars.set_choice(SourceChoice("torchvision", "MNIST", "test", str(tmp_path / "nothing")))
    _idle(qtbot, tab)
    assert panel.exemplars.message.isVisible() and "is not on disk" in panel.exemplars.message.text()
    assert "Traceback" not in panel.exemplars.message.text()
    folder = _folder(tmp_path / "many", 320)
    panel.exemplars.set_choice(SourceChoice("folder", str(folder)))
    _idle(qtbot, tab)

    def cancel_on_progress(kind: str, fraction: float, _text: str) -> None:
        if kind == "build" and fraction > 0:
            panel.atlas.progress_changed.disconnect(cancel_on_progress)
            panel.exemplars.cancel_button.click()

    texts: list[str] = []
    panel.atlas.progress_changed.connect(lambda kind, f, text: kind == "build" and f >= 0 and texts.append(text))
    panel.atlas.progress_changed.connect(cancel_on_progress)
    panel.exemplars.build_button.click()
    _idle(qtbot, tab)
    partial = panel.atlas.index.index
    assert partial is not None and 0 < partial.done < 320
    assert f"partial: {partial.done} of 320 visited" in panel.exemplars.index_label.text()
    done_before = partial.done
    assert any("of 320 images" in t for t in texts)  # progress counts the images as they go

    panel.exemplars.build_button.click()  # resumes
    _idle(qtbot, tab)
    index = panel.atlas.index.index
    assert index.complete and index.done == 320 and index.state.seconds > 0
    assert "partial" not in panel.exemplars.index_label.text()
    assert done_before < 320
    shown = panel.atlas.top.items
    expected = _brute_top(tab.state.model, folder, LAYER, panel.channel)
    assert [Path(i.exemplar.image).name for i in shown] == [n for n, _ in expected]
    old_session = tab.state.model

    # another model's weights: the exemplars go the moment the model changes, and stay gone
    seen: list[int] = []
    tab.state.model_changed.connect(lambda _m: seen.append(len(panel.exemplars.top_grid.tiles)))
    tab.controller.load_model("lenet5", seed=1, layer=LAYER)
    qtbot.waitUntil(lambda: tab.state.model is not old_session, timeout=30000)
    _idle(qtbot, tab)
    assert seen == [0]
    assert panel.atlas.index is None or panel.atlas.index.index is None
    assert panel.exemplars.top_grid.tiles == []
    assert "press Build index" in panel.exemplars.index_label.text()

    # a build for the new model, overtaken by a switch back: its answer is dropped; the old index opens from the cache
    panel.exemplars.build_button.click()
    tab.controller.load_model("lenet5", seed=0, layer=LAYER)
    qtbot.waitUntil(lambda: tab.state.model.seed == 0, timeout=30000)
    _idle(qtbot, tab)
    answer = panel.atlas.index
    assert answer is not None and answer.session_id == tab.state.model.session_id
    assert answer.index.from_cache and answer.index.weights == index.weights
    assert "opened from the cache" in panel.exemplars.index_label.text()
    assert [Path(i.exemplar.image).name for i in panel.atlas.top.items] == [n for n, _ in expected]

    # the cache is shown and cleared
    assert "Saved indexes" in panel.exemplars.cache_label.text() and panel.atlas.cache.usage() > 0
    panel.exemplars.clear_button.click()
    assert panel.atlas.cache.usage() == 0 and "0 KB" in panel.exemplars.cache_label.text()


def test_feature_visualisation_is_live_cancellable_and_reports_true_activations(atlas, qtbot) -> None:
    from cnnviz.core.atlas.inputs import batch_inputs

    window, tab, panel = atlas
    fv = panel.featvis
    panel.toolbox.setCurrentIndex(1)
    panel.set_channel(2)
    fv.preset_box.setCurrentIndex(fv.preset_box.findData("2015"))
    fv.steps.setValue(5000)
    steps = []
    panel.atlas.featvis_step.connect(steps.append)
    fv.run_button.click()
    qtbot.waitUntil(lambda: sum(s.image is not None for s in steps) >= 2, timeout=20000)
    # meanwhile the Inspect tab's own work runs at once: the optimisation holds neither the model nor its workers
    erf: list[object] = []
    tab.controller.erf_changed.connect(erf.append)
    tab.grid.click_pixel(*tab.grid.mosaic.tile_origin(2))  # a unit of the channel being visualised
    qtbot.waitUntil(lambda: bool(erf), timeout=10000)
    assert panel.atlas.running("featvis")
    fv.cancel_button.click()
    _idle(qtbot, tab)
    pictures = [s for s in steps if s.image is not None]
    assert len(pictures) >= 2 and steps[-1].step < 5000
    assert not np.array_equal(pictures[0].image, pictures[-1].image)  # it changed as it went
    np.testing.assert_array_equal(fv.view.image.image, pictures[-1].image)
    assert "Stopped at step" in fv.step_label.text() and panel.atlas.featvis is None

    fv.steps.setValue(12)
    fv.run_button.click()
    _idle(qtbot, tab)
    result = panel.atlas.featvis.result
    assert result.target.layer == LAYER and result.target.channel == 2 and len(result.history) == 12
    np.testing.assert_array_equal(fv.view.image.image, result.image)
    # the channel's mean on the picture as the Inspect tab would feed it, measured here
    session = tab.state.model
    from dataclasses import replace

    x = batch_inputs([result.image], replace(session.pre, resize_size=None, crop_size=result.image.shape[:2]))
    with session.exclusive() as model:
        out: list[torch.Tensor] = []
        h = dict(model.named_modules())[LAYER].register_forward_hook(lambda m, a, o: out.append(o.detach().clone()))
        try:
            with torch.no_grad():
                model(x)
        finally:
            h.remove()
    mean = float(out[0][0, 2].mean())
    assert result.activation == pytest.approx(mean, abs=1e-5)
    assert f"{mean:.4g}" in fv.result_label.text()
    assert "not a photo" in fv.note.text() and fv.note.isVisible()
    assert "Build a dataset index" in fv.result_label.text()


def test_projections_are_the_core_maps_on_the_input_panel_and_follow_the_image(atlas, qtbot, tmp_path) -> None:
    from cnnviz.core.attribution import Target, compute
    from cnnviz.core.attribution.cam import heat_rgba
    from cnnviz.gui.inspect.atlas.views import blend, signed_rgba
    from cnnviz.gui.inspect.jobs import ImageInput

    window, tab, panel = atlas
    pj = panel.projections
    panel.toolbox.setCurrentIndex(2)
    tab.grid.click_pixel(*(np.array(tab.grid.mosaic.tile_origin(4)) + (3, 6)))  # channel 4, unit (3, 6)
    _idle(qtbot, tab)
    unit = tab.controller.unit
    assert (unit.layer, unit.channel, unit.y, unit.x) == (LAYER, 4, 3, 6)
    pj.method_box.setCurrentIndex(pj.method_box.findData("deconvnet"))
    pj.show_button.click()
    _idle(qtbot, tab)
    overlay = tab.input_panel.overlay_box
    assert overlay.currentData() == "projection:deconvnet"
    session, x = tab.state.model, tab.state.image.tensor
    with session.exclusive() as model:
        core = compute("deconvnet", model, x, Target.unit(LAYER, 4, 3, 6))
    expected = heat_rgba(core.heat(), "inferno")
    np.testing.assert_array_equal(tab.input_panel.overlay.image, expected)
    # and what it saves is the model input with that overlay
    saved = pj.save_png(str(tmp_path / "deconv.png"))
    import cv2

    png = cv2.imread(saved)[..., ::-1]
    np.testing.assert_array_equal(png, blend(tab.state.image.display, expected))

    # occlusion: the core map of the same unit, with the square and stride chosen here
    pj.window_spin.setValue(8)
    pj.stride_spin.setValue(4)
    pj.occlude_button.click()
    _idle(qtbot, tab)
    assert overlay.currentData() == "occlusion"
    with session.exclusive() as model:
        occ = compute("occlusion", model, x, Target.unit(LAYER, 4, 3, 6), window=8, stride=4)
    np.testing.assert_array_equal(tab.input_panel.overlay.image, signed_rgba(occ.normalized()))
    assert "49 squares of 8 px every 4 px" in pj.occlusion_label.text()

    # another image: the old maps are dropped; a shown projection is made again for the new image
    overlay.setCurrentIndex(overlay.findData("projection:guidedbackprop"))
    _idle(qtbot, tab)
    image = tmp_path / "other.png"
    assert cv2.imwrite(str(image), (np.random.default_rng(1).random((32, 32, 3)) * 255).astype(np.uint8))
    old_id = tab.controller.forward.image_id
    tab.controller.load_image(ImageInput(path=str(image), label="other.png"))
    qtbot.waitUntil(lambda: tab.controller.forward.image_id != old_id, timeout=20000)
    assert panel.atlas.occlusion is None
    _idle(qtbot, tab)
    assert panel.atlas.projections.image_id == tab.controller.forward.image_id
    unit = tab.controller.unit
    with tab.state.model.exclusive() as model:
        gb = compute("guidedbackprop", model, tab.state.image.tensor,
                     Target.unit(LAYER, unit.channel, unit.y, unit.x))
    np.testing.assert_array_equal(tab.input_panel.overlay.image, heat_rgba(gb.heat(), "inferno"))
    with tab.state.model.exclusive() as model:  # nothing the panel ran left a hook behind
        assert not any(m._forward_hooks or m._forward_pre_hooks or m._backward_hooks for m in model.modules())


def test_the_panel_fits_1280x800_grows_with_the_zoom_and_keeps_its_choices_in_a_lesson(
        atlas, make_main_window, qtbot, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QApplication, QPushButton

    from cnnviz.gui import presentation, startup, theme
    from cnnviz.gui.inspect.atlas.jobs import SourceChoice
    from cnnviz.gui.inspect.atlas.views import Tile
    from cnnviz.gui.inspect.atlas.widgets import ButtonRow

    window, tab, panel = atlas
    app = QApplication.instance()
    saved_font = app.font().pointSizeF()
    monkeypatch.setattr(presentation, "_base_point_size", startup.CLASSROOM_POINT_SIZE)
    folder = _folder(tmp_path / "few", 12)
    panel.exemplars.set_choice(SourceChoice("folder", str(folder)))
    panel.exemplars.build_button.click()
    _idle(qtbot, tab)
    try:
        sides = {}
        others = [tab.side_panels[k] for k in ("math", "kernels", "top5")]
        for zoom in (1.0, 1.5, 2.0):
            window.set_zoom(zoom)
            qtbot.wait(50)
            for section in range(3):
                panel.toolbox.setCurrentIndex(section)
                qtbot.wait(20)
                # the panel never makes the side column (so the window) wider than the other panels do
                assert panel.minimumSizeHint().width() <= max(w.minimumSizeHint().width() for w in others)
                # buttons side by side keep their whole text, or stack one per line
                for row in panel.toolbox.currentWidget().findChildren(ButtonRow):
                    for b in row.buttons:
                        assert b.width() >= min(b.sizeHint().width(), row.width()), (zoom, b.text())
                if zoom == 1.0:
                    hint = window.minimumSizeHint()
                    assert hint.width() <= 1280 and hint.height() <= 800, (section, hint.toTuple())
            if zoom == 1.0:
                window.resize(1280, 800)
                qtbot.wait(50)
                assert (window.width(), window.height()) == (1280, 800)
            if zoom == 1.0:  # (zoomed, the rest of the window is already wider than 1280: issue #14)
                for section in (panel.exemplars, panel.featvis, panel.projections):
                    panel.toolbox.setCurrentWidget(section)
                    qtbot.wait(20)
                    scroll = section.parentWidget().parentWidget()  # the tool box's scroll area around the page
                    assert section.width() <= scroll.viewport().width(), section  # no sideways scrolling
                    for button in section.findChildren(QPushButton):
                        assert button.width() >= button.sizeHint().width(), button.text()  # whole labels
                panel.toolbox.setCurrentIndex(0)
            qtbot.wait(20)
            grid = panel.exemplars.atlas_grid  # as many columns of readable tiles as fit: their side follows the zoom
            grid.set_tiles([Tile(None, "")] * 64)
            sides[zoom] = grid.grid_geometry(600)[2], panel.featvis.view.minimumSizeHint()
        assert sides[1.0][0] < sides[1.5][0] < sides[2.0][0]  # crops (in a grid wide enough) grow with the zoom
        assert sides[1.0][1].height() < sides[1.5][1].height() < sides[2.0][1].height()  # and the synthetic picture
    finally:
        window.set_zoom(1.0)
        theme.set_application_font_size(app, saved_font)

    # the panel's choices go into the lesson and come back on a fresh window
    panel.exemplars.set_layer_choice(["C1", LAYER])
    panel.featvis.preset_box.setCurrentIndex(panel.featvis.preset_box.findData("2015"))
    panel.featvis.steps.setValue(77)
    panel.featvis.seed.setValue(5)
    panel.projections.method_box.setCurrentIndex(panel.projections.method_box.findData("saliency"))
    panel.toolbox.setCurrentIndex(1)
    _idle(qtbot, tab)
    lesson = json.loads(json.dumps(tab.lesson_state()))
    assert lesson["atlas"]["dataset"] == {"kind": "folder", "name": str(folder), "split": "", "root": ""}
    assert lesson["atlas"]["layers"] == ["C1", LAYER] and lesson["atlas"]["section"] == "featvis"
    assert lesson["atlas"]["featvis"]["preset"] == "2015" and lesson["atlas"]["featvis"]["steps"] == 77
    fresh = _tab(make_main_window(model="lenet5", seed=0))
    _idle(qtbot, fresh)
    fresh.apply_lesson_state(lesson)
    _idle(qtbot, fresh)
    other = fresh.side_panels["atlas"]
    assert other.exemplars.choice() == SourceChoice("folder", str(folder))
    assert other.exemplars.layers() == ("C1", LAYER)
    assert (other.featvis.preset_box.currentData(), other.featvis.steps.value(), other.featvis.seed.value()) == \
        ("2015", 77, 5)
    assert other.projections.method_box.currentData() == "saliency" and other.toolbox.currentIndex() == 1
    problems = other.apply_lesson_state({"dataset": {"kind": "folder", "name": str(tmp_path / "gone")}})
    assert problems and "was not found" in problems[0]

