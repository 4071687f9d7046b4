"""English / Simplified Chinese: every visible string is translated, and switching works.

The walk builds the real window in Chinese and reads every string a user can
see (labels, buttons, group titles, tabs, menus and actions, tool tips,
placeholders, combo items, table headers, plot titles and axis labels). A
string fails when, after removing technical tokens (model and optimizer
names, units, formulas, key names, file patterns, numbers), it still holds
ASCII letters: an English word nobody translated.
"""

from __future__ import annotations

import html
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import update_translations  # noqa: E402

pytestmark = pytest.mark.gui

#: Words that stay in Latin letters in a Chinese interface: names of models,
#: optimizers, layers, libraries, data sets, file formats, units, keys, and
#: the symbols of formulas.
ALLOWED = {
    # models, layers, techniques
    "LeNet", "AlexNet", "ZFNet", "VGG", "NiN", "GoogLeNet", "Inception", "ResNet", "ReLU", "BatchNorm",
    "BN", "LRN", "Dropout", "DropOut", "Conv", "Linear", "MaxPool", "AvgPool", "Sequential", "Grad", "CAM",
    "Transformer", "tanh",
    # optimizers and schedules
    "SGD", "Momentum", "Nesterov", "Adagrad", "RMSProp", "AdaDelta", "Adadelta", "Adam", "AdamW",
    "momentum", "optim", "lr_decay", "weight_decay", "StepLR", "CosineAnnealingLR", "OneCycleLR",
    # libraries, hardware, data, formats
    "PyTorch", "torch", "torchvision", "ImageFolder", "NumPy", "ImageNet", "MNIST", "FashionMNIST", "CIFAR", "Shapes",
    "CPU", "GPU", "CUDA", "MPS", "PNG", "CSV", "JSON", "Markdown", "npz", "state_dict", "cnnviz",
    "ONNX", "onnx", "Python", "SVG", "timm", "Ray", "scikit", "learn", "JPEG", "BMP", "TIFF", "WebP", "png",
    "jpg", "pth",
    "viridis", "cividis", "magma", "inferno", "plasma", "gray", "coolwarm", "turbo",
    "Hessian", "Himmelblau", "Rosenbrock", "Beale", "Rastrigin", "Top", "MACs", "MAC", "RMS",
    # units
    "MiB", "GiB", "KiB", "MB", "GB", "KB", "ms", "px", "pt",
    # keys
    "Ctrl", "Alt", "Shift", "Meta", "Space", "Home", "End", "Esc", "Delete", "Enter", "Return", "PgUp", "PgDn",
    "Tab", "Backspace",
    # formula symbols and code
    "max", "min", "lr", "in", "out", "sum", "numel", "parameters", "for", "C_in", "C_out", "groups", "k",
    "Module", "ray", "auto",
    # people and works cited in the interface's own sentences (papers are named, not translated)
    "Smith", "Zeiler", "Fergus", "Yosinski", "Olah", "Mordvintsev", "Schubert", "Distill", "Springenberg",
    "Simonyan", "Adebayo", "Cohen", "Deep", "Visualization", "Toolbox",
    # attribution methods known by their Latin names in Chinese texts too
    "HiResCAM", "LayerCAM", "XGrad", "Eigen", "Score", "SmoothGrad",
    # the language menu lists each language in its own name
    "English",
    # kept in English in Chinese deep-learning texts
    "epoch", "conv", "diag", "Fashion", "cpu", "cuda", "res",
}
TOKEN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
FILE_PATTERN = re.compile(r"\*\.[\w.\-]+|\([*][^)]*\)")
PATH = re.compile(r"(?<![\w/])(?:~|\.{1,2})?(?:/[\w.\-]+){2,}/?")  # a folder shown as data
CODE = re.compile(r"<code>.*?</code>", re.S)
TAG = re.compile(r"<[^>]+>")


def untranslated_words(text: str, extra: set[str] = frozenset(), phrases: tuple[str, ...] = ()) -> list[str]:
    """The English words left in ``text`` once tags, code, file patterns and technical tokens are removed.

    ``extra``: more allowed words; ``phrases``: data shown verbatim (class labels), removed first.
    """
    plain = html.unescape(TAG.sub(" ", CODE.sub(" ", text)))
    for phrase in phrases:
        if phrase in plain:
            plain = re.sub(rf"(?<![A-Za-z]){re.escape(phrase)}(?![A-Za-z])", " ", plain)
    plain = PATH.sub(" ", FILE_PATTERN.sub(" ", plain)).replace("&", "")
    words = []
    for token in TOKEN.findall(plain):
        if token in ALLOWED or token in extra or len(token) <= 2 or any(c.isdigit() for c in token):
            continue
        words.append(token)
    return words


def visible_texts(window) -> Iterator[tuple[str, str]]:
    """(where, text) for every string the window can show."""
    import pyqtgraph as pg
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QListWidget,
        QMenu,
        QTableWidget,
        QTabWidget,
        QTreeWidget,
        QWidget,
    )

    widgets = [window, *window.findChildren(QWidget)]
    for w in widgets:
        name = f"{type(w).__name__}({w.objectName()})"
        if w.toolTip():
            yield f"{name}.toolTip", w.toolTip()
        if isinstance(w, (QLabel, QAbstractButton)):
            yield f"{name}.text", w.text()
        elif isinstance(w, QGroupBox):
            yield f"{name}.title", w.title()
        elif isinstance(w, QLineEdit):
            yield f"{name}.placeholder", w.placeholderText()
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                yield f"{name}.item", w.itemText(i)
                tip = w.itemData(i, 3)  # Qt.ToolTipRole
                if tip:
                    yield f"{name}.itemTip", str(tip)
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield f"{name}.tab", w.tabText(i)
                yield f"{name}.tabTip", w.tabToolTip(i)
        elif isinstance(w, QMenu):
            yield f"{name}.title", w.title()
        elif isinstance(w, QTreeWidget):
            head = w.headerItem()
            for c in range(w.columnCount()):
                yield f"{name}.header", head.text(c)
                yield f"{name}.headerTip", head.toolTip(c)
        elif isinstance(w, QTableWidget):
            for c in range(w.columnCount()):
                item = w.horizontalHeaderItem(c)
                if item is not None:
                    yield f"{name}.header", item.text()
                    yield f"{name}.headerTip", item.toolTip()
        elif isinstance(w, QListWidget):
            for i in range(w.count()):
                yield f"{name}.item", w.item(i).text()
        if isinstance(w, pg.GraphicsView) and w.scene() is not None:
            for item in w.scene().items():
                if isinstance(item, pg.AxisItem) and item.label.isVisible():
                    yield f"{name}.axis", item.labelText
                elif isinstance(item, pg.LabelItem):
                    yield f"{name}.label", item.text
    if hasattr(window, "statusBar"):
        yield "QStatusBar.message", window.statusBar().currentMessage()
    for act in window.findChildren(QAction):
        yield f"QAction({act.objectName()})", act.text()
        if act.toolTip() != act.text().replace("&", ""):
            yield f"QAction({act.objectName()}).toolTip", act.toolTip()
        if act.statusTip():
            yield f"QAction({act.objectName()}).statusTip", act.statusTip()


def class_labels(window) -> tuple[str, ...]:
    """The loaded model's class labels (the predictions panel shows them as data), longest first."""
    from cnnviz.core.models import get_spec

    session = window.state.model
    try:
        names = get_spec(session.name).class_names or ()
    except Exception:  # no model, or one from a file
        return ()
    return tuple(sorted((str(n) for n in names), key=len, reverse=True))


def data_words(window) -> set[str]:
    """Names the window shows as data, not as interface text.

    Registered model names and families, the loaded model's layer names and
    class labels, sample image names, torch.optim argument and class names,
    the Train tab's hyperparameter and schedule-parameter names.
    """
    from cnnviz.core.models import list_models
    from cnnviz.core.playground import get_optimizer_spec, list_optimizers
    from cnnviz.core.samples import list_samples
    from cnnviz.core.training.optimizers import list_optimizers as training_optimizers
    from cnnviz.core.training.schedules import list_schedules

    out: set[str] = set()
    for spec in list_models():
        # timm:NAME is data too: the source prefix and the name after it.
        out.update({spec.name, spec.family, *spec.name.split("_"), *spec.family.split("_"), *spec.name.split(":")})
        out.update(spec.name.split(":")[-1].split("_"))
    for path in list_samples():
        out.update(TOKEN.findall(path.name))
    for name in list_optimizers():
        spec = get_optimizer_spec(name)
        out.add(spec.torch_class.__name__)
        out.update(h.name for h in spec.hyperparams)
    out.update(h.name for spec in training_optimizers() for h in spec.hparams)
    out.update(p.name for spec in list_schedules() for p in spec.params)
    # bibliographic references (authors, titles, venues) are shown verbatim
    from cnnviz.core.attribution import list_methods

    out.update(TOKEN.findall(" ".join(info.paper for info in list_methods())))
    out.update(TOKEN.findall(" ".join(spec.paper or "" for spec in list_models())))
    session = window.state.model
    model = session.loaded.model if session is not None else None  # (a session has no .model attribute)
    if model is not None:
        for name, module in model.named_modules():
            out.update(name.split("."))
            out.add(type(module).__name__)
    return out


def test_every_visible_string_is_translated(make_main_window, qtbot):
    window = make_main_window(tabs=None, lang="zh", seed=0)
    assert window.language == "zh"
    tab = window.tab_widgets["inspect"]
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=30000)
    window.show_shortcuts()
    extra, labels = data_words(window), class_labels(window)
    bad = sorted({(where, text) for where, text in visible_texts(window) if untranslated_words(text, extra, labels)})
    report = "\n".join(f"{where}: {text!r} -> {untranslated_words(text, extra, labels)}" for where, text in bad)
    assert not bad, f"{len(bad)} user-visible string(s) are not translated:\n{report}"


def test_status_message_is_in_the_walk(make_main_window, qtbot):
    """The Inspect tab's 'loaded' message names the weights in Chinese (core's label is English)."""
    window = make_main_window(tabs=("inspect",), lang="zh", model="lenet5", seed=3)
    tab = window.tab_widgets["inspect"]
    # Wait for the "loaded" message itself: "正在加载 lenet5…" (loading) comes first.
    qtbot.waitUntil(lambda: not tab.is_busy() and "种子" in window.statusBar().currentMessage(), timeout=30000)
    message = dict(visible_texts(window))["QStatusBar.message"]
    assert "随机权重（种子 3）" in message and "random" not in message


def test_core_chinese_texts_of_the_train_tab_are_complete():
    """Every dataset, schedule, hyperparameter and lesson the Train tab shows has its Chinese text in core."""
    from cnnviz.core.training.datasets import list_datasets
    from cnnviz.core.training.optimizers import list_optimizers
    from cnnviz.core.training.presets import list_presets
    from cnnviz.core.training.schedules import list_schedules

    for ds in list_datasets():
        assert ds.description_zh and not untranslated_words(ds.label_zh or ds.label), ds.name
    for sch in list_schedules():
        assert sch.label_zh and sch.description_zh, sch.name
        assert all(p.help_zh for p in sch.params), sch.name
    for opt in list_optimizers():
        assert all(h.help_zh for h in opt.hparams), opt.name
    for preset in list_presets():
        assert preset.title_zh and preset.lesson_zh, preset.name
        assert not untranslated_words(preset.title_zh), preset.title_zh


def test_walk_catches_english(make_main_window):
    """The check itself can fail: an English label in the Chinese window is reported."""
    from PySide6.QtWidgets import QLabel

    window = make_main_window(tabs=(), lang="zh")
    label = QLabel("Untranslated words here", window)
    label.setObjectName("planted")
    found = [t for where, t in visible_texts(window) if untranslated_words(t)]
    assert "Untranslated words here" in found
    assert untranslated_words("卷积 3×3, stride 1, ReLU, 2/λmax, Ctrl+K, (*.png)") == ["stride"]
    assert untranslated_words("卷积 3×3 · ReLU · 2/λmax · Ctrl+K · 图像 (*.png *.jpg)") == []
    assert untranslated_words("缓存：/tmp/cnnviz/exemplars") == []  # a folder is data
    assert untranslated_words("代价：one forward pass") == ["one", "forward", "pass"]


def test_ts_is_complete_and_consistent():
    """Every string in the code has a finished translation with the same placeholders and mnemonics."""
    problems = update_translations.problems("zh_CN")
    assert not problems, "run tools/update_translations.py and translate:\n" + "\n".join(problems)
    placeholder = re.compile(r"\{[^{}]*\}")
    for m in update_translations.read_ts(update_translations.ts_path("zh_CN")):
        if m.status == "vanished":
            continue
        assert m.translation.strip(), f"[{m.context}] {m.source!r} has an empty translation"
        assert sorted(placeholder.findall(m.source)) == sorted(placeholder.findall(m.translation)), \
            f"[{m.context}] {m.source!r}: placeholders differ in {m.translation!r}"
        has_mnemonic = "&" in m.source.replace("&&", "") and ";;" not in m.source
        assert has_mnemonic == ("&" in m.translation.replace("&&", "")), \
            f"[{m.context}] {m.source!r}: keep the & shortcut letter, e.g. 文件(&F)"


def test_qm_is_up_to_date_with_ts(tmp_path):
    """The shipped .qm is what lrelease makes of the .ts (nobody forgot to compile)."""
    fresh = tmp_path / "fresh.qm"
    update_translations.compile_qm(update_translations.ts_path("zh_CN"), fresh)
    shipped = update_translations.qm_path("zh_CN")
    assert shipped.exists(), "compile it with tools/update_translations.py"
    assert fresh.read_bytes() == shipped.read_bytes()


def test_contexts_follow_the_tr_helpers():
    """lupdate files helper calls under the empty context; the script gives them their run-time one."""
    ctx = update_translations.tr_context
    assert ctx(ROOT / "cnnviz/gui/app.py") == "MainWindow"
    assert ctx(ROOT / "cnnviz/gui/explain/sliding_page.py") == "Explain"  # imports tr from explain.common
    messages = {(m.context, m.source) for m in update_translations.read_ts(update_translations.ts_path("zh_CN"))}
    assert ("MainWindow", "&File") in messages
    assert ("Explain", "Output size") in messages  # inside an f-string: found by the ast pass
    assert not any(c == "" for c, _ in messages)


def test_switching_language_changes_the_strings(make_main_window, qtbot):
    from PySide6.QtCore import QCoreApplication

    window = make_main_window(tabs=("playground", "explain"))
    assert window.language == "en"
    assert window.menu_file.title() == "&File"
    assert window.tabs.tabText(0) == "Playground"
    play = window.tab_widgets["playground"]
    play.steps_box.setValue(77)
    qtbot.waitUntil(lambda: not play.controller.debounce.isActive())
    window.tab_widgets["explain"].show_topic("rf")
    window.show_tab("explain")

    assert window.set_language("zh")
    assert window.menu_file.title() == "文件(&F)"
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == ["试验场", "讲解"]
    assert window.state.language == "zh"
    assert QCoreApplication.translate("Playground", "Steps") == "步数"
    new_play = window.tab_widgets["playground"]
    assert new_play is not play  # rebuilt with the new translator
    assert new_play.steps == 77  # and given its state back
    assert new_play.lr_panel.language == "zh"  # core explanations follow state.language
    assert window.current_tab_key() == "explain"
    assert window.tab_widgets["explain"].topic == "rf"
    from cnnviz.gui.app import settings

    assert settings().value("ui/language") == "zh"  # remembered

    # A signal sent after the switch reaches only live widgets (the old tabs' lambdas were dropped).
    window.state.set_language("en")
    window.state.set_language("zh")
    assert window.set_language("en")
    assert window.menu_view.title() == "&View"
    assert window.tabs.tabText(1) == "Explain"


def test_language_from_settings_and_normalisation(make_main_window):
    from cnnviz.gui import i18n
    from cnnviz.gui.app import settings

    assert i18n.normalize_language("zh_CN") == "zh"
    assert i18n.normalize_language("zh-Hans") == "zh"
    assert i18n.normalize_language("en_GB") == "en"
    assert i18n.normalize_language("fr") == "en"
    settings().setValue("ui/language", "zh")
    window = make_main_window(tabs=())
    assert window.language == "zh"
    assert window.menu_help.title() == "帮助(&H)"
    assert window.language_actions["zh"].isChecked()


def test_switch_asks_before_stopping_long_work(make_main_window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    window = make_main_window(tabs=("playground",))
    window.tab_widgets["playground"].is_running = lambda: True  # as if a training run were going
    asked = []

    def answer(reply):
        def question(*args, **kwargs):
            asked.append(args[2])
            return reply
        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    assert not window.set_language("zh")
    assert window.language == "en" and window.menu_file.title() == "&File"
    assert not window.language_actions["zh"].isChecked() and window.language_actions["en"].isChecked()
    assert "Playground" in asked[0]
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    assert window.set_language("zh")
    assert window.menu_file.title() == "文件(&F)"
