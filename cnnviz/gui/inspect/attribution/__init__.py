"""The Inspect tab's "Why this class?" panel (issue 16): attribution maps side by side, and how far to trust each.

- :mod:`.panel` the side panel widget (key ``attribution``), which assembles:
  :mod:`.choices_form` (methods, target, CAM layer, overlay), :mod:`.maps_page`
  (the grid of tiles or one map enlarged), :mod:`.captions` (its texts) and
  :mod:`.export_bar` (Export ▾ and ↻ Again);
- :mod:`.controller` its choices and jobs (lazy, cancelled on a model or image switch);
- :mod:`.jobs` the worker functions and their tagged answers;
- :mod:`.tiles` colouring maps and the reflowing grid of tiles;
- :mod:`.trust_views` faithfulness curves, the sanity check and the layer sweep;
- :mod:`.export` the PNG of the grid and the CSV of the scores.
"""

from cnnviz.gui.inspect.attribution.panel import AttributionPanel

__all__ = ["AttributionPanel"]
