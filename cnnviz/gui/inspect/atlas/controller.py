"""The "What it detects" panel's work scheduler: it owns the panel's jobs and what they found.

Like the Inspect controller, each kind of work keeps one job at a time: a
new request cancels the running one, and a generation number stamped on the
request drops a superseded answer even if it arrives first. Every answer is
also checked against the model (session id) and, for projections, the image
(image id) shown *now*: switching the model drops the exemplar index, the
feature visualisation and the projections at once, so another model's
exemplars are never on screen, not even for a moment.

Long work (opening an image set, indexing, the atlas of a layer, feature
visualisation, occlusion) runs in the controller's own thread pool, on a
copy of the model where it runs one (see :mod:`.jobs`), so it never queues
up the Inspect tab's short jobs nor holds the model while it runs.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from cnnviz.gui.inspect.atlas import jobs
from cnnviz.gui.inspect.atlas.jobs import (
    FingerprintShelf,
    IndexAnswer,
    Report,
    SourceChoice,
    SourceShelf,
)
from cnnviz.gui.inspect.common import tr
from cnnviz.gui.inspect.controller import InspectController
from cnnviz.gui.state import AppState
from cnnviz.gui.workers import Job, start_job, start_job_in

#: Kinds of work that run in the panel's own pool (a lookup may draw a synthetic set or list a big folder).
LONG_KINDS = ("lookup", "build", "atlas", "featvis", "occlusion")
#: Which section of the panel reports the errors of each kind of work.
SECTION = {"lookup": "exemplars", "build": "exemplars", "top": "exemplars", "atlas": "exemplars",
           "featvis": "featvis", "projections": "projections", "occlusion": "projections"}


def eta_text(seconds: float) -> str:
    """A rough time left, in words."""
    if seconds < 1:
        return tr("under a second")
    if seconds < 60:
        return tr("{0:.0f} s").format(seconds)
    if seconds < 3600:
        return tr("{0:.0f} min").format(seconds / 60)
    return tr("{0:.1f} h").format(seconds / 3600)


class _Bridge(QObject):
    """Carries structured reports from a worker thread to the GUI thread (queued)."""

    sig_report = Signal(str, int, object)
    """Kind of work, its generation, and a :class:`~.jobs.Report`."""


class AtlasController(QObject):
    """Starts, supersedes and cancels the panel's work and holds its current answers."""

    index_changed = Signal(object)
    """The exemplar index for the current model changed (an ``IndexAnswer``, or None: none yet)."""
    top_changed = Signal(object)
    """A channel's top exemplars arrived (a ``TopAnswer``), or None to clear."""
    atlas_changed = Signal(object)
    """A layer's atlas arrived (an ``AtlasAnswer``), or None to clear."""
    featvis_step = Signal(object)
    """A live picture of the running feature visualisation (a core ``FeatVisStep``)."""
    featvis_changed = Signal(object)
    """A finished feature visualisation (a ``FeatVisAnswer``), or None to clear."""
    projections_changed = Signal(object)
    """Deconvnet / guided backprop / gradient maps of the current image (a ``ProjectionAnswer``) or None."""
    occlusion_changed = Signal(object)
    """An occlusion map of the current image (a ``ProjectionAnswer``) or None."""
    progress_changed = Signal(str, float, str)
    """Progress of one kind of work: kind, fraction in [0, 1] (< 0: finished) and a message."""
    running_changed = Signal(str, bool)
    """A kind of work started (True) or ended (False)."""
    message = Signal(str, str)
    """A section ('exemplars', 'featvis', 'projections') has something to say (an error; '' clears)."""

    def __init__(self, state: AppState, inspect: InspectController, cache: Any = None) -> None:
        super().__init__()
        from cnnviz.core.atlas.cache import AtlasCache

        self.state = state
        self.inspect = inspect
        self.cache = cache if cache is not None else AtlasCache()
        self.sources = SourceShelf()
        self.fingerprints = FingerprintShelf()
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(3)
        self.index: IndexAnswer | None = None
        self.top: Any = None
        self.atlas: Any = None
        self.featvis: Any = None
        self.projections: Any = None
        self.occlusion: Any = None
        self._jobs: dict[str, Job] = {}
        self._generation: dict[str, int] = {}
        self._started: dict[str, float] = {}
        self._total = 0
        self._build_first: tuple[float, float] | None = None
        self._building: tuple[SourceChoice, tuple[str, ...]] | None = None
        self._bridge = _Bridge(self)
        self._bridge.sig_report.connect(self._on_report)
        state.model_changed.connect(self._on_model)
        inspect.forward_changed.connect(self._on_forward)

    # ------------------------------------------------------------ bookkeeping
    def busy(self) -> bool:
        """True while any of the panel's jobs runs or its answer is still on its way."""
        return any(not j.delivered for j in self._jobs.values())

    def running(self, kind: str) -> bool:
        """True from the start of a job of ``kind`` until its outcome was handled."""
        job = self._jobs.get(kind)
        return job is not None and not job.delivered

    def cancel(self, kind: str | None = None) -> None:
        """Cancel one kind of work (or all) and forget its answer."""
        for k in [kind] if kind else list(self._jobs):
            self._generation[k] = self._generation.get(k, 0) + 1
            job = self._jobs.get(k)
            if job is not None and not job.delivered:
                job.cancel()
                self.progress_changed.emit(k, -1.0, "")
                self.running_changed.emit(k, True)  # until the job has really stopped
        if kind in (None, "build"):
            self._building = None

    def shutdown(self) -> None:
        """Cancel everything and wait (at most 2 s) for the panel's pool to drain."""
        self.cancel()
        self.pool.waitForDone(2000)

    def _start(self, kind: str, fn: Callable[..., Any], on_done: Callable[[Any], None], *,
               on_cancelled: Callable[[], None] | None = None, **kwargs: Any) -> Job:
        old = self._jobs.get(kind)
        if old is not None and not old.delivered:
            old.cancel()
        gen = self._generation.get(kind, 0) + 1
        self._generation[kind] = gen
        self._started[kind] = time.monotonic()
        self.message.emit(SECTION[kind], "")

        def current() -> bool:
            return self._generation.get(kind) == gen

        def failed(msg: str, _details: str) -> None:
            if current():
                self.message.emit(SECTION[kind], tr(msg))  # a core message, translated when the .ts has it

        def finished(result: Any) -> None:
            if current():
                on_done(result)

        def progressed(fraction: float, _message: str) -> None:
            if current():
                self._on_progress(kind, fraction)

        def connect(job: Job) -> None:
            job.sig_finished.connect(finished)
            job.sig_failed.connect(failed)
            if on_cancelled is not None:
                job.sig_cancelled.connect(on_cancelled)
            job.sig_progress.connect(progressed)
            job.sig_done.connect(lambda: self._job_over(kind, current()))

        if kind in LONG_KINDS:
            job = start_job_in(self.pool, fn, connect, **kwargs)
        else:
            job = start_job(fn, connect, **kwargs)
        self._jobs[kind] = job
        self.running_changed.emit(kind, True)
        return job

    def _job_over(self, kind: str, is_current: bool) -> None:
        if is_current:
            self.progress_changed.emit(kind, -1.0, "")
        self.running_changed.emit(kind, self.running(kind))

    def _report_fn(self, kind: str) -> Callable[[Report], None]:
        gen = self._generation.get(kind, 0) + 1  # the generation _start is about to give
        bridge = self._bridge

        def report(r: Report) -> None:
            bridge.sig_report.emit(kind, gen, r)

        return report

    def _on_report(self, kind: str, gen: int, report: Report) -> None:
        if self._generation.get(kind) != gen:
            return
        if report.kind == "total":
            self._total = int(report.value)
        elif report.kind == "featvis":
            self.featvis_step.emit(report.value)

    def _on_progress(self, kind: str, fraction: float) -> None:
        if kind == "build":
            now = time.monotonic()
            if self._build_first is None or fraction < self._build_first[0]:
                self._build_first = (fraction, now)
            f0, t0 = self._build_first
            rate = (fraction - f0) / (now - t0) if now - t0 > 0.2 else 0.0
            text = tr("Indexing {0} of {1} images").format(round(fraction * self._total), self._total)
            if rate > 0 and fraction < 1:
                text += " · " + tr("about {0} left").format(eta_text((1 - fraction) / rate))
        elif kind == "featvis":
            text = tr("Optimising: {0:.0%}").format(fraction)
        elif kind == "occlusion":
            text = tr("Occluding: {0:.0%}").format(fraction)
        elif kind == "atlas":
            text = tr("Reading every channel's best image: {0:.0%}").format(fraction)
        else:
            text = ""
        self.progress_changed.emit(kind, fraction, text)

    # ------------------------------------------------------------ switches
    def _on_model(self, session: Any) -> None:
        """Another model (or weights): drop everything the old one produced, at once."""
        self.cancel()
        self.fingerprints = FingerprintShelf()
        self._set_index(None)
        self.featvis = None
        self.featvis_changed.emit(None)
        self._clear_projections()

    def _on_forward(self, fwd: Any) -> None:
        """Another image: the projections belonged to the old one."""
        for kind in ("projections", "occlusion"):
            self.cancel(kind)
        current = (self.state.model.session_id if self.state.model is not None else None,
                   fwd.image_id if fwd is not None else None)
        for answer in (self.projections, self.occlusion):
            if answer is not None and (answer.session_id, answer.image_id) != current:
                self._clear_projections()
                break

    def _clear_projections(self) -> None:
        self.projections = None
        self.occlusion = None
        self.projections_changed.emit(None)
        self.occlusion_changed.emit(None)

    def _set_index(self, answer: IndexAnswer | None) -> None:
        self.index = answer
        self.top = None
        self.atlas = None
        self.index_changed.emit(answer)
        self.top_changed.emit(None)
        self.atlas_changed.emit(None)

    def _session_ok(self, session_id: int) -> bool:
        return self.state.model is not None and self.state.model.session_id == session_id

    # ------------------------------------------------------------ exemplars
    def index_for(self, choice: SourceChoice | None, layers: tuple[str, ...]) -> IndexAnswer | None:
        """The index in memory when it is for the current model, ``choice`` and ``layers``."""
        a = self.index
        session = self.state.model
        if a is None or session is None or a.session_id != session.session_id or a.choice != choice:
            return None
        return a if a.layers == layers else None

    def look_up(self, choice: SourceChoice, layers: tuple[str, ...], *, again: bool = False) -> Job | None:
        """Open the cached index of ``layers`` over ``choice`` for the current model (nothing is run).

        Nothing is done when that index is already in memory, unless ``again``.
        """
        session = self.state.model
        if session is None or not layers or (not again and self.index_for(choice, layers) is not None):
            return None
        if self._building == (choice, layers) and self.running("build"):
            return None  # its answer is on the way

        def done(answer: IndexAnswer) -> None:
            if self._session_ok(answer.session_id):
                self._set_index(answer)

        self._set_index(None)
        return self._start("lookup", jobs.job_lookup, done, session=session, choice=choice, layers=layers,
                           cache=self.cache, sources=self.sources, fingerprints=self.fingerprints)

    def build(self, choice: SourceChoice, layers: tuple[str, ...]) -> Job | None:
        """Index ``choice`` for ``layers`` (resumes a partial index; opens a complete one from the cache)."""
        session = self.state.model
        if session is None or not layers:
            return None
        self.cancel("lookup")
        self._total = 0
        self._build_first = None

        def done(answer: IndexAnswer) -> None:
            self._building = None
            if self._session_ok(answer.session_id):
                self._set_index(answer)

        def cancelled() -> None:
            # the partial index is in the cache: show what it has (a later Build continues it)
            if self.state.model is session and self._building is None:
                self.look_up(choice, layers, again=True)

        if choice.kind == "folder":
            self.sources.forget(choice)  # list the folder again: files may have been added
        report = self._report_fn("build")
        self._building = (choice, layers)
        return self._start("build", jobs.job_build, done, on_cancelled=cancelled, session=session, choice=choice,
                           layers=layers, cache=self.cache, sources=self.sources, report=report)

    def show_top(self, layer: str, channel: int) -> Job | None:
        """Read the top exemplars of ``channel`` of ``layer`` from the current index."""
        a = self.index
        if a is None or a.index is None or a.viewer is None or layer not in a.index.layers:
            self.cancel("top")
            self.top = None
            self.top_changed.emit(None)
            return None
        if not 0 <= channel < a.index.channels(layer):
            return None
        if self.top is not None and (self.top.key, self.top.layer, self.top.channel) == (a.index.key, layer, channel):
            return None

        def done(answer: Any) -> None:
            if self.index is a:
                self.top = answer
                self.top_changed.emit(answer)

        return self._start("top", jobs.job_top, done, viewer=a.viewer, layer=layer, channel=channel)

    def show_atlas(self, layer: str, by: str) -> Job | None:
        """Read every channel's best exemplar of ``layer`` from the current index, sorted ``by``."""
        a = self.index
        if a is None or a.index is None or a.viewer is None or layer not in a.index.layers:
            self.cancel("atlas")
            self.atlas = None
            self.atlas_changed.emit(None)
            return None
        if self.atlas is not None and (self.atlas.key, self.atlas.layer, self.atlas.by) == (a.index.key, layer, by):
            return None

        def done(answer: Any) -> None:
            if self.index is a:
                self.atlas = answer
                self.atlas_changed.emit(answer)

        return self._start("atlas", jobs.job_atlas, done, viewer=a.viewer, layer=layer, by=by)

    def clear_cache(self) -> int:
        """Delete every cached index (the one shown stays in memory); the bytes freed."""
        return int(self.cache.clear())

    # ------------------------------------------------------------ feature visualisation
    def visualize(self, target: Any, settings: Any) -> Job | None:
        """Optimise a picture for ``target`` (a core ``FeatVisTarget``) with ``settings``, live."""
        session = self.state.model
        if session is None:
            return None
        natural = None
        a = self.index
        if a is not None and a.index is not None and a.viewer is not None and target.kind != "class" \
                and target.layer in a.index.layers and a.session_id == session.session_id:
            best = a.index.top(target.layer, target.channel, 1)
            if best:
                natural = jobs.NaturalExemplar(a.viewer.source, best[0].image_id, best[0].image, a.index.preprocess)

        def done(answer: Any) -> None:
            if self._session_ok(answer.session_id):
                self.featvis = answer
                self.featvis_changed.emit(answer)

        self.featvis = None
        report = self._report_fn("featvis")
        return self._start("featvis", jobs.job_featvis, done, session=session, target=target, settings=settings,
                           report=report, natural=natural)

    # ------------------------------------------------------------ projections
    def _image(self) -> tuple[Any, Any, Any]:
        return self.state.model, self.state.image, self.inspect.forward

    def project(self, target: Any) -> Job | None:
        """Deconvnet, guided backprop and gradient of ``target`` (a core attribution ``Target``) on the image."""
        session, image, fwd = self._image()
        if session is None or image is None or fwd is None:
            return None

        def done(answer: Any) -> None:
            if self.projection_current(answer):
                self.projections = answer
                self.projections_changed.emit(answer)

        return self._start("projections", jobs.job_projections, done, session=session, tensor=image.tensor,
                           target=target, image_id=fwd.image_id)

    def occlude(self, target: Any, window: int, stride: int) -> Job | None:
        """Occlusion sensitivity of ``target`` on the image: squares of ``window`` px every ``stride`` px."""
        session, image, fwd = self._image()
        if session is None or image is None or fwd is None:
            return None

        def done(answer: Any) -> None:
            if self.projection_current(answer):
                self.occlusion = answer
                self.occlusion_changed.emit(answer)

        return self._start("occlusion", jobs.job_occlusion, done, session=session, tensor=image.tensor,
                           target=target, image_id=fwd.image_id, window=window, stride=stride)

    def projection_current(self, answer: Any) -> bool:
        """True when a projection answer is for the model and image shown now."""
        fwd = self.inspect.forward
        return self._session_ok(answer.session_id) and fwd is not None and fwd.image_id == answer.image_id
