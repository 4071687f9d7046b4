"""The architecture timeline: numbers from summarize, depth as the names count it."""

from __future__ import annotations

import torch
from torch import nn

from cnnviz.core.explain import compute_timeline, timeline_entries, timeline_row
from cnnviz.core.explain.timeline import longest_weighted_chain
from cnnviz.core.models.registry import build_model

TIMELINE = timeline_entries()


def test_order_and_texts() -> None:
    assert [e.label for e in TIMELINE] == ["LeNet-5", "AlexNet", "ZFNet", "VGG-16", "NiN", "GoogLeNet",
                                            "ResNet-18", "ResNet-50", "ResNet-152"]
    assert all(e.introduced.en and e.introduced.zh for e in TIMELINE)


def test_rows_match_real_models_and_names() -> None:
    rows = {r.model: r for r in compute_timeline()}
    # depth as the names say
    assert [rows[m].depth for m in ("lenet5", "alexnet", "vgg16", "googlenet", "resnet18", "resnet50", "resnet152")] \
        == [5, 8, 16, 22, 18, 50, 152]
    assert rows["resnet18"].weighted_layers == 21  # 20 convolutions (3 of them shortcuts) + fc
    lenet = build_model("lenet5")
    assert rows["lenet5"].params == sum(p.numel() for p in lenet.parameters()) == 61_706
    # LeNet-5 MACs by hand: C1 28·28·6·25, C3 10·10·16·150, C5 120·400, F6 84·120, out 10·84
    assert rows["lenet5"].macs == 28 * 28 * 6 * 25 + 10 * 10 * 16 * 150 + 120 * 400 + 84 * 120 + 10 * 84
    assert rows["alexnet"].params == 61_100_840 and rows["alexnet"].top1 is not None
    assert rows["googlenet"].params < rows["googlenet"].params_all  # auxiliary heads only train
    years = [rows[e.model].year for e in TIMELINE]
    assert years[0] == 1998 and years[-1] == 2015
    assert timeline_row(TIMELINE[0]) is rows["lenet5"]  # cached


def test_longest_chain_on_a_branchy_toy() -> None:
    class Toy(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.a, self.b, self.c = nn.Conv2d(1, 1, 1), nn.Conv2d(1, 1, 1), nn.Conv2d(1, 1, 1)

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return self.c(self.b(x)) + self.a(x)  # chains of 2 and 1

    assert longest_weighted_chain(Toy(), (1, 4, 4), device="cpu") == 2
