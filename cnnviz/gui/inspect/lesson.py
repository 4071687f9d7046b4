"""The Inspect tab's lesson contract: its whole state as a JSON-ready dict, and back.

A lesson (or a teacher's bookmark) stores what :func:`lesson_state` returns
and later calls :func:`apply_lesson_state` on a fresh window. Applying goes
through the tab's normal controller and workers (nothing loads on the GUI
thread); a missing file or an unknown name gives a readable message and the
rest of the state is still applied.

Keys (all optional when applying; missing keys keep what the window shows)::

    version       1
    model         registry name, e.g. "resnet18"
    model_kwargs  keyword arguments the model is built with, e.g. {"batch_norm": true}
    weights       "random" | "pretrained" | a path to a weights file
    seed          seed of the random initialisation (used with "random")
    device        "cpu", "cuda:0", ...
    image         path of the input image, or null for a sample
    image_digest  SHA-1 of the image's pixels (shape and RGB bytes): a window that shows this very picture
                  keeps it as it is (where it came from, a drawing) instead of loading the attachment again
    sample        name of a bundled sample image (used when image is null; null: the model's default)
    layer         key of the selected layer
    colormap      activation colormap name
    scale         "shared" | "per_channel" | "symmetric"
    sort          "index" | "mean" | "max"
    unit          {"channel": c, "y": y, "x": x} of the selected unit, or null
    overlay       "erf" | "cam" | "none", or a side panel's ("projection:deconvnet", "occlusion", ...)
    kernel_page   input channel shown in the Kernels view
    timelapse_run the Train tab's run whose snapshots the model had (its time-lapse), or absent; reopened,
                  Inspect offers to bring them back through the Train tab
    attribution   the "Why this class?" panel's choices: {"methods": [names], "target": "top" | "class" | "unit",
                  "class_index": int or null, "layer": CAM layer key or null (follow the selected layer),
                  "overlay": bool, "page": "maps" | "faithfulness" | "sanity" | "sweep"}
    atlas         the "What it detects" panel's choices (see ``AtlasPanel.lesson_state``):
                  {"section", "dataset": {"kind", "name", "split", "root"} | null,
                   "layers": [keys] | null (the selected layer), "view", "sort",
                   "featvis": {"target", "class", "preset", "steps", "size", "lr", "seed"},
                   "projection": {"target", "method", "window", "stride"}}
                  (every side panel with lesson hooks stores its choices under its key)
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from cnnviz.core.errors import CnnvizError, shorten
from cnnviz.core.lesson_file import Attachments
from cnnviz.core.session import ModelRequest, UnitSelection
from cnnviz.gui.i18n import error_text
from cnnviz.gui.inspect.common import tr
from cnnviz.gui.inspect.jobs import ImageInput
from cnnviz.gui.inspect.side_panels import apply_panel_lesson_states, panel_lesson_states

if TYPE_CHECKING:
    from cnnviz.core.images import LoadedImage
    from cnnviz.core.session import ModelSession
    from cnnviz.gui.inspect.tab import InspectTab

VERSION = 1


def _sample_name(path: str | None) -> str | None:
    """The bundled sample at ``path`` (its stem), or None for any other file."""
    if not path:
        return None
    from cnnviz.core.samples import list_samples

    try:
        resolved = Path(path).resolve()
    except OSError:
        return None
    for sample in list_samples():
        if sample.resolve() == resolved:
            return sample.stem
    return None


def _plain(value: Any) -> Any:
    """``value`` with tuples as lists and numpy scalars as Python numbers (JSON-ready)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "item") and callable(value.item):
        return value.item()
    return value


def lesson_state(tab: InspectTab, attachments: Attachments) -> dict[str, Any]:
    """What the Inspect tab ``tab`` shows now, as a JSON-serialisable dict (see the module docstring).

    The image (unless it is a bundled sample) and weights that cannot be
    downloaded again (a file, or trained in the app) go into ``attachments``.
    """
    state, session, controller = tab.state, tab.state.model, tab.controller
    source = controller.image_source
    path = source.path if source is not None and source.path else None
    raw = controller.raw_image
    if path is None and raw is not None and raw.path is not None:
        path = str(raw.path)
    sample = _sample_name(path)
    unit = controller.unit
    out: dict[str, Any] = {
        "version": VERSION,
        "model": session.name if session is not None else None,
        "model_kwargs": session.kwargs if session is not None else {},
        "weights": session.weights if session is not None else "random",
        "seed": int(session.seed) if session is not None else 0,
        "device": state.device,
        "image": None if sample else (str(path) if path else None),
        "sample": sample,
        "layer": state.layer or None,
        "colormap": controller.colormap,
        "scale": tab.grid.scale_box.currentData(),
        "sort": tab.grid.sort_box.currentData(),
        "unit": (
            {"channel": int(unit.channel), "y": int(unit.y), "x": int(unit.x)}
            if unit is not None and unit.layer == state.layer
            else None
        ),
        "overlay": tab.input_panel.overlay_box.currentData(),
        "kernel_page": int(tab.kernels.current_page()),
        **panel_lesson_states(tab.side_panels),
    }
    if raw is not None:
        out["image_digest"] = image_digest(raw.rgb)
    if not sample and raw is not None:
        out["image_attachment"] = _attach_image(raw, path, attachments)
        out["image_name"] = Path(path).name if path else (source.label if source is not None else "") or "image.png"
    if session is not None and (session.weights not in ("random", "pretrained") or session.weights_in_memory):
        out["weights_attachment"] = _attach_weights(session, attachments)
        out["weights_label"] = session.weights_label
    request = getattr(session, "request", None)
    if request is not None and request.snapshots is not None and request.run:
        out["timelapse_run"] = request.run
    elif getattr(getattr(tab, "timelapse", None), "replay_run", ""):  # a reopened lesson's run: offered again
        out["timelapse_run"] = tab.timelapse.replay_run
    return _plain(out)


def image_digest(rgb: np.ndarray) -> str:
    """SHA-1 of an image's shape and pixels: the same picture gives the same text."""
    import hashlib

    digest = hashlib.sha1(str(rgb.shape).encode(), usedforsecurity=False)
    digest.update(np.ascontiguousarray(rgb).tobytes())
    return digest.hexdigest()


def _shows_weights(session: ModelSession | None, name: Any, kwargs: dict[str, Any],
                   state_dict: dict[str, Any] | None) -> bool:
    """True when ``session`` is model ``name`` built with ``kwargs`` and has exactly the weights ``state_dict``.

    Then the lesson's model is the one shown (a language switch rebuilds the tab from its own lesson
    state): it stays, with what it came with (its dataset's validation images, class names, time-lapse).
    """
    if session is None or state_dict is None or session.name != name or session.kwargs != kwargs:
        return False
    import torch

    own = session.state_dict_copy()
    return own.keys() == state_dict.keys() and all(
        isinstance(v, torch.Tensor) and v.shape == own[k].shape and v.dtype == own[k].dtype
        and torch.equal(v.cpu(), own[k]) for k, v in state_dict.items())


def _shows_image(state: Any, lesson: dict[str, Any]) -> bool:
    """True when the window shows the lesson's picture already (its pixels' digest matches)."""
    digest = lesson.get("image_digest")
    image = getattr(state, "image", None)
    return isinstance(digest, str) and image is not None and image_digest(image.original) == digest


def _attach_image(raw: LoadedImage, path: str | None, attachments: Attachments) -> str:
    """The image as the user gave it (the file's bytes), or as a PNG when it came from a camera or the clipboard."""
    if path:
        try:
            data = Path(path).read_bytes()
            return attachments.add(data, Path(path).name, "image")
        except OSError:
            pass
    import cv2

    ok, encoded = cv2.imencode(".png", np.ascontiguousarray(raw.rgb[..., ::-1]))
    if not ok:
        raise CnnvizError("The image could not be encoded for the lesson.")
    return attachments.add(encoded.tobytes(), "image.png", "image")


def _attach_weights(session: ModelSession, attachments: Attachments) -> str:
    """The session's weights as a plain state_dict file (loadable with ``weights_only=True``)."""
    import io

    import torch

    buffer = io.BytesIO()
    torch.save(session.state_dict_copy(), buffer)
    return attachments.add(buffer.getvalue(), f"{session.name} weights.pt", "weights")


def _choose(box: Any, value: Any) -> bool:
    i = box.findData(value)
    if i >= 0:
        box.setCurrentIndex(i)
    return i >= 0


def apply_lesson_state(tab: InspectTab, lesson: dict[str, Any], attachments: Attachments) -> None:
    """Restore a :func:`lesson_state` dict on ``tab`` through its normal workers.

    View options apply at once; the model, weights and image load in the
    background, then the layer, unit and kernel page are selected. Problems
    (a missing image or weights file, an unknown model or colormap) are
    reported with ``state.show_error`` and the rest still applies.
    """
    state = tab.state
    if not isinstance(lesson, dict):
        state.show_error(tr("Lesson"), tr("A lesson state must be a JSON object, not {0}.").format(type(lesson).__name__))
        return
    problems: list[str] = []
    input_panel = getattr(tab, "input_panel", None)
    if input_panel is not None and hasattr(input_panel, "stop_webcam"):
        input_panel.stop_webcam()  # the lesson's image replaces the live camera
    _apply_view(tab, lesson, problems)
    _apply_device(tab, lesson, problems)

    session = state.model
    name = lesson.get("model") or (session.name if session is not None else None)
    weights = str(lesson.get("weights") or "random")
    seed = int(lesson.get("seed") or 0)
    kwargs = dict(lesson.get("model_kwargs") or {})
    state_dict, label = _attached_weights(lesson, attachments, problems)
    if state_dict is None and weights not in ("random", "pretrained") and not Path(weights).is_file():
        problems.append(tr("The weights file {0} was not found; using random weights.").format(weights))
        weights = "random"
    if state_dict is not None:
        weights = "random"  # built like a random model, then given the lesson's weights
    image = _attached_image(lesson, attachments) or _image_input(lesson, problems)

    def finish(_: object = None) -> None:
        _apply_selection(tab, lesson)
        run = lesson.get("timelapse_run")
        if isinstance(run, str) and run and state.model is not None and hasattr(tab, "timelapse"):
            tab.timelapse.offer_replay(run)  # its snapshots are the Train tab's: a button asks for them
        problems.extend(apply_panel_lesson_states(tab.side_panels, lesson))
        if problems:
            state.show_error(tr("Lesson"), "\n".join(problems))

    if name is not None and _code_refused(str(name)):
        problems.append(
            tr("The lesson's model {0} names Python code that you chose not to run, so it was skipped; "
               "the rest of the lesson opened.").format(shorten(str(name)))
        )
        name = session.name if session is not None else None
        weights, seed, kwargs = ((session.weights, session.seed, session.kwargs) if session is not None
                                 else ("random", 0, {}))
    if name is None:
        finish()
        return
    request = ModelRequest(str(name), weights, seed, kwargs, state_dict=state_dict, state_label=label)
    same_model = request.same_model(session) or _shows_weights(session, name, kwargs, state_dict)
    if same_model and image is not None and _shows_image(state, lesson):
        image = None  # the picture shown is the lesson's: it stays, with its source (a file, a drawing)
    layer = lesson.get("layer")
    controller = tab.controller
    if same_model and image is None:
        running = controller.current_job("main")  # e.g. the device change above runs the image again
        if running is not None:
            running.sig_done.connect(finish)
        else:
            finish()
        return
    if same_model and image is not None:  # (without an image it returned above)
        job = controller.load_image(image, then=finish)
    else:
        job = controller.load(request, image=image, layer=layer, then=finish)
    if job is None:
        finish()


def _attached_weights(
    lesson: dict[str, Any], attachments: Attachments, problems: list[str]
) -> tuple[dict[str, Any] | None, str]:
    """The weights the lesson carries (a plain state_dict, read with ``weights_only=True``), and their label."""
    ref = lesson.get("weights_attachment")
    if not ref:
        return None, ""
    item = attachments.get(ref, "weights")
    label = shorten(str(lesson.get("weights_label") or tr("weights from the lesson")), 80)
    if item is None:
        problems.append(tr("The lesson's weights are missing from the file; using random weights."))
        return None, ""
    from cnnviz.core.weights import state_dict_from_bytes

    try:
        return state_dict_from_bytes(item.data, item.name), label
    except CnnvizError as exc:
        problems.append(tr("The lesson's weights could not be read ({0}); using random weights.").format(exc))
        return None, ""


def _attached_image(lesson: dict[str, Any], attachments: Attachments) -> ImageInput | None:
    """The image the lesson carries, or None (then the path or sample is used)."""
    item = attachments.get(lesson.get("image_attachment"), "image")
    if item is None:
        return None
    return ImageInput(data=item.data, label=str(lesson.get("image_name") or item.name)[:120])


def _code_refused(name: str) -> bool:
    """True when ``name`` is a custom spec whose code was not approved (the window asked when it opened the lesson)."""
    from cnnviz.core import trust

    if not trust.names_code(name):
        return False
    request = trust.code_request(name)
    try:
        trust.check_not_standard_library(request)
    except trust.RefusedFactoryError:
        return True
    return not trust.is_approved(request)


def _image_input(lesson: dict[str, Any], problems: list[str]) -> ImageInput | None:
    """The image the lesson asks for, or None to keep the current one."""
    path, sample = lesson.get("image"), lesson.get("sample")
    if path:
        if Path(path).is_file():
            return ImageInput(path=str(path), label=Path(path).name)
        problems.append(tr("The image {0} was not found; the current image stays.").format(path))
        return None
    if sample:
        from cnnviz.core.errors import CnnvizError
        from cnnviz.core.samples import sample_path

        try:
            p = sample_path(str(sample))
        except CnnvizError as exc:
            problems.append(error_text(exc))
            return None
        return ImageInput(path=str(p), label=p.name)
    return None


def _apply_view(tab: Any, lesson: dict[str, Any], problems: list[str]) -> None:
    from cnnviz.core.render import list_colormaps

    cmap = lesson.get("colormap")
    if cmap:
        if cmap in list_colormaps():
            tab.controller.set_colormap(cmap)
        else:
            problems.append(tr("Unknown colormap {0}; keeping {1}.").format(cmap, tab.controller.colormap))
    for key, box in (("scale", tab.grid.scale_box), ("sort", tab.grid.sort_box), ("overlay", tab.input_panel.overlay_box)):
        value = lesson.get(key)
        if value is not None and not _choose(box, value):
            problems.append(tr("Unknown {0} {1}.").format(key, value))


def _apply_device(tab: Any, lesson: dict[str, Any], problems: list[str]) -> None:
    device = lesson.get("device")
    if not device or device == tab.state.device:
        return
    from cnnviz.core.device import resolve_device
    from cnnviz.core.errors import CnnvizError

    try:
        tab.state.set_device(str(resolve_device(str(device))))
    except CnnvizError as exc:
        problems.append(tr("Device {0}: {1} Staying on {2}.").format(device, exc, tab.state.device))


def _apply_selection(tab: Any, lesson: dict[str, Any]) -> None:
    """Layer, unit and kernel page: after the model and image are in place."""
    state = tab.state
    layer = lesson.get("layer")
    layer_found = True
    if layer and state.model is not None:
        keys = {row.key for row in state.model.summary.layers}
        layer = state.model.current_layer_name(str(layer))  # a lesson saved before the layers were renamed
        if layer in keys:
            state.set_layer(layer)
        else:
            layer_found = False
            state.show_status(tr("{0} has no layer {1}.").format(state.model.name, layer), 6000)
    unit = lesson.get("unit")
    fwd = tab.controller.forward
    if isinstance(unit, dict) and fwd is not None and layer_found:  # never the unit on another layer
        selection = UnitSelection(state.layer, *(int(unit.get(k, -1)) for k in ("channel", "y", "x")))
        if fwd.has_unit(selection):
            tab.controller.set_unit(selection)
    page = lesson.get("kernel_page")
    if page is not None:
        tab.kernels.set_page(int(page))
