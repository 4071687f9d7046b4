"""Short explanations of a layer's numbers for students, in English and Chinese.

Each function takes a :class:`~cnnviz.core.summary.LayerInfo` (and, where
needed, running totals) and returns ``{"en": ..., "zh": ...}`` with the
layer's own numbers filled in. The GUI's layer-math panel shows the entry for
the current language; nothing here computes a number that the summary does
not already hold.
"""

from __future__ import annotations

from cnnviz.core.geometry import format_bytes, format_count
from cnnviz.core.summary import LayerInfo

Text = dict[str, str]


def _shape(shape: list[int] | None) -> str:
    return "×".join(str(s) for s in shape) if shape else "?"


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


def layer_role(info: LayerInfo) -> Text:
    """What this kind of layer does, in one or two sentences."""
    t = info.type
    if "Conv" in t:
        k = "×".join(map(str, info.kernel_size or []))
        return {
            "en": f"A convolution slides {k} filters over its input; each output channel is one "
            "filter's response, high where the input looks like the filter.",
            "zh": f"卷积层让 {k} 的卷积核在输入上滑动；每个输出通道是一个卷积核的响应，"
            "输入越像这个卷积核的地方数值越大。",
        }
    if "Pool" in t and "Adaptive" in t:
        return {
            "en": "Adaptive pooling averages (or takes the maximum of) each channel down to a fixed "
            "size, whatever the input size.",
            "zh": "自适应池化把每个通道缩小到固定的尺寸（取平均或最大值），与输入尺寸无关。",
        }
    if "MaxPool" in t:
        return {
            "en": "Max pooling keeps the strongest response in each window: the map gets smaller "
            "and small shifts of the input matter less.",
            "zh": "最大池化保留每个窗口中最强的响应：特征图变小，输入的微小平移影响变小。",
        }
    if "AvgPool" in t:
        return {
            "en": "Average pooling replaces each window by its mean: a smaller, smoother map.",
            "zh": "平均池化用每个窗口的平均值代替窗口：特征图更小、更平滑。",
        }
    if "BatchNorm" in t:
        return {
            "en": "Batch normalisation rescales each channel (γ·(x − mean)/std + β) so values stay "
            "in a range that trains well.",
            "zh": "批归一化把每个通道重新缩放（γ·(x − 均值)/标准差 + β），使数值保持在易于训练的范围。",
        }
    if t in ("ReLU", "ReLU6", "GELU", "SiLU", "Hardswish", "LeakyReLU", "Sigmoid", "Tanh"):
        return {
            "en": f"{t} is the non-linearity: it changes each value on its own. ReLU sets negatives "
            "to 0, so dark tiles are units that did not fire.",
            "zh": f"{t} 是非线性激活：逐个元素变换。ReLU 把负数变成 0，所以暗的方块是没有被激活的单元。",
        }
    if t == "Linear":
        return {
            "en": "A fully connected layer: every output is a weighted sum of every input "
            "(no notion of position any more).",
            "zh": "全连接层：每个输出都是所有输入的加权和（不再有位置的概念）。",
        }
    if t in ("Dropout", "Dropout2d"):
        return {
            "en": "Dropout zeroes random units while training; at inference (here) it does nothing.",
            "zh": "Dropout 在训练时随机把部分单元置零；推理时（这里）不起作用。",
        }
    if t == "Flatten":
        return {
            "en": "Flatten lines all values up into one vector for the fully connected layers.",
            "zh": "Flatten 把所有数值排成一个向量，交给全连接层。",
        }
    if info.is_leaf:
        return {"en": f"A {t} layer.", "zh": f"{t} 层。"}
    return {
        "en": f"{t} is a container: its output is what its last inner layer (or its sum of paths) gives.",
        "zh": f"{t} 是一个容器模块：它的输出来自其内部的最后一层（或多条路径之和）。",
    }


def output_size(info: LayerInfo) -> Text:
    """Why the output has the size it has (the formula with numbers, explained)."""
    out = _shape(info.output_shape)
    if info.formula and info.kernel_size and info.input_shape:
        k = info.kernel_size[-1]
        s = (info.stride or [1])[-1]
        p = info.padding[-1] if isinstance(info.padding, list) else info.padding
        n = info.input_shape[-1]
        return {
            "en": f"Output {out}. With kernel F = {k}, stride S = {s} and padding P = {p} on an "
            f"input of width W = {n}: (W − F + 2P) counts the positions the window can move "
            f"through, divided by the stride S, plus 1 for the first position: {info.formula}.",
            "zh": f"输出 {out}。卷积核 F = {k}、步长 S = {s}、填充 P = {p}，输入宽度 W = {n}："
            f"(W − F + 2P) 是窗口可以移动的距离，除以步长 S，再加上起始的 1 个位置：{info.formula}。",
        }
    ins = _shape(info.input_shape)
    return {
        "en": f"Input {ins} → output {out}. This layer has no sliding window, so there is no "
        "size formula.",
        "zh": f"输入 {ins} → 输出 {out}。这一层没有滑动窗口，所以没有尺寸公式。",
    }


def parameters(info: LayerInfo) -> Text:
    """How the parameter count comes about."""
    count = f"{info.params:,}"
    if info.params_formula and "Conv" in info.type:
        return {
            "en": f"{info.params_formula} parameters: each filter has F·F·C_in weights plus one "
            "bias, and there is one filter per output channel. The same filter is reused at every "
            "position, which is why convolutions need so few parameters.",
            "zh": f"{info.params_formula} 个参数：每个卷积核有 F·F·C_in 个权重加 1 个偏置，"
            "每个输出通道一个卷积核。同一个卷积核在所有位置共享，所以卷积层参数很少。",
        }
    if info.params_formula and info.type == "Linear":
        return {
            "en": f"{info.params_formula} parameters: one weight from every input to every output, "
            "plus one bias per output. Fully connected layers hold most parameters of old nets.",
            "zh": f"{info.params_formula} 个参数：每个输入到每个输出都有一个权重，每个输出还有一个偏置。"
            "早期网络的大部分参数都在全连接层。",
        }
    if info.params_formula:
        return {
            "en": f"{info.params_formula} parameters.",
            "zh": f"{info.params_formula} 个参数。",
        }
    if info.params_recursive and not info.is_leaf:
        return {
            "en": f"{info.params_recursive:,} parameters inside this block (its own: {count}).",
            "zh": f"这个模块内部共有 {info.params_recursive:,} 个参数（自身：{count}）。",
        }
    return {
        "en": "No parameters: this layer computes a fixed function and learns nothing.",
        "zh": "没有参数：这一层是固定的运算，不需要学习。",
    }


def macs(info: LayerInfo) -> Text:
    """What the multiply-accumulate count measures."""
    if info.macs:
        return {
            "en": f"{format_count(info.macs)} multiply-accumulates ({info.macs:,}): one per weight "
            "per output position. This is the work a forward pass of this layer costs.",
            "zh": f"{format_count(info.macs)} 次乘加运算（{info.macs:,}）：每个输出位置的每个权重一次。"
            "这就是这一层前向计算的工作量。",
        }
    return {
        "en": "0 MACs counted: only convolutions and fully connected layers are counted, the rest "
        "is cheap in comparison.",
        "zh": "计为 0 次乘加：只统计卷积层和全连接层，其他层的计算量相对很小。",
    }


def memory(info: LayerInfo) -> Text:
    """What the output memory is."""
    return {
        "en": f"The output {_shape(info.output_shape)} takes {format_bytes(info.output_bytes)} "
        "(4 bytes per float32 value, one image). Training keeps it for the backward pass.",
        "zh": f"输出 {_shape(info.output_shape)} 占用 {format_bytes(info.output_bytes)}"
        "（每个 float32 数值 4 字节，一张图像）。训练时要为反向传播保存它。",
    }


def receptive_field(info: LayerInfo) -> Text:
    """What the receptive field numbers mean."""
    rf = info.rf
    if rf is None:
        return {
            "en": "No receptive field: this output has no spatial layout (every value sees the "
            "whole image).",
            "zh": "没有感受野：这个输出没有空间结构（每个值都“看到”整张图像）。",
        }
    size = f"{_num(rf.size[0])}×{_num(rf.size[1])}"
    jump = _num(rf.jump[0])
    start = _num(rf.start[0])
    note_en = "" if rf.aligned else " Paths with different strides merge here; the widest field is shown."
    note_zh = "" if rf.aligned else " 不同步长的路径在此合并；显示的是最大的感受野。"
    return {
        "en": f"Each unit sees a {size} pixel square of the input (its receptive field). "
        f"Neighbouring units are {jump} input pixels apart (the jump), and unit 0's field is "
        f"centred at pixel {start} (the start; negative means in the padding). Click a unit to "
        f"see its field.{note_en}",
        "zh": f"每个单元能看到输入中 {size} 像素的区域（感受野）。相邻单元在输入上相隔 {jump} 个像素"
        f"（跳跃），0 号单元的感受野中心在第 {start} 个像素（起点；负数表示在填充区内）。"
        f"点击一个单元即可看到它的感受野。{note_zh}",
    }


def running_totals(info: LayerInfo, params: int, total_macs: int) -> Text:
    """The totals of every layer up to and including this one."""
    return {
        "en": f"Up to and including {info.key}: {params:,} parameters and "
        f"{format_count(total_macs)} MACs in total.",
        "zh": f"截至 {info.key}（含）：共 {params:,} 个参数，{format_count(total_macs)} 次乘加运算。",
    }


def random_weights_note() -> Text:
    """The warning shown next to the predictions of an untrained model."""
    return {
        "en": "Random weights: these predictions mean nothing. Load pretrained or trained weights "
        "to see what the network has learned.",
        "zh": "随机权重：这些预测没有任何意义。请加载预训练或训练好的权重来观察网络学到了什么。",
    }
