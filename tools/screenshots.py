"""Make the README's screenshots from the real app (``make screenshots``).

Each tab is started in its own process with ``--screenshot``, the window's own
"wait until every view has drawn, then save a PNG" mode::

    python -m cnnviz --screenshot docs/screenshots/<tab>.png --tab <tab> --size 1600x1000

so the pictures always show what the current code draws. The runs are made
reproducible: an empty, temporary settings folder (no remembered layout or
last model), English text, a fixed seed, the offscreen Qt platform, and a
sample image shipped with cnnviz. Inspect uses pretrained AlexNet when its
weights are already cached (nothing is downloaded), random weights otherwise.

    python tools/screenshots.py                      # every tab
    python tools/screenshots.py --tabs inspect --lang zh --out /tmp/shots
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "cnnviz" / "resources" / "samples" / "shapes.png"
INSPECT_MODEL = "alexnet"
INSPECT_LAYER = "features.0"

#: Extra command-line options per tab, so each picture shows something meaningful.
TAB_ARGS: dict[str, list[str]] = {
    "inspect": ["--model", INSPECT_MODEL, "--image", str(SAMPLE), "--layer", INSPECT_LAYER],
    "train": [],
    "playground": [],
    "explain": [],
}


def cached_pretrained(model: str) -> bool:
    """True when the model's pretrained file is already in torch.hub's cache (no download)."""
    try:
        import torchvision.models as tvm

        from cnnviz.core.weights import hub_checkpoint_dir

        url = tvm.get_model_weights(model).DEFAULT.url
        return (hub_checkpoint_dir() / url.rsplit("/", 1)[-1]).is_file()
    except Exception:  # no torchvision weights for it, or no cache folder
        return False


def screenshot_command(tab: str, out: Path, size: str, lang: str, weights: str) -> list[str]:
    """The exact ``python -m cnnviz --screenshot ...`` command for one tab."""
    cmd = [sys.executable, "-m", "cnnviz", "--screenshot", str(out), "--tab", tab,
           "--size", size, "--lang", lang, "--seed", "0", *TAB_ARGS[tab]]
    if tab == "inspect":
        cmd += ["--weights", weights]
    return cmd


def take(tab: str, out: Path, size: str, lang: str, weights: str, timeout_s: float) -> float:
    """Run one screenshot in a clean environment; return the seconds it took."""
    with tempfile.TemporaryDirectory(prefix="cnnviz-shots-") as home:
        env = dict(os.environ)
        env.update(
            QT_QPA_PLATFORM="offscreen",
            XDG_CONFIG_HOME=str(Path(home) / "config"),  # QSettings: nothing remembered
            PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""),
        )
        env.setdefault("TORCH_HOME", str(Path.home() / ".cache" / "torch"))  # cached weights
        cmd = screenshot_command(tab, out, size, lang, weights)
        print("$ python " + " ".join(cmd[1:]), flush=True)
        t0 = time.perf_counter()
        done = subprocess.run(cmd, cwd=ROOT, env=env, timeout=timeout_s, check=False)
        seconds = time.perf_counter() - t0
    if done.returncode != 0 or not out.is_file() or out.stat().st_size == 0:
        raise SystemExit(f"screenshot of the {tab} tab failed (exit code {done.returncode})")
    return seconds


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--tabs", default=",".join(TAB_ARGS),
                        help="comma-separated tabs (default: all)")
    parser.add_argument("--size", default="1600x1000")
    parser.add_argument("--lang", default="en", choices=["en", "zh"])
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per tab")
    args = parser.parse_args(argv)

    tabs = [t.strip() for t in args.tabs.split(",") if t.strip()]
    unknown = [t for t in tabs if t not in TAB_ARGS]
    if unknown:
        parser.error(f"unknown tab(s) {', '.join(unknown)}; choose from {', '.join(TAB_ARGS)}")
    args.out.mkdir(parents=True, exist_ok=True)
    weights = "pretrained" if cached_pretrained(INSPECT_MODEL) else "random"
    suffix = "" if args.lang == "en" else f"-{args.lang}"
    for tab in tabs:
        out = args.out / f"{tab}{suffix}.png"
        seconds = take(tab, out, args.size, args.lang, weights, args.timeout)
        print(f"wrote {out} ({out.stat().st_size / 1024:.0f} KiB, {seconds:.1f} s)", flush=True)
    if "inspect" in tabs and weights == "random":
        print(f"note: {INSPECT_MODEL} has no cached pretrained weights; Inspect shows random "
              "weights. Run `cnnviz summary alexnet --weights pretrained` once online, then "
              "re-run for the pretrained picture.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
