"""Which layer Inspect selects when a model arrives: the one asked for, the one shown, or the first convolution."""

from __future__ import annotations

import difflib
from typing import Any

from cnnviz.gui.inspect.common import tr


def first_conv(summary: Any) -> str:
    """The key of the first convolution that runs in ``summary`` (else its first layer, else '')."""
    for row in summary.layers:
        if "Conv" in row.type and row.call:
            return row.key
    return summary.layers[0].key if summary.layers else ""


def layer_to_show(session: Any, wanted: str, asked: str | None) -> tuple[str, str]:
    """The layer of ``session`` to select, and a message for the user ('' for none).

    ``wanted`` (the layer asked for, or the one shown before) when the model
    has it, else the first convolution. ``asked`` is a name given explicitly
    (command line, lesson): a missing one is said, with the closest names.
    """
    keys = {row.key for row in session.summary.layers}
    if wanted in keys:
        return wanted, ""
    message = ""
    if asked:  # asked for by name: say so instead of silently moving on
        close = difflib.get_close_matches(asked, sorted(keys), n=3, cutoff=0.5)
        message = (tr("{0} has no layer called {1}; showing its first convolution.").format(session.name, asked)
                   + (" " + tr("Closest: {0}.").format(", ".join(close)) if close else ""))
    return first_conv(session.summary), message
