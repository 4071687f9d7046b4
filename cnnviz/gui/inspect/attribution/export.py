"""Exports of the panel: the grid as a PNG, the faithfulness scores as CSV (both written atomically).

The CSV has the columns of ``cnnviz attribute``'s ``scores.csv`` (method,
deletion_auc, insertion_auc, average_drop, increase_in_confidence) with the
same number format, so a file from the GUI and one from the command line can
be compared line by line.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from typing import Any

from cnnviz.gui.inspect.export import save_text

SCORE_COLUMNS = ("method", "deletion_auc", "insertion_auc", "average_drop", "increase_in_confidence")


def scores_csv(scores: dict[str, Any]) -> str:
    """``{method: Faithfulness}`` as CSV text (one row per method, in the dict's order)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(SCORE_COLUMNS)
    for name, f in scores.items():
        w.writerow([name, f"{f.deletion_auc:.6g}", f"{f.insertion_auc:.6g}", f"{f.average_drop:.6g}",
                    f"{f.increase_in_confidence:.6g}"])
    return buf.getvalue()


def save_scores_csv(path: str | os.PathLike[str], scores: dict[str, Any]) -> Path:
    """Write :func:`scores_csv` to ``path`` atomically."""
    return save_text(path, scores_csv(scores))
