"""Run every benchmarks/bench_*.py and write one report (Markdown + JSON).

Usage: python benchmarks/run_all.py [--quick] [--out bench-results]
Each figure is a ratio against its naive baseline measured in the same run.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _machine() -> dict:
    import torch

    info = {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpu_count": os.cpu_count(),
        "torch": torch.__version__,
        "cuda": torch.cuda.get_device_name(0) if torch.cuda.is_available() else None,
    }
    try:
        import PySide6
        import torchvision

        info["torchvision"] = torchvision.__version__
        info["PySide6"] = PySide6.__version__
    except ImportError:
        pass
    return info


def main(argv: list[str] | None = None) -> int:
    """Run all benchmarks; exit 1 if any figure missed its target."""
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--quick", action="store_true", help="fewer repeats")
    p.add_argument("--out", default="bench-results", help="folder for report.md and report.json")
    p.add_argument("--only", help="run only bench_<ONLY>.py")
    args = p.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    rows: list[dict] = []
    for path in sorted(HERE.glob("bench_*.py")):
        topic = path.stem.removeprefix("bench_")
        if args.only and topic != args.only:
            continue
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        start = time.perf_counter()
        try:
            spec.loader.exec_module(module)
            for row in module.run(quick=args.quick):
                rows.append({"topic": topic, **row})
        except Exception as exc:
            traceback.print_exc()
            rows.append({"topic": topic, "name": f"{topic} failed to run", "value": None, "target": "",
                         "passed": False, "unit": "", "details": f"{type(exc).__name__}: {exc}"})
        print(f"[{topic}] done in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    report = {"machine": _machine(), "when": time.strftime("%Y-%m-%d %H:%M:%S"), "results": rows}
    (out / "report.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    lines = ["# cnnviz benchmark report", "", f"Run {report['when']} on "
             + ", ".join(f"{k} {v}" for k, v in report["machine"].items() if v), "",
             "| topic | figure | value | target | ok | details |", "|---|---|---|---|---|---|"]
    for r in rows:
        value = "" if r["value"] is None else f"{r['value']}{r.get('unit', '')}"
        lines.append(f"| {r['topic']} | {r['name']} | {value} | {r['target']} | "
                     f"{'yes' if r['passed'] else 'NO'} | {r['details']} |")
    (out / "report.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0 if all(r["passed"] for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
