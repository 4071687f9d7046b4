"""The network map's background work: trace the graph once per model, fold and lay it out per view.

Both functions take ``progress`` and ``cancel`` (see
:func:`cnnviz.gui.workers.start_job`) and only call core. The trace is a
summary pass (on PyTorch's meta device, so it costs no arithmetic) with the
data flow recorded, run inside ``session.exclusive()``: the pass swaps the
module's parameters while it runs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from cnnviz.core.graph import NetworkGraph
from cnnviz.core.graph_layout import GraphLayout
from cnnviz.core.progress import CancelToken, ProgressFn
from cnnviz.core.session import ModelSession


@dataclass(frozen=True)
class MapOptions:
    """How the map is folded: runs of equal blocks as ×N, norm / activation inside their conv."""

    repeats: bool = True
    absorb: bool = False
    expanded: frozenset[str] = frozenset()  # first-block keys of ×N runs shown open

    def with_expanded(self, keys: Iterable[str]) -> MapOptions:
        """The same options with ``keys`` as the open runs."""
        return MapOptions(self.repeats, self.absorb, frozenset(keys))


@dataclass(frozen=True)
class MapResult:
    """A drawn map: the full graph of the session, the folded view of it and its layout."""

    session_id: int
    full: NetworkGraph
    graph: NetworkGraph
    layout: GraphLayout
    options: MapOptions


def trace_graph(session: ModelSession) -> NetworkGraph:
    """The unfolded map of ``session``'s model for its input shape (one summary pass)."""
    from cnnviz.core.graph import graph_from_summary
    from cnnviz.core.summary import summarize

    with session.exclusive() as model:
        summary = summarize(model, session.input_shape, name=session.name, device=session.device, graph=True)
    return graph_from_summary(summary)


def fold_and_layout(full: NetworkGraph, options: MapOptions) -> tuple[NetworkGraph, GraphLayout]:
    """The view of ``full`` that ``options`` asks for, and where everything goes."""
    from cnnviz.core.graph import fold
    from cnnviz.core.graph_layout import layout

    graph = fold(full, repeats=options.repeats, absorb=options.absorb, expanded=options.expanded)
    return graph, layout(graph)


def job_map(
    *,
    progress: ProgressFn,
    cancel: CancelToken,
    session: ModelSession,
    full: NetworkGraph | None,
    options: MapOptions,
) -> MapResult:
    """Trace ``session``'s graph unless ``full`` is given, then fold and lay it out."""
    if full is None:
        progress(0.1, "Tracing the network")
        full = trace_graph(session)
    cancel.check()
    progress(0.6, "Laying out the map")
    graph, lay = fold_and_layout(full, options)
    return MapResult(session.session_id, full, graph, lay, options)


__all__ = ["MapOptions", "MapResult", "fold_and_layout", "job_map", "trace_graph"]
