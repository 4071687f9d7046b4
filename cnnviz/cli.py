"""The ``cnnviz`` command line.

``cnnviz`` with no sub-command opens the window (``--screenshot`` and friends
set its state); ``cnnviz SUBCOMMAND ...`` runs headless. Sub-commands live in
:mod:`cnnviz.commands`, one module each, discovered at start-up: a module
defines ``add_parser(subparsers)`` and sets ``func`` on its parser. Command
modules import torch inside their ``run`` function so ``--help`` stays fast.

Errors a user can cause (:class:`~cnnviz.core.errors.CnnvizError`) print one
line on stderr and exit non-zero; no traceback.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from cnnviz import __version__
from cnnviz.commands._common import parse_seed

GUI_EPILOG = """\
Without a sub-command cnnviz opens its window. Examples:
  cnnviz                                   open the app
  cnnviz lecture.cnnviz-lesson             open the app with a lesson
  cnnviz --model resnet18 --image cat.jpg  open with a model and image loaded
  cnnviz --screenshot out.png --tab inspect --model alexnet --layer features.0
  cnnviz --screenshot zh.png --lang zh --zoom 2 --theme dark --size 1280x800 --panel top5
  cnnviz summary resnet50 --format json    headless: layer table as JSON
"""
#: What a lesson file's name ends with (``cnnviz FILE.cnnviz-lesson`` opens it).
LESSON_SUFFIX = ".cnnviz-lesson"


def _window_size(text: str) -> str:
    """``WxH`` with both sides between 200 and 16384 pixels (kept as text; the window parses it)."""
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT such as 1600x1000, got {text!r}") from None
    if not (200 <= w <= 16384 and 200 <= h <= 16384):
        raise argparse.ArgumentTypeError(f"each side must be 200 to 16384 pixels, got {text!r}")
    return text


def _add_gui_options(parser: argparse.ArgumentParser) -> None:
    g = parser.add_argument_group("window options (no sub-command)")
    g.add_argument("--screenshot", metavar="PATH", help="build the window, save a PNG of it and exit")
    g.add_argument("--model", help="model to load at start (name or file.py:Class)")
    g.add_argument("--weights", help="random | pretrained | path to a state_dict")
    g.add_argument("--image", help="image to load at start")
    g.add_argument("--layer", help="layer to select at start (qualified name)")
    g.add_argument("--device", help="auto | cpu | cuda | cuda:N | mps")
    g.add_argument(
        "--tab", choices=["inspect", "train", "playground", "explain"], help="tab to show at start"
    )
    g.add_argument("--size", default=None, type=_window_size, metavar="WxH", help="window size, e.g. 1600x1000")
    g.add_argument("--lang", choices=["en", "zh"], help="user-interface language")
    g.add_argument("--seed", type=parse_seed, default=None, help="seed for random weights")
    g.add_argument("--zoom", type=_zoom, default=None, metavar="FACTOR",
                   help="zoom of text, pictures and plots, 0.5 to 3 (e.g. 2 for 200 %%)")
    g.add_argument("--theme", choices=["system", "light", "dark"], help="colour theme")
    g.add_argument("--panel", metavar="NAME",
                   help="the Inspect tab's side panel to show: math, kernels, top5 (and the panels features add)")
    g.add_argument("--screenshot-timeout", type=_seconds, default=None, metavar="SECONDS",
                   help="how long --screenshot waits for every view to draw (default 120)")
    g.add_argument("--lesson", metavar="FILE", help="open a lesson file at start (also: cnnviz FILE.cnnviz-lesson)")


def _zoom(text: str) -> float:
    """A zoom factor between 0.5 and 3."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number such as 1.5, got {text!r}") from None
    if not 0.5 <= value <= 3.0:
        raise argparse.ArgumentTypeError(f"must be between 0.5 and 3, got {text}")
    return value


def _seconds(text: str) -> float:
    """A positive number of seconds, at most a day."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {text!r}") from None
    if not 0 < value <= 86400:
        raise argparse.ArgumentTypeError(f"must be more than 0 and at most 86400 seconds, got {text}")
    return value


def _split_lesson(argv: list[str]) -> tuple[list[str], str | None]:
    """``argv`` without a leading lesson file (``cnnviz FILE.cnnviz-lesson ...``), and that file."""
    if argv and argv[0].endswith(LESSON_SUFFIX) and not argv[0].startswith("-"):
        return argv[1:], argv[0]
    return argv, None


def command_modules() -> list[str]:
    """Names of the sub-command modules in :mod:`cnnviz.commands`."""
    import cnnviz.commands as pkg

    return sorted(m.name for m in pkgutil.iter_modules(pkg.__path__) if not m.name.startswith("_"))


#: Values that start like a negative number (``-1,32,32``, ``-5``, ``-1e-3``, ``-.5``):
#: argparse would take them for options and answer "expected one argument".
_NEGATIVE_VALUE = re.compile(r"^-\.?\d")


class OneLineErrorParser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr (exit 2), pointing at ``--help``.

    argparse's default prints the whole usage block first, which buries the
    one line that says what was wrong. Sub-command parsers inherit the class.
    A value that starts with a minus and a digit (``--input -1,32,32``,
    ``--top -5``) is taken as a value, so its own check can say what is wrong
    with it (no option of cnnviz looks like a negative number).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._negative_number_matcher = _NEGATIVE_VALUE

    def _get_values(self, action: argparse.Action, arg_strings: list[str]) -> Any:
        # ``--seed=--``: argparse (3.11) drops the '--' and hands the option an empty
        # list instead of a value, which no type check ever sees.
        if action.option_strings and action.nargs is None and arg_strings == ["--"]:
            self.error(f"argument {'/'.join(action.option_strings)}: expected one argument, got '--'")
        return super()._get_values(action, arg_strings)

    def error(self, message: str) -> NoReturn:
        """Print ``PROG: error: MESSAGE (see 'PROG --help')`` and exit 2."""
        self.error_as(self.prog, message)

    def error_as(self, prog: str, message: str) -> NoReturn:
        """:meth:`error` on behalf of ``prog`` (a sub-command, whose parser the caller does not hold)."""
        from cnnviz.core.errors import MAX_LINE, shorten

        text = shorten(" ".join(message.split()), MAX_LINE)  # an echoed value may be huge
        self.exit(2, f"{prog}: error: {text} (see '{prog} --help')\n")


def build_parser() -> OneLineErrorParser:
    """The full parser: window options plus every sub-command."""
    parser = OneLineErrorParser(
        prog="cnnviz",
        description="See inside convolutional neural networks.",
        epilog=GUI_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"cnnviz {__version__}")
    _add_gui_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in command_modules():
        module = importlib.import_module(f"cnnviz.commands.{name}")
        module.add_parser(sub)
    return parser


def _approve_typed_model(args: argparse.Namespace) -> None:
    """A ``file.py:Class`` the user typed after ``--model`` (or as MODEL) is theirs to run.

    Only what is typed on the command line is approved: a model named by a
    lesson or any other file still needs the user's answer (see core.trust).
    """
    from cnnviz.core import trust

    value = getattr(args, "model", None)
    if isinstance(value, str) and trust.names_code(value):
        trust.approve_typed(value)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``cnnviz`` command."""
    argv = list(sys.argv[1:] if argv is None else argv)
    from cnnviz.core.errors import CnnvizError
    from cnnviz.core.memory import tune_allocator

    tune_allocator()

    argv, lesson = _split_lesson(argv)
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if lesson is not None:
        if args.command is not None:
            parser.error_as(parser.prog, f"a lesson file opens the window; it cannot go with '{args.command}'")
        args.lesson = lesson
    command = f"{parser.prog} {args.command}" if args.command else parser.prog
    if extra:  # name the sub-command whose options were mistyped, not the top level
        parser.error_as(command, f"unrecognized arguments: {' '.join(extra)}")
    _approve_typed_model(args)
    try:
        if args.command is None:
            if args.screenshot:  # say which path and why before the window is built
                from cnnviz.core.safe_io import check_output_file

                check_output_file(args.screenshot, what="--screenshot file")
            from cnnviz.gui.startup import run_app

            return run_app(args)
        return int(args.func(args) or 0)
    except CnnvizError as exc:
        from cnnviz.core.errors import ConfigError

        hint = f" (see '{command} --help')" if isinstance(exc, ConfigError) else ""  # an option's value was wrong
        advice = f" {exc.cli_hint}" if exc.cli_hint else ""
        print(f"cnnviz: error: {exc.one_line()}{advice}{hint}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("cnnviz: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `cnnviz summary ... | head`: the reader went away; not an error.
        return 0
    except OSError as exc:
        # The file system refused something the user named (a name too long for it,
        # a full disk, a vanished folder): one line, like any other user error.
        from cnnviz.core.errors import shorten

        where = f": {shorten(str(exc.filename), 120)}" if exc.filename else ""
        print(f"cnnviz: error: {exc.strerror or type(exc).__name__}{where}", file=sys.stderr)
        return 1
    except MemoryError:
        print("cnnviz: error: out of memory: try a smaller input, model or batch.", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
