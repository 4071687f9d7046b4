"""``cnnviz attribute``: attribution maps of one image, side by side, with faithfulness scores."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from cnnviz.commands._common import add_model_options, load_model_from_args, parse_kv, positive_int

METHOD_NAMES = ("gradcam", "gradcampp", "hirescam", "xgradcam", "layercam", "scorecam", "eigencam", "saliency",
                "gradxinput", "smoothgrad", "ig", "guidedbackprop", "deconvnet", "occlusion")

EXAMPLES = """\
examples:
  cnnviz attribute resnet18 --weights pretrained --image cat.jpg --methods gradcam,ig,occlusion --out maps/
  cnnviz attribute resnet18 --image cat.jpg --methods all --target 281 --layer layer3 --out maps/
  cnnviz attribute lenet5_modern --image digit.png --methods saliency,guidedbackprop,deconvnet \\
      --target unit:3:5 --out unit/
  cnnviz attribute vgg16 --image dog.jpg --methods ig --set ig.baseline=blur --set ig.steps=64 --out ig/

methods: gradcam gradcampp hirescam xgradcam layercam scorecam eigencam (need a convolutional
layer: --layer, default the last convolutional stage), saliency gradxinput smoothgrad ig
guidedbackprop deconvnet, occlusion; 'all' runs every one (scorecam costs one forward pass per
channel of the layer).

--target: top (default), a class index or name, or unit:LAYER:CHANNEL[:Y:X] (a unit of a layer;
without Y:X the channel's spatial mean).

writes into --out:
  maps.npz    one float32 array per method, at the model input's resolution, before any
              display normalisation (CAMs: ReLU'd and bilinearly upsampled; gradient maps:
              max |gradient| over channels, or the channel sum for gradxinput and ig;
              occlusion: the drop of the score)
  scores.csv  method, deletion_auc (lower is better), insertion_auc (higher is better),
              average_drop (%, lower is better), increase_in_confidence (%)
  grid.png    the input and every map over it, each scaled to its own range
"""


def _parse_set(text: str) -> tuple[str, str, Any]:
    """``ig.steps=32`` -> ("ig", "steps", 32)."""
    key, value = parse_kv(text, dotted=True)
    method, dot, option = key.partition(".")
    if not dot or not method or not option:
        raise argparse.ArgumentTypeError(f"expected METHOD.OPTION=VALUE such as ig.steps=32, got {text!r}")
    return method, option, value


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the sub-command."""
    p = sub.add_parser(
        "attribute",
        help="attribution maps (Grad-CAM, integrated gradients, occlusion, ...) with faithfulness scores",
        description="Explain MODEL's output on an image with several attribution methods side by side.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("model", help="model name (see `cnnviz models`) or path/file.py:Class")
    p.add_argument("--image", required=True, help="PNG, JPEG, BMP, TIFF or WebP file")
    p.add_argument("--methods", default="gradcam,saliency,ig,guidedbackprop,occlusion",
                   help="comma-separated method names or 'all' (default gradcam,saliency,ig,guidedbackprop,occlusion)")
    p.add_argument("--target", default="top", help="top | CLASS (index or name) | unit:LAYER:CHANNEL[:Y:X]")
    p.add_argument("--layer", help="layer for the CAM methods (default: the last convolutional stage)")
    p.add_argument("--out", required=True, help="output folder (created if missing)")
    p.add_argument("--steps", type=positive_int, default=20,
                   help="deletion / insertion steps per map for scores.csv (default 20)")
    p.add_argument("--set", dest="settings", action="append", type=_parse_set, metavar="METHOD.OPTION=VALUE",
                   help="a method's option, repeatable (e.g. ig.steps=64, occlusion.window=32)")
    add_model_options(p)
    p.set_defaults(func=run)


def _methods(text: str) -> list[str]:
    from cnnviz.core.attribution import method_info

    names = list(METHOD_NAMES) if text.strip().lower() == "all" else [m.strip() for m in text.split(",") if m.strip()]
    if not names:
        from cnnviz.core.errors import ConfigError

        raise ConfigError("--methods is empty; give method names or 'all'.")
    for n in names:
        method_info(n)  # unknown names: ConfigError naming the available ones
    return list(dict.fromkeys(names))


def _options(methods: list[str], settings: list[tuple[str, str, Any]] | None) -> dict[str, dict[str, Any]]:
    from cnnviz.core.attribution import method_info
    from cnnviz.core.errors import ConfigError

    options: dict[str, dict[str, Any]] = {}
    for method, option, value in settings or []:
        if method not in methods:
            raise ConfigError(f"--set {method}.{option}: {method!r} is not among --methods.")
        options.setdefault(method, {})[option] = value
    for method, given in options.items():
        method_info(method).resolve_options(given)  # check names and values before loading the model
    return options


def run(args: argparse.Namespace) -> int:
    """Compute, score and save."""
    import numpy as np

    from cnnviz.core.attribution import compute_many, faithfulness, parse_target
    from cnnviz.core.device import resolve_device, with_cpu_fallback
    from cnnviz.core.errors import ConfigError
    from cnnviz.core.images import load_image, prepare, preprocess_for

    methods = _methods(args.methods)
    options = _options(methods, args.settings)
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise ConfigError(f"--out {out} is a file; give a folder")
    image = load_image(args.image)  # fail fast on a bad image, before building the model
    for note in image.notes:
        print(f"cnnviz: note: {note}", file=sys.stderr)
    loaded = load_model_from_args(args)
    names = loaded.spec.class_names
    target = parse_target(args.target, names)
    prepared = prepare(image, preprocess_for(loaded.spec, loaded.weights_enum))
    if "ig" in methods:  # lets ig.baseline=black know what black is in the model's input space
        ig = options.setdefault("ig", {})
        ig.setdefault("input_mean", prepared.pre.mean)
        ig.setdefault("input_std", prepared.pre.std)
    device = resolve_device(args.device)
    progress = _stderr_progress()

    def work(dev):
        model = loaded.model.to(dev)
        x = prepared.tensor.to(dev)

        def first_half(f: float, m: str = "") -> None:
            progress(0.5 * f, m)

        result = compute_many(methods, model, x, target, layer=args.layer, options=options, progress=first_half)
        scores = {}
        for i, name in enumerate(methods):

            def method_share(f: float, m: str = "", i: int = i) -> None:
                progress(0.5 + 0.5 * (i + f) / len(methods), m)

            scores[name] = faithfulness(model, x, result.maps[name], steps=args.steps, progress=method_share)
        return result, scores

    (result, scores), _ = with_cpu_fallback(
        work, device, on_fallback=lambda m: print(f"cnnviz: warning: {m}", file=sys.stderr)
    )
    progress(1.0, "")
    out.mkdir(parents=True, exist_ok=True)
    _save_npz(out / "maps.npz", {n: np.asarray(result.maps[n].map, np.float32) for n in methods})
    _save_scores(out / "scores.csv", methods, scores)
    _save_grid(out / "grid.png", prepared.display, [result.maps[n] for n in methods])
    _report(result, scores, methods, names, loaded.report.source, out)
    return 0


def _stderr_progress():
    """One updating line on a terminal; nothing when stderr is a file or pipe."""
    state = {"last": -1}

    def report(fraction: float, message: str = "") -> None:
        if not sys.stderr.isatty():
            return
        pct = int(fraction * 100)
        if pct == state["last"]:
            return
        state["last"] = pct
        end = "\n" if fraction >= 1.0 else ""
        sys.stderr.write(f"\r\033[K{pct:3d}% {message}"[:120] + end)
        sys.stderr.flush()

    return report


def _save_npz(path: Path, arrays: dict) -> None:
    from cnnviz.commands.activations import save_npz_atomic

    save_npz_atomic(path, arrays)


def _save_scores(path: Path, methods: list[str], scores: dict) -> None:
    import csv
    import io

    from cnnviz.core.settings_io import atomic_path

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["method", "deletion_auc", "insertion_auc", "average_drop", "increase_in_confidence"])
    for n in methods:
        f = scores[n]
        w.writerow([n, f"{f.deletion_auc:.6g}", f"{f.insertion_auc:.6g}", f"{f.average_drop:.6g}",
                    f"{f.increase_in_confidence:.6g}"])
    with atomic_path(path) as tmp:
        tmp.write_text(buf.getvalue(), encoding="utf-8")


def grid_image(display, maps: list, min_side: int = 160):
    """The input then each map over it (its positive evidence, own range), labelled: uint8 (H, W, 3)."""
    import cv2
    import numpy as np

    from cnnviz.core.attribution.cam import heat_rgba
    from cnnviz.core.attribution.registry import method_info
    from cnnviz.core.render import tile

    h, w = display.shape[:2]
    scale = max(1, int(np.ceil(min_side / max(1, min(h, w)))))
    base = cv2.resize(display, (w * scale, h * scale), interpolation=cv2.INTER_NEAREST) if scale > 1 else display
    gray = np.repeat(cv2.cvtColor(base, cv2.COLOR_RGB2GRAY)[..., None], 3, axis=2).astype(np.float32)
    header = 18
    tiles = [_labelled(base, "input", header)]
    for amap in maps:
        heat = amap.heat()
        if scale > 1:
            heat = cv2.resize(heat, (w * scale, h * scale), interpolation=cv2.INTER_LINEAR)
        rgba = heat_rgba(heat, "inferno").astype(np.float32)
        alpha = rgba[..., 3:4] / 255.0
        over = (gray * 0.6 * (1 - alpha) + rgba[..., :3] * alpha).clip(0, 255).astype(np.uint8)
        label = method_info(amap.method).label.replace("×", "x") + (" (+)" if amap.signed else "")  # Hershey: ASCII
        tiles.append(_labelled(over, label, header))
    image, _ = tile(np.stack(tiles), pad=4, fill=255)
    return image


def _labelled(rgb, text: str, header: int):
    import cv2
    import numpy as np

    out = np.full((rgb.shape[0] + header, rgb.shape[1], 3), 255, np.uint8)
    out[header:] = rgb
    cv2.putText(out, text, (3, header - 5), cv2.FONT_HERSHEY_SIMPLEX, 0.42, (20, 20, 20), 1, cv2.LINE_AA)
    return out


def _save_grid(path: Path, display, maps: list) -> None:
    import cv2

    from cnnviz.core.settings_io import atomic_path

    ok, png = cv2.imencode(".png", cv2.cvtColor(grid_image(display, maps), cv2.COLOR_RGB2BGR))
    if not ok:  # pragma: no cover - cv2 encodes any uint8 image
        raise RuntimeError("PNG encoding failed")
    with atomic_path(path) as tmp:
        tmp.write_bytes(png.tobytes())


def _report(result, scores: dict, methods: list[str], names, source: str, out: Path) -> None:
    t = result.target
    print(f"Target: {t.describe(names)}" + (f", score {t.score:.4g}" if t is not None else "")
          + (f", probability {t.probability:.3f}" if t is not None and t.probability is not None else ""))
    if source.startswith("random"):
        print("The model has random weights: its maps explain nothing learned.")
    if result.layer:
        print(f"CAM layer: {result.layer}")
    print(f"{'method':<16}{'deletion AUC':>14}{'insertion AUC':>15}{'avg drop %':>12}{'incr. conf. %':>15}")
    for n in methods:
        f = scores[n]
        print(f"{n:<16}{f.deletion_auc:>14.4f}{f.insertion_auc:>15.4f}{f.average_drop:>12.2f}"
              f"{f.increase_in_confidence:>15.0f}")
    for n in methods:
        for note in result.maps[n].notes:
            print(f"  {n}: {note}")
    print(f"Saved maps.npz, scores.csv and grid.png to {out}")
