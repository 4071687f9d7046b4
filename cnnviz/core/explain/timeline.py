"""The classic architectures, in order, with their numbers and what each introduced.

Parameters and MACs come from :func:`cnnviz.core.summary.summarize`, run on
the ``meta`` device (shapes only, no memory, no arithmetic), so the whole
timeline takes well under a second and needs no download. Results are cached
per model for the life of the process.

Two depth figures are given, because they differ for branched nets:

* ``weighted_layers`` — how many convolution and linear layers with weights
  run in inference (ResNet-18: 20 convolutions, 3 of them 1×1 shortcuts, + 1
  linear = 21);
* ``depth`` — the longest chain of them from input to output, the number in
  the names (ResNet-18: 18, VGG-16: 16, GoogLeNet: 22).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import torch
import torch.nn.functional as F
from torch import Tensor, nn
from torch.overrides import TorchFunctionMode
from torch.utils.weak import WeakIdKeyDictionary

from cnnviz.core.explain.text import Text
from cnnviz.core.progress import CancelToken, ProgressFn, no_progress


@dataclass(frozen=True)
class TimelineEntry:
    """One architecture on the timeline: the registered model and what it introduced."""

    model: str  # registry name
    label: str  # as the notes and papers call it
    introduced: Text


TIMELINE: tuple[TimelineEntry, ...] = (
    TimelineEntry("lenet5", "LeNet-5", Text(
        "Convolution + subsampling stages trained end to end with backpropagation; shared weights.",
        "卷积 + 下采样的层级结构，用反向传播端到端训练；权值共享。")),
    TimelineEntry("alexnet", "AlexNet", Text(
        "ReLU instead of sigmoid/tanh, dropout, local response normalisation (LRN), max pooling, "
        "data augmentation, training on GPUs.",
        "用 ReLU 代替 sigmoid/tanh、DropOut、局部响应归一化（LRN）、最大池化、数据增强、GPU 训练。")),
    TimelineEntry("zfnet", "ZFNet", Text(
        "Visualising the filters of AlexNet led to a smaller first layer (7×7, stride 2) that keeps more detail.",
        "通过可视化 AlexNet 的卷积核，把第一层改为更小的 7×7、步长 2，保留更多细节。")),
    TimelineEntry("vgg16", "VGG-16", Text(
        "Small 3×3 kernels stacked deep (16 layers): three 3×3 see what one 7×7 sees with fewer weights.",
        "堆叠小的 3×3 卷积核加深网络（16 层）：三个 3×3 的感受野等于一个 7×7，但权重更少。")),
    TimelineEntry("nin", "NiN", Text(
        "1×1 convolutions (mlpconv) and global average pooling instead of fully connected layers.",
        "1×1 卷积（mlpconv）和全局平均池化，代替全连接层。")),
    TimelineEntry("googlenet", "GoogLeNet", Text(
        "Inception modules: parallel 1×1, 3×3, 5×5 and pooling branches with 1×1 bottlenecks; "
        "auxiliary classifiers during training; no big fully connected layers.",
        "Inception 模块：并行的 1×1、3×3、5×5 和池化分支，用 1×1 卷积降维；训练时加辅助分类器；"
        "没有大的全连接层。")),
    TimelineEntry("resnet18", "ResNet-18", Text(
        "Residual (shortcut) connections y = F(x) + x and batch normalisation make deep nets trainable.",
        "残差（捷径）连接 y = F(x) + x 和批归一化（BN），让很深的网络也能训练。")),
    TimelineEntry("resnet50", "ResNet-50", Text(
        "Bottleneck blocks (1×1 down, 3×3, 1×1 up) keep 50 layers affordable.",
        "瓶颈块（1×1 降维、3×3、1×1 升维）让 50 层网络的参数量可以接受。")),
    TimelineEntry("resnet152", "ResNet-152", Text(
        "152 layers of bottleneck blocks, with no vanishing-gradient trouble thanks to the shortcuts.",
        "152 层瓶颈块，得益于捷径连接而没有梯度消失问题。")),
)


@dataclass(frozen=True)
class TimelineRow:
    """The numbers of one architecture."""

    model: str
    label: str
    year: int | None
    depth: int  # longest chain of conv / linear layers
    weighted_layers: int  # conv + linear layers that run in inference
    params: int  # parameters used in inference
    params_all: int  # including modules that only train (GoogLeNet's auxiliary heads)
    macs: int
    top1: float | None  # ImageNet top-1 (%) of the default pretrained weights, when known
    input_shape: tuple[int, int, int]
    introduced: Text
    spec_introduced: str  # the registry's own line (English)


class _DepthTracker(TorchFunctionMode):
    """Longest chain of conv / linear calls behind every tensor of a forward pass."""

    WEIGHTED = {F.conv2d, F.linear, F.conv1d, F.conv3d, torch.conv2d}

    def __init__(self) -> None:
        super().__init__()
        self.depth: WeakIdKeyDictionary = WeakIdKeyDictionary()
        self.deepest = 0

    def __torch_function__(self, func: Any, types: Any, args: Sequence[Any] = (), kwargs: dict | None = None) -> Any:
        kwargs = kwargs or {}
        result = func(*args, **kwargs)
        ins = [a for a in list(args) + list(kwargs.values()) if isinstance(a, Tensor)]
        for a in list(args) + list(kwargs.values()):
            if isinstance(a, list | tuple):
                ins += [t for t in a if isinstance(t, Tensor)]
        d = max((self.depth.get(t, 0) for t in ins), default=0) + (1 if func in self.WEIGHTED else 0)
        outs = [result] if isinstance(result, Tensor) else [t for t in result if isinstance(t, Tensor)] \
            if isinstance(result, list | tuple) else []
        for t in outs:
            self.depth[t] = d
        self.deepest = max(self.deepest, d)
        return result


def longest_weighted_chain(model: nn.Module, input_shape: tuple[int, ...], device: str = "meta") -> int:
    """Length of the longest input→output chain of conv / linear calls (parameters are not counted)."""
    from cnnviz.core.probe import eval_mode, forward

    x = torch.zeros((1, *input_shape), device=device)
    tracker = _DepthTracker()
    with eval_mode(model), torch.no_grad(), tracker:
        forward(model, x)
    return tracker.deepest


_CACHE: dict[str, TimelineRow] = {}
_LOCK = threading.Lock()


def timeline_row(entry: TimelineEntry) -> TimelineRow:
    """The numbers of one entry (cached)."""
    with _LOCK:
        if entry.model in _CACHE:
            return _CACHE[entry.model]
    from cnnviz.core.models.registry import build_model, get_spec
    from cnnviz.core.summary import summarize

    spec = get_spec(entry.model)
    with torch.device("meta"):
        model = build_model(entry.model, seed=None)
    summary = summarize(model, spec.input_shape, name=entry.model, device="meta")
    unused = sum(r.params for r in summary.layers if r.call == 0)
    weighted = sum(1 for r in summary.layers if r.call >= 1 and r.type in ("Conv2d", "Linear"))
    row = TimelineRow(
        model=entry.model, label=entry.label, year=spec.year,
        depth=longest_weighted_chain(model, spec.input_shape), weighted_layers=weighted,
        params=summary.total_params - unused, params_all=summary.total_params, macs=summary.total_macs,
        top1=spec.top1, input_shape=tuple(spec.input_shape), introduced=entry.introduced,
        spec_introduced=spec.introduced,
    )
    with _LOCK:
        _CACHE[entry.model] = row
    return row


def compute_timeline(
    progress: ProgressFn = no_progress, cancel: CancelToken | None = None,
    entries: Sequence[TimelineEntry] = TIMELINE,
) -> list[TimelineRow]:
    """Every timeline row, in order (a worker runs this for the GUI)."""
    rows = []
    for i, entry in enumerate(entries):
        if cancel is not None:
            cancel.check()
        progress(i / len(entries), entry.label)
        rows.append(timeline_row(entry))
    progress(1.0, "")
    return rows
