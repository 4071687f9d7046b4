"""Ready-made lessons from the notes: a setup plus the runs that teach one thing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from cnnviz.core.errors import ConfigError
from cnnviz.core.training.config import RunConfig, TrainSetup


@dataclass(frozen=True)
class Preset:
    """A lesson: what it shows (en / zh), the shared setup and the runs."""

    name: str
    title: str
    lesson_en: str
    lesson_zh: str
    make: Callable[[], tuple[TrainSetup, list[RunConfig]]]
    x_axis: str = "step"  # what the plots' x axis should show for this lesson: step | epoch | samples
    title_zh: str = ""

    def build(self, language: str = "en") -> tuple[TrainSetup, list[RunConfig]]:
        """A fresh setup and run list (safe to modify); runs named in ``language`` ('en' or 'zh')."""
        setup, runs = self.make()
        if language == "zh":
            runs = [replace(r, name=_NAMES_ZH.get(r.name, r.name)) for r in runs]
        return setup, runs


#: Run names in Simplified Chinese, by English name (a lesson shown in Chinese names its runs in Chinese).
_NAMES_ZH: dict[str, str] = {}


def _run(name: str, optimizer: str, zh: str = "", **kw: object) -> RunConfig:
    if zh:
        _NAMES_ZH[name] = zh
    hp = {k: v for k, v in kw.items() if k not in ("batch_size", "schedule", "model_kwargs")}
    return RunConfig(
        name=name, optimizer=optimizer, hparams=hp,  # type: ignore[arg-type]
        batch_size=kw.get("batch_size"),  # type: ignore[arg-type]
        schedule=str(kw.get("schedule", "none")),
        model_kwargs=dict(kw.get("model_kwargs", {})),  # type: ignore[call-overload]
    )


_PRESETS: dict[str, Preset] = {}


def _preset(name: str, title: str, en: str, zh: str, x_axis: str = "step", *, title_zh: str
            ) -> Callable[[Callable[[], tuple[TrainSetup, list[RunConfig]]]], None]:
    def wrap(fn: Callable[[], tuple[TrainSetup, list[RunConfig]]]) -> None:
        _PRESETS[name] = Preset(name, title, en, zh, fn, x_axis, title_zh)

    return wrap


@_preset("optimizers", "Optimizers compared",
         "Same net, same start, same batches: SGD crawls, momentum and Nesterov speed it up, "
         "Adagrad slows down as its steps shrink, RMSProp and Adam adapt each weight's step.",
         "同一网络、同一初始权重、同一批数据：SGD 缓慢，动量与 Nesterov 加速，Adagrad 步长逐渐变小而变慢，"
         "RMSProp 与 Adam 为每个权重自适应步长。", title_zh="优化器对比")
def _optimizers() -> tuple[TrainSetup, list[RunConfig]]:
    return TrainSetup(model="lenet5", dataset="shapes", epochs=4, batch_size=64), [
        _run("SGD", "sgd", lr=0.05),
        _run("Momentum", "momentum", zh="动量", lr=0.05, momentum=0.9),
        _run("Nesterov", "nesterov", lr=0.05, momentum=0.9),
        _run("Adagrad", "adagrad", lr=0.01),
        _run("RMSProp", "rmsprop", lr=1e-3),
        _run("AdaDelta", "adadelta", lr=1.0),
        _run("Adam", "adam", lr=2e-3),
        _run("AdamW", "adamw", lr=2e-3, weight_decay=0.01),
    ]


@_preset("learning_rate", "Learning rate: too small / good / too large",
         "Too small barely moves; a good rate falls fast; too large overshoots, bounces and diverges.",
         "学习率过小几乎不动；合适的学习率下降很快；过大则来回震荡甚至发散。",
         title_zh="学习率：过小 / 合适 / 过大")
def _learning_rate() -> tuple[TrainSetup, list[RunConfig]]:
    return TrainSetup(model="lenet5_modern", dataset="shapes", epochs=3, batch_size=64), [
        _run("lr=1e-3 (too small)", "momentum", zh="lr=1e-3（过小）", lr=1e-3),
        _run("lr=0.05 (good)", "momentum", zh="lr=0.05（合适）", lr=0.05),
        _run("lr=1.5 (too large)", "momentum", zh="lr=1.5（过大）", lr=1.5),
    ]


@_preset("batch_size", "Batch size",
         "Small batches take many noisy steps per epoch; large batches take few smooth ones. "
         "Set the x axis to epoch (or samples seen) to compare them for the same data seen.",
         "小批量每个 epoch 走很多步且噪声大；大批量步数少而平滑。把横轴设为 epoch（或已见样本数），"
         "在看过相同数据量时比较。", x_axis="epoch", title_zh="批大小")
def _batch_size() -> tuple[TrainSetup, list[RunConfig]]:
    return TrainSetup(model="lenet5", dataset="shapes", epochs=3, batch_size=64), [
        _run("batch 8", "adam", zh="批大小 8", lr=1e-3, batch_size=8),
        _run("batch 64", "adam", zh="批大小 64", lr=1e-3, batch_size=64),
        _run("batch 512", "adam", zh="批大小 512", lr=1e-3, batch_size=512),
    ]


@_preset("weight_decay", "Weight decay",
         "On 300 training images the plain net drives its training loss to almost 0 and overfits. "
         "Weight decay pulls every weight towards zero at each step: the weights stay smaller (see the "
         "weight-norm plot), the training loss stops short of 0 and the validation loss ends lower. "
         "Too much decay and the net cannot even fit its training set.",
         "只有 300 张训练图片时，普通网络把训练损失降到接近 0 并过拟合。权重衰减每一步都把权重拉向 0："
         "权重保持较小（见权重范数图），训练损失不再趋于 0，验证损失反而更低。衰减过大则网络连训练集都拟合不了。",
         title_zh="权重衰减")
def _weight_decay() -> tuple[TrainSetup, list[RunConfig]]:
    # AdamW's decay shrinks weights by lr·wd per step; with 300 steps in all, lr·wd must reach ~1e-3
    # for the effect to show (0.05 at lr 1e-3 changes nothing visible).
    return TrainSetup(model="lenet5", dataset="shapes", epochs=30, batch_size=32, train_limit=300), [
        _run("no decay", "adamw", zh="无衰减", lr=2e-3, weight_decay=0.0),
        _run("decay 2", "adamw", zh="衰减 2", lr=2e-3, weight_decay=2.0),
        _run("decay 20 (too much)", "adamw", zh="衰减 20（过大）", lr=2e-3, weight_decay=20.0),
    ]


@_preset("batch_norm", "BatchNorm on / off",
         "BatchNorm re-centres every layer's inputs: the same VGG with the same learning rate "
         "trains much faster with it.",
         "BatchNorm 将每层输入重新归一化：同样的 VGG、同样的学习率，加上它训练快得多。",
         title_zh="BatchNorm 开 / 关")
def _batch_norm() -> tuple[TrainSetup, list[RunConfig]]:
    return TrainSetup(model="vgg_small", dataset="shapes", epochs=3, batch_size=64), [
        _run("without BN", "sgd", zh="无 BN", lr=0.02, model_kwargs={"batch_norm": False}),
        _run("with BN", "sgd", zh="有 BN", lr=0.02, model_kwargs={"batch_norm": True}),
    ]


@_preset("dropout", "Dropout and overfitting",
         "With only 300 training images the plain net memorises them: its training loss falls to "
         "almost 0 while its validation loss stalls far above (compare each solid line with its "
         "dashed training mean). Dropout keeps the two close and ends with the lower validation loss.",
         "只有 300 张训练图片时，普通网络会把它们背下来：训练损失几乎降到 0，验证损失却停在高处"
         "（对比实线与虚线的训练均值）。Dropout 让两者保持接近，最终验证损失更低。",
         title_zh="Dropout 与过拟合")
def _dropout() -> tuple[TrainSetup, list[RunConfig]]:
    return TrainSetup(model="vgg_small", dataset="shapes", epochs=25, batch_size=32, train_limit=300), [
        _run("no dropout", "adam", zh="无 Dropout", lr=1e-3, model_kwargs={"dropout": 0.0}),
        _run("dropout 0.5", "adam", zh="有 Dropout 0.5", lr=1e-3, model_kwargs={"dropout": 0.5}),
    ]


@_preset("digits", "LeNet-5 on handwritten digits",
         "Real handwritten digits that ship with cnnviz (no download): LeNet-5 learns them in a few "
         "seconds to over 90 % accuracy on 360 digits it never saw. Then open Inspect with the trained "
         "weights and draw digits at it.",
         "cnnviz 自带的真实手写数字（无需下载）：LeNet-5 几秒钟就学会，在从未见过的 360 张数字上准确率超过 90%。"
         "然后带着训练好的权重打开“透视”页，亲手写数字给它看。",
         x_axis="epoch", title_zh="LeNet-5 识别手写数字")
def _digits() -> tuple[TrainSetup, list[RunConfig]]:
    # 1,437 training images × 5 epochs at batch 32: about 225 steps, ~96 % held out, seconds on 2 cores.
    return TrainSetup(model="lenet5", dataset="digits", epochs=5, batch_size=32), [
        _run("Momentum", "momentum", zh="动量", lr=0.05, momentum=0.9),
    ]


@_preset("edge_of_stability", "Edge of stability: sharpness rises to 2/lr",
         "Full-batch gradient descent on 256 images. The sharpness (the largest curvature of the loss, "
         "top Hessian eigenvalue) first rises while the loss falls smoothly. Step size lr on a bowl of "
         "curvature λ only converges if λ < 2/lr (the Playground's lesson); here, when the sharpness "
         "reaches 2/lr, the loss starts to wobble and the sharpness stops rising: it hovers at 2/lr "
         "(10 for lr 0.2, 6.7 for lr 0.3) while the loss keeps falling, unevenly (Cohen et al. 2021).",
         "在 256 张图片上做全批量梯度下降。锐度（损失的最大曲率，即 Hessian 的最大特征值）先随着损失平稳下降而上升。"
         "步长为 lr 时，只有曲率 λ < 2/lr 的碗才会收敛（见“试验场”页的课）；这里锐度一到 2/lr，损失就开始抖动，"
         "锐度不再上升，而是停在 2/lr 附近（lr 0.2 时为 10，lr 0.3 时为 6.7），损失仍在不平稳地下降"
         "（Cohen 等，2021）。", title_zh="稳定性边缘：锐度升到 2/lr")
def _edge_of_stability() -> tuple[TrainSetup, list[RunConfig]]:
    # tanh LeNet-5 on the noisy shapes sharpens steadily (ReLU nets and the easy digits do not: their
    # loss reaches 0 first); one step per epoch, sharpness on the whole training set every 5 steps.
    return TrainSetup(model="lenet5", dataset="shapes", epochs=150, batch_size=256, train_limit=256,
                      val_limit=256, sharpness_every=5, sharpness_probe=256), [
        _run("GD lr=0.2", "sgd", zh="梯度下降 lr=0.2", lr=0.2),
        _run("GD lr=0.3", "sgd", zh="梯度下降 lr=0.3", lr=0.3),
    ]


def list_presets() -> list[Preset]:
    """Every lesson, in teaching order."""
    return list(_PRESETS.values())


def get_preset(name: str) -> Preset:
    """The lesson registered under ``name`` (ConfigError listing them otherwise)."""
    key = name.strip().lower().replace("-", "_")
    if key in _PRESETS:
        return _PRESETS[key]
    raise ConfigError(f"Unknown preset {name!r}. Known: {', '.join(_PRESETS)}.")
