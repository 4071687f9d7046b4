"""Our own implementations of the classic architectures the notes teach.

Each builder's docstring cites the paper and reproduces its published layer
table, so a student can check the numbers cnnviz computes against the paper.
torchvision already ships AlexNet, VGG, GoogLeNet and ResNet; the nets here are
the ones it lacks (LeNet-5, ZFNet, NiN) plus two small nets for training on a
CPU in seconds.
"""

from __future__ import annotations

from collections import OrderedDict

from torch import Tensor, nn

from cnnviz.core.models._api import OLD_LAYER_NAMES, TimelineInfo, register_model, rename_old_layers

# ---------------------------------------------------------------- LeNet-5


@register_model(
    "lenet5",
    family="lenet",
    year=1998,
    paper="LeCun, Bottou, Bengio, Haffner. Gradient-Based Learning Applied to Document Recognition. Proc. IEEE 1998.",
    input_shape=(1, 32, 32),
    num_classes=10,
    introduced="Convolution + subsampling stacks trained end to end with backpropagation",
    description_en="The first successful CNN: two conv + subsampling stages and three fully connected layers, tanh activations.",
    description_zh="第一个成功的卷积神经网络：两级“卷积 + 下采样”，再接三层全连接，使用 tanh 激活。",
    trainable=True,
    timeline=TimelineInfo(
        "LeNet-5",
        "Convolution + subsampling stages trained end to end with backpropagation; shared weights.",
        "卷积 + 下采样的层级结构，用反向传播端到端训练；权值共享。", order=10),
)
def lenet5(num_classes: int = 10, in_channels: int = 1, modern: bool = False) -> nn.Module:
    """LeNet-5 (LeCun et al., 1998), on a 1×32×32 input.

    Published layer table (Fig. 2 of the paper)::

        layer  type             maps  size    kernel  params
        C1     convolution      6     28×28   5×5     156
        S2     subsampling      6     14×14   2×2
        C3     convolution      16    10×10   5×5     1,516 (sparse) / 2,416 here
        S4     subsampling      16    5×5     2×2
        C5     convolution      120   1×1     5×5     48,120
        F6     fully connected  84                     10,164
        OUT    fully connected  10                     850

    C3 here connects every S2 map (the paper's sparse table was a hardware
    economy), and S2/S4 are plain average pools (the paper's had a trainable
    scale and bias). ``modern=True`` swaps tanh for ReLU and average pooling
    for max pooling, the form most courses teach today.
    """
    act: type[nn.Module] = nn.ReLU if modern else nn.Tanh
    pool: type[nn.Module] = nn.MaxPool2d if modern else nn.AvgPool2d
    model = nn.Sequential(OrderedDict([
        ("C1", nn.Conv2d(in_channels, 6, kernel_size=5)),
        ("act1", act()),
        ("S2", pool(kernel_size=2, stride=2)),
        ("C3", nn.Conv2d(6, 16, kernel_size=5)),
        ("act3", act()),
        ("S4", pool(kernel_size=2, stride=2)),
        ("C5", nn.Conv2d(16, 120, kernel_size=5)),
        ("act5", act()),
        ("flatten", nn.Flatten()),
        ("F6", nn.Linear(120, 84)),
        ("act6", act()),
        ("OUT", nn.Linear(84, num_classes)),
    ]))
    # Weights saved before the layers had the paper's names ("0.weight" … "11.bias") still load.
    setattr(model, OLD_LAYER_NAMES, {"0": "C1", "1": "act1", "2": "S2", "3": "C3", "4": "act3", "5": "S4", "6": "C5",
                                     "7": "act5", "8": "flatten", "9": "F6", "10": "act6", "11": "OUT"})
    model.register_load_state_dict_pre_hook(rename_old_layers)  # type: ignore[no-untyped-call]
    return model


@register_model(
    "lenet5_modern",
    family="lenet",
    year=1998,
    paper="LeCun, Bottou, Bengio, Haffner. Gradient-Based Learning Applied to Document Recognition. Proc. IEEE 1998 (ReLU and max pooling as taught today).",
    input_shape=(1, 32, 32),
    num_classes=10,
    introduced="Same layers as LeNet-5 with ReLU and max pooling",
    description_en="LeNet-5 with ReLU activations and max pooling: the form most courses teach today.",
    description_zh="使用 ReLU 激活和最大池化的 LeNet-5，即如今课程中最常见的写法。",
    trainable=True,
)
def lenet5_modern(num_classes: int = 10, in_channels: int = 1) -> nn.Module:
    """LeNet-5 with ReLU and max pooling; layer table as in :func:`lenet5`."""
    return lenet5(num_classes=num_classes, in_channels=in_channels, modern=True)


# ---------------------------------------------------------------- ZFNet


@register_model(
    "zfnet",
    family="zfnet",
    year=2013,
    paper="Zeiler, Fergus. Visualizing and Understanding Convolutional Networks. ECCV 2014 (arXiv 1311.2901).",
    input_shape=(3, 224, 224),
    num_classes=1000,
    introduced="AlexNet with a 7×7 stride-2 first layer, found by visualising AlexNet's filters",
    description_en="AlexNet re-tuned after visualising it: a smaller 7×7 stride-2 first layer keeps more detail.",
    description_zh="通过可视化 AlexNet 改进而来：第一层改为 7×7、步长 2 的卷积，保留更多细节。",
    timeline=TimelineInfo(
        "ZFNet",
        "Visualising the filters of AlexNet led to a smaller first layer (7×7, stride 2) that keeps more detail.",
        "通过可视化 AlexNet 的卷积核，把第一层改为更小的 7×7、步长 2，保留更多细节。", order=30),
)
def zfnet(num_classes: int = 1000, in_channels: int = 3) -> nn.Module:
    """ZFNet (Zeiler & Fergus, 2013), on a 3×224×224 input.

    Published layer table (Fig. 3 of the paper)::

        layer   filters  kernel / stride  output
        conv1   96       7×7 / 2          110×110
        pool1            3×3 / 2          55×55   (+ contrast normalisation)
        conv2   256      5×5 / 2          26×26
        pool2            3×3 / 2          13×13   (+ contrast normalisation)
        conv3   384      3×3 / 1          13×13
        conv4   384      3×3 / 1          13×13
        conv5   256      3×3 / 1          13×13
        pool3            3×3 / 2          6×6
        fc6     4096
        fc7     4096
        fc8     1000 (softmax)

    The first two pools use ``ceil_mode=True`` so that the sizes match the
    paper's table (110 → 55, 26 → 13); contrast normalisation is
    ``LocalResponseNorm`` as in AlexNet.
    """
    features = nn.Sequential(
        nn.Conv2d(in_channels, 96, kernel_size=7, stride=2, padding=1),
        nn.ReLU(inplace=True),
        nn.MaxPool2d(kernel_size=3, stride=2, ceil_mode=True),
        nn.LocalResponseNorm(size=5, alpha=1e-4, beta=0.75, k=2.0),
        nn.Conv2d(96, 256, kernel_size=5, stride=2),
        nn.ReLU(inplace=True),
        nn.MaxPool2d(kernel_size=3, stride=2, ceil_mode=True),
        nn.LocalResponseNorm(size=5, alpha=1e-4, beta=0.75, k=2.0),
        nn.Conv2d(256, 384, kernel_size=3, padding=1),
        nn.ReLU(inplace=True),
        nn.Conv2d(384, 384, kernel_size=3, padding=1),
        nn.ReLU(inplace=True),
        nn.Conv2d(384, 256, kernel_size=3, padding=1),
        nn.ReLU(inplace=True),
        nn.MaxPool2d(kernel_size=3, stride=2),
    )
    classifier = nn.Sequential(
        nn.Flatten(),
        nn.Dropout(0.5),
        nn.Linear(256 * 6 * 6, 4096),
        nn.ReLU(inplace=True),
        nn.Dropout(0.5),
        nn.Linear(4096, 4096),
        nn.ReLU(inplace=True),
        nn.Linear(4096, num_classes),
    )
    return _Named(features=features, classifier=classifier)


class _Named(nn.Module):
    """features -> classifier, with readable module names in the layer tree."""

    def __init__(self, features: nn.Module, classifier: nn.Module) -> None:
        super().__init__()
        self.features = features
        self.classifier = classifier

    def forward(self, x: Tensor) -> Tensor:
        logits: Tensor = self.classifier(self.features(x))
        return logits


# ---------------------------------------------------------------- NiN


def _mlpconv(c_in: int, c_out: int, kernel: int, stride: int, padding: int) -> nn.Sequential:
    """One NiN block: a k×k convolution followed by two 1×1 convolutions (a tiny MLP per pixel)."""
    return nn.Sequential(
        nn.Conv2d(c_in, c_out, kernel_size=kernel, stride=stride, padding=padding),
        nn.ReLU(inplace=True),
        nn.Conv2d(c_out, c_out, kernel_size=1),
        nn.ReLU(inplace=True),
        nn.Conv2d(c_out, c_out, kernel_size=1),
        nn.ReLU(inplace=True),
    )


@register_model(
    "nin",
    family="nin",
    year=2013,
    paper="Lin, Chen, Yan. Network In Network. ICLR 2014 (arXiv 1312.4400).",
    input_shape=(3, 224, 224),
    num_classes=1000,
    introduced="mlpconv blocks (1×1 convolutions) and global average pooling instead of FC layers",
    description_en="Network in Network: each block is a convolution followed by 1×1 convolutions, and global average pooling replaces the fully connected layers.",
    description_zh="网络中的网络（NiN）：每个块是一个卷积加两个 1×1 卷积，用全局平均池化代替全连接层。",
    timeline=TimelineInfo(
        "NiN",
        "1×1 convolutions (mlpconv) and global average pooling instead of fully connected layers.",
        "1×1 卷积（mlpconv）和全局平均池化，代替全连接层。", order=50),
)
def nin(num_classes: int = 1000, in_channels: int = 3) -> nn.Module:
    """Network in Network (Lin et al., 2013), ImageNet form on 3×224×224.

    Layer table (the ImageNet model of the NiN authors' Caffe zoo, as taught
    in *Dive into Deep Learning*)::

        block    conv kernel / stride  channels  output
        mlpconv1 11×11 / 4, then 1×1 ×2  96      54×54
        pool     3×3 / 2                         26×26
        mlpconv2 5×5 / 1 pad 2, 1×1 ×2   256     26×26
        pool     3×3 / 2                         12×12
        mlpconv3 3×3 / 1 pad 1, 1×1 ×2   384     12×12
        pool     3×3 / 2                         5×5
        dropout
        mlpconv4 3×3 / 1 pad 1, 1×1 ×2   classes 5×5
        global average pool                      1×1

    There is no fully connected layer: the last block emits one map per class
    and global average pooling turns each map into that class's score.
    """
    return nn.Sequential(
        _mlpconv(in_channels, 96, kernel=11, stride=4, padding=0),
        nn.MaxPool2d(kernel_size=3, stride=2),
        _mlpconv(96, 256, kernel=5, stride=1, padding=2),
        nn.MaxPool2d(kernel_size=3, stride=2),
        _mlpconv(256, 384, kernel=3, stride=1, padding=1),
        nn.MaxPool2d(kernel_size=3, stride=2),
        nn.Dropout(0.5),
        _mlpconv(384, num_classes, kernel=3, stride=1, padding=1),
        nn.AdaptiveAvgPool2d(1),
        nn.Flatten(),
    )


# ---------------------------------------------------------------- small VGG


@register_model(
    "vgg_small",
    family="vgg",
    year=2014,
    paper="Simonyan, Zisserman. Very Deep Convolutional Networks for Large-Scale Image Recognition. ICLR 2015 (arXiv 1409.1556); scaled down.",
    input_shape=(3, 32, 32),
    num_classes=10,
    introduced="Stacks of 3×3 convolutions (two 3×3 see what one 5×5 sees, with fewer parameters)",
    description_en="A small VGG-style net for 32×32 images: stacks of 3×3 convolutions and 2×2 max pools. Trains in seconds on a CPU.",
    description_zh="用于 32×32 图像的小型 VGG 风格网络：堆叠 3×3 卷积和 2×2 最大池化，在 CPU 上几秒即可训练。",
    trainable=True,
)
def vgg_small(
    num_classes: int = 10, in_channels: int = 3, batch_norm: bool = False, dropout: float = 0.0
) -> nn.Module:
    """A scaled-down VGG (Simonyan & Zisserman, 2014) for 32×32 inputs.

    Layer table (VGG's published configurations use the same pattern with
    64-512 channels on 224×224). VGG's idea is kept: only 3×3 convolutions with padding 1 (size kept) and
    2×2 max pools (size halved), channels doubling as the maps shrink::

        block  convs            channels  output
        1      3×3              16        16×16 after pool
        2      3×3              32        8×8 after pool
        3      3×3, 3×3         64        4×4 after pool
        fc     1024 -> 128 -> classes

    ``batch_norm`` adds BatchNorm after every convolution and ``dropout``
    before each linear layer (the Train tab's BN / dropout lessons).
    """
    layers: list[nn.Module] = []
    c = in_channels
    for block in ([16], [32], [64, 64]):
        for width in block:
            layers.append(nn.Conv2d(c, width, kernel_size=3, padding=1))
            if batch_norm:
                layers.append(nn.BatchNorm2d(width))
            layers.append(nn.ReLU(inplace=True))
            c = width
        layers.append(nn.MaxPool2d(kernel_size=2, stride=2))
    classifier: list[nn.Module] = [nn.Flatten()]
    if dropout > 0:
        classifier.append(nn.Dropout(dropout))
    classifier += [nn.Linear(64 * 4 * 4, 128), nn.ReLU(inplace=True)]
    if dropout > 0:
        classifier.append(nn.Dropout(dropout))
    classifier.append(nn.Linear(128, num_classes))
    return _Named(features=nn.Sequential(*layers), classifier=nn.Sequential(*classifier))


# ---------------------------------------------------------------- ResNet-18 classifier


class BasicBlock(nn.Module):
    """Two 3×3 convolutions with a shortcut: out = relu(F(x) + x) (He et al., 2016)."""

    def __init__(self, c_in: int, c_out: int, stride: int = 1) -> None:
        super().__init__()
        self.conv1 = nn.Conv2d(c_in, c_out, 3, stride=stride, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(c_out)
        self.relu = nn.ReLU(inplace=True)
        self.conv2 = nn.Conv2d(c_out, c_out, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(c_out)
        self.downsample: nn.Module | None = None
        if stride != 1 or c_in != c_out:
            # A 1×1 projection so the shortcut has the residual's shape.
            self.downsample = nn.Sequential(
                nn.Conv2d(c_in, c_out, 1, stride=stride, bias=False), nn.BatchNorm2d(c_out)
            )

    def forward(self, x: Tensor) -> Tensor:
        identity = x if self.downsample is None else self.downsample(x)
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        result: Tensor = self.relu(out + identity)
        return result


@register_model(
    "resnet18_classifier",
    family="resnet",
    year=2015,
    paper="He, Zhang, Ren, Sun. Deep Residual Learning for Image Recognition. CVPR 2016 (arXiv 1512.03385).",
    input_shape=(3, 224, 224),
    num_classes=11,
    introduced="Residual connections (and BatchNorm) let very deep nets train",
    description_en="A ResNet-18-style classifier with any number of classes (the notes train one on an 11-class food image folder).",
    description_zh="可设置类别数的 ResNet-18 风格分类器（笔记中用它在 11 类食物图片上训练）。",
    trainable=True,
)
def resnet18_classifier(num_classes: int = 11, in_channels: int = 3, width: int = 64) -> nn.Module:
    """ResNet-18 (He et al., 2015) with a configurable number of classes.

    Published layer table (Table 1 of the paper, 18-layer column)::

        stage    output   blocks
        conv1    112×112  7×7, 64, stride 2
        pool     56×56    3×3 max pool, stride 2
        layer1   56×56    [3×3, 64;  3×3, 64]  × 2
        layer2   28×28    [3×3, 128; 3×3, 128] × 2
        layer3   14×14    [3×3, 256; 3×3, 256] × 2
        layer4   7×7      [3×3, 512; 3×3, 512] × 2
        head     1×1      global average pool, fc(num_classes)

    ``width`` scales every stage (64 is the paper's).
    """
    return _ResNet(num_classes=num_classes, in_channels=in_channels, width=width)


class _ResNet(nn.Module):
    def __init__(self, num_classes: int, in_channels: int, width: int) -> None:
        super().__init__()
        w = width
        self.conv1 = nn.Conv2d(in_channels, w, 7, stride=2, padding=3, bias=False)
        self.bn1 = nn.BatchNorm2d(w)
        self.relu = nn.ReLU(inplace=True)
        self.maxpool = nn.MaxPool2d(3, stride=2, padding=1)
        self.layer1 = nn.Sequential(BasicBlock(w, w), BasicBlock(w, w))
        self.layer2 = nn.Sequential(BasicBlock(w, 2 * w, stride=2), BasicBlock(2 * w, 2 * w))
        self.layer3 = nn.Sequential(BasicBlock(2 * w, 4 * w, stride=2), BasicBlock(4 * w, 4 * w))
        self.layer4 = nn.Sequential(BasicBlock(4 * w, 8 * w, stride=2), BasicBlock(8 * w, 8 * w))
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(8 * w, num_classes)

    def forward(self, x: Tensor) -> Tensor:
        x = self.maxpool(self.relu(self.bn1(self.conv1(x))))
        x = self.layer4(self.layer3(self.layer2(self.layer1(x))))
        logits: Tensor = self.fc(self.avgpool(x).flatten(1))
        return logits
