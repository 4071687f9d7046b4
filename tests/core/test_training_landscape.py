"""Loss landscape: the plane, the grid and the projected paths against computations written here."""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from cnnviz.core.models import build_model
from cnnviz.core.progress import Cancelled, CancelToken
from cnnviz.core.training import RunConfig, Trainer, TrainSetup, load_dataset
from cnnviz.core.training.landscape import (
    compute_landscape,
    flatten,
    parameter_names,
    pca_plane,
    random_plane,
)
from cnnviz.core.training.snapshots import WeightRecorder


@pytest.fixture(scope="module")
def trained():
    bundle = load_dataset("shapes", seed=1, train_limit=96, val_limit=8)
    setup = TrainSetup(model="lenet5", epochs=2, batch_size=16, init_seed=3, data_seed=1, train_limit=96,
                       val_limit=8)
    recorder = WeightRecorder(every=2)
    trainer = Trainer(setup, [RunConfig("sgd", "sgd", {"lr": 0.1}), RunConfig("adam", "adam", {"lr": 3e-3})],
                      data=bundle)
    trainer.add_step_hook(recorder)
    trainer.run()
    recorder.finish(trainer)
    x, y = trainer.probe_batch(64)
    return trainer, recorder, x, y


def _ce(state, x, y) -> float:
    """Cross-entropy of a fresh LeNet-5 holding ``state`` (eval mode), in float64 by hand."""
    model = build_model("lenet5", seed=None, num_classes=10, in_channels=1)
    model.load_state_dict(state)
    model.eval()
    with torch.no_grad():
        logits = model(x).double()
    return float((torch.logsumexp(logits, dim=1) - logits[torch.arange(len(y)), y]).mean())


def _state_from_flat(template, names, flat):
    state = {k: v.clone() for k, v in template.items()}
    offset = 0
    for n in names:
        size = state[n].numel()
        state[n] = flat[offset : offset + size].view_as(state[n]).clone()
        offset += size
    return state


def test_filter_normalised_directions_match_each_filters_norm() -> None:
    state = build_model("lenet5", seed=7).state_dict()
    names = list(state)  # LeNet-5 has no buffers: every entry is a parameter
    plane = random_plane(state, names, seed=2)
    for d in (plane.d1, plane.d2):
        offset = 0
        for name in names:
            w = state[name]
            part = d[offset : offset + w.numel()].view_as(w)
            offset += w.numel()
            if w.dim() <= 1:
                assert torch.count_nonzero(part) == 0  # biases: not moved (Li et al.'s ignore biasbn)
                continue
            for i in range(w.shape[0]):  # filter by filter, written out
                assert float(part[i].norm()) == pytest.approx(float(w[i].norm()), rel=1e-6)
    assert not torch.equal(plane.d1, plane.d2)
    assert torch.equal(random_plane(state, names, seed=2).d1, plane.d1)  # seeded


def test_pca_grid_origin_points_and_projected_end_points(trained) -> None:
    trainer, recorder, x, y = trained
    model = build_model("lenet5", seed=None, num_classes=10, in_channels=1)
    names = parameter_names(model)
    initial = recorder.load("sgd", 0)
    assert all(torch.equal(initial[k], recorder.load("adam", 0)[k]) for k in initial)  # one shared start
    model.load_state_dict(initial)
    origin = flatten(initial, names)
    paths = {}
    for run in ("sgd", "adam"):
        steps = recorder.steps(run)
        paths[run] = (np.array(steps), torch.stack([flatten(recorder.load(run, s), names) for s in steps]))
    plane = pca_plane(origin, [w[1:] for _, w in paths.values()])
    basis = torch.stack([plane.d1, plane.d2]).double()
    torch.testing.assert_close(basis @ basis.T, torch.eye(2, dtype=torch.float64), atol=1e-5, rtol=0)
    assert 0 < sum(plane.explained_variance) <= 1 + 1e-9
    before = torch.nn.utils.parameters_to_vector(model.parameters()).clone()
    seen = []
    land = compute_landscape(model, plane, x, y, grid=5, paths=paths, progress=lambda f, m: seen.append(f))
    assert land.loss.shape == (5, 5) and seen[-1] == 1.0 and len(seen) == 5
    assert torch.equal(torch.nn.utils.parameters_to_vector(model.parameters()), before)  # restored
    # Origin: the loss of the initial weights, computed here from scratch.
    assert land.alpha[2] == 0 and land.beta[2] == 0
    assert land.loss[2, 2] == pytest.approx(_ce(initial, x, y), rel=1e-6)
    assert land.origin_loss == pytest.approx(land.loss[2, 2], rel=1e-12)
    # Another grid point: loss[i, j] is at (alpha[j], beta[i]).
    point = origin + land.alpha[4] * plane.d1 + land.beta[1] * plane.d2
    assert land.loss[1, 4] == pytest.approx(_ce(_state_from_flat(initial, names, point), x, y), rel=1e-5)
    # End points: the final weights' coordinates in the plane, by least squares in numpy.
    a = basis.T.numpy()
    for run in ("sgd", "adam"):
        final = flatten(trainer.state_dict(run), names).double().numpy() - origin.double().numpy()
        coords, *_ = np.linalg.lstsq(a, final, rcond=None)
        np.testing.assert_allclose(land.paths[run][-1], coords, rtol=1e-6, atol=1e-9)
        assert land.steps[run][0] == 0 and land.steps[run][-1] == trainer.runs[run].step
        np.testing.assert_allclose(land.paths[run][0], [0, 0], atol=1e-9)
    reach = max(np.abs(p).max() for p in land.paths.values())
    assert land.alpha[-1] == pytest.approx(1.25 * reach)


def test_random_plane_projection_is_exact_for_points_in_the_plane_and_nan_cells_are_counted(trained) -> None:
    _, recorder, x, y = trained
    initial = recorder.load("sgd", 0)
    model = build_model("lenet5", seed=None, num_classes=10, in_channels=1)
    model.load_state_dict(initial)
    names = parameter_names(model)
    plane = random_plane(initial, names, seed=5)
    inside = torch.stack([plane.point(0.3, -0.2), plane.point(-0.1, 0.7)])
    np.testing.assert_allclose(plane.project(inside), [[0.3, -0.2], [-0.1, 0.7]], atol=1e-6)
    land = compute_landscape(model, plane, x[:16], y[:16], grid=3, span=1e38)
    assert land.nan_cells > 0 and "NaN" in land.message()
    assert np.isfinite(land.loss[1, 1])
    # Cancel: stops between points, the model keeps its weights.
    token = CancelToken()
    before = torch.nn.utils.parameters_to_vector(model.parameters()).clone()
    with pytest.raises(Cancelled):
        compute_landscape(model, plane, x[:16], y[:16], grid=5, progress=lambda f, m: token.cancel(),
                          cancel=token)
    assert torch.equal(torch.nn.utils.parameters_to_vector(model.parameters()), before)
    assert F.cross_entropy(model(x[:16]), y[:16]).item() == pytest.approx(land.loss[1, 1], rel=1e-5)


def test_landscape_of_a_trainers_recorder_is_the_same_plane_and_grid(trained) -> None:
    from cnnviz.core.training.landscape import landscape_of_recorder

    trainer, recorder, x, y = trained
    land = landscape_of_recorder(trainer, recorder, grid=3, probe=64)
    assert sorted(land.paths) == ["adam", "sgd"] and land.kind == "pca"
    assert land.loss[1, 1] == pytest.approx(_ce(recorder.load("sgd", 0), x, y), rel=1e-6)
    # Same numbers as assembling the plane by hand from the recorder (the previous test's way).
    model = build_model("lenet5", seed=None, num_classes=10, in_channels=1)
    names = parameter_names(model)
    model.load_state_dict(recorder.load("sgd", 0))
    paths = {r: (np.array(recorder.steps(r)), torch.stack([flatten(recorder.load(r, s), names)
                                                           for s in recorder.steps(r)])) for r in ("sgd", "adam")}
    plane = pca_plane(flatten(recorder.load("sgd", 0), names), [w[1:] for _, w in paths.values()])
    by_hand = compute_landscape(model, plane, x, y, grid=3, paths=paths)
    np.testing.assert_allclose(land.loss, by_hand.loss, rtol=1e-6)
    np.testing.assert_allclose(land.paths["adam"], by_hand.paths["adam"], rtol=1e-6, atol=1e-9)


#: LeNet-5's layers as nn.Sequential positions, before they were named as in the paper.
_OLD = {"C1": "0", "C3": "3", "C5": "6", "F6": "9", "OUT": "11"}


class _NumberedRecorder:
    """A recorder whose snapshots were saved before the rename: ``0.weight`` … ``11.bias``."""

    def __init__(self, recorder) -> None:
        self.recorder = recorder

    def runs(self):
        return self.recorder.runs()

    def steps(self, run):
        return self.recorder.steps(run)

    def load(self, run, step):
        state = self.recorder.load(run, step)
        return {_OLD[k.split(".")[0]] + "." + k.split(".", 1)[1]: v for k, v in state.items()}


def test_snapshots_saved_with_numbered_layers_give_the_same_landscape(trained) -> None:
    from cnnviz.core.training.landscape import landscape_of_recorder

    trainer, recorder, _, _ = trained
    old = _NumberedRecorder(recorder)
    assert "0.weight" in old.load("sgd", 0)
    now = landscape_of_recorder(trainer, recorder, grid=3, probe=64)
    then = landscape_of_recorder(trainer, old, grid=3, probe=64)
    np.testing.assert_allclose(then.loss, now.loss, rtol=1e-6)
    np.testing.assert_allclose(then.paths["adam"], now.paths["adam"], rtol=1e-6, atol=1e-9)
