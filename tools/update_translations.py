"""Refresh the Chinese translation: lupdate, then lrelease.

    python tools/update_translations.py                 # update the .ts, compile the .qm
    python tools/update_translations.py --check         # exit 1 if a string lacks a translation
    python tools/update_translations.py --list-unfinished

Every GUI module translates through a module-level helper::

    def tr(text: str) -> str:
        return QCoreApplication.translate("Inspect", text)

``pyside6-lupdate`` finds the ``tr("...")`` calls but cannot see through the
helper, so it files them all under an empty context, while at run time Qt
looks them up under "Inspect". This script runs lupdate, then gives every
message the context of the helper its file uses (found with :mod:`ast`:
a ``def tr`` / ``tr = lambda`` calling ``translate("<Context>", …)``, or
``from <module> import tr``). It also adds the strings the GUI translates
from variables (surface and optimizer descriptions from core, run states,
progress messages, colormap descriptions), which no scanner can find.

Existing translations are kept (matched by context and source text, or by
source text alone when a string moved to another context); strings that
left the code are kept as ``vanished`` unless ``--no-obsolete``. Then
``pyside6-lrelease`` compiles ``cnnviz/resources/translations/*.qm``, which
ships inside the package.
"""

from __future__ import annotations

import argparse
import ast
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUI_DIR = ROOT / "cnnviz" / "gui"
TS_DIR = ROOT / "resources" / "translations"
QM_DIR = ROOT / "cnnviz" / "resources" / "translations"
LANGUAGES = {"zh_CN": "zh_CN"}
TOOL_DIR = Path(sys.executable).parent


@dataclass
class Message:
    """One translatable string: where it is used and its translation."""

    context: str
    source: str
    comment: str = ""
    files: list[str] = field(default_factory=list)
    translation: str = ""
    status: str = "unfinished"  # "finished" | "unfinished" | "vanished"

    @property
    def key(self) -> tuple[str, str, str]:
        """What Qt matches at run time: context, source text, disambiguation."""
        return self.context, self.source, self.comment


# --------------------------------------------------------------------------- contexts


def _constants(tree: ast.Module) -> dict[str, str]:
    out: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    out[target.id] = node.value.value
    return out


def _translate_context(node: ast.AST, constants: dict[str, str]) -> str | None:
    """The literal context of the first ``translate(ctx, ...)`` call under ``node``."""
    for call in ast.walk(node):
        if not isinstance(call, ast.Call) or not call.args:
            continue
        func = call.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name != "translate":
            continue
        first = call.args[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            return first.value
        if isinstance(first, ast.Name) and first.id in constants:
            return constants[first.id]
    return None


def _module_path(module: str) -> Path:
    return ROOT.joinpath(*module.split(".")).with_suffix(".py")


def _module_name(path: Path) -> str:
    return ".".join(path.resolve().relative_to(ROOT).with_suffix("").parts)


def tr_context(path: Path, _seen: frozenset[Path] = frozenset()) -> str | None:
    """The context the ``tr`` helper used in ``path`` translates with, or None."""
    path = path.resolve()
    if path in _seen or not path.exists():
        return None
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    constants = _constants(tree)
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "tr":
            return _translate_context(node, constants)
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "tr" for t in node.targets):
            return _translate_context(node.value, constants)
        if isinstance(node, ast.ImportFrom) and any((a.asname or a.name) == "tr" and a.name == "tr" for a in node.names):
            if node.level:
                package = _module_name(path).split(".")[: -node.level]
                module = ".".join(package + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            return tr_context(_module_path(module), _seen | {path})
    return None


# --------------------------------------------------------------------------- .ts files


def _from_ts_location(ts: Path, filename: str) -> str:
    """A location as written in ``ts`` (relative to it, as Qt Linguist wants) -> relative to the repository."""
    try:
        return (ts.parent / filename).resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return filename


def read_ts(path: Path) -> list[Message]:
    """The messages of a Qt Linguist .ts file (empty if there is none)."""
    if not path.exists():
        return []
    out = []
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            if msg.get("numerus") == "yes":
                raise SystemExit(f"{path}: plural (numerus) messages are not supported by this script")
            tnode = msg.find("translation")
            kind = (tnode.get("type") if tnode is not None else None) or "finished"
            if kind == "obsolete":
                kind = "vanished"
            files = [_from_ts_location(path, loc.get("filename", "")) for loc in msg.iter("location")]
            out.append(Message(
                context=name,
                source=msg.findtext("source") or "",
                comment=msg.findtext("comment") or "",
                files=files,
                translation=(tnode.text or "") if tnode is not None else "",
                status=kind,
            ))
    return out


def write_ts(path: Path, messages: Iterable[Message], language: str) -> None:
    """Write ``messages`` as a .ts file, grouped by context (file-only locations, no line numbers)."""
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage="en")
    by_context: dict[str, list[Message]] = {}
    for m in messages:
        by_context.setdefault(m.context, []).append(m)
    for name in sorted(by_context):
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = name
        for m in by_context[name]:
            msg = ET.SubElement(ctx, "message")
            for f in sorted(set(m.files)):
                ET.SubElement(msg, "location", filename=os.path.relpath(ROOT / f, path.parent).replace(os.sep, "/"))
            ET.SubElement(msg, "source").text = m.source
            if m.comment:
                ET.SubElement(msg, "comment").text = m.comment
            tnode = ET.SubElement(msg, "translation")
            if m.status != "finished":
                tnode.set("type", m.status)
            tnode.text = m.translation
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- scanning


def gui_sources() -> list[Path]:
    """Every Python file of the GUI."""
    return sorted(p for p in GUI_DIR.rglob("*.py") if "__pycache__" not in p.parts)


def _tool(name: str) -> str:
    for candidate in (TOOL_DIR / name, ROOT / ".venv" / "bin" / name):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 in this environment")
    return found


def scan_sources() -> list[Message]:
    """Every ``tr()`` / ``translate()`` string of the GUI sources, with its run-time context."""
    sources = gui_sources()
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw.ts"
        lst = Path(tmp) / "files.lst"
        lst.write_text("\n".join(str(p) for p in sources), encoding="utf-8")
        subprocess.run([_tool("pyside6-lupdate"), f"@{lst}", "-locations", "absolute", "-ts", str(raw)],
                       check=True, capture_output=True, text=True)
        found = ET.parse(raw).getroot()
    contexts: dict[str, str | None] = {}
    merged: dict[tuple[str, str, str], Message] = {}
    unknown: set[str] = set()
    for ctx in found.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            source = msg.findtext("source") or ""
            comment = msg.findtext("comment") or ""
            for loc in msg.iter("location"):
                abs_path = (raw.parent / loc.get("filename", "")).resolve() if not os.path.isabs(
                    loc.get("filename", "")) else Path(loc.get("filename", ""))
                rel = abs_path.resolve().relative_to(ROOT).as_posix()
                context = name
                if not context:
                    if rel not in contexts:
                        contexts[rel] = tr_context(abs_path)
                    context = contexts[rel] or ""
                    if not context:
                        unknown.add(rel)
                        continue
                m = merged.setdefault((context, source, comment), Message(context, source, comment))
                m.files.append(rel)
    if unknown:
        raise SystemExit("cannot tell which context tr() uses in: " + ", ".join(sorted(unknown)))
    for m in [*ast_messages(sources), *third_party_messages(), *core_messages()]:  # lupdate cannot see tr() in f-strings
        existing = merged.get(m.key)
        if existing is None:
            merged[m.key] = m
        elif m.files[0] not in existing.files:
            existing.files.extend(m.files)
    for m in dynamic_messages():
        existing = merged.get(m.key)
        if existing is None:
            merged[m.key] = m
        else:
            existing.files.extend(m.files)
            existing.translation = existing.translation or m.translation
    return list(merged.values())


def core_sources() -> list[Path]:
    """Every Python file of the core and the command line (whose messages the GUI shows translated)."""
    out: list[Path] = []
    for folder in ("core", "commands"):
        out += [p for p in (ROOT / "cnnviz" / folder).rglob("*.py") if "__pycache__" not in p.parts]
    return sorted(out)


def core_messages(sources: Iterable[Path] | None = None) -> list[Message]:
    """Every ``msg("literal", ...)`` of core and the commands, under ``cnnviz.core.messages.CONTEXT``.

    A ``msg`` whose template is not a literal cannot be translated: that is reported, not skipped.
    """
    sys.path.insert(0, str(ROOT))
    from cnnviz.core.messages import CONTEXT

    out: list[Message] = []
    bad: list[str] = []
    for path in sources if sources is not None else core_sources():
        rel = path.resolve().relative_to(ROOT).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for call in ast.walk(tree):
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "msg":
                first = call.args[0] if call.args else None
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    out.append(Message(CONTEXT, first.value, files=[rel]))
                else:
                    bad.append(f"{rel}:{call.lineno}")
    if bad:
        raise SystemExit("msg() needs a literal template (the translation is looked up by it): " + ", ".join(bad))
    return out


def third_party_messages() -> list[Message]:
    """pyqtgraph's own strings in the plots' right-click menus (it translates them with its contexts)."""
    import pyqtgraph

    base = Path(pyqtgraph.__file__).resolve().parent
    files = [base / "GraphicsScene" / "GraphicsScene.py", base / "graphicsItems" / "ViewBox" / "ViewBoxMenu.py"]
    return [m for m in ast_messages([f for f in files if f.exists()], base=base.parent)
            if m.context in ("GraphicsScene", "ViewBox")]


def ast_messages(sources: Iterable[Path], base: Path = ROOT) -> list[Message]:
    """Every ``tr("literal")`` and ``translate("Ctx", "literal")`` call, found with :mod:`ast`.

    lupdate's Python parser skips calls inside f-strings
    (``f"<b>{tr('Output')}</b>"``); this finds them too.
    """
    out: list[Message] = []
    for path in sources:
        rel = path.resolve().relative_to(base).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        constants = _constants(tree)
        context = None
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call) or not call.args:
                continue
            func = call.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            args = [a.value if isinstance(a, ast.Constant) else constants.get(a.id) if isinstance(a, ast.Name) else None
                    for a in call.args[:2]]
            if name == "tr" and isinstance(func, ast.Name) and isinstance(args[0], str):
                context = context or tr_context(path)
                if context:
                    out.append(Message(context, args[0], files=[rel]))
            elif name == "translate" and len(args) == 2 and all(isinstance(a, str) for a in args):
                out.append(Message(args[0], args[1], files=[rel]))
    return out


def dynamic_messages() -> list[Message]:
    """Strings the GUI passes to ``tr()`` through a variable, so no scanner sees them.

    Where core already has the Chinese text (``*_zh`` fields) it is the
    suggested translation.
    """
    sys.path.insert(0, str(ROOT))
    from cnnviz.core.playground import get_surface_spec, list_surfaces
    from cnnviz.core.playground.lr_bound import Regime
    from cnnviz.core.training import metrics

    out: list[Message] = []

    def add(context: str, en: str, zh: str, origin: str) -> None:
        out.append(Message(context, en, files=[origin], translation=zh))

    for name in list_surfaces():
        spec = get_surface_spec(name)
        for p in spec.params:
            if len(p.name) > 1 and not p.name.startswith("lambda"):  # playground.tab.param_label
                add("Playground", p.name, "", "cnnviz/core/playground/surfaces.py")
    for regime in Regime:
        add("Playground", regime.en, regime.zh, "cnnviz/core/playground/lr_bound.py")
    states = [metrics.PENDING, metrics.RUNNING, *metrics.FINAL_STATES]
    for s in states:  # runs_panel: tr(status); tab: tr(s) for the final ones
        add("TrainRuns", s, "", "cnnviz/core/training/metrics.py")
    for s in metrics.FINAL_STATES:
        add("TrainTab", s, "", "cnnviz/core/training/metrics.py")
    try:  # the Inspect tab translates its worker's progress messages and its file filter
        from cnnviz.gui.inspect.input_panel import IMAGE_FILTER

        add("Inspect", IMAGE_FILTER, "", "cnnviz/gui/inspect/input_panel.py")
    except ImportError:
        pass
    for text in ("Measuring every layer", "Running the image through the model", "Ready",
                 "Reading the image", "Model ready"):
        add("Inspect", text, "", "cnnviz/gui/inspect/jobs.py")
    from cnnviz.core.render import colormap_info, list_colormaps

    for name in list_colormaps():  # activation_grid: tr(description) as the colormap combo's item tip
        add("Inspect", colormap_info(name).description, "", "cnnviz/core/render.py")
    return out


# --------------------------------------------------------------------------- merging


def merge(found: list[Message], old: list[Message], *, keep_obsolete: bool = True) -> list[Message]:
    """``found`` with the translations of ``old``; old strings no longer used become vanished."""
    by_key = {m.key: m for m in old if m.translation}
    by_source: dict[str, Message] = {}
    for m in old:
        if m.translation and m.status == "finished":
            by_source.setdefault(m.source, m)
    out = []
    for m in found:
        prev = by_key.get(m.key) or by_source.get(m.source)
        if prev is not None and prev.translation:
            exact = prev.key == m.key and prev.status == "finished"
            m.translation = prev.translation
            m.status = "finished" if exact else "unfinished"
        elif m.translation:  # a suggestion from core's Chinese text: a translator confirms it
            m.status = "unfinished"
        else:
            m.status = "unfinished"
        out.append(m)
    if keep_obsolete:
        used = {m.key for m in found}
        for m in old:
            if m.key not in used and m.translation:
                m.status = "vanished"
                out.append(m)
    return out


def compile_qm(ts: Path, qm: Path) -> None:
    """Compile ``ts`` into ``qm`` with pyside6-lrelease."""
    qm.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([_tool("pyside6-lrelease"), "-silent", "-nounfinished", str(ts), "-qm", str(qm)], check=True)


def ts_path(lang: str) -> Path:
    """The Qt Linguist source of ``lang`` (e.g. zh_CN)."""
    return TS_DIR / f"cnnviz_{lang}.ts"


def qm_path(lang: str) -> Path:
    """The compiled translation of ``lang`` that ships in the package."""
    return QM_DIR / f"cnnviz_{lang}.qm"


def problems(lang: str) -> list[str]:
    """Strings used by the code whose translation is missing or unfinished in the .ts."""
    current = {m.key: m for m in read_ts(ts_path(lang))}
    out = []
    for m in scan_sources():
        have = current.get(m.key)
        if have is None:
            out.append(f"missing   [{m.context}] {m.source!r}  ({', '.join(sorted(set(m.files)))})")
        elif have.status != "finished" or not have.translation.strip():
            out.append(f"unfinished [{m.context}] {m.source!r}")
    return out


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a string is untranslated")
    parser.add_argument("--list-unfinished", action="store_true", help="print the strings still to translate")
    parser.add_argument("--no-obsolete", action="store_true", help="drop translations of strings no longer used")
    args = parser.parse_args(argv)
    status = 0
    for lang in LANGUAGES:
        if args.check or args.list_unfinished:
            todo = problems(lang)
            for line in todo:
                print(line)
            print(f"{ts_path(lang).relative_to(ROOT)}: {len(todo)} string(s) to translate")
            status = 1 if todo and args.check else status
            continue
        merged = merge(scan_sources(), read_ts(ts_path(lang)), keep_obsolete=not args.no_obsolete)
        write_ts(ts_path(lang), merged, lang)
        compile_qm(ts_path(lang), qm_path(lang))
        counts = {s: sum(m.status == s for m in merged) for s in ("finished", "unfinished", "vanished")}
        print(f"{ts_path(lang).relative_to(ROOT)}: {counts['finished']} finished, "
              f"{counts['unfinished']} unfinished, {counts['vanished']} vanished -> "
              f"{qm_path(lang).relative_to(ROOT)}")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
