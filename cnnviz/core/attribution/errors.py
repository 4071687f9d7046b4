"""Errors an attribution can end with, each with a message for a person.

All are :class:`~cnnviz.core.errors.ModelError` subclasses (the model, layer
or target does not allow the method), except an unknown method name or
option, which is a :class:`~cnnviz.core.errors.ConfigError`.
"""

from __future__ import annotations

from cnnviz.core.errors import ConfigError, ModelError


class AttributionError(ModelError):
    """An attribution cannot be computed for this model, layer or target."""


class NoConvLayerError(AttributionError):
    """A CAM method was asked of a model that has no convolutional layer."""


class LayerError(AttributionError):
    """The chosen layer cannot serve: it did not run, the target does not depend on it, or it is not a map."""


class LayerNotSpatialError(LayerError):
    """The chosen layer's output is not a spatial map (N, C, H, W with H·W > 1)."""


class TargetError(AttributionError):
    """The target class or unit does not exist in this model, or the model gives no class scores."""


class NonFiniteError(AttributionError):
    """The model's output, a layer's activations or a gradient holds NaN or infinite values."""


class NonFiniteLayerError(NonFiniteError, LayerError):
    """A layer's activations or gradients hold NaN or infinite values."""


class UnknownMethodError(ConfigError):
    """No attribution method is registered under that name, or an option is unknown."""
