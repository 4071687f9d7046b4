"""The GUI shows core messages in the interface language, through Qt's translators."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from cnnviz.core.errors import WeightsError
from cnnviz.core.messages import CONTEXT, msg
from cnnviz.gui.i18n import error_text, translate_message


class _Dictionary(QTranslator):
    """A translator from a dict, standing in for a compiled .qm (the same lookup path in Qt)."""

    def __init__(self, table: dict[str, str]) -> None:
        super().__init__()
        self.table = table

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D102 (Qt's signature)
        return self.table.get(source) if context == CONTEXT else None

    def isEmpty(self) -> bool:  # noqa: N802, D102
        return False


def test_core_messages_are_translated_with_their_values(qapp):
    table = {
        "{name} is not a readable PyTorch weights file ({reason}).": "{name} 不是可读取的 PyTorch 权重文件（{reason}）。",
        "The pasted image": "粘贴的图像",
        "{label} is empty.": "{label}为空。",
        "{path} missing": "缺少 {other}",  # a translator's slip: wrong field name
    }
    translator = _Dictionary(table)
    QCoreApplication.installTranslator(translator)
    try:
        error = WeightsError(msg("{name} is not a readable PyTorch weights file ({reason}).", name="w.pt",
                                 reason="bad zip"))
        assert error_text(error) == "w.pt 不是可读取的 PyTorch 权重文件（bad zip）。"
        assert str(error) == "w.pt is not a readable PyTorch weights file (bad zip)."  # the CLI stays English
        nested = msg("{label} is empty.", label=msg("The pasted image"))
        assert translate_message(nested) == "粘贴的图像为空。"
        # A translation whose fields do not match falls back to the English text, never an exception.
        assert translate_message(msg("{path} missing", path="a.png")) == "a.png missing"
        # Strings that are not core messages pass through unchanged.
        assert translate_message("plain text") == "plain text"
        assert error_text(ValueError("boom")) == "boom"
    finally:
        QCoreApplication.removeTranslator(translator)
    assert error_text(error) == str(error)  # English again once the translator is gone
