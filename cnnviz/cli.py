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
  cnnviz --model resnet18 --image cat.jpg  open with a model and image loaded
  cnnviz --screenshot out.png --tab inspect --model alexnet --layer features.0
  cnnviz summary resnet50 --format json    headless: layer table as JSON
"""


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


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``cnnviz`` command."""
    argv = list(sys.argv[1:] if argv is None else argv)
    from cnnviz.core.errors import CnnvizError
    from cnnviz.core.memory import tune_allocator

    tune_allocator()

    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    command = f"{parser.prog} {args.command}" if args.command else parser.prog
    if extra:  # name the sub-command whose options were mistyped, not the top level
        parser.error_as(command, f"unrecognized arguments: {' '.join(extra)}")
    try:
        if args.command is None:
            if args.screenshot:  # say which path and why before the window is built
                from cnnviz.core.safe_io import check_output_file

                check_output_file(args.screenshot, what="--screenshot file")
            from cnnviz.gui.app import run_app

            return run_app(args)
        return int(args.func(args) or 0)
    except CnnvizError as exc:
        from cnnviz.core.errors import ConfigError

        hint = f" (see '{command} --help')" if isinstance(exc, ConfigError) else ""  # an option's value was wrong
        print(f"cnnviz: error: {exc.one_line()}{hint}", file=sys.stderr)
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
