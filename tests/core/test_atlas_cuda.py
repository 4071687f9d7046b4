"""On a GPU the index and feature visualisation give what the CPU gives (skipped without CUDA)."""

from __future__ import annotations

import copy

import numpy as np
import pytest
import torch
from atlas_helpers import PRE32, tiny_net

from cnnviz.core.atlas.exemplars import build_index
from cnnviz.core.atlas.featvis import FeatVisTarget, preset, visualize
from cnnviz.core.atlas.sources import registered_dataset_source
from cnnviz.core.probe import hook_count

pytestmark = pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA device")


def test_cuda_index_equals_cpu_index() -> None:
    source = registered_dataset_source("shapes", "val", limit=96)
    cpu_model = tiny_net()
    gpu_model = copy.deepcopy(cpu_model).cuda()
    cpu = build_index(cpu_model, source, ["0", "4"], preprocess=PRE32, batch_size=32)
    gpu = build_index(gpu_model, source, ["0", "4"], preprocess=PRE32, batch_size=32)
    assert gpu.key == cpu.key, "the device is not part of what the index means"
    for layer in ("0", "4"):
        np.testing.assert_allclose(gpu.records(layer).values, cpu.records(layer).values, atol=1e-4)
        for c in range(gpu.channels(layer)):
            a, b = gpu.top(layer, c), cpu.top(layer, c)
            same = [x.image_id == y.image_id and (x.y, x.x) == (y.y, y.x) for x, y in zip(a, b, strict=True)]
            # near-ties may swap between devices; the values above already agree
            assert sum(same) >= len(same) - 2
    assert hook_count(gpu_model) == 0


def test_cuda_featvis_runs_and_repeats() -> None:
    model = tiny_net().cuda()
    a = visualize(model, FeatVisTarget("4", 3), preprocess=PRE32, settings=preset("2017", steps=24, seed=1))
    b = visualize(model, FeatVisTarget("4", 3), preprocess=PRE32, settings=preset("2017", steps=24, seed=1))
    assert a.input.device.type == "cpu" and a.image.shape == (32, 32, 3)
    assert np.abs(a.image.astype(int) - b.image.astype(int)).max() <= 1  # GPU float noise at most
    assert a.activation > a.history[0]
