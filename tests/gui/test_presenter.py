"""The presenter view mirrors Inspect panels large, follows every change, and closes with the main window."""

from __future__ import annotations

import numpy as np
import pytest

pytestmark = pytest.mark.gui


def _tiles(grid) -> dict[int, np.ndarray]:
    """Each channel's tile as drawn (RGBA), read from the grid's picture with its mosaic's geometry."""
    m, rgba = grid.mosaic, grid.image.image
    h, w = m.cell_size
    out = {}
    for c in m.channels:
        y, x = m.tile_origin(int(c))
        out[int(c)] = rgba[y : y + h, x : x + w].copy()
    return out


def _settle(qtbot, tab) -> None:
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=20000)
    qtbot.wait(20)


def test_the_presenter_shows_the_same_pictures_after_a_layer_change_and_closes_with_the_window(
        inspect_window, qtbot):
    import shiboken6
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QColor

    from cnnviz.core.session import UnitSelection
    from cnnviz.gui.presenter import PresenterWindow, presenter_of

    window = inspect_window
    tab = window.tab_widgets["inspect"]
    window.act_presenter.trigger()  # View → Presenter view (F10)
    presenter = presenter_of(window)
    assert isinstance(presenter, PresenterWindow) and presenter.key == "grid"
    presenter.resize(1200, 800)
    tab.state.set_layer("C3")  # the second convolution: 16 channels of 10×10
    _settle(qtbot, tab)
    mirror = presenter.panel
    assert mirror.maps.shape == tab.grid.maps.shape == (16, 10, 10)
    main_tiles, big_tiles = _tiles(tab.grid), _tiles(mirror)
    assert main_tiles.keys() == big_tiles.keys()
    for c, tile in main_tiles.items():
        assert np.array_equal(tile, big_tiles[c]), c  # the same picture, tile by tile
    assert mirror.title.text() == tab.grid.title.text()
    assert mirror.tile_screen_size() > tab.grid.tile_screen_size()  # and larger
    # the main grid's options reach the presenter (per-channel scale, strongest first)
    tab.grid.set_options("per_channel", "max")
    _settle(qtbot, tab)
    assert (mirror.scale_box.currentData(), mirror.sort_box.currentData()) == ("per_channel", "max")
    assert list(mirror.mosaic.channels) == list(tab.grid.mosaic.channels)
    for c, tile in _tiles(tab.grid).items():
        assert np.array_equal(tile, _tiles(mirror)[c]), c
    # the kernels of the new layer, even while the main window shows another side panel
    presenter.set_panel("kernels")
    qtbot.waitUntil(lambda: tab.kernels.weight is not None and tab.kernels.weight.shape[0] == 16, timeout=10000)
    assert np.array_equal(presenter.panel.view.image.image, tab.kernels.view.image.image)
    # the model input with its receptive-field box: a second view of the same scene, scaled up
    tab.input_panel.overlay_box.setCurrentIndex(tab.input_panel.overlay_box.findData("none"))
    tab.controller.set_unit(UnitSelection("C3", 4, 5, 5))
    presenter.set_panel("input")
    _settle(qtbot, tab)
    big = presenter.panel
    assert big.scene() is tab.input_panel.seen.scene()
    big.fit()
    shot = big.grab().toImage()
    display = tab.state.image.display
    item = tab.input_panel.seen.image
    for y, x in ((2, 2), (16, 16), (9, 20)):
        p = big.mapFromScene(item.mapToScene(QPointF(x + 0.5, y + 0.5)))
        colour = QColor(shot.pixel(p.x(), p.y()))
        assert abs(colour.red() - int(display[y, x, 0])) <= 2, (y, x)
    seen_rect = item.mapRectToScene(item.boundingRect())
    assert big.mapFromScene(seen_rect).boundingRect().width() > 2 * tab.input_panel.seen.image.sceneBoundingRect().width()
    # top-5: the same numbers
    presenter.set_panel("top5")
    for i in range(3):
        assert presenter.panel.labels[i].text() == tab.predictions.labels[i].text()
        assert presenter.panel.bars[i].value() == tab.predictions.bars[i].value()
    # F10 again closes it; then it closes with the main window
    window.act_presenter.trigger()
    assert presenter_of(window) is None
    presenter = window.toggle_presenter("math")
    assert presenter.isVisible() and "Conv2d" in presenter.panel.text.toPlainText()
    window.close()
    qtbot.wait(10)
    assert not shiboken6.isValid(presenter) or not presenter.isVisible()


def test_the_presenter_follows_a_language_switch(inspect_window, qtbot):
    from cnnviz.gui.presenter import presenter_of

    window = inspect_window
    presenter = window.toggle_presenter("grid")
    window.switch_language("zh")
    tab = window.tab_widgets["inspect"]
    _settle(qtbot, tab)
    assert presenter_of(window) is presenter
    tab.state.set_layer("C3")
    _settle(qtbot, tab)
    assert presenter.panel.maps.shape == (16, 10, 10)
    np.testing.assert_array_equal(presenter.panel.maps, tab.grid.maps)
    window.switch_language("en")


def test_f10_in_the_presenter_window_closes_it(inspect_window, qtbot):
    """On a single projector the presenter covers the main window: its own F10 closes it."""
    from PySide6.QtGui import QKeySequence, QShortcut

    from cnnviz.gui.presenter import presenter_of

    window = inspect_window
    presenter = window.toggle_presenter("grid")
    keys = {s.key().toString(): s for s in presenter.findChildren(QShortcut)}
    assert QKeySequence("F10").toString() in keys
    keys[QKeySequence("F10").toString()].activated.emit()
    qtbot.waitUntil(lambda: presenter_of(window) is None, timeout=5000)
