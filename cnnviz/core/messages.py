"""Messages a person reads, written once in English and translatable later.

Core never imports Qt, so it cannot translate. Instead an error or note is
built with :func:`msg`::

    raise ImageError(msg("{label} is empty (0 bytes): it holds no image.", label=label))

The result is an ordinary ``str`` (the English text, what the command line
prints and what ``str(error)`` gives), which also remembers its template and
values. The GUI looks the template up in its translation (context
:data:`CONTEXT`) and fills in the same values; a value that is itself a
:class:`Text` is translated the same way. ``tools/update_translations.py``
finds every ``msg("…")`` literal in ``cnnviz/core`` and ``cnnviz/commands``.

Rules for a template: named fields only (``{name}``, ``{count:,}``), one whole
sentence or paragraph (concatenating a :class:`Text` with a ``str`` gives a
plain ``str`` that cannot be translated), and values are things the user
gave or numbers, never English words (pass those as :class:`Text` too).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

#: The translation context of every core message.
CONTEXT = "CoreMessages"


class Text(str):
    """English text that remembers the template and values it was made from."""

    template: str
    values: Mapping[str, Any]

    def __new__(cls, template: str, values: Mapping[str, Any] | None = None) -> Text:
        """The English text of ``template`` filled with ``values``."""
        values = dict(values or {})
        self = super().__new__(cls, template.format(**values) if values else template)
        self.template = template
        self.values = values
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        # Errors cross process boundaries (sweep workers): keep the template, not just the text.
        return (Text, (self.template, dict(self.values)))


def msg(template: str, /, **values: Any) -> Text:
    """A message: ``template`` (a literal, with ``{named}`` fields) filled with ``values``.

    Use a literal template so the translation tool can find it.
    """
    return Text(template, values)


def message_of(error: BaseException) -> str:
    """What ``error`` says, keeping its :class:`Text` (to nest it in another message)."""
    first = error.args[0] if len(error.args) == 1 else None
    return first if isinstance(first, Text) else str(error)


def join(items: Iterable[str], separator: str = ", ") -> Text:
    """``items`` joined by ``separator``, each item still translatable (a list inside a message).

    ``separator.join`` of :class:`Text` items gives a plain ``str``; this keeps
    every item as a value of a template made of fields and the separator only,
    which needs no translation of its own.
    """
    values = {f"item{i}": item for i, item in enumerate(items)}
    sep = separator.replace("{", "{{").replace("}", "}}")
    return Text(sep.join("{" + key + "}" for key in values), values)


__all__ = ["CONTEXT", "Text", "join", "message_of", "msg"]
