"""The Inspect tab's work scheduler: it turns requests into worker jobs.

Widgets ask for things (another model, another image, a unit's effective
field) by calling the controller; results come back as signals: the model
session and its prepared image through :class:`~cnnviz.gui.state.AppState`
(other tabs read them), what only Inspect shows (activations, the selected
unit, its effective field, Grad-CAM, the colormap, progress) through the
controller's own signals. Each kind of work keeps one job at a time: a new
request cancels the running one, and a generation number stamped on every
request makes sure a superseded result is dropped even if it finishes first.
Errors keep the previous model and image.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from cnnviz.core.session import (
    TRAINED_LABEL,
    ForwardResult,
    ModelRequest,
    ModelSession,
    UnitSelection,
)
from cnnviz.gui.i18n import translate_message
from cnnviz.gui.inspect.common import tr, weights_text
from cnnviz.gui.inspect.job_slots import JobSlots
from cnnviz.gui.inspect.jobs import (
    ImageInput,
    job_cam,
    job_erf,
    job_load_image,
    job_load_model,
    job_rerun,
    job_weight,
)
from cnnviz.gui.inspect.layer_choice import layer_to_show
from cnnviz.gui.inspect.load_questions import ask_load_what_fits, ask_trust
from cnnviz.gui.state import AppState
from cnnviz.gui.workers import Job

if TYPE_CHECKING:
    from cnnviz.core.images import LoadedImage, PreparedImage


@dataclass(frozen=True)
class InspectHandover:
    """What a rebuilt Inspect tab takes over from the previous one (a language switch)."""

    raw_image: LoadedImage | None
    forward: ForwardResult | None
    unit: UnitSelection | None
    colormap: str
    image_source: ImageInput | None
    image_source_shape: tuple[int, int, int] | None = None
    drawing: Any = None  # the sketch pad's drawing while it is the input (sketch_pad.DrawingHandover)
    timelapse_index: int | None = None  # the time-lapse snapshot shown (None: the model's own weights)


class InspectController(QObject):
    """Starts, supersedes and cancels the Inspect tab's background work, and holds what only it shows."""

    model_failed = Signal(str)
    """A model could not be loaded (the message); the previous model stays."""
    model_loading = Signal(object)
    """A model load started (its ``ModelRequest``); ``model_failed`` or AppState.model_changed follows."""
    forward_changed = Signal(object)
    """New activations for the current model and image (a core ``ForwardResult``)."""
    unit_changed = Signal(object)
    """The selected unit changed (a core ``UnitSelection``: layer, channel, y, x; or None)."""
    erf_changed = Signal(object)
    """An effective receptive field was computed for the selected unit (an ``ErfResult``)."""
    cam_changed = Signal(object)
    """A Grad-CAM map was computed for the selected layer (a ``CamAnswer``) or cleared (None)."""
    progress_changed = Signal(float, str)
    """Progress of the current long work: a fraction in [0, 1] and a message; < 0 hides it."""
    colormap_changed = Signal(str)
    """The colormap for activation maps changed (a core.render colormap name)."""
    weights_view_changed = Signal(object)
    """Inspect shows the model with other weights (a core ``SessionWithWeights``: a training snapshot) or its own (None)."""

    def __init__(self, state: AppState, parent_widget: QWidget | None = None) -> None:
        super().__init__()
        self.state = state
        self.parent_widget = parent_widget
        self.raw_image: LoadedImage | None = None  # the image as loaded, before preprocessing
        self.forward: ForwardResult | None = None  # activations of the model on the image
        self.unit: UnitSelection | None = None
        self.colormap = "viridis"
        self.jobs = JobSlots()  # one job per kind of work; a newer one supersedes it
        self._image_counter = 0
        self.image_source: ImageInput | None = None  # where the current image came from
        self.requested_image: ImageInput | None = None  # the image a running 'main' job is reading
        # the input shape (C, H, W) of the model the current image was chosen for (None: the start-up picture)
        self.image_source_shape: tuple[int, int, int] | None = None
        # the current session seen with other weights (core.weights_view.SessionWithWeights), or None
        self.weights_view: Any = None
        self._model_request: ModelRequest | None = None  # the model load in flight
        self._request_layer: str | None = None
        self._request_image: ImageInput | None = None
        self._request_then: Callable[[], None] | None = None
        self.ask_trust: Callable[[str], bool] = lambda message: ask_trust(self.parent_widget, message)
        self.ask_load_what_fits: Callable[[str], bool] = lambda message: ask_load_what_fits(self.parent_widget, message)
        self._cam_timer = QTimer(self)
        self._cam_timer.setSingleShot(True)
        self._cam_timer.setInterval(120)
        self._cam_timer.timeout.connect(self._start_cam)
        self.cam_enabled = True
        self.unit_changed.connect(self._on_unit)
        state.layer_changed.connect(lambda _=None: self._cam_timer.start())
        self.forward_changed.connect(lambda _=None: self._cam_timer.start())
        state.device_changed.connect(self._on_device)

    # ------------------------------------------------------------ what Inspect shows
    def set_unit(self, unit: UnitSelection | None) -> None:
        """Select one unit of a layer's output (or None)."""
        self.unit = unit
        self.unit_changed.emit(unit)

    def set_colormap(self, name: str) -> None:
        """Choose the colormap of activation maps (no signal if unchanged)."""
        if name != self.colormap:
            self.colormap = name
            self.colormap_changed.emit(name)

    def publish(
        self, session: ModelSession, raw: LoadedImage, prepared: PreparedImage, forward: ForwardResult
    ) -> None:
        """Make a model, its image and their activations current; every attribute is set before any signal.

        A new image through the same model (the next webcam frame) keeps the
        clicked unit when it still exists, so its receptive field stays drawn.
        """
        model_new = session is not self.state.model
        self.raw_image, self.forward = raw, forward
        if model_new or not forward.has_unit(self.unit):
            self.unit = None
        if model_new and self.weights_view is not None:
            self.weights_view = None  # another model shows its own weights
            self.weights_view_changed.emit(None)
        self.state.set_session(session, prepared)
        self.unit_changed.emit(self.unit)
        self.forward_changed.emit(forward)

    def handover(self) -> InspectHandover:
        """What a rebuilt tab needs to show the same thing without loading it again."""
        return InspectHandover(self.raw_image, self.forward, self.unit, self.colormap, self.image_source,
                               self.image_source_shape)

    def take_over(self, live: InspectHandover) -> None:
        """Adopt the previous tab's activations, unit, colormap and image source, and draw them."""
        self.raw_image, self.forward, self.unit = live.raw_image, live.forward, live.unit
        self.image_source, self.image_source_shape = live.image_source, live.image_source_shape
        self.set_colormap(live.colormap)
        self.state.announce()
        self.unit_changed.emit(self.unit)
        self.forward_changed.emit(self.forward)

    def has_own_image_for(self, session: ModelSession) -> bool:
        """True when the current image is one the user chose, for a model with ``session``'s input shape."""
        requested = self.requested_image
        if requested is not None and requested.is_own() and self.pending("main"):
            return True  # the user's picture is still being read: it is theirs already
        source = self.image_source
        return (source is not None and source.is_own()
                and self.image_source_shape == tuple(session.input_shape))

    # ------------------------------------------------------------ bookkeeping
    def busy(self) -> bool:
        """True while any Inspect job runs (or a Grad-CAM is about to start)."""
        return self.jobs.busy() or self._cam_timer.isActive()

    def running(self, kind: str) -> bool:
        """True while a job of ``kind`` ('main', 'erf', 'cam') runs."""
        return self.jobs.running(kind)

    def pending(self, kind: str) -> bool:
        """True from the start of a job of ``kind`` until its outcome was handled on the GUI thread.

        Unlike :meth:`running`, this stays True while a finished job's result is
        still queued: a new job started then would supersede (drop) that result.
        """
        return self.jobs.pending(kind)

    def current_job(self, kind: str) -> Job | None:
        """The running job of ``kind`` ('main', 'erf', 'cam'), or None."""
        return self.jobs.current(kind)

    def cancel(self, kind: str | None = None) -> None:
        """Cancel one kind of work, or all of it, and forget its result."""
        self.jobs.cancel([kind] if kind else None)
        if kind in (None, "main"):
            self._model_request = None
            self.progress_changed.emit(-1.0, "")

    def _start(
        self,
        kind: str,
        fn: Callable[..., Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[..., None],
        *,
        show_progress: bool = False,
        on_error: Callable[[Any], None] | None = None,
        then: Callable[[], None] | None = None,
        **kwargs: Any,
    ) -> Job:
        """Start the job of ``kind`` (see :meth:`JobSlots.start`); ``show_progress`` drives the progress bar."""
        progress = (lambda f, m: self.progress_changed.emit(f, tr(m))) if show_progress else None
        progress_end = (lambda: self.progress_changed.emit(-1.0, "")) if show_progress else None
        return self.jobs.start(kind, fn, on_done, on_failed, on_progress=progress, on_progress_end=progress_end,
                               on_error=on_error, then=then, **kwargs)

    def job_session(self, session: ModelSession) -> ModelSession:
        """The session jobs run on: ``session`` seen with the weights shown (:meth:`show_weights`), else itself."""
        view = self.weights_view
        if view is None or session is None or view.session_id != session.session_id:
            return session
        view.device = session.device
        return view

    def show_weights(self, view: Any, then: Callable[[], None] | None = None) -> Job | None:
        """Show the current model with other weights, or its own (``view`` None); the current image runs again.

        ``view`` is a core ``SessionWithWeights`` of the current session (a
        training snapshot). Every job runs on it from now on, so the
        activations, top-5, kernels, Grad-CAM and effective receptive field
        all show those weights; the session's own model is never changed.
        """
        session = self.state.model
        if view is not None and (session is None or view.session_id != session.session_id):
            return None
        self.weights_view = view
        self.weights_view_changed.emit(view)
        return self.rerun(then=then)

    def rerun(self, then: Callable[[], None] | None = None, *, show_progress: bool = False) -> Job | None:
        """Run the current image through the current model again (other weights, another device)."""
        session = self.state.model
        if session is None or self.raw_image is None:
            return None

        def done(result: Any) -> None:
            raw, prepared, fwd = result
            if self.state.model is session:
                self._publish(session, raw, prepared, fwd, None)

        return self._start(
            "main", job_rerun, done,
            lambda m, d="": self.state.show_error(tr("Could not run the model"), m, d),
            show_progress=show_progress, then=then, session=self.job_session(session), raw_image=self.raw_image,
            image_id=self._next_image_id(),
        )

    def _next_image_id(self) -> int:
        self._image_counter += 1
        return self._image_counter

    # ------------------------------------------------------------ model
    def load_model(
        self,
        name: str,
        weights: str = "random",
        *,
        seed: int = 0,
        model_kwargs: dict[str, Any] | None = None,
        state_dict: Any = None,
        state_label: str = TRAINED_LABEL,
        class_names: tuple[str, ...] | None = None,
        trust_pickle: bool = False,
        device: str | None = None,
        image: ImageInput | None = None,
        layer: str | None = None,
        then: Callable[[], None] | None = None,
    ) -> Job:
        """Load ``name`` (built with ``model_kwargs``) with ``weights`` and run the current (or given) image.

        ``state_dict`` (weights in memory, e.g. from the Train tab) replaces
        ``weights`` and is named ``state_label``. ``then`` is called once the
        job is over (after its result is shown or its error reported).
        """
        request = ModelRequest(
            name=name, weights=weights, seed=seed, model_kwargs=dict(model_kwargs or {}), state_dict=state_dict,
            state_label=state_label, class_names=class_names, trust_pickle=trust_pickle,
        )
        return self.load(request, device=device, image=image, layer=layer, then=then)

    def load(
        self,
        request: ModelRequest,
        *,
        device: str | None = None,
        image: ImageInput | None = None,
        layer: str | None = None,
        then: Callable[[], None] | None = None,
    ) -> Job:
        """Load the model ``request`` describes and run the current (or given) image through it."""
        device = device or self.state.device
        # Everything needed to start this load again (a device or image change while it runs):
        # in-memory weights included, or a re-run would load random ones.
        self._model_request, self._request_layer = request, layer
        self._request_image, self._request_then = image, then
        self.state.show_status(tr("Loading {0}…").format(request.name), 0)
        self.model_loading.emit(request)
        source = image if image is not None else (None if self.raw_image is not None else self.image_source)

        def done(result: Any) -> None:
            self._model_request = None
            session, raw, prepared, fwd = result
            if source is not None:
                self.image_source, self.image_source_shape = source, session.input_shape
            self._publish(session, raw, prepared, fwd, layer)
            self.state.show_status(
                tr("{0} loaded · {1} · forward pass {2:.0f} ms").format(
                    session.name, weights_text(session.weights_label), fwd.seconds * 1000
                ),
                6000,
            )

        raised: list[Exception] = []

        def failed(message: str, details: str = "") -> None:
            from cnnviz.core.errors import PickleRefusedError, WeightsMismatchError

            self._model_request = None
            exc = raised[-1] if raised else None
            if isinstance(exc, PickleRefusedError) and not request.trust_pickle and self.ask_trust(message):
                self.load(replace(request, trust_pickle=True), device=device, image=image, layer=layer, then=then)
                return
            if isinstance(exc, WeightsMismatchError) and request.strict and self.ask_load_what_fits(message):
                self.load(replace(request, strict=False), device=device, image=image, layer=layer, then=then)
                return
            self.state.show_status("", 1)
            kept = self.state.model.name if self.state.model is not None else tr("nothing")
            self.state.show_error(
                tr("Could not load {0}").format(request.name),
                message + "\n\n" + tr("Still showing: {0}.").format(kept),
                details,
            )
            self.model_failed.emit(message)

        return self._start(
            "main",
            job_load_model,
            done,
            failed,
            show_progress=True,
            on_error=lambda exc: raised.append(exc) if exc is not None else None,
            then=then,
            request=request,
            device=device,
            raw_image=self.raw_image if image is None else None,
            image_source=source,
            image_id=self._next_image_id(),
        )

    def _reload_request(self, **changes: Any) -> Job | None:
        """Start the model load in flight again with ``changes`` (device, image)."""
        request = self._model_request
        if request is None:
            return None
        kw: dict[str, Any] = dict(image=self._request_image, layer=self._request_layer, then=self._request_then)
        kw.update(changes)
        return self.load(request, **kw)

    def _publish(self, session: Any, raw: Any, prepared: Any, fwd: Any, layer: str | None) -> None:
        wanted, message = layer_to_show(session, layer or self.state.layer, layer)
        if message:
            self.state.show_error(tr("Layer"), message)
        if session is not self.state.model:
            self.state.layer = ""  # so set_layer below always announces the layer of the new model
        # (a new image through the same model keeps its layer: no layer_changed per webcam frame or stroke)
        self.publish(session, raw, prepared, fwd)
        self.state.set_layer(wanted)

    # ------------------------------------------------------------ image
    def load_image(
        self,
        source: ImageInput,
        then: Callable[[], None] | None = None,
        *,
        show_progress: bool = True,
        on_failed: Callable[[str], None] | None = None,
    ) -> Job | None:
        """Read an image and run it through the current model (the previous one stays on error).

        ``show_progress``: drive the progress bar (off for webcam frames, which
        come many a second); ``on_failed(message)`` runs after the error was reported.
        """
        session = self.state.model
        if self._model_request is not None and self.pending("main"):
            # a model is loading: load it with this image instead
            return self._reload_request(image=source, then=then)
        if session is None:
            self.image_source = source
            return None
        label = source.label or (os.path.basename(source.path) if source.path else tr("image"))

        def done(result: Any) -> None:
            raw, prepared, fwd = result
            if self.requested_image is source:
                self.requested_image = None
            if self.state.model is None or self.state.model.session_id != fwd.session_id:
                return  # the model changed meanwhile; its own load ran the image
            self.image_source, self.image_source_shape = source, self.state.model.input_shape
            for note in getattr(raw, "notes", ()):
                self.state.show_status(translate_message(note), 8000)
            self._publish(self.state.model, raw, prepared, fwd, None)

        def failed(message: str, details: str = "") -> None:
            if self.requested_image is source:
                self.requested_image = None
            self.state.show_error(
                tr("Could not open {0}").format(label),
                message + "\n\n" + tr("The previous image stays loaded."),
                details,
            )
            if on_failed is not None:
                on_failed(message)

        self.requested_image = source
        return self._start(
            "main", job_load_image, done, failed, show_progress=show_progress, then=then,
            session=self.job_session(session), source=source, image_id=self._next_image_id(),
        )

    def _on_device(self, device: str) -> None:
        if self._model_request is not None and self.pending("main"):
            self._reload_request(device=device)
            return
        session = self.state.model
        if session is None or self.raw_image is None:
            return
        session.device = device

        def done(result: Any) -> None:
            raw, prepared, fwd = result
            if self.state.model is session:
                self._publish(session, raw, prepared, fwd, None)
                self.state.status_info_changed.emit()

        self._start(
            "main", job_rerun, done,
            lambda m, d="": self.state.show_error(tr("Could not run on {0}").format(device), m, d),
            show_progress=True, session=self.job_session(session), raw_image=self.raw_image,
            image_id=self._next_image_id(),
        )

    # ------------------------------------------------------------ weights
    def read_weight(self, key: str, on_done: Callable[[Any], None]) -> None:
        """Copy the weight tensor of layer ``key`` in a worker; ``on_done(array or None)`` on the GUI thread."""
        self.cancel("weight")
        session = self.state.model
        if session is None or not key:
            on_done(None)
            return

        def done(result: Any) -> None:
            if self.state.model is session and self.state.layer == key:
                on_done(result)

        self._start("weight", job_weight, done, lambda m, d="": self.state.show_status(m, 6000),
                    session=self.job_session(session), key=key)

    # ------------------------------------------------------------ unit: effective RF
    def _on_unit(self, unit: UnitSelection | None) -> None:
        self.cancel("erf")
        session, image, fwd = self.state.model, self.state.image, self.forward
        if unit is None or session is None or image is None or fwd is None:
            return

        def done(result: Any) -> None:
            if self.state.model is session and self.forward is fwd and self.unit == unit:
                self.erf_changed.emit(result)

        self._start(
            "erf", job_erf, done, lambda m, d="": self.state.show_status(m, 6000),
            session=self.job_session(session), tensor=image.tensor, unit=unit, image_id=fwd.image_id,
        )

    # ------------------------------------------------------------ Grad-CAM
    def _start_cam(self) -> None:
        self.cancel("cam")
        session, image, fwd, layer = self.state.model, self.state.image, self.forward, self.state.layer
        if not self.cam_enabled or session is None or image is None or fwd is None or not layer:
            self.cam_changed.emit(None)
            return
        out = fwd.layers.get(layer)
        if out is None or out.dim() != 4 or fwd.output is None or fwd.output.dim() != 2:
            self.cam_changed.emit(None)
            return

        def done(result: Any) -> None:
            if self.state.model is session and self.forward is fwd and self.state.layer == layer:
                self.cam_changed.emit(result)

        self._start(
            "cam", job_cam, done, lambda m, d="": self.cam_changed.emit(None),
            session=self.job_session(session), tensor=image.tensor, layer=layer, image_id=fwd.image_id,
        )

    def shutdown(self) -> None:
        """Cancel everything (the window is closing)."""
        self._cam_timer.stop()
        self.cancel()
