"""The Inspect tab's "What it detects" panel (issue #15): exemplars, feature visualisation, projections."""

from cnnviz.gui.inspect.atlas.panel import AtlasPanel

__all__ = ["AtlasPanel"]
