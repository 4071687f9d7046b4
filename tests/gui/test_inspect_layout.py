"""The Inspect tab's layout and activation grid: readable columns, recolouring, zoom, colour bar."""

from __future__ import annotations

import numpy as np
import pytest

from cnnviz.gui.inspect.colorbar import nice_ticks

pytestmark = pytest.mark.gui


def _tab(window):
    return window.tab_widgets["inspect"]


def test_layer_tree_shows_every_column_of_resnet_at_1600(make_main_window, qtbot) -> None:
    window = make_main_window(model="resnet18", layer="layer1.0.conv1")
    window.resize(1600, 1000)
    tab = _tab(window)
    qtbot.waitUntil(lambda: tab.controller.forward is not None and not tab.is_busy(), timeout=60000)
    qtbot.wait(50)
    view = tab.tree.view
    header = view.header()
    right = header.sectionViewportPosition(3) + header.sectionSize(3)
    assert right <= view.viewport().width(), "the Params column is cut off"
    for column in (2, 3):  # shapes and counts are never cut
        assert header.sectionSize(column) >= view.sizeHintForColumn(column)
    assert header.sectionSize(0) >= 80  # the names keep room
    assert view.textElideMode().name == "ElideMiddle"
    # the selected row's cells say what the summary says
    index = view.currentIndex()
    row = tab.state.model.summary.layer("layer1.0.conv1")
    assert index.siblingAtColumn(2).data() == "64×56×56" and index.siblingAtColumn(1).data() == row.type
    assert "36,864" in index.siblingAtColumn(3).data(3)  # exact count in the tooltip (ToolTipRole)


def test_colormap_change_recolours_without_rebuilding_the_mosaic(inspect_window) -> None:
    tab = _tab(inspect_window)
    grid = tab.grid
    m = grid.mosaic
    tab.controller.set_colormap("magma")
    assert grid.mosaic is m
    np.testing.assert_array_equal(grid.image.image[..., :3], m.to_rgb("magma"))
    assert grid.image.levels is None  # uint8 RGBA goes to Qt without rescaling
    lo, hi = m.levels
    values = [v for v, _ in grid.colorbar.ticks()]
    assert values and all(lo <= v <= hi for v in values)
    grid.set_options(scale="per_channel")
    assert [t for _, t in grid.colorbar.ticks()] == ["min", "max"]


def test_zoom_survives_layers_of_the_same_shape(inspect_window) -> None:
    tab = _tab(inspect_window)
    grid = tab.grid
    grid.view.setRange(xRange=(0, 20), yRange=(0, 20), padding=0)
    grid.fit_button.setChecked(False)  # what zooming with the wheel does
    zoomed = grid.view.viewRange()
    tab.state.set_layer("act1")  # Tanh after the first convolution: also 6×28×28
    assert grid.maps.shape == (6, 28, 28) and grid.view.viewRange() == zoomed
    tab.state.set_layer("S2")  # pooled to 14×14: the view fits the new mosaic
    assert grid.view.viewRange() != zoomed


def test_channel_numbers_follow_the_tiles(inspect_window) -> None:
    grid = _tab(inspect_window).grid
    labels = grid.numbers.labels()
    assert [t for t, _, _ in labels] == [str(c) for c in grid.mosaic.channels]
    for text, x, y in labels:
        assert grid.mosaic.tile_origin(int(text)) == (y, x)
    assert grid.numbers.visible_at(10.0) and not grid.numbers.visible_at(0.05)


@pytest.mark.parametrize(
    ("lo", "hi", "expected"),
    [(-1.88, 1.92, [-1.0, 0.0, 1.0]), (0.0, 1.0, [0.0, 0.5, 1.0]), (0.0, 0.003, [0.0, 0.001, 0.002, 0.003]), (3.0, 3.0, [])],
)
def test_nice_ticks(lo: float, hi: float, expected: list[float]) -> None:
    assert nice_ticks(lo, hi) == pytest.approx(expected)


def test_clicking_a_unit_does_not_move_the_pictures_and_random_weights_are_said_next_to_the_maps(
        make_main_window, qtbot) -> None:
    window = make_main_window(model="resnet18", seed=0)
    window.resize(1280, 800)
    tab = window.tab_widgets["inspect"]
    qtbot.waitUntil(lambda: tab.controller.forward is not None and not tab.is_busy(), timeout=60000)
    qtbot.wait(200)
    before = (tab.input_panel.original.height(), tab.input_panel.seen.height(), tab.grid.canvas.height())
    tab.grid.click_pixel(*tab.grid.mosaic.tile_origin(3))
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=30000)
    qtbot.wait(100)
    assert "receptive field" in tab.input_panel.rf_label.text()
    assert (tab.input_panel.original.height(), tab.input_panel.seen.height(), tab.grid.canvas.height()) == before
    assert tab.grid.random_note.isVisible() and "untrained" in tab.grid.random_note.text()


def test_the_receptive_field_hint_fits_its_reserved_lines_in_chinese_at_200_percent(make_main_window, qtbot):
    """Chinese glyphs come from a fallback font with taller lines: the reserved room is laid out, not guessed."""
    window = make_main_window(lang="zh", model="lenet5", seed=0)
    window.resize(1920, 1080)
    window.set_zoom(2.0)
    tab = window.tab_widgets["inspect"]
    qtbot.waitUntil(lambda: tab.controller.forward is not None and not tab.is_busy(), timeout=30000)
    qtbot.wait(100)
    label = tab.input_panel.rf_label
    assert "点击" in label.toPlainText()
    label.document().setTextWidth(label.viewport().width())
    assert label.document().size().height() <= label.height(), (label.document().size().height(), label.height())
    assert not label.verticalScrollBar().isVisible()
