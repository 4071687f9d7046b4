"""Small networks the attribution tests share (imported by the test modules, not collected)."""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn


class Split(nn.Module):
    """``head(features(x))``: a test can run the two halves itself and take ∂y/∂A with autograd."""

    def __init__(self, features: nn.Module, head: nn.Module) -> None:
        super().__init__()
        self.features = features
        self.head = head

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x))


def split_net(seed: int = 0, classes: int = 4, inplace: bool = False) -> Split:
    """conv-ReLU-pool-conv-ReLU | conv-ReLU-GAP-linear: ``features`` is a 4×4 map for an 8×8 input."""
    torch.manual_seed(seed)
    features = nn.Sequential(
        nn.Conv2d(3, 6, 3, padding=1), nn.ReLU(inplace=inplace), nn.MaxPool2d(2),
        nn.Conv2d(6, 5, 3, padding=1), nn.ReLU(inplace=inplace),
    )
    head = nn.Sequential(
        nn.Conv2d(5, 7, 3, padding=1), nn.ReLU(inplace=inplace), nn.AdaptiveAvgPool2d(1), nn.Flatten(),
        nn.Linear(7, classes),
    )
    return Split(features, head).eval()


def plain_net(seed: int = 0, classes: int = 4, inplace: bool = False, channels: int = 3) -> nn.Sequential:
    """conv-ReLU-maxpool-conv-ReLU-flatten-linear on 8×8 inputs (nn.ReLU modules, as captum hooks them)."""
    torch.manual_seed(seed)
    return nn.Sequential(
        nn.Conv2d(channels, 4, 3, padding=1), nn.ReLU(inplace=inplace), nn.MaxPool2d(2),
        nn.Conv2d(4, 5, 3, padding=1), nn.ReLU(inplace=inplace), nn.Flatten(), nn.Linear(5 * 4 * 4, classes),
    ).eval()


class DenseLike(nn.Module):
    """DenseNet's ending: ``features`` (… conv, BatchNorm) then ``F.relu(features, inplace=True)``."""

    def __init__(self, seed: int = 0, inplace: bool = True) -> None:
        super().__init__()
        torch.manual_seed(seed)
        self.features = nn.Sequential(nn.Conv2d(3, 6, 3, padding=1), nn.BatchNorm2d(6))
        self.classifier = nn.Linear(6, 3)
        self.inplace = inplace
        bn = self.features[1]
        with torch.no_grad():  # running statistics that leave plenty of negative values
            bn.running_mean.uniform_(-0.5, 0.5)
            bn.running_var.uniform_(0.5, 2.0)
            bn.weight.uniform_(0.5, 1.5)
            bn.bias.uniform_(-0.5, 0.5)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        f = self.features(x)
        out = F.relu(f, inplace=self.inplace)
        out = F.adaptive_avg_pool2d(out, 1).flatten(1)
        return self.classifier(out)


def image(seed: int = 1, size: int = 8, channels: int = 3) -> torch.Tensor:
    """A [1, C, size, size] normal image."""
    return torch.randn(1, channels, size, size, generator=torch.Generator().manual_seed(seed))
