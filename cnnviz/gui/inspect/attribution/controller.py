"""The "Why this class?" panel's scheduler: what to explain, and the jobs that explain it.

It holds the user's choices (methods, target, CAM layer) and turns them, with
the current model, image, selected layer and unit, into a
:class:`~.jobs.MapsRequest`. Maps are computed lazily: only while the panel
is visible (:meth:`set_active`), a moment after the last change. Each kind of
work ('maps', 'scores', 'sanity', 'sweep') keeps one job; a new request or
another model or image cancels it, and a generation number plus the
session / image tags on every answer make sure a superseded answer is dropped
even when it finishes first. Faithfulness, the sanity check and the layer
sweep run only when asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from cnnviz.gui.inspect.attribution.jobs import (
    DEFAULT_METHODS,
    MapsAnswer,
    MapsRequest,
    ModelCopy,
    ScoresAnswer,
    job_faithfulness,
    job_maps,
    job_sanity,
    job_sweep,
)
from cnnviz.gui.inspect.common import tr
from cnnviz.gui.inspect.job_slots import JobSlots
from cnnviz.gui.workers import Job

if TYPE_CHECKING:
    from cnnviz.core.attribution import Target
    from cnnviz.core.session import ModelSession
    from cnnviz.gui.inspect.controller import InspectController
    from cnnviz.gui.state import AppState

#: How long after the last change the maps start (a burst of changes starts one job).
DELAY_MS = 150
#: ... after a new image: webcam frames come faster than this, so a live camera starts no job per frame.
IMAGE_DELAY_MS = 400
TARGET_KINDS = ("top", "class", "unit")


@dataclass(frozen=True)
class MapsKey:
    """Everything the maps depend on; equal keys give equal maps."""

    session_id: int
    image_id: int
    request: MapsRequest


def is_spatial(shape: list[int] | tuple[int, ...] | None) -> bool:
    """True for a layer output (without the batch) that is a map: C×H×W with H·W > 1."""
    return shape is not None and len(shape) == 3 and int(shape[1]) * int(shape[2]) > 1


def spatial_layers(session: ModelSession | None) -> list[str]:
    """Summary keys of the layers that ran and give a map (the layers a CAM can use)."""
    if session is None:
        return []
    return [r.key for r in session.summary.layers if r.call and is_spatial(r.output_shape)]


class AttributionController(QObject):
    """Holds the panel's choices and answers and runs its jobs (see the module docstring)."""

    maps_changed = Signal(object)
    """New maps for the current model and image (a ``MapsAnswer``), or None when they were cleared."""
    scores_changed = Signal(object)
    """Faithfulness of the shown maps (a ``ScoresAnswer``), or None when cleared."""
    sanity_changed = Signal(object)
    """The sanity check of the shown maps (a ``SanityAnswer``), or None when cleared."""
    sweep_changed = Signal(object)
    """A layer sweep for the current model, image and target (a ``SweepAnswer``), or None when cleared."""
    progress_changed = Signal(float, str)
    """Progress of the panel's work: a fraction in [0, 1] and a message; < 0 hides it."""
    message_changed = Signal(str)
    """Why nothing (or not everything) can be shown: a message for a person, '' for none."""
    choices_changed = Signal()
    """Methods, target or CAM layer changed (read the attributes)."""

    def __init__(self, state: AppState, inspect: InspectController) -> None:
        super().__init__()
        self.state = state
        self.inspect = inspect
        self.methods: list[str] = list(DEFAULT_METHODS)
        self.target_kind = "top"
        self.class_index: int | None = None
        self.layer_pin: str | None = None  # None: follow the selected layer (or the default layer)
        self.active = False
        self.maps: MapsAnswer | None = None
        self.scores: ScoresAnswer | None = None
        self.sanity: Any = None
        self.sweep: Any = None
        self.message = ""
        self.model_copy: ModelCopy | None = None  # the panel's copy of the current session's model
        self._slots = JobSlots()  # one job per kind ('maps', 'scores', 'sanity', 'sweep'); a newer one wins
        self._jobs = self._slots.jobs
        self._attempted: MapsKey | None = None  # the last key a maps job was started for (done or failed)
        self._last_inputs: tuple[int, int] | None = None  # (session id, image id) the answers belong to
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.refresh)
        state.model_changed.connect(self._on_model)
        state.device_changed.connect(lambda _=None: self._drop_copy())
        inspect.forward_changed.connect(lambda _=None: self._on_inputs())
        state.layer_changed.connect(lambda _=None: self._on_layer())
        inspect.unit_changed.connect(lambda _=None: self._on_unit())

    # ------------------------------------------------------------ choices
    def set_methods(self, methods: list[str]) -> None:
        """Show these methods (registry names, in this order)."""
        from cnnviz.core.attribution import method_info

        names = [m for m in dict.fromkeys(methods) if method_info(m)]
        if names != self.methods:
            self.methods = names
            self.choices_changed.emit()
            self.schedule()

    def set_target(self, kind: str, class_index: int | None = None) -> None:
        """Explain the top class ('top'), class ``class_index`` ('class') or the selected unit ('unit')."""
        if kind not in TARGET_KINDS:
            raise ValueError(f"unknown target kind {kind!r}")
        index = self.class_index if class_index is None else int(class_index)
        if kind != self.target_kind or index != self.class_index:
            self.target_kind, self.class_index = kind, index
            self.choices_changed.emit()
            self.schedule()

    def set_layer_pin(self, layer: str | None) -> None:
        """Use ``layer`` for the CAM methods, or None to follow the layer selected in the app."""
        layer = layer or None
        if layer != self.layer_pin:
            self.layer_pin = layer
            self.choices_changed.emit()
            self.schedule()

    def set_active(self, active: bool) -> None:
        """The panel became visible (compute what is missing) or hidden (start nothing new)."""
        self.active = bool(active)
        if self.active:
            self.schedule()
        else:
            self._timer.stop()

    # ------------------------------------------------------------ what the maps depend on
    def uses_layer(self) -> bool:
        """True when a chosen method needs a CAM layer."""
        from cnnviz.core.attribution import method_info

        return any(method_info(m).needs_layer for m in self.methods)

    def cam_layer(self) -> tuple[str | None, str]:
        """The layer the CAM methods get (None: the core's default) and why, for the panel."""
        session, selected = self.state.model, self.state.layer
        if self.layer_pin:
            return self.layer_pin, "pinned"
        if session is None or not selected:
            return None, "default"
        row = session.layer(selected)
        if row is not None and row.call and is_spatial(row.output_shape):
            return selected, "selected"
        return None, "not_spatial"

    def target(self) -> Target | str:
        """The core target of the current choice, or a message saying why there is none."""
        from cnnviz.core.attribution import Target

        if self.target_kind == "class":
            if self.class_index is None:
                return tr("Pick a class to explain.")
            return Target.of_class(self.class_index)
        if self.target_kind == "unit":
            unit = self.inspect.unit
            if unit is None:
                return tr("Click a unit in the activation maps to explain it.")
            return Target.unit(unit.layer, unit.channel, unit.y, unit.x)
        return Target.top()

    def wanted(self) -> MapsKey | str:
        """The key of the maps the panel should show now, or a message saying why there are none."""
        session, image, fwd = self.state.model, self.state.image, self.inspect.forward
        if session is None or image is None or fwd is None or fwd.session_id != session.session_id:
            return tr("Load a model and an image first.")
        if not self.methods:
            return tr("Choose at least one method.")
        target = self.target()
        if isinstance(target, str):
            return target
        layer = self.cam_layer()[0] if self.uses_layer() else None
        return MapsKey(session.session_id, fwd.image_id, MapsRequest(tuple(self.methods), target, layer))

    def _current(self, session_id: int, image_id: int) -> bool:
        session, fwd = self.state.model, self.inspect.forward
        return (session is not None and fwd is not None and session.session_id == session_id
                and fwd.image_id == image_id and fwd.session_id == session_id)

    # ------------------------------------------------------------ reacting to the app
    def _on_model(self, session: ModelSession | None) -> None:
        """Another model: a pinned layer it does not have is dropped; see :meth:`_on_inputs`."""
        if self.layer_pin and self.layer_pin not in spatial_layers(session):
            self.layer_pin = None
            self.choices_changed.emit()
        self._on_inputs()

    def _drop_copy(self) -> None:
        """Forget the model copy (another model or device); jobs still running keep theirs."""
        self.model_copy = None

    def _copy_of(self, session: ModelSession) -> ModelCopy:
        if self.model_copy is None or self.model_copy.session is not session:
            self.model_copy = ModelCopy(session)
        return self.model_copy

    def _inputs(self) -> tuple[int, int] | None:
        session, fwd = self.state.model, self.inspect.forward
        if session is None or fwd is None or fwd.session_id != session.session_id:
            return None
        return session.session_id, fwd.image_id

    def _on_inputs(self) -> None:
        """Another model or image: nothing computed for the previous one may keep running or be shown."""
        inputs = self._inputs()
        if inputs != self._last_inputs:
            if inputs is None or self._last_inputs is None or inputs[0] != self._last_inputs[0]:
                self._drop_copy()
            self._last_inputs = inputs
            self.cancel()
            self._clear(maps=True, sweep=True)
            self.schedule(IMAGE_DELAY_MS)
            return
        self.schedule()

    def _on_layer(self) -> None:
        if self.uses_layer() and not self.layer_pin:
            self.schedule()

    def _on_unit(self) -> None:
        if self.target_kind == "unit":
            self.schedule()

    def _clear(self, *, maps: bool = False, sweep: bool = False) -> None:
        if maps:
            self.maps = None
            self.maps_changed.emit(None)
            self.scores = None
            self.scores_changed.emit(None)
            self.sanity = None
            self.sanity_changed.emit(None)
            self._attempted = None
        if sweep:
            self.sweep = None
            self.sweep_changed.emit(None)

    def schedule(self, delay_ms: int = DELAY_MS) -> None:
        """Compute the maps ``delay_ms`` from now if the panel is visible and they are not current."""
        if self.active:
            self._timer.start(max(delay_ms, self._timer.remainingTime() if self._timer.isActive() else 0))

    # ------------------------------------------------------------ jobs
    def _start(self, kind: str, fn: Callable[..., Any], on_done: Callable[[Any], None], **kwargs: Any) -> Job:
        def failed(message: str, details: str) -> None:
            self._say(message)
            if details:  # a bug, not a user's choice: keep the details where the log viewer finds them
                self.state.show_status(tr("Attribution failed: {0}").format(message), 8000)

        def progress(fraction: float, message: str) -> None:
            self.progress_changed.emit(fraction, tr(message) if message else "")

        job = self._slots.start(kind, fn, on_done, failed, on_progress=progress, then=self._after_job, **kwargs)
        self.progress_changed.emit(0.0, "")
        return job

    def _after_job(self) -> None:
        if not any(not j.delivered and j.running for j in self._jobs.values()):
            self.progress_changed.emit(-1.0, "")

    def _say(self, message: str) -> None:
        self.message = message
        self.message_changed.emit(message)

    def refresh(self, force: bool = False) -> Job | None:
        """Start the maps job when the wanted maps are not shown (or being computed) yet; ``force``: anyway."""
        self._timer.stop()
        if force:
            self._attempted = None
        key = self.wanted()
        if isinstance(key, str):
            self._slots.cancel(["maps"])
            self._attempted = None
            if self.maps is not None:
                self._clear(maps=True)
            self._say(key)
            return None
        if key == self._attempted:
            return None
        self._attempted = key
        self._say("")
        session, image = self.state.model, self.state.image
        assert session is not None and image is not None

        def done(answer: MapsAnswer) -> None:
            if not self._current(answer.session_id, answer.image_id):
                return  # another model or image meanwhile: never show its maps
            self.maps = answer
            self.scores = None
            self.sanity = None
            self.maps_changed.emit(answer)
            self.scores_changed.emit(None)
            self.sanity_changed.emit(None)
            if self.sweep is not None and self.sweep.target != _sweep_target(answer):
                self._clear(sweep=True)

        return self._start("maps", job_maps, done, model_copy=self._copy_of(session), tensor=image.tensor,
                           request=key.request, image_id=key.image_id)

    def run_faithfulness(self) -> Job | None:
        """Score every shown map (deletion / insertion, Average Drop, Increase in Confidence)."""
        maps, session, image = self.maps, self.state.model, self.state.image
        if maps is None or session is None or image is None or not maps.maps:
            self._say(tr("Compute the maps first."))
            return None

        def done(answer: ScoresAnswer) -> None:
            if self._current(answer.session_id, answer.image_id) and answer.maps is self.maps:
                self.scores = answer
                self.scores_changed.emit(answer)

        return self._start("scores", job_faithfulness, done, model_copy=self._copy_of(session), tensor=image.tensor,
                           maps=maps)

    def run_sanity(self) -> Job | None:
        """Re-run every shown method while the model's weights are randomised from the top down."""
        maps, session, image = self.maps, self.state.model, self.state.image
        if maps is None or session is None or image is None or not maps.maps:
            self._say(tr("Compute the maps first."))
            return None

        def done(answer: Any) -> None:
            if self._current(answer.session_id, answer.image_id) and answer.maps is self.maps:
                self.sanity = answer
                self.sanity_changed.emit(answer)

        return self._start("sanity", job_sanity, done, model_copy=self._copy_of(session), tensor=image.tensor,
                           maps=maps)

    def run_sweep(self, method: str = "gradcam") -> Job | None:
        """Run CAM ``method`` over every convolution for the shown target, each map scored."""
        session, image, fwd = self.state.model, self.state.image, self.inspect.forward
        if session is None or image is None or fwd is None:
            self._say(tr("Load a model and an image first."))
            return None
        target = _sweep_target(self.maps) if self.maps is not None else self.target()
        if isinstance(target, str):
            self._say(target)
            return None

        def done(answer: Any) -> None:
            still = self.maps is None or _sweep_target(self.maps) == answer.target  # the target may have changed
            if self._current(answer.session_id, answer.image_id) and still:
                self.sweep = answer
                self.sweep_changed.emit(answer)

        return self._start("sweep", job_sweep, done, model_copy=self._copy_of(session), tensor=image.tensor,
                           target=target, method=method, image_id=fwd.image_id)

    def cancel(self, kind: str | None = None) -> None:
        """Stop one kind of work or all of it; its result, if it still comes, is dropped."""
        self._slots.cancel([kind] if kind else None)
        self.progress_changed.emit(-1.0, "")

    def cancel_by_user(self) -> None:
        """The Cancel button: stop everything and leave the maps as they are until something changes."""
        self._timer.stop()
        self.cancel()
        self._say(tr("Cancelled."))

    def is_busy(self) -> bool:
        """True while a job runs or the maps the visible panel should show are not computed yet."""
        if self._slots.busy() or self._timer.isActive():
            return True
        if not self.active:
            return False
        key = self.wanted()
        return not isinstance(key, str) and key != self._attempted

    def running(self, kind: str) -> bool:
        """True while a job of ``kind`` ('maps', 'scores', 'sanity', 'sweep') has not delivered."""
        return self._slots.pending(kind)

    def shutdown(self) -> None:
        """Stop the timer and every job (the tab is going away)."""
        self._timer.stop()
        self.cancel()
        self._drop_copy()

    # ------------------------------------------------------------ lessons
    def choices(self) -> dict[str, Any]:
        """The user's choices as JSON-ready data (for lessons)."""
        return {"methods": list(self.methods), "target": self.target_kind, "class_index": self.class_index,
                "layer": self.layer_pin}

    def apply_choices(self, data: dict[str, Any]) -> list[str]:
        """Bring back :meth:`choices`; unknown values are skipped and returned as messages."""
        from cnnviz.core.attribution import list_methods

        problems: list[str] = []
        known = {m.name for m in list_methods()}
        methods = data.get("methods")
        if isinstance(methods, list):
            good = [str(m) for m in methods if str(m) in known]
            bad = [str(m) for m in methods if str(m) not in known]
            if bad:
                problems.append(tr("Unknown attribution methods skipped: {0}.").format(", ".join(bad)))
            if good:
                self.set_methods(good)
        kind = data.get("target")
        index = data.get("class_index")
        if index is not None:
            try:
                index = int(index)
            except (TypeError, ValueError):
                problems.append(tr("Not a class number: {0}.").format(index))
                index = None
        if kind in TARGET_KINDS:
            if kind == "class" and index is None:
                kind = "top"
            self.set_target(str(kind), index)
        elif kind is not None:
            problems.append(tr("Unknown attribution target {0}.").format(kind))
        if "layer" in data:
            layer = data.get("layer")
            self.set_layer_pin(str(layer) if layer else None)
        return problems


def _sweep_target(maps: MapsAnswer | None) -> Any:
    """The target a sweep explains: the class the maps fixed (so "top" means the same class)."""
    from cnnviz.core.attribution import Target

    if maps is None:
        return None
    t = maps.target
    if t is not None and t.class_index is not None:
        return Target.of_class(t.class_index)
    return maps.request.target
