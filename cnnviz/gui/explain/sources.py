"""Numbers Explain takes from the rest of the app: an image patch, a real layer's kernel and fields.

Every read of the loaded model goes through the session's exclusive access
(:meth:`cnnviz.core.session.ModelSession.exclusive`); layer facts (kernel,
stride, padding, channels, fields) come from the session's summary, so
nothing here runs or inspects the module itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from cnnviz.core.explain import ExplainError

if TYPE_CHECKING:
    from cnnviz.core.images import PreparedImage
    from cnnviz.core.session import ModelSession
    from cnnviz.core.summary import LayerInfo

#: How long a button press waits for a model another worker is running (seconds).
READ_TIMEOUT_S = 2.0


def first_conv(session: ModelSession | None) -> LayerInfo | None:
    """The summary row of the session's first 2-D convolution, or None."""
    return session.first_layer_of_type("Conv2d") if session is not None else None


def current_conv(session: ModelSession | None, layer: str) -> LayerInfo | None:
    """The selected layer when it is a 2-D convolution, else the model's first one."""
    if session is None:
        return None
    row = session.layer(layer) if layer else None
    if row is not None and row.type == "Conv2d":
        return row
    return first_conv(session)


def conv_weights(session: ModelSession, row: LayerInfo) -> tuple[np.ndarray, np.ndarray | None]:
    """(weight, bias) of the convolution behind ``row`` as float64 copies (SessionBusyError if busy)."""
    weight = session.weight_of(row.key, timeout=READ_TIMEOUT_S)
    if weight is None or weight.ndim != 4:
        raise ExplainError(f"{row.key} has no 4-D kernel to show.")
    bias = session.bias_of(row.key, timeout=READ_TIMEOUT_S)
    return weight.astype(np.float64), None if bias is None else bias.astype(np.float64)


def image_patch(image: PreparedImage | None, shape: tuple[int, int, int]) -> np.ndarray:
    """The (C, H, W) patch at the centre of a PreparedImage's tensor, rounded to 2 decimals.

    Channels repeat when the image has fewer than asked for.
    """
    if image is None:
        raise ExplainError("No image is open.")
    arr = image.tensor.detach().float().cpu().numpy()[0]
    c, h, w = shape
    if arr.shape[1] < h or arr.shape[2] < w:
        raise ExplainError(f"The image ({arr.shape[1]}×{arr.shape[2]}) is smaller than the {h}×{w} grid.")
    y0, x0 = (arr.shape[1] - h) // 2, (arr.shape[2] - w) // 2
    chans = [arr[i % arr.shape[0], y0 : y0 + h, x0 : x0 + w] for i in range(c)]
    return np.round(np.stack(chans).astype(np.float64), 2)
