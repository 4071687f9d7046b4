"""Weight snapshots: what is kept at step k is the weights after step k, and it stays small."""

from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F

from cnnviz.core.errors import ConfigError
from cnnviz.core.models import build_model
from cnnviz.core.training import RunConfig, Trainer, TrainSetup, load_dataset
from cnnviz.core.training.snapshots import WeightRecorder, parse_every, read_snapshot_folder

BS, STEPS = 4, 29


@pytest.fixture(scope="module")
def bundle():
    return load_dataset("shapes", seed=2, train_limit=BS * STEPS, val_limit=8)


def _setup(**kw) -> TrainSetup:
    return TrainSetup(**{"model": "lenet5", "epochs": 1, "batch_size": BS, "init_seed": 4, "data_seed": 2,
                         "train_limit": BS * STEPS, "val_limit": 8, **kw})


def _raw_loop_weights(bundle, steps: int) -> list[dict[str, torch.Tensor]]:
    """Weights after each step of a plain torch loop (step 0: the initial weights)."""
    model = build_model("lenet5", seed=4, num_classes=10, in_channels=1)
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    x = (bundle.train.images.float() / 255 - bundle.train.mean[0]) / bundle.train.std[0]
    perm = torch.randperm(len(bundle.train), generator=torch.Generator().manual_seed(2))
    out = [{k: v.clone() for k, v in model.state_dict().items()}]
    for k in range(steps):
        idx = perm[k * BS : (k + 1) * BS]
        opt.zero_grad()
        F.cross_entropy(model(x[idx]), bundle.train.labels[idx]).backward()
        opt.step()
        out.append({k2: v.clone() for k2, v in model.state_dict().items()})
    return out


def test_snapshot_at_step_k_is_the_weights_after_step_k_and_30_fit_in_10_mb(bundle, tmp_path) -> None:
    recorder = WeightRecorder(every=1)
    trainer = Trainer(_setup(), [RunConfig("momentum", "momentum", {"lr": 0.05, "momentum": 0.9})], data=bundle)
    trainer.add_step_hook(recorder)
    trainer.run()
    recorder.finish(trainer)
    assert recorder.steps("momentum") == list(range(STEPS + 1))  # 30 snapshots: step 0 and 29 steps
    expected = _raw_loop_weights(bundle, STEPS)
    for k in (0, 1, 7, STEPS):
        got = recorder.load("momentum", k)
        assert got.keys() == expected[k].keys()
        for name in got:
            torch.testing.assert_close(got[name], expected[k][name], rtol=1e-5, atol=1e-6)
    assert not torch.equal(recorder.load("momentum", 1)["C1.weight"], recorder.load("momentum", 2)["C1.weight"])
    assert recorder.memory_bytes <= 10 * 1024 * 1024
    paths = recorder.save(tmp_path / "snaps")
    assert len(paths) == STEPS + 1
    assert sum(p.stat().st_size for p in paths) <= 10 * 1024 * 1024
    # Plain tensors: loadable with weights_only=True, into a fresh LeNet-5.
    state = torch.load(tmp_path / "snaps" / "momentum" / "step_7.pt", weights_only=True)
    build_model("lenet5", seed=None).load_state_dict(state)
    assert [s for s, _ in read_snapshot_folder(tmp_path / "snaps")["momentum"]] == list(range(STEPS + 1))
    # A snapshot is a copy: training on does not change it.
    assert recorder.load("momentum", 0)["C1.weight"].data_ptr() != trainer.state_dict("momentum")["C1.weight"].data_ptr()


def test_epoch_snapshots_on_disk_large_models_spill_to_a_temporary_folder(bundle, tmp_path) -> None:
    setup = _setup(epochs=2, train_limit=BS * 5)
    folder = tmp_path / "out"
    on_disk = WeightRecorder("epoch", folder)
    spill = WeightRecorder("epoch", memory_limit=0)  # every snapshot counts as large
    trainer = Trainer(setup, [RunConfig("sgd a", "sgd", {"lr": 0.05})], data=bundle)
    trainer.add_step_hook(on_disk)
    trainer.add_step_hook(spill)
    trainer.run()
    assert on_disk.steps("sgd a") == spill.steps("sgd a") == [0, 5, 10]
    assert sorted(p.name for p in (folder / "sgd_a").iterdir()) == ["step_0.pt", "step_10.pt", "step_5.pt"]
    assert spill.memory_bytes == 0
    for name, tensor in spill.load("sgd a", 5).items():
        assert torch.equal(tensor, on_disk.load("sgd a", 5)[name])
    temp = spill._temp
    assert temp is not None and temp.is_dir()
    spill.close()
    assert not temp.exists()
    # Lesson files: the snapshots round-trip through bytes.
    back = WeightRecorder.from_bytes(on_disk.to_bytes())
    assert back.steps("sgd a") == [0, 5, 10]
    assert torch.equal(back.load("sgd a", 10)["F6.weight"], on_disk.load("sgd a", 10)["F6.weight"])


def test_every_is_epoch_or_a_positive_step_count() -> None:
    assert parse_every("epoch") == "epoch" and parse_every("12") == 12
    for bad in ("0", "-3", "often"):
        with pytest.raises(ConfigError):
            parse_every(bad)
    with pytest.raises(ConfigError):
        WeightRecorder.from_bytes(b"not a snapshot")
