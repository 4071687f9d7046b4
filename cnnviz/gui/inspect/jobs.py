"""Work the Inspect tab runs off the GUI thread, and the results it hands back.

Every function here takes ``progress`` and ``cancel`` (see
:func:`cnnviz.gui.workers.run_in_thread`) and only calls core. Functions
that run a model do it inside ``session.exclusive()`` (see
:mod:`cnnviz.core.session`): hooks are per module, so two threads running
one model at once would see each other's hooks.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from cnnviz.core.progress import CancelToken, ProgressFn
from cnnviz.core.session import (
    TRAINED_LABEL,
    ForwardResult,
    ModelRequest,
    ModelSession,
    UnitSelection,
)

#: BatchNorm outputs at least this big are computed in the worker, not when a view first reads them.
BIG_REPLAY_BYTES = 16 << 20

@dataclass(frozen=True)
class ErfResult:
    """The effective receptive field of a unit, for the session and image it was computed on."""

    session_id: int
    image_id: int
    unit: UnitSelection
    heat: np.ndarray  # float32 (H, W), max 1


@dataclass(frozen=True)
class CamAnswer:
    """A Grad-CAM map tagged with the session and image it belongs to."""

    session_id: int
    image_id: int
    cam: Any  # core.attribution.cam.CamResult


@dataclass(frozen=True)
class ImageInput:
    """An image to load: a path, encoded bytes, or an RGB array (webcam / clipboard).

    ``own``: the user chose this picture (a file, the clipboard, a drawing, the
    webcam, a lesson's image, a validation image picked in the Samples box);
    False for a shipped sample or a picture Inspect picked by itself, which a
    model trained on a dataset replaces with one of that dataset's images.
    """

    path: str | None = None
    data: bytes | None = None
    array: np.ndarray | None = None
    label: str = ""
    own: bool = True

    def is_own(self) -> bool:
        """True when the user chose this picture (a shipped sample's path is never the user's own)."""
        from pathlib import Path

        from cnnviz.core.samples import SAMPLES_DIR

        if not self.own:
            return False
        return self.path is None or Path(self.path).resolve().parent != SAMPLES_DIR


def _check(cancel: CancelToken) -> None:
    cancel.check()


def _device_of(model: Any) -> Any:
    """The device of the model's first parameter (CPU for a model without any)."""
    first = next(iter(model.parameters()), None)
    return first.device if first is not None else "cpu"


class _CancelHooks:
    """Forward pre-hooks that stop a forward pass between layers when cancelled."""

    def __init__(self, model: Any, cancel: CancelToken) -> None:
        self.handles = [m.register_forward_pre_hook(lambda *_: cancel.check()) for m in model.modules()]

    def __enter__(self) -> _CancelHooks:
        return self

    def __exit__(self, *exc: object) -> None:
        for h in self.handles:
            h.remove()


def read_image(source: ImageInput) -> Any:
    """Load an image (core.images.LoadedImage) from a path, bytes or an array."""
    from cnnviz.core.images import LoadedImage, load_image

    if source.array is not None:
        rgb = np.ascontiguousarray(source.array[..., :3].astype(np.uint8))
        return LoadedImage(rgb=rgb, path=None, original_mode="RGB 8-bit", format=source.label)
    if source.data is not None:
        return load_image(source.data)
    return load_image(Path(source.path or ""))


def run_forward(session: ModelSession, raw_image: Any, image_id: int, cancel: CancelToken) -> tuple[Any, ForwardResult]:
    """Prepare ``raw_image`` for ``session`` and capture every layer's output."""
    import time

    import torch

    from cnnviz.core.device import resolve_device, with_cpu_fallback
    from cnnviz.core.images import prepare
    from cnnviz.core.predict import top_k
    from cnnviz.core.probe import capture

    prepared = prepare(raw_image, session.pre)
    _check(cancel)
    t0 = time.perf_counter()

    with session.exclusive() as module:

        def work(dev: torch.device) -> Any:
            model = module.to(dev)
            with _CancelHooks(model, cancel):
                return capture(model, prepared.tensor.to(dev), "all")

        result, used = with_cpu_fallback(work, resolve_device(session.device))
        session.device = str(used)
    # On CPU this is the capture itself, so BatchNorm outputs stay replays until
    # a view reads them (the webcam captures every frame and shows one layer);
    # big ones run here, so reading a layer on the GUI thread stays cheap.
    layers = result.layers.to("cpu")
    layers.run_replays(min_bytes=BIG_REPLAY_BYTES)
    out = result.output.detach().to("cpu") if result.output is not None else None
    preds = []
    if out is not None and out.dim() == 2:
        preds = top_k(out, session.class_names, 5)
    return prepared, ForwardResult(
        session_id=session.session_id,
        image_id=image_id,
        layers=layers,
        output=out,
        predictions=preds,
        seconds=time.perf_counter() - t0,
    )


def job_load_model(
    *,
    progress: ProgressFn,
    cancel: CancelToken,
    request: ModelRequest,
    device: str,
    raw_image: Any,
    image_source: ImageInput | None,
    image_id: int,
) -> tuple[ModelSession, Any, Any, ForwardResult]:
    """Build and load the model ``request`` describes, summarise it and run the current image through it.

    Returns (session, raw image, prepared image, forward result). Anything
    failing leaves the caller's previous model untouched.
    """
    from cnnviz.core.session import open_session
    from cnnviz.core.weights import load_model

    progress(0.05, f"Building {request.name}")
    loaded = load_model(
        request.name, request.weights, seed=request.seed, model_kwargs=dict(request.model_kwargs),
        trust_pickle=request.trust_pickle, strict=request.strict,
        progress=lambda f, m: progress(0.05 + 0.45 * f, m),
        state_dict=request.state_dict, state_label=request.state_label or TRAINED_LABEL,
    )
    _check(cancel)
    progress(0.55, "Measuring every layer")
    session = open_session(loaded, weights=request.weights, device=device, seed=request.seed,
                           class_names=request.class_names)
    session.request = request
    _check(cancel)
    if image_source is not None:
        raw_image = read_image(image_source)
    if raw_image is None:
        from cnnviz.core.samples import default_sample

        raw_image = read_image(ImageInput(path=str(default_sample(session.pre.channels))))
    progress(0.75, "Running the image through the model")
    prepared, fwd = run_forward(session, raw_image, image_id, cancel)
    progress(1.0, "Ready")
    return session, raw_image, prepared, fwd


def job_load_image(
    *, progress: ProgressFn, cancel: CancelToken, session: ModelSession, source: ImageInput, image_id: int
) -> tuple[Any, Any, ForwardResult]:
    """Read an image and run it through the current model: (raw, prepared, forward)."""
    progress(0.1, "Reading the image")
    raw = read_image(source)
    _check(cancel)
    progress(0.4, "Running the image through the model")
    prepared, fwd = run_forward(session, raw, image_id, cancel)
    progress(1.0, "Ready")
    return raw, prepared, fwd


def job_rerun(
    *, progress: ProgressFn, cancel: CancelToken, session: ModelSession, raw_image: Any, image_id: int
) -> tuple[Any, Any, ForwardResult]:
    """Run the current image again (after a device change): (raw, prepared, forward)."""
    progress(0.3, "Running the image through the model")
    prepared, fwd = run_forward(session, raw_image, image_id, cancel)
    return raw_image, prepared, fwd


def job_weight(*, progress: ProgressFn, cancel: CancelToken, session: ModelSession, key: str) -> np.ndarray | None:
    """A float32 copy of the weights of layer ``key`` (None when it has none)."""
    return session.weight_of(key)


def job_erf(
    *, progress: ProgressFn, cancel: CancelToken, session: ModelSession, tensor: Any, unit: UnitSelection, image_id: int
) -> ErfResult:
    """The effective receptive field of ``unit`` (core.receptive.effective_rf)."""
    from cnnviz.core.receptive import effective_rf

    with session.exclusive() as model:
        _check(cancel)
        dev = _device_of(model)
        with _CancelHooks(model, cancel):
            heat = effective_rf(model, tensor.to(dev), unit.layer, (unit.y, unit.x), unit.channel)
    return ErfResult(session.session_id, image_id, unit, heat)


def job_cam(
    *, progress: ProgressFn, cancel: CancelToken, session: ModelSession, tensor: Any, layer: str, image_id: int
) -> CamAnswer:
    """Grad-CAM of ``layer`` for the top class (core.attribution.cam.grad_cam)."""
    from cnnviz.core.attribution.cam import grad_cam

    with session.exclusive() as model:
        _check(cancel)
        dev = _device_of(model)
        with _CancelHooks(model, cancel):
            cam = grad_cam(model, tensor.to(dev), layer)
    return CamAnswer(session.session_id, image_id, cam)
