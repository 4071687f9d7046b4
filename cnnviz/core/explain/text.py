"""Bilingual explanation text: core writes both languages, the GUI picks one."""

from __future__ import annotations

from dataclasses import dataclass

from cnnviz.core.errors import ConfigError


@dataclass(frozen=True)
class Text:
    """One explanation in English and Simplified Chinese."""

    en: str
    zh: str

    def get(self, language: str) -> str:
        """The text for ``language`` ('zh…' gives Chinese, anything else English)."""
        return self.zh if language.lower().startswith("zh") else self.en

    def __add__(self, other: Text) -> Text:
        sep_en = "" if not self.en or not other.en else " "
        return Text(self.en + sep_en + other.en, self.zh + other.zh)


class ExplainError(ConfigError):
    """A teaching setup that cannot be computed (window bigger than the input, …)."""


def num(value: float) -> str:
    """A number as a person writes it: ``3.0`` -> ``'3'``, ``0.25`` -> ``'0.25'``, −0 -> ``'0'``."""
    v = float(value)
    if v.is_integer():
        return str(int(v))
    text = f"{v:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text.replace("-", "−")
