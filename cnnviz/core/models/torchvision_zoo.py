"""torchvision's classification models as cnnviz specs.

The list comes from ``torchvision.models.list_models`` so new releases add
models for free; metadata (top-1, categories, input size) comes from each
model's default weights enum. Year, paper and descriptions are ours, per
family, for the families the notes teach and a generic line for the rest.
"""

from __future__ import annotations

import contextlib
import functools
import re
from typing import TYPE_CHECKING, Any

from cnnviz.core.models._api import ModelSpec, TimelineInfo, register_source

if TYPE_CHECKING:
    from torch import nn

# family -> (year, paper, what it introduced, english, chinese)
_FAMILIES: dict[str, tuple[int, str, str, str, str]] = {
    "alexnet": (
        2012,
        "Krizhevsky, Sutskever, Hinton. ImageNet Classification with Deep Convolutional Neural Networks. NeurIPS 2012.",
        "ReLU, dropout, data augmentation, GPU training, local response normalisation",
        "The net that won ImageNet 2012: five convolutions and three fully connected layers, ReLU and dropout.",
        "2012 年 ImageNet 冠军：五个卷积层加三个全连接层，使用 ReLU 和 DropOut。",
    ),
    "vgg": (
        2014,
        "Simonyan, Zisserman. Very Deep Convolutional Networks for Large-Scale Image Recognition. ICLR 2015.",
        "Deep stacks of small 3×3 convolutions (16-19 layers)",
        "Very deep stacks of 3×3 convolutions: simple, uniform and heavy in parameters.",
        "由 3×3 小卷积核堆叠而成的深层网络（16~19 层）：结构简单统一，参数量大。",
    ),
    "googlenet": (
        2014,
        "Szegedy et al. Going Deeper with Convolutions. CVPR 2015.",
        "Inception modules (parallel 1×1, 3×3, 5×5 branches), 1×1 bottlenecks, auxiliary classifiers, no big FC layers",
        "22 layers of Inception modules: parallel branches with 1×1 bottlenecks keep the parameter count low.",
        "由 Inception 模块组成的 22 层网络：并行分支和 1×1 卷积降维使参数量很少。",
    ),
    "inception": (
        2015,
        "Szegedy et al. Rethinking the Inception Architecture for Computer Vision. CVPR 2016.",
        "Factorised convolutions (n×1 then 1×n), label smoothing",
        "Inception v3: factorised convolutions and a 299×299 input.",
        "Inception v3：分解卷积（n×1 与 1×n），输入为 299×299。",
    ),
    "resnet": (
        2015,
        "He, Zhang, Ren, Sun. Deep Residual Learning for Image Recognition. CVPR 2016.",
        "Residual (shortcut) connections and BatchNorm make 152-layer nets trainable",
        "Residual networks: each block learns a correction F(x) added to its input x, so very deep nets train.",
        "残差网络：每个残差块学习加在输入 x 上的修正 F(x)，使非常深的网络也能训练。",
    ),
    "resnext": (
        2016,
        "Xie et al. Aggregated Residual Transformations for Deep Neural Networks. CVPR 2017.",
        "Grouped convolutions (cardinality) inside residual blocks",
        "ResNet with grouped convolutions in each block.",
        "在残差块中使用分组卷积的 ResNet。",
    ),
    "wide_resnet": (
        2016,
        "Zagoruyko, Komodakis. Wide Residual Networks. BMVC 2016.",
        "Wider, shallower residual blocks",
        "ResNet with wider bottleneck blocks.",
        "加宽了瓶颈块的 ResNet。",
    ),
    "squeezenet": (
        2016,
        "Iandola et al. SqueezeNet: AlexNet-level accuracy with 50x fewer parameters. arXiv 1602.07360.",
        "Fire modules (1×1 squeeze, then 1×1 and 3×3 expand)",
        "AlexNet-level accuracy with 50× fewer parameters, using 1×1 'squeeze' layers.",
        "用 1×1“压缩”层以少 50 倍的参数达到 AlexNet 的精度。",
    ),
    "densenet": (
        2016,
        "Huang et al. Densely Connected Convolutional Networks. CVPR 2017.",
        "Every layer receives the concatenated maps of all earlier layers in its block",
        "Each layer sees the feature maps of every earlier layer in its block.",
        "每一层都接收同一块中所有前面层的特征图（拼接）。",
    ),
    "mobilenet": (
        2017,
        "Howard et al. MobileNets / Sandler et al. MobileNetV2 / Howard et al. Searching for MobileNetV3.",
        "Depthwise separable convolutions, inverted residuals",
        "Depthwise separable convolutions for phones.",
        "使用深度可分离卷积的移动端网络。",
    ),
    "shufflenet": (
        2018,
        "Ma et al. ShuffleNet V2: Practical Guidelines for Efficient CNN Architecture Design. ECCV 2018.",
        "Channel shuffle between grouped convolutions",
        "Efficient net with channel shuffling.",
        "使用通道混洗的高效网络。",
    ),
    "mnasnet": (
        2018,
        "Tan et al. MnasNet: Platform-Aware Neural Architecture Search for Mobile. CVPR 2019.",
        "Architecture found by neural architecture search",
        "A mobile net found by architecture search.",
        "通过神经架构搜索得到的移动端网络。",
    ),
    "efficientnet": (
        2019,
        "Tan, Le. EfficientNet: Rethinking Model Scaling for Convolutional Neural Networks. ICML 2019.",
        "Compound scaling of depth, width and resolution",
        "Scales depth, width and input size together.",
        "同时缩放深度、宽度和输入分辨率。",
    ),
    "efficientnet_v2": (
        2021,
        "Tan, Le. EfficientNetV2: Smaller Models and Faster Training. ICML 2021.",
        "Fused MBConv blocks and progressive learning",
        "EfficientNet's successor: fused blocks train faster.",
        "第二代高效网络：融合卷积块，训练更快。",
    ),
    "swin_v2": (
        2022,
        "Liu et al. Swin Transformer V2: Scaling Up Capacity and Resolution. CVPR 2022.",
        "Scaled cosine attention, log-spaced position bias",
        "Swin Transformer scaled up to larger models and resolutions.",
        "可扩展到更大模型与分辨率的移位窗口 Transformer。",
    ),
    "regnet": (
        2020,
        "Radosavovic et al. Designing Network Design Spaces. CVPR 2020.",
        "Design spaces of simple regular networks",
        "Regular networks from a searched design space.",
        "从设计空间中搜索得到的规则网络。",
    ),
    "vit": (
        2020,
        "Dosovitskiy et al. An Image is Worth 16x16 Words. ICLR 2021.",
        "Transformers on image patches instead of convolutions",
        "A transformer on 16×16 patches: no convolutions after the first.",
        "把图像切成 16×16 小块后送入 Transformer，除第一层外不用卷积。",
    ),
    "swin": (
        2021,
        "Liu et al. Swin Transformer. ICCV 2021.",
        "Shifted-window attention",
        "A transformer with shifted local windows.",
        "使用移位窗口注意力的 Transformer。",
    ),
    "convnext": (
        2022,
        "Liu et al. A ConvNet for the 2020s. CVPR 2022.",
        "A CNN modernised with transformer-era design choices",
        "A pure CNN redesigned with ideas from transformers.",
        "借鉴 Transformer 设计思想改造的纯卷积网络。",
    ),
    "maxvit": (
        2022,
        "Tu et al. MaxViT: Multi-Axis Vision Transformer. ECCV 2022.",
        "Multi-axis attention mixed with convolutions",
        "A hybrid of convolutions and multi-axis attention.",
        "卷积与多轴注意力结合的混合网络。",
    ),
}


def family_of(name: str) -> str:
    """The family of a torchvision model name (``resnet50`` -> ``resnet``)."""
    if name.startswith("wide_resnet"):
        return "wide_resnet"
    if name.startswith("inception"):
        return "inception"
    if name.startswith("efficientnet_v2"):
        return "efficientnet_v2"
    if name.startswith("swin_v2"):
        return "swin_v2"
    m = re.match(r"[a-z]+", name)
    return m.group(0) if m else name


def _crop_size(weights: Any) -> int:
    kw = getattr(weights.transforms, "keywords", {}) or {}
    size = kw.get("crop_size", 224)
    return int(size[0] if isinstance(size, list | tuple) else size)


#: torchvision models on the Explain tab's architecture timeline (the notes' story, in order).
_TIMELINE: dict[str, TimelineInfo] = {
    "alexnet": TimelineInfo(
        "AlexNet",
        "ReLU instead of sigmoid/tanh, dropout, local response normalisation (LRN), max pooling, "
        "data augmentation, training on GPUs.",
        "用 ReLU 代替 sigmoid/tanh、DropOut、局部响应归一化（LRN）、最大池化、数据增强、GPU 训练。", order=20),
    "vgg16": TimelineInfo(
        "VGG-16",
        "Small 3×3 kernels stacked deep (16 layers): three 3×3 see what one 7×7 sees with fewer weights.",
        "堆叠小的 3×3 卷积核加深网络（16 层）：三个 3×3 的感受野等于一个 7×7，但权重更少。", order=40),
    "googlenet": TimelineInfo(
        "GoogLeNet",
        "Inception modules: parallel 1×1, 3×3, 5×5 and pooling branches with 1×1 bottlenecks; "
        "auxiliary classifiers during training; no big fully connected layers.",
        "Inception 模块：并行的 1×1、3×3、5×5 和池化分支，用 1×1 卷积降维；训练时加辅助分类器；"
        "没有大的全连接层。", order=60),
    "resnet18": TimelineInfo(
        "ResNet-18",
        "Residual (shortcut) connections y = F(x) + x and batch normalisation make deep nets trainable.",
        "残差（捷径）连接 y = F(x) + x 和批归一化（BN），让很深的网络也能训练。", order=70),
    "resnet50": TimelineInfo(
        "ResNet-50",
        "Bottleneck blocks (1×1 down, 3×3, 1×1 up) keep 50 layers affordable.",
        "瓶颈块（1×1 降维、3×3、1×1 升维）让 50 层网络的参数量可以接受。", order=80),
    "resnet152": TimelineInfo(
        "ResNet-152",
        "152 layers of bottleneck blocks, with no vanishing-gradient trouble thanks to the shortcuts.",
        "152 层瓶颈块，得益于捷径连接而没有梯度消失问题。", order=90),
}


@functools.cache
def torchvision_specs() -> dict[str, ModelSpec]:
    """A spec for every classification model torchvision registers."""
    import torchvision.models as tvm

    specs: dict[str, ModelSpec] = {}
    for name in tvm.list_models(module=tvm):
        fam = family_of(name)
        year, paper, introduced, en, zh = _FAMILIES.get(
            fam,
            (None, "See the torchvision documentation.", "", f"torchvision's {name}.", f"torchvision 中的 {name}。"),
        )
        weights = None
        with contextlib.suppress(ValueError, AttributeError):
            weights = tvm.get_model_weights(name).DEFAULT
        top1 = None
        categories: tuple[str, ...] | None = None
        size = 224
        build_kwargs: dict[str, Any] = {}
        if weights is not None:
            top1 = weights.meta.get("_metrics", {}).get("ImageNet-1K", {}).get("acc@1")
            categories = tuple(weights.meta.get("categories") or ()) or None
            size = _crop_size(weights)
            build_kwargs = _size_kwargs(fam, weights)
        specs[name] = ModelSpec(
            name=name,
            builder=functools.partial(_build_torchvision, name),
            family=fam,
            year=year,
            paper=paper,
            input_shape=(3, size, size),
            num_classes=len(categories) if categories else 1000,
            description_en=en,
            description_zh=zh,
            source="torchvision",
            class_names=categories,
            has_pretrained=weights is not None,
            top1=top1,
            introduced=introduced,
            build_kwargs=build_kwargs,
            timeline=_TIMELINE.get(name),
        )
    return specs


def _size_kwargs(family: str, weights: Any) -> dict[str, Any]:
    """Builder arguments that make a random build accept the weights' input size.

    torchvision's ViT builders set ``image_size`` from the weights only when
    weights are given; ``vit_h_14``'s default weights expect 518 px while its
    random build expects 224. Building every ViT at its weights' size keeps
    the listed default input valid and the pretrained state_dict loadable.
    """
    if family != "vit":
        return {}
    min_size = weights.meta.get("min_size")
    size = int(min_size[0]) if min_size else _crop_size(weights)
    return {"image_size": size} if size != 224 else {}


def _build_torchvision(name: str, **kwargs: Any) -> nn.Module:
    import torchvision.models as tvm

    if name in ("googlenet", "inception_v3"):
        # Without weights these default to aux classifiers and the old
        # scipy-based init; keep the auxiliary heads (the notes teach them)
        # but use torch's init so building does not need scipy.
        kwargs.setdefault("init_weights", True)
    model: nn.Module = tvm.get_model(name, weights=None, **kwargs)
    return model


register_source("torchvision", specs=torchvision_specs, order=5)
