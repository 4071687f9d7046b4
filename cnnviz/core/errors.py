"""Errors a user can cause. Each carries a message meant for a person.

The GUI shows ``str(error)`` in a dialog or the status bar; the command line
prints it on one line and exits non-zero. Anything that is *not* a
``CnnvizError`` is a bug in cnnviz.
"""

from __future__ import annotations

#: The longest one-line message the command line prints (characters).
MAX_LINE = 600
#: A single word (a path, a model name, a number) longer than this is shortened in messages.
MAX_WORD = 300


def shorten(text: str, limit: int = MAX_WORD) -> str:
    """``text`` cut in the middle to at most about ``limit`` characters, saying how much went.

    Error messages echo what the user typed; a 100,000-character model name
    or number must not become a 100,000-character message.
    """
    if len(text) <= limit:
        return text
    head = max(1, limit * 2 // 3)
    tail = max(1, limit - head - 1)
    return f"{text[:head]}…[{len(text) - head - tail:,} more characters]…{text[-tail:]}"


class CnnvizError(Exception):
    """Base class of every error a user can cause.

    ``cli_hint`` is advice that only makes sense on the command line (an option
    to add); the CLI prints it after the message, the GUI offers its own way.
    """

    exit_code = 2
    cli_hint: str = ""

    def with_cli_hint(self, hint: str) -> CnnvizError:
        """This error, with ``hint`` for the command line; returns itself (``raise err.with_cli_hint(...)``)."""
        self.cli_hint = hint
        return self

    def one_line(self) -> str:
        """The message folded onto a single readable line (for the CLI).

        Over-long words are shortened in the middle and the line is capped
        at :data:`MAX_LINE` characters.
        """
        line = " ".join(shorten(word) for word in str(self).split())
        return shorten(line, MAX_LINE)


class ImageError(CnnvizError):
    """An image could not be read, or is not acceptable."""


class ModelError(CnnvizError):
    """A model could not be found, built or run."""


class UnknownModelError(ModelError):
    """No model is registered under that name."""


class ModelForwardError(ModelError):
    """A model's forward pass failed on the given input."""


class WeightsError(CnnvizError):
    """A weights file is missing, unreadable or does not fit the model."""


class WeightsMismatchError(WeightsError):
    """A weights file is for another architecture; loading only what fits is possible."""


class PickleRefusedError(WeightsError):
    """A weights file holds a pickled object; loading it needs the user's explicit trust."""


class WeightsUnavailableError(WeightsError):
    """Pretrained weights are not cached and cannot be downloaded."""


class DeviceError(CnnvizError):
    """A requested device does not exist or cannot be used."""


class OutOfMemoryError(CnnvizError):
    """A computation did not fit in the device's memory."""


class ConfigError(CnnvizError):
    """An option, hyperparameter or file format is invalid."""


class DatasetError(CnnvizError):
    """A dataset could not be found, downloaded or read."""
