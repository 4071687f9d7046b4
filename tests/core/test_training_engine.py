"""The training engine against hand-written torch loops with the same seeds."""

from __future__ import annotations

import json
import math
import threading
import time

import pytest
import torch
import torch.nn.functional as F

from cnnviz.core.models import build_model
from cnnviz.core.training import RunConfig, Trainer, TrainSetup, load_dataset
from cnnviz.core.training.metrics import read_metrics_csv

N_TRAIN, N_VAL, BS = 96, 32, 32


@pytest.fixture(scope="module")
def bundle():
    return load_dataset("shapes", seed=3, train_limit=N_TRAIN, val_limit=N_VAL)


def _setup(**kw) -> TrainSetup:
    base = dict(model="lenet5", epochs=2, batch_size=BS, init_seed=5, data_seed=3,
                train_limit=N_TRAIN, val_limit=N_VAL)
    base.update(kw)
    return TrainSetup(**base)


def _hand_loop(bundle, make_opt, epochs: int = 2, init_seed: int = 5, data_seed: int = 3):
    """A plain PyTorch loop written from the documented rules, independent of the engine."""
    model = build_model("lenet5", seed=init_seed, num_classes=10, in_channels=1)
    opt = make_opt(model.parameters())
    images = bundle.train.images.float() / 255.0
    mean, std = images.mean(), images.std(unbiased=False)
    x_all = (images - mean) / std
    y_all = bundle.train.labels
    g = torch.Generator().manual_seed(data_seed)
    losses = []
    for _ in range(epochs):
        perm = torch.randperm(len(y_all), generator=g)
        for k in range(0, len(y_all), BS):
            idx = perm[k : k + BS]
            opt.zero_grad()
            loss = F.cross_entropy(model(x_all[idx]), y_all[idx])
            loss.backward()
            opt.step()
            losses.append(loss.item())
    return losses


def test_engine_equals_hand_written_loop_and_first_losses_are_equal(bundle) -> None:
    runs = [
        RunConfig("momentum", "momentum", {"lr": 0.05, "momentum": 0.9}),
        RunConfig("adam", "adam", {"lr": 1e-3, "beta1": 0.8}),
    ]
    trainer = Trainer(_setup(), runs, data=bundle)
    assert trainer.run() == {"momentum": "finished", "adam": "finished"}
    engine = {n: trainer.log.snapshot(n).train["loss"] for n in ("momentum", "adam")}
    hand_momentum = _hand_loop(bundle, lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9))
    hand_adam = _hand_loop(bundle, lambda p: torch.optim.Adam(p, lr=1e-3, betas=(0.8, 0.999)))
    assert len(engine["momentum"]) == len(hand_momentum) == 2 * math.ceil(N_TRAIN / BS)
    torch.testing.assert_close(torch.tensor(engine["momentum"]), torch.tensor(hand_momentum, dtype=torch.float64),
                               rtol=1e-4, atol=1e-5)
    torch.testing.assert_close(torch.tensor(engine["adam"]), torch.tensor(hand_adam, dtype=torch.float64),
                               rtol=1e-4, atol=1e-5)
    # Same weights + same first batch: the very first losses are identical, then the optimizers part.
    assert engine["momentum"][0] == engine["adam"][0]
    assert engine["momentum"][-1] != engine["adam"][-1]
    # Epoch-0 validation (before any step) is equal too.
    v0 = [trainer.log.snapshot(n).val["loss"][0] for n in ("momentum", "adam")]
    assert v0[0] == v0[1]


def test_runs_with_different_batch_sizes_share_weights_and_cover_each_epoch(bundle) -> None:
    runs = [RunConfig("b16", "sgd", {"lr": 0.01}, batch_size=16), RunConfig("b48", "sgd", {"lr": 0.01}, batch_size=48)]
    trainer = Trainer(_setup(epochs=1), runs, data=bundle)
    trainer.prepare()
    sd = [trainer.runs[n].model.state_dict() for n in ("b16", "b48")]
    assert all(torch.equal(sd[0][k], sd[1][k]) for k in sd[0])
    trainer.run()
    assert len(trainer.log.snapshot("b16").train["step"]) == N_TRAIN // 16
    assert len(trainer.log.snapshot("b48").train["step"]) == N_TRAIN // 48


def test_too_large_learning_rate_is_flagged_diverged_and_the_others_go_on(bundle) -> None:
    runs = [RunConfig("huge", "momentum", {"lr": 50.0}), RunConfig("fine", "sgd", {"lr": 0.01})]
    trainer = Trainer(_setup(), runs, data=bundle)
    status = trainer.run()
    assert status == {"huge": "diverged", "fine": "finished"}
    snap = trainer.log.snapshot("huge")
    last = snap.train["loss"][-1]
    assert not math.isfinite(last) or last > 10 * snap.train["loss"][0]
    assert "loss" in snap.message
    assert len(snap.train["loss"]) < len(trainer.log.snapshot("fine").train["loss"])


def test_out_of_memory_in_one_run_reports_its_batch_size_and_the_others_continue(bundle, monkeypatch) -> None:
    real = Trainer.train_step

    def step(self, run, x, y):
        if run.batch_size == 48:
            raise torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB")
        return real(self, run, x, y)

    monkeypatch.setattr(Trainer, "train_step", step)
    runs = [RunConfig("big", "sgd", {"lr": 0.01}, batch_size=48), RunConfig("small", "sgd", {"lr": 0.01})]
    trainer = Trainer(_setup(epochs=1), runs, data=bundle)
    assert trainer.run() == {"big": "failed", "small": "finished"}
    assert "batch size 48" in trainer.log.snapshot("big").message


def test_pause_resume_and_stop_from_another_thread(bundle) -> None:
    runs = [RunConfig("a", "sgd", {"lr": 0.01}, batch_size=8), RunConfig("b", "adam", {}, batch_size=8)]
    trainer = Trainer(_setup(epochs=50), runs, data=bundle)
    thread = threading.Thread(target=trainer.run)
    thread.start()
    deadline = time.monotonic() + 20
    while trainer.log.train_count("a") < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    trainer.pause()
    time.sleep(0.1)
    held = trainer.log.train_count("a") + trainer.log.train_count("b")
    time.sleep(0.2)
    assert trainer.log.train_count("a") + trainer.log.train_count("b") == held
    trainer.resume()
    while trainer.log.train_count("a") + trainer.log.train_count("b") == held and time.monotonic() < deadline:
        time.sleep(0.01)
    trainer.stop()
    thread.join(2.0)
    assert not thread.is_alive()
    assert set(trainer.log.statuses().values()) == {("stopped", "")}


def test_ctrl_c_stops_runs_and_still_writes_the_files(bundle, tmp_path, monkeypatch) -> None:
    calls = {"n": 0}
    real = Trainer.train_step

    def step(self, run, x, y):
        calls["n"] += 1
        if calls["n"] == 4:
            raise KeyboardInterrupt
        return real(self, run, x, y)

    monkeypatch.setattr(Trainer, "train_step", step)
    trainer = Trainer(_setup(), [RunConfig("a", "sgd", {"lr": 0.01}), RunConfig("b", "adam", {})],
                      data=bundle, out_dir=tmp_path)
    with pytest.raises(KeyboardInterrupt):
        trainer.run()
    rows = read_metrics_csv(str(tmp_path / "metrics.csv"))
    assert {r["status"] for r in rows} == {"stopped"}
    assert sum(r["split"] == "train" for r in rows) == 3
    assert (tmp_path / "runs.json").exists()


def test_lr_schedules_follow_their_closed_forms(bundle) -> None:
    steps = 2 * math.ceil(N_TRAIN / BS)
    runs = [
        RunConfig("cos", "sgd", {"lr": 0.1}, schedule="cosine"),
        RunConfig("step", "sgd", {"lr": 0.1}, schedule="step", schedule_params={"gamma": 0.5}),
    ]
    trainer = Trainer(_setup(), runs, data=bundle)
    trainer.run()
    lr_cos = trainer.log.snapshot("cos").train["lr"]
    expected = [0.05 * (1 + math.cos(math.pi * t / steps)) for t in range(steps)]
    assert lr_cos.tolist() == pytest.approx(expected, rel=1e-6)
    lr_step = trainer.log.snapshot("step").train["lr"]
    per_epoch = steps // 2
    assert lr_step.tolist() == pytest.approx([0.1] * per_epoch + [0.05] * per_epoch)


def test_state_dict_copy_and_model_kwargs_rebuild_the_trained_model(bundle) -> None:
    trainer = Trainer(_setup(epochs=1), [RunConfig("a", "adam", {})], data=bundle)
    trainer.run()
    sd = trainer.state_dict("a")
    model = build_model("lenet5", seed=None, **trainer.model_kwargs("a"))
    model.load_state_dict(sd)
    x, _ = trainer._val.batch(torch.arange(4))
    with torch.no_grad():
        assert torch.allclose(model.eval()(x), trainer.runs["a"].model.eval()(x))


def test_mnist_sized_data_is_padded_to_lenets_32_pixels() -> None:
    from cnnviz.core.training.datasets import DatasetBundle, DataSplit

    imgs = torch.randint(0, 255, (40, 1, 28, 28), dtype=torch.uint8)
    labels = torch.arange(40) % 10
    split = DataSplit(imgs, labels, (0.5,), (0.25,))
    bundle = DatasetBundle("fake", split, DataSplit(imgs[:8], labels[:8], (0.5,), (0.25,)), tuple("0123456789"))
    trainer = Trainer(TrainSetup(epochs=1, batch_size=20), [RunConfig("a", "sgd", {"lr": 0.01})], data=bundle)
    trainer.run()
    assert trainer.model_input == (1, 32, 32)
    assert torch.equal(trainer._train.images[:, :, 2:30, 2:30], imgs)
    assert trainer._train.images[:, :, :2].sum() == 0


def test_checkpoint_resume_continues_exactly_like_an_uninterrupted_run(bundle) -> None:
    from dataclasses import replace

    from cnnviz.core.training.metrics import MetricsLog

    runs = [RunConfig("adam", "adam", {"lr": 1e-3}), RunConfig("mom", "momentum", {"lr": 0.05})]
    straight = Trainer(_setup(epochs=2), runs, data=bundle)
    straight.run()
    first = Trainer(_setup(epochs=1), runs, data=bundle)
    first.run()
    ckpt = first.checkpoint()
    # The log goes through its JSON form, as a lesson file would carry it.
    log = MetricsLog.from_dict(json.loads(json.dumps(first.log.to_dict())))
    second = Trainer(replace(_setup(), epochs=2), runs, data=bundle, log=log, resume_from=ckpt)
    assert second.run() == {"adam": "finished", "mom": "finished"}
    for name in ("adam", "mom"):
        a, b = straight.log.snapshot(name), second.log.snapshot(name)
        for key in ("step", "samples", "loss", "lr"):
            torch.testing.assert_close(b.train[key], a.train[key], rtol=0, atol=0)
        torch.testing.assert_close(b.val["loss"], a.val["loss"], rtol=1e-12, atol=0)
    assert straight.state_dict("adam")["C1.weight"].equal(second.state_dict("adam")["C1.weight"])


def test_a_checkpoint_for_another_training_set_is_refused(bundle) -> None:
    from cnnviz.core.errors import ConfigError

    runs = [RunConfig("sgd", "sgd", {"lr": 0.01})]
    first = Trainer(_setup(epochs=1, train_limit=64), runs, data=load_dataset("shapes", seed=3, train_limit=64,
                                                                              val_limit=N_VAL))
    first.run()
    with pytest.raises(ConfigError, match="training set changed"):
        Trainer(_setup(epochs=2), runs, data=bundle, resume_from=first.checkpoint()).prepare()
    with pytest.raises(ConfigError, match="Cannot continue"):
        Trainer(_setup(epochs=2), runs, data=bundle, resume_from=b"not a checkpoint").prepare()
