"""The attribution panel's texts: the heading, the notes, the warnings and which layer the CAMs use.

Plain functions of the controller's answers, so the panel only puts them in its labels.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cnnviz.gui.i18n import error_text, translate_message
from cnnviz.gui.inspect.attribution.trust_views import method_label
from cnnviz.gui.inspect.common import tr


def html_escape(text: str) -> str:
    """``text`` safe inside rich text (&, <, >)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def heading_text(target: Any, class_names: Sequence[str] | None) -> str:
    """"Why “cat”? (class 281, 41 %)", or the same for a class without a name or a unit."""
    t = target
    if t.class_index is not None and class_names and t.class_index < len(class_names):
        return tr("Why “{0}”? (class {1}, {2:.1%})").format(class_names[t.class_index], t.class_index,
                                                           t.probability or 0.0)
    if t.class_index is not None:
        return tr("Why class {0}? ({1:.1%})").format(t.class_index, t.probability or 0.0)
    tg = t.target
    return tr("Why does {0} channel {1} at ({2}, {3}) fire? (activation {4:.3g})").format(
        tg.layer, tg.channel, tg.y, tg.x, t.score)


def notes_html(shown: dict[str, Any], flagged: list[str], random_weights: bool) -> str:
    """The notes under the maps: random weights, each map's notes, the methods the sanity check flagged."""
    lines = []
    if shown and random_weights:
        lines.append("⚠ " + html_escape(tr("Random weights: these maps explain an untrained network, not what it "
                                           "learned.")))
    for name, amap in shown.items():
        for note in amap.notes:
            lines.append(f"<b>{method_label(name)}</b>: {html_escape(note)}")
    for name in flagged:
        if name in shown:
            lines.append(f"⚠ <b>{method_label(name)}</b>: "
                         + html_escape(tr("does not explain the model (sanity check).")))
    return "<br>".join(lines)


def message_text(message: str, answer: Any) -> str:
    """The controller's message and the methods that could not run, each with its reason (one reason once)."""
    lines = [message] if message else []
    if answer is not None and answer.errors:
        reasons = {str(e) for e in answer.errors.values()}
        if len(reasons) == 1 and not answer.maps:
            lines.append(reasons.pop())
        else:
            for name, exc in answer.errors.items():
                lines.append(f"{method_label(name)}: {error_text(exc)}")
    return "\n".join(lines)


def layer_info_text(controller: Any, selected_layer: str | None) -> str:
    """Which layer the CAM methods use, and why (chosen here, selected in the tree, or the default)."""
    c = controller
    if not c.uses_layer():
        return tr("No chosen method uses a layer.")
    layer, why = c.cam_layer()
    answer = c.maps
    used = answer.layer if answer is not None and answer.request.layer == layer else None
    default = used or tr("the last convolutional stage")
    if why == "pinned":
        return tr("The CAM methods use {0} (chosen here).").format(layer)
    if why == "selected":
        return tr("The CAM methods use {0}, the layer selected in the tree.").format(layer)
    if why == "not_spatial":
        return tr("The selected layer {0} has no spatial output, so the CAM methods use {1}.").format(
            selected_layer, default)
    return tr("The CAM methods use {0}.").format(default)


def enlarged_notes(method: str, amap: Any, scores: Any) -> str:
    """Under an enlarged map: its paper, its cost, its notes and its faithfulness scores when computed."""
    from cnnviz.core.attribution import method_info

    info = method_info(method)
    lines = [info.paper, tr("Cost: {0}").format(translate_message(info.cost)), *amap.notes]
    if scores is not None and method in scores.scores:
        f = scores.scores[method]
        lines.append(tr("Deletion AUC {0:.3f} · insertion AUC {1:.3f} · average drop {2:.1f} %")
                     .format(f.deletion_auc, f.insertion_auc, f.average_drop))
    return "\n".join(lines)
