"""The network map: the loaded model drawn as a graph you can click through (issue 18 §4).

Where it lives: a **Map** tab beside **Layers** in Inspect's left column
(:func:`left_column`). The map is a navigator, like the layer tree: a lecturer
looks for "where am I in the network" on the left, and wants the activations
and the layer math (centre, right) in view while walking it, which a side
panel on the right would hide. At 1280×800 the column is about 420 px wide:
a top-to-bottom drawing of a folded ResNet (about 200 layout pixels wide)
fits across it, and the tall part scrolls. When the window is too narrow the
left column folds behind its "Layers" button, Map included (see
:mod:`cnnviz.gui.reflow`).

* :mod:`.jobs` — building the graph (a summary pass with the data flow
  recorded, under ``session.exclusive()``), folding and layout, in a worker;
* :mod:`.items` — the graphics items (boxes, edges, shape labels) that paint
  only what is visible and skip text when it would be too small to read;
* :mod:`.view` — the ``QGraphicsView``: click, double-click, pan, zoom, keys;
* :mod:`.panel` — the Map tab: fold / absorb / colour controls, export, and the
  wiring to :class:`~cnnviz.gui.state.AppState`.
"""

from cnnviz.gui.inspect.network_map.panel import NetworkMapPanel, left_column

__all__ = ["NetworkMapPanel", "left_column"]
