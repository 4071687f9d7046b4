"""Short explanations of a layer's numbers for students, in English and Chinese.

Each function takes a :class:`~cnnviz.core.summary.LayerInfo` (and, where
needed, running totals) and returns ``{"en": ..., "zh": ...}`` with the
layer's own numbers filled in. The GUI's layer-math panel shows the entry for
the current language; nothing here computes a number that the summary does
not already hold.
"""

from __future__ import annotations

from cnnviz.core import geometry as geo
from cnnviz.core.blocks import BlockFacts
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
    if "Conv" in t and info.is_leaf:
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
        "en": f"{t} is a block of layers; select it for the totals of what it contains.",
        "zh": f"{t} 是由若干层组成的模块；选中它可以看到其内部的合计。",
    }


# --------------------------------------------------------------------------- blocks


def _channels(shapes: list[list[int] | None]) -> list[int]:
    return [int(s[0]) for s in shapes if s]


def block_role(facts: BlockFacts) -> Text:
    """What a block does with its inner layers and how its paths meet."""
    n, t = facts.layers, facts.type
    inside_en = f"{t} is a block of {n} layers ({facts.convolutions} convolutions)"
    inside_zh = f"{t} 是由 {n} 层（其中 {facts.convolutions} 个卷积）组成的模块"
    if facts.combine == "concat":
        ch = _channels(facts.branches)
        plus = " + ".join(map(str, ch))
        total = sum(ch)
        return {
            "en": f"{inside_en} arranged as {len(ch)} parallel paths whose outputs are concatenated along the "
            f"channels: {plus} = {total} channels (Inception, DenseNet). Each path looks at the same input "
            "with a different window.",
            "zh": f"{inside_zh}，排成 {len(ch)} 条并行路径，输出沿通道拼接：{plus} = {total} 个通道"
            "（Inception、DenseNet）。每条路径用不同的窗口观察同一个输入。",
        }
    if facts.combine == "sum":
        return {
            "en": f"{inside_en} with a shortcut: its output is the sum of the main path and the input carried "
            "around it (a residual connection, ResNet). The layers only learn what to add to the input.",
            "zh": f"{inside_zh}，带有一条捷径：输出是主路径与绕过它的输入之和（残差连接，ResNet）。"
            "这些层只需学习要在输入上加上什么。",
        }
    if facts.combine == "product":
        return {
            "en": f"{inside_en}; one path computes a weight per channel that multiplies the other "
            "(a gate, as in squeeze-and-excitation).",
            "zh": f"{inside_zh}；一条路径为每个通道算出一个权重，乘到另一条路径上（门控，如 SE 模块）。",
        }
    return {
        "en": f"{inside_en} run one after the other: its output is the last one's output.",
        "zh": f"{inside_zh}，依次执行：它的输出就是最后一层的输出。",
    }


def block_output_size(facts: BlockFacts) -> Text:
    """How the block changes the size of its input."""
    i, o = _shape(facts.input_shape), _shape(facts.output_shape)
    scale = facts.scale
    if scale is None:
        return {"en": f"In {i}, out {o}.", "zh": f"输入 {i}，输出 {o}。"}
    sy, sx = scale
    if sy == 1 and sx == 1:
        how_en, how_zh = "the same height and width", "高和宽不变"
    elif sy == sx and sy > 1:
        how_en, how_zh = f"{_num(sy)}× smaller in height and width (stride {_num(sy)} overall)", \
            f"高和宽缩小为 1/{_num(sy)}（总步长 {_num(sy)}）"
    else:
        how_en, how_zh = f"height ÷ {_num(sy)}, width ÷ {_num(sx)}", f"高 ÷ {_num(sy)}，宽 ÷ {_num(sx)}"
    return {
        "en": f"In {i}, out {o}: {how_en}. The formula ⌊(W − F + 2P)/S⌋ + 1 applies to each layer inside; "
        "select one to see it with its numbers.",
        "zh": f"输入 {i}，输出 {o}：{how_zh}。公式 ⌊(W − F + 2P)/S⌋ + 1 作用于其中每一层；选中某一层可看到代入数值的算式。",
    }


def block_parameters(facts: BlockFacts) -> Text:
    """The parameters inside a block."""
    return {
        "en": f"{facts.params:,} parameters inside this block: the sum over its {facts.layers} layers "
        "(each layer's own count is shown when you select it).",
        "zh": f"这个模块内部共有 {facts.params:,} 个参数：其中 {facts.layers} 层各自参数之和（选中某一层可看到它自己的计数）。",
    }


def block_macs(facts: BlockFacts) -> Text:
    """The multiply-accumulates inside a block."""
    return {
        "en": f"{format_count(facts.macs)} multiply-accumulates ({facts.macs:,}) inside this block: the work "
        "of all its layers for one image.",
        "zh": f"这个模块内部共 {format_count(facts.macs)} 次乘加运算（{facts.macs:,}）：其中所有层处理一张图像的工作量。",
    }


def _axis(values: list[int] | str | None, axis: int = -1) -> int | str | None:
    if values is None or isinstance(values, str):
        return values
    return values[axis] if values else None


def _window(info: LayerInfo) -> tuple[str, str]:
    """"F = 3, stride S = 2, padding P = 1" for one axis, or for both when they differ (en, zh)."""
    k, s = info.kernel_size or [], info.stride or [1] * len(info.kernel_size or [])
    pad = info.padding if isinstance(info.padding, list) else [0] * len(k)
    what_en, what_zh = ("kernel", "卷积核") if "Conv" in info.type else ("window size", "窗口大小")
    if len(set(k)) <= 1 and len(set(s)) <= 1 and len(set(pad)) <= 1:
        en = f"{what_en} F = {k[-1]}, stride S = {s[-1]} and padding P = {pad[-1]}"
        zh = f"{what_zh} F = {k[-1]}、步长 S = {s[-1]}、填充 P = {pad[-1]}"
        return en, zh
    dims = "×".join
    en = (
        f"{what_en} F = {dims(map(str, k))}, stride S = {dims(map(str, s))} and padding "
        f"P = {dims(map(str, pad))} (height×width)"
    )
    zh = f"{what_zh} F = {dims(map(str, k))}、步长 S = {dims(map(str, s))}、填充 P = {dims(map(str, pad))}（高×宽）"
    return en, zh


def _size_formula(info: LayerInfo) -> str | None:
    """The summary's formula; for padding='valid' (the summary gives none) the same formula with P = 0."""
    if info.formula:
        return info.formula
    if (
        info.padding == "valid"
        and info.kernel_size
        and len(info.kernel_size) == 2
        and info.input_shape
        and len(info.input_shape) >= 2
    ):
        return geo.size_formula(
            (info.input_shape[-2], info.input_shape[-1]),
            (info.kernel_size[0], info.kernel_size[1]),
            (info.stride or [1, 1])[0:2],  # type: ignore[arg-type]
            (0, 0),
            tuple(info.dilation or (1, 1)),  # type: ignore[arg-type]
        )
    return None


def output_size(info: LayerInfo) -> Text:
    """Why the output has the size it has (the formula with numbers, explained).

    Follows the layer's real settings: dilation, ``ceil_mode``, string
    padding ('same' / 'valid') and non-square windows each change the words.
    """
    out = _shape(info.output_shape)
    ins = _shape(info.input_shape)
    if "Transpose" in info.type:
        return {
            "en": f"Input {ins} → output {out}. A transposed convolution spreads each input value over a "
            "kernel-sized patch, so the map usually gets larger: out = (W − 1)·S − 2P + D·(F − 1) + 1 "
            "(+ output_padding).",
            "zh": f"输入 {ins} → 输出 {out}。转置卷积把每个输入值铺到一个卷积核大小的区域上，"
            "所以特征图通常会变大：out = (W − 1)·S − 2P + D·(F − 1) + 1（+ output_padding）。",
        }
    if info.kernel_size and info.padding == "same":
        return {
            "en": f"Output {out}. padding='same' makes PyTorch pad just enough (split between both sides) "
            "that the output keeps the input's height and width; it is only allowed with stride 1, "
            f"so there is nothing to divide: {ins} → {out}.",
            "zh": f"输出 {out}。padding='same' 让 PyTorch 自动补上刚好足够的填充（分在两侧），"
            f"使输出的高和宽与输入相同；它只能用于步长 1，所以不需要做除法：{ins} → {out}。",
        }
    formula = _size_formula(info)
    if formula and info.kernel_size and info.input_shape:
        win_en, win_zh = _window(info)
        n = info.input_shape[-1]
        d = _axis(info.dilation) or 1
        if info.padding == "valid":
            win_en += " (padding='valid' means no padding)"
            win_zh += "（padding='valid' 表示不填充）"
        if d != 1:
            k = _axis(info.kernel_size)
            span = d * (k - 1) + 1  # type: ignore[operator]
            how_en = (
                f"Dilation D = {d} spaces the {k} taps of the kernel {d} pixels apart, so one window spans "
                f"D·(F − 1) + 1 = {span} pixels. (W + 2P − D·(F − 1) − 1) counts the positions the window "
                "can move through, divided by the stride S"
            )
            how_zh = (
                f"膨胀 D = {d} 让卷积核的 {k} 个采样点相隔 {d} 个像素，所以一个窗口覆盖 D·(F − 1) + 1 = {span} 个像素。"
                "(W + 2P − D·(F − 1) − 1) 是窗口可以移动的距离，除以步长 S 后"
            )
        else:
            how_en = "(W − F + 2P) counts the positions the window can move through, divided by the stride S"
            how_zh = "(W − F + 2P) 是窗口可以移动的距离，除以步长 S 后"
        if info.ceil_mode:
            round_en = (
                " and rounded UP (ceil_mode=True: a last window that only partly fits still counts, "
                "unless it would start inside the padding)"
            )
            round_zh = "向上取整（ceil_mode=True：最后一个只部分放得下的窗口也算，除非它从填充区开始）"
        else:
            round_en = " and rounded down (a last window that does not fit is dropped)"
            round_zh = "向下取整（放不下的最后一个窗口被舍弃）"
        return {
            "en": f"Output {out}. With {win_en} on an input of width W = {n}: {how_en}{round_en}, "
            f"plus 1 for the first position: {formula}.",
            "zh": f"输出 {out}。{win_zh}，输入宽度 W = {n}：{how_zh}{round_zh}，"
            f"再加上起始的 1 个位置：{formula}。",
        }
    if info.kernel_size:
        return {
            "en": f"Input {ins} → output {out}: a window of {_shape(info.kernel_size)} slides over the input.",
            "zh": f"输入 {ins} → 输出 {out}：一个 {_shape(info.kernel_size)} 的窗口在输入上滑动。",
        }
    return {
        "en": f"Input {ins} → output {out}. This layer has no sliding window, so there is no "
        "size formula.",
        "zh": f"输入 {ins} → 输出 {out}。这一层没有滑动窗口，所以没有尺寸公式。",
    }


def has_bias(info: LayerInfo) -> bool | None:
    """Whether a convolution or linear layer has a bias, from its own numbers (None: not such a layer).

    The parameter formula is written by the summary from the module itself
    (``+ 1`` only when ``module.bias`` exists), so the words and the formula
    shown beside them cannot disagree.
    """
    if info.params_formula and ("Conv" in info.type or info.type == "Linear"):
        return "+ 1)" in info.params_formula
    return None


def _frozen(info: LayerInfo) -> Text:
    if not info.params_frozen:
        return {"en": "", "zh": ""}
    if info.params_frozen == info.params:
        return {"en": " All of them are frozen (not trained).", "zh": " 它们全部被冻结（不参与训练）。"}
    return {
        "en": f" {info.params_frozen:,} of them are frozen (not trained).",
        "zh": f" 其中 {info.params_frozen:,} 个被冻结（不参与训练）。",
    }


def _conv_parameters(info: LayerInfo, bias: bool) -> Text:
    kernel = "·".join(map(str, info.kernel_size or [])) or "F·F"
    groups = info.groups or 1
    c_in = info.input_shape[0] if info.input_shape else None
    c_out = info.output_shape[0] if info.output_shape else None
    if c_in is None:  # a module the forward pass never ran: no shapes, only the formula
        seen, weights = ("C_in/groups" if groups > 1 else "C_in"), ""
    else:
        seen = f"{c_in}/{groups} = {c_in // groups}" if groups > 1 else str(c_in)
        n = c_in // groups
        for v in info.kernel_size or []:
            n *= v
        weights = f" = {n:,}"
    if bias:
        bias_en, bias_zh = ", plus one bias", "，再加 1 个偏置"
    else:
        bias_en = (
            " and no bias (bias=False: networks drop it when a BatchNorm follows, because the "
            "BatchNorm's β adds the same per-channel shift)"
        )
        bias_zh = "，没有偏置（bias=False：后面接 BatchNorm 时通常去掉偏置，因为 BatchNorm 的 β 起同样的平移作用）"
    out_en = f" ({c_out})" if c_out else ""
    out_zh = f"（共 {c_out} 个）" if c_out else ""
    group_en = group_zh = ""
    if groups > 1:
        depthwise = c_in is not None and groups == c_in
        kind_en, kind_zh = ("depthwise", "逐通道（depthwise）") if depthwise else ("grouped", "分组")
        group_en = (
            f" This is a {kind_en} convolution: the input channels are split into groups = {groups}, and "
            f"each filter sees only its own group, which divides the weights by {groups}."
        )
        group_zh = f"这是{kind_zh}卷积：输入通道被分成 groups = {groups} 组，每个卷积核只看自己那一组，权重数因此除以 {groups}。"
    frozen = _frozen(info)
    return {
        "en": f"{info.params_formula} parameters: each filter has {kernel} weights on each input channel it "
        f"sees ({seen}), {kernel}·{seen.split(' = ')[-1]}{weights} weights{bias_en}; there is one filter per "
        f"output channel{out_en}.{group_en} The same filter is reused at every position, which is why "
        f"convolutions need so few parameters.{frozen['en']}",
        "zh": f"{info.params_formula} 个参数：每个卷积核在它看到的每个输入通道（{seen}）上有 {kernel} 个权重，"
        f"共 {kernel}·{seen.split(' = ')[-1]}{weights} 个权重{bias_zh}；每个输出通道一个卷积核{out_zh}。"
        f"{group_zh}同一个卷积核在所有位置共享，所以卷积层参数很少。{frozen['zh']}",
    }


def _norm_parameters(info: LayerInfo, count: str) -> Text:
    layer_norm = info.type == "LayerNorm"
    if "BatchNorm" in info.type:
        stats_en = (
            "The running mean and variance it normalises with at inference are buffers (measured during "
            "training, not learned), so they are not counted."
        )
        stats_zh = "推理时用于归一化的滑动均值和方差是缓冲区（训练时统计得到，不是学习得到），不计入参数。"
    else:
        stats_en = "It normalises with the mean and variance of the current input, computed on the fly."
        stats_zh = "它用当前输入自身的均值和方差做归一化，随算随用。"
    if not info.params:
        flag = "elementwise_affine=False" if layer_norm else "affine=False"
        return {
            "en": f"No parameters: {flag}, so there is no γ or β to learn. {stats_en}",
            "zh": f"没有参数：{flag}，没有需要学习的 γ 和 β。{stats_zh}",
        }
    per_en, per_zh = ("each normalised feature", "每个被归一化的特征") if layer_norm else ("each channel", "每个通道")
    formula = (info.params_formula or count).split(" (")[0]  # the words below say what γ and β are
    frozen = _frozen(info)
    return {
        "en": f"{formula} parameters: a learned scale γ and shift β for {per_en}. {stats_en}{frozen['en']}",
        "zh": f"{formula} 个参数：{per_zh}一个可学习的缩放 γ 和平移 β。{stats_zh}{frozen['zh']}",
    }


def parameters(info: LayerInfo) -> Text:
    """How the parameter count comes about, matching the layer's real settings.

    Bias or not, groups, Linear without bias, BatchNorm with or without its
    affine γ and β: the words say exactly what the formula beside them counts.
    """
    count = f"{info.params:,}"
    bias = has_bias(info)
    if info.params_formula and "Conv" in info.type and "Transpose" not in info.type and bias is not None:
        return _conv_parameters(info, bias)
    if info.params_formula and info.type == "Linear" and bias is not None:
        frozen = _frozen(info)
        if bias:
            en = "one weight from every input to every output, plus one bias per output"
            zh = "每个输入到每个输出都有一个权重，每个输出还有一个偏置"
        else:
            en = "one weight from every input to every output, and no bias (bias=False)"
            zh = "每个输入到每个输出都有一个权重，没有偏置（bias=False）"
        return {
            "en": f"{info.params_formula} parameters: {en}. Fully connected layers hold most parameters "
            f"of old nets.{frozen['en']}",
            "zh": f"{info.params_formula} 个参数：{zh}。早期网络的大部分参数都在全连接层。{frozen['zh']}",
        }
    if "Norm" in info.type and "LocalResponse" not in info.type and info.is_leaf:
        return _norm_parameters(info, count)
    if info.params_formula:
        return {
            "en": f"{info.params_formula} parameters.{_frozen(info)['en']}",
            "zh": f"{info.params_formula} 个参数。{_frozen(info)['zh']}",
        }
    if info.params_recursive and not info.is_leaf:
        return {
            "en": f"{info.params_recursive:,} parameters inside this block (its own: {count}).",
            "zh": f"这个模块内部共有 {info.params_recursive:,} 个参数（自身：{count}）。",
        }
    if info.params:
        return {"en": f"{count} learned parameters.", "zh": f"{count} 个可学习的参数。"}
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
    if not rf.uniform:
        note_en += (" The windows of this layer are irregular (adaptive pooling whose output size does not divide "
                    "its input): units see fields of different sizes at uneven steps, so the size shown is the "
                    "widest and the box drawn for a clicked unit is its exact field.")
        note_zh += ("这一层的窗口不规则（自适应池化的输出尺寸不能整除输入尺寸）：各单元感受野大小不一、间隔不均，"
                    "所以这里给出的是最大的尺寸，点击单元时画出的框是它确切的感受野。")
    if rf.sees_all:
        note_en += (" Beyond this local field, every unit also sees the whole image: a path through global "
                    "pooling (squeeze-and-excitation) or attention mixes all positions, so any input pixel can "
                    "change it.")
        note_zh += ("除了这个局部感受野，每个单元还能“看到”整张图像：经过全局池化（挤压-激励模块）或注意力的路径"
                    "把所有位置混合在一起，所以任何输入像素都可能改变它。")
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


def random_activations_note() -> Text:
    """The note shown next to the activation maps of an untrained model."""
    return {
        "en": "Random weights: these maps are what an untrained network computes — edges and blobs the random "
        "filters happen to pick up, not features it learned. Load pretrained or trained weights to compare.",
        "zh": "随机权重：这些特征图是未训练网络的计算结果——只是随机卷积核碰巧响应的边缘和色块，"
        "并不是学到的特征。加载预训练或训练好的权重来对比。",
    }


def random_weights_note() -> Text:
    """The warning shown next to the predictions of an untrained model."""
    return {
        "en": "Random weights: these predictions mean nothing. Load pretrained or trained weights "
        "to see what the network has learned.",
        "zh": "随机权重：这些预测没有任何意义。请加载预训练或训练好的权重来观察网络学到了什么。",
    }
