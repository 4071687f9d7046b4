"""The activation grid's title and random-weights note share the controls' row when they fit: the tiles get the line.

Where they do not fit (a big zoom, a narrow column) each keeps a line of its own, and nothing is
squeezed: the title is never wrapped or overlapped beside the controls, the note keeps
NOTE_MIN_CHARS characters (the whole note in its tooltip).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


def _ready(make_main_window, qtbot, size, **options):
    window = make_main_window(model="lenet5", seed=0, **options)
    window.resize(*size)
    tab = window.tab_widgets["inspect"]
    qtbot.waitUntil(lambda: tab.controller.forward is not None and not tab.is_busy(), timeout=60000)
    qtbot.wait(300)
    return window, tab


def _row(widget, grid) -> tuple[int, int]:
    """(top, bottom) of ``widget`` in the grid's coordinates."""
    top = widget.mapTo(grid, widget.rect().topLeft()).y()
    return top, top + widget.height()


def _same_row(a, b, grid) -> bool:
    (at, ab), (bt, bb) = _row(a, grid), _row(b, grid)
    return abs((at + ab) / 2 - (bt + bb) / 2) <= 4


def _left_right(widget, grid) -> tuple[int, int]:
    left = widget.mapTo(grid, widget.rect().topLeft()).x()
    return left, left + widget.width()


def test_the_note_goes_beside_the_controls_at_1280x800(make_main_window, qtbot) -> None:
    from cnnviz.gui.inspect.activation_grid import NOTE_MIN_CHARS

    _window, tab = _ready(make_main_window, qtbot, (1280, 800))
    grid = tab.grid
    note = grid.random_note
    assert note.isVisible() and "untrained" in note.toolTip()
    assert _same_row(note, grid.cmap_box, grid), (_row(note, grid), _row(grid.cmap_box, grid))
    assert _left_right(note, grid)[1] <= _left_right(grid.cmap_box, grid)[0]  # no overlap
    assert note.width() >= note.fontMetrics().averageCharWidth() * NOTE_MIN_CHARS
    # the title (too long to go beside them here) keeps its own line above, in one piece
    assert _row(grid.title, grid)[1] <= _row(grid.cmap_box, grid)[0]
    # before: 0.40 of the centre column for the tiles (title, controls and note on three lines)
    assert grid.canvas.height() / tab.center_split.height() >= 0.42


def test_a_wide_grid_takes_the_title_on_the_controls_row(make_main_window, qtbot) -> None:
    _window, tab = _ready(make_main_window, qtbot, (2400, 1000))
    grid = tab.grid
    title = grid.title
    assert grid.width() > 1000, grid.width()
    assert _same_row(title, grid.cmap_box, grid)
    assert _left_right(title, grid)[1] <= _left_right(grid.cmap_box, grid)[0]
    one_line = title.fontMetrics().lineSpacing()
    assert title.height() < 2 * one_line  # not wrapped
    assert title.width() >= title.fontMetrics().horizontalAdvance(title.text())
    # its line does not hold the column wide: the splitter can still narrow it, and the title goes back
    text_w = title.fontMetrics().horizontalAdvance(title.text())
    assert grid.minimumSizeHint().width() < text_w + sum(w.minimumSizeHint().width() for w in grid.controls())
    window = _window
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: grid.width() < 700, timeout=3000)
    qtbot.wait(100)
    assert _row(title, grid)[1] <= _row(grid.cmap_box, grid)[0]


def test_at_200_percent_in_a_narrow_column_each_keeps_its_line(make_main_window, qtbot) -> None:
    _window, tab = _ready(make_main_window, qtbot, (1920, 1080), zoom=2.0)
    grid = tab.grid
    if grid.width() >= 1200:
        pytest.skip("the column is wide here: the packing rule gives the title or note the row")
    assert _row(grid.title, grid)[1] <= _row(grid.cmap_box, grid)[0]
    assert _row(grid.cmap_box, grid)[1] <= _row(grid.random_note, grid)[0]
