"""The model session is the one way in: concurrent readers and runners never see another thread's mutation."""

from __future__ import annotations

import threading

import pytest
import torch
from torch import nn

from cnnviz.core.models import build_model
from cnnviz.core.session import SessionBusyError, session_for_module
from cnnviz.core.summary import summarize


def _lenet_session():
    return session_for_module(build_model("lenet5", seed=0), (1, 32, 32), name="lenet5")


def test_summarize_swaps_parameters_for_meta_tensors_while_it_runs() -> None:
    """Why the lock matters: during a summary pass the module's own parameters are meta tensors."""
    model = build_model("lenet5", seed=0)
    seen: list[bool] = []
    handle = model.register_forward_hook(lambda m, a, o: seen.append(m.C1.weight.is_meta))
    try:
        summarize(model, (1, 32, 32))
    finally:
        handle.remove()
    assert seen and all(seen)  # an unlocked reader at that moment would read a meta tensor
    assert not model.C1.weight.is_meta  # and afterwards they are back


def test_readers_and_runners_under_exclusive_never_see_a_meta_tensor() -> None:
    session = _lenet_session()
    stop = threading.Event()
    problems: list[str] = []

    def summarise_again() -> None:  # what loading at another size or Explain's old path did
        while not stop.is_set():
            with session.exclusive() as model:
                summarize(model, (1, 32, 32))

    def read_kernels() -> None:
        for _ in range(200):
            w = session.weight_of("C1")
            if w is None or not torch.isfinite(torch.from_numpy(w)).all():
                problems.append("weight_of saw no real weights")

    def run_forward() -> None:
        x = torch.randn(1, 1, 32, 32)
        for _ in range(100):
            with session.exclusive() as model:
                if any(p.is_meta for p in model.parameters()):
                    problems.append("a forward pass saw meta parameters")
                model(x)

    threads = [threading.Thread(target=f) for f in (read_kernels, run_forward)]
    background = threading.Thread(target=summarise_again)
    background.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    stop.set()
    background.join(120)
    assert problems == []


def test_exclusive_gives_up_after_its_timeout_and_is_reentrant() -> None:
    session = _lenet_session()
    held = threading.Event()
    release = threading.Event()

    def hold() -> None:
        with session.exclusive():
            held.set()
            release.wait(10)

    t = threading.Thread(target=hold)
    t.start()
    held.wait(10)
    with pytest.raises(SessionBusyError, match="busy"), session.exclusive(timeout=0.05):
        pass
    release.set()
    t.join(10)
    with session.exclusive() as outer, session.exclusive(timeout=0) as inner:  # the same thread may nest
        assert outer is inner


def test_session_facts_come_from_its_summary_and_preprocessing() -> None:
    model = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(),
                          nn.Linear(4, 2))
    session = session_for_module(model, (3, 20, 24), class_names=("cat", "dog"))
    assert session.input_shape == (3, 20, 24) and session.summary.input_shape == [3, 20, 24]
    assert session.class_names == ("cat", "dog")
    assert session.first_layer_of_type("Conv2d").key == "0"
    weight = session.weight_of("0")
    torch.testing.assert_close(torch.from_numpy(weight), model[0].weight.detach())
    weight[...] = 0  # a copy: the model is untouched
    assert model[0].weight.abs().sum() > 0
