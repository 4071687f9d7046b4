"""Each lesson preset is configured for its lesson, and (where it is cheap) shows it.

The full-length effects were checked by running ``cnnviz train --preset NAME``
(numbers in the preset docstrings / the issue's report); here each lesson's
effect is checked on a short, small version of the preset so it costs seconds.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
import torch

from cnnviz.core.models import build_model
from cnnviz.core.training import Trainer, get_preset


def _short(name: str, **changes: object):
    setup, runs = get_preset(name).build()
    return replace(setup, **changes), runs


def _same_except(runs, field_fn) -> None:
    """Every run uses the same optimizer and learning rate: only the lesson's knob differs."""
    assert len({(r.optimizer, r.hparams["lr"]) for r in runs}) == 1
    assert len({field_fn(r) for r in runs}) == len(runs)


def test_weight_decay_lesson_config_and_weight_norms_shrink() -> None:
    setup, runs = get_preset("weight_decay").build()
    _same_except(runs, lambda r: r.hparams["weight_decay"])
    decays = [r.hparams["weight_decay"] for r in runs]
    assert decays[0] == 0 and decays == sorted(decays) and setup.train_limit <= 500
    # Visible within the preset: AdamW shrinks weights by lr·wd per step; over the preset's steps
    # the middle run must shrink by a clear factor, the last one must (nearly) wipe them each ~50 steps.
    steps = setup.epochs * -(-setup.train_limit // setup.batch_size)
    lr = runs[0].hparams["lr"]
    assert lr * decays[1] * steps >= 0.5 and lr * decays[2] * 50 >= 1.0
    short, runs = _short("weight_decay", epochs=3, val_limit=64)
    trainer = Trainer(short, runs)
    trainer.run()
    norms = [trainer.weight_norm(r.name) for r in runs]
    assert norms[0] > norms[1] > norms[2]
    # Independent: the norm from the saved weights, by hand.
    sd = trainer.state_dict(runs[2].name)
    assert float(torch.sqrt(sum((v.double() ** 2).sum() for v in sd.values()))) == pytest.approx(norms[2], rel=1e-12)
    # The per-epoch curve the Train tab plots: same start, then apart; its last point is the final norm.
    curves = [trainer.log.snapshot(r.name).val["weight_norm"] for r in runs]
    assert all(c.size == 4 for c in curves)  # epoch 0 and three epochs
    # Epoch 0 is the untrained net: its norm, computed by hand from a fresh build with the init seed.
    kwargs = trainer.model_kwargs(runs[0].name)
    fresh = build_model(short.model, seed=short.init_seed, **kwargs)
    by_hand = float(torch.sqrt(sum((p.detach().double() ** 2).sum() for p in fresh.parameters())))
    assert [c[0] for c in curves] == pytest.approx([by_hand] * 3, rel=1e-12)
    assert [c[-1] for c in curves] == pytest.approx(norms, rel=1e-12)
    assert curves[2][-1] < curves[2][0], "strong decay shrinks the weights epoch by epoch"


def test_batch_norm_lesson_config_and_bn_learns_faster() -> None:
    setup, runs = get_preset("batch_norm").build()
    _same_except(runs, lambda r: r.model_kwargs["batch_norm"])
    assert [r.model_kwargs["batch_norm"] for r in runs] == [False, True] and setup.model == "vgg_small"
    short, runs = _short("batch_norm", epochs=1, train_limit=1920, val_limit=128)
    trainer = Trainer(short, runs)
    trainer.run()
    without, with_bn = (trainer.log.snapshot(r.name) for r in runs)
    # After the same 30 steps on the same batches the BN run's loss is clearly lower.
    assert with_bn.train["loss"][-5:].mean() < without.train["loss"][-5:].mean() - 0.25
    assert with_bn.val["accuracy"][-1] > without.val["accuracy"][-1]


def test_dropout_lesson_config() -> None:
    setup, runs = get_preset("dropout").build()
    _same_except(runs, lambda r: r.model_kwargs["dropout"])
    assert runs[0].model_kwargs["dropout"] == 0 and runs[1].model_kwargs["dropout"] >= 0.3
    # A small training set, and enough epochs for the plain net to memorise it (measured: its
    # training loss reaches ~0.01 by epoch 20 while its validation loss stalls near 0.36).
    assert setup.train_limit <= 500 and setup.epochs * setup.train_limit >= 6000
    assert setup.model == "vgg_small"


def test_dropout_makes_training_noisy_but_not_evaluation() -> None:
    short, runs = _short("dropout", epochs=1, train_limit=64, val_limit=64)
    trainer = Trainer(short, runs)
    trainer.prepare()
    x, _ = trainer._train.batch(torch.arange(16))
    for run, noisy in zip(trainer.runs.values(), (False, True), strict=True):
        run.model.train()
        a, b = run.model(x), run.model(x)
        assert (not torch.equal(a, b)) is noisy
        run.model.eval()
        assert torch.equal(run.model(x), run.model(x))


def test_batch_size_lesson_config_and_small_batches_are_noisier() -> None:
    preset = get_preset("batch_size")
    setup, runs = preset.build()
    _same_except(runs, lambda r: r.batch_size)
    sizes = [r.batch_size for r in runs]
    assert sizes == sorted(sizes) and sizes[-1] / sizes[0] >= 32 and preset.x_axis == "epoch"
    short, runs = _short("batch_size", epochs=1, train_limit=1024, val_limit=64)
    trainer = Trainer(short, runs)
    trainer.run()
    snaps = [trainer.log.snapshot(r.name) for r in runs]
    assert [s.train["step"].size for s in snaps] == [-(-1024 // b) for b in sizes]
    # Same data seen (one epoch), different step counts; samples seen always ends at 1024.
    assert [int(s.train["samples"][-1]) for s in snaps] == [1024] * 3
    # Per step, a batch of 8 gives a much noisier loss than a batch of 64 (≈ √8 in std).
    noise = [float(np.std(np.diff(s.train["loss"]))) for s in snaps[:2]]
    assert noise[0] > 1.8 * noise[1]
