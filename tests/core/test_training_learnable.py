"""The built-in ``shapes`` data is learnable, and hard enough that optimizers differ.

This trains the app's default lesson exactly as the Train tab starts it (the
``optimizers`` preset: LeNet-5, the full default shapes set of 6,000 training
and 1,000 validation images, batch 64, 4 epochs), keeping only its Adam and
plain-SGD runs, through the real engine. About 10 s on one core.
"""

from __future__ import annotations

import pytest
import torch

from cnnviz.core.models import build_model
from cnnviz.core.training import Trainer, get_preset, load_dataset


def _plain_accuracy(state_dict: dict[str, torch.Tensor], seed: int) -> float:
    """Validation accuracy of trained weights, recomputed without the engine."""
    data = load_dataset("shapes", seed=seed)
    train = data.train.images.float() / 255.0
    mean, std = train.mean(), train.std(unbiased=False)
    model = build_model("lenet5", seed=None, num_classes=10, in_channels=1)
    model.load_state_dict(state_dict)
    model.eval()
    with torch.no_grad():
        out = model((data.val.images.float() / 255.0 - mean) / std)
    return float((out.argmax(dim=1) == data.val.labels).float().mean())


@pytest.mark.slow
def test_lenet5_with_adam_reaches_90_percent_and_small_lr_sgd_lags() -> None:
    setup, runs = get_preset("optimizers").build()
    assert (setup.model, setup.dataset, setup.train_limit, setup.epochs) == ("lenet5", "shapes", None, 4)
    chosen = {r.name: r for r in runs if r.name in ("Adam", "SGD")}
    assert chosen["SGD"].optimizer == "sgd" and chosen["SGD"].hparams["lr"] <= 0.05
    trainer = Trainer(setup, [chosen["Adam"], chosen["SGD"]])
    assert trainer.run() == {"Adam": "finished", "SGD": "finished"}
    adam, sgd = trainer.log.snapshot("Adam"), trainer.log.snapshot("SGD")
    assert len(trainer.data.train) == 6000 and len(trainer.data.val) == 1000
    # Same number of steps for both: the comparison is per step.
    assert adam.train["step"].size == sgd.train["step"].size == 4 * 94
    adam_acc, sgd_acc = float(adam.val["accuracy"][-1]), float(sgd.val["accuracy"][-1])
    assert adam_acc >= 0.90
    # The engine's number is the truth: recompute it from the weights with a plain loop.
    assert abs(_plain_accuracy(trainer.state_dict("Adam"), setup.data_seed) - adam_acc) <= 0.002
    # Hard enough that optimizers differ: plain SGD at a small rate is far behind after the same steps.
    assert sgd_acc <= adam_acc - 0.25
    assert float(sgd.val["loss"][-1]) > 2 * float(adam.val["loss"][-1])
