"""Attribution: which pixels (or which parts of a layer) made the model say what it said.

The methods (CAM family, gradient family, occlusion) are registered by name
(:func:`list_methods` gives each one's label, family, paper, options);
:func:`compute` gives one :class:`AttributionMap`, :func:`compute_many`
several side by side sharing their forward/backward passes.
:func:`faithfulness` scores a map (deletion / insertion AUC, Average Drop,
Increase in Confidence), :func:`sanity_check` runs the cascading
randomisation test, :func:`layer_sweep` runs a CAM over every conv layer.
Long work takes ``progress`` and ``cancel``; hooks are always removed.
"""

from cnnviz.core.attribution.api import AttributionSet, check_input, compute, compute_many
from cnnviz.core.attribution.errors import (
    AttributionError,
    LayerError,
    LayerNotSpatialError,
    NoConvLayerError,
    NonFiniteError,
    TargetError,
    UnknownMethodError,
)
from cnnviz.core.attribution.layers import conv_layers, default_layer
from cnnviz.core.attribution.metrics import Curve, Faithfulness, faithfulness
from cnnviz.core.attribution.registry import (
    AttributionMap,
    MethodInfo,
    OptionInfo,
    list_methods,
    method_info,
)
from cnnviz.core.attribution.sanity import SanityReport, SanityStep, sanity_check
from cnnviz.core.attribution.sweep import LayerSweep, SweepEntry, layer_sweep
from cnnviz.core.attribution.targets import ResolvedTarget, Target, parse_target

__all__ = [
    "AttributionError", "AttributionMap", "AttributionSet", "Curve", "Faithfulness", "LayerError",
    "LayerNotSpatialError", "LayerSweep", "MethodInfo", "NoConvLayerError", "NonFiniteError", "OptionInfo",
    "ResolvedTarget", "SanityReport", "SanityStep", "SweepEntry", "Target", "TargetError",
    "UnknownMethodError", "check_input", "compute", "compute_many", "conv_layers", "default_layer",
    "faithfulness", "layer_sweep", "list_methods", "method_info", "parse_target", "sanity_check",
]
