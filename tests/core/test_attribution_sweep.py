"""Layer sweep: one pass for every layer's map, each scored, the best one marked."""

from __future__ import annotations

import numpy as np
import pytest
from attribution_nets import image, plain_net, split_net

from cnnviz.core.attribution import compute, conv_layers, faithfulness, layer_sweep
from cnnviz.core.probe import hook_count


@pytest.mark.parametrize("method", ["gradcam", "layercam", "eigencam"])
def test_sweep_maps_and_scores_equal_one_layer_at_a_time(method: str) -> None:
    model = split_net(seed=3)
    x = image(seed=4)
    sweep = layer_sweep(model, x, 2, method=method, steps=4)
    assert [e.layer for e in sweep.entries] == ["features.0", "features.3", "head.0"] == conv_layers(model, x)
    for e in sweep.entries:
        alone = compute(method, model, x, 2, layer=e.layer)
        np.testing.assert_allclose(e.map.map, alone.map, rtol=1e-5, atol=1e-8)
        f = faithfulness(model, x, alone, steps=4)
        assert e.deletion_auc == pytest.approx(f.deletion_auc, rel=1e-5)
        assert e.insertion_auc == pytest.approx(f.insertion_auc, rel=1e-5)
        assert e.score == pytest.approx(f.insertion_auc - f.deletion_auc, rel=1e-5, abs=1e-9)
    assert sweep.best == max(sweep.entries, key=lambda e: e.score).layer
    assert sweep.target.class_index == 2
    assert hook_count(model) == 0


def test_sweep_of_chosen_layers_and_progress() -> None:
    model = plain_net(seed=1)
    x = image(seed=2)
    seen: list[float] = []
    sweep = layer_sweep(model, x, method="gradcampp", layers=["0", "1", "3"], steps=2,
                        progress=lambda f, m="": seen.append(f))
    assert [e.layer for e in sweep.entries] == ["0", "1", "3"]
    assert seen == sorted(seen) and seen[-1] == 1.0
