"""Other weights in a session's model for one block, and never left behind."""

from __future__ import annotations

import copy
import threading

import pytest
import torch
from torch import nn

from cnnviz.core.errors import ConfigError
from cnnviz.core.session import SessionBusyError, session_for_module
from cnnviz.core.weights_view import check_fits, session_with_weights, swapped_weights


def _net(seed: int) -> nn.Module:
    torch.manual_seed(seed)
    net = nn.Sequential(nn.Conv2d(1, 4, 3), nn.BatchNorm2d(4), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 6 * 6, 3))
    net.train()
    net(torch.randn(5, 1, 8, 8))  # non-trivial running statistics
    return net.eval()


def _clone(sd):
    return {k: v.clone() for k, v in sd.items()}


def test_the_block_runs_the_other_weights_and_the_module_gets_its_own_back():
    model, other = _net(0), _net(1)
    own = _clone(model.state_dict())
    state = _clone(other.state_dict())
    frozen = _clone(state)
    params_before = [id(p) for p in model.parameters()]
    x = torch.randn(2, 1, 8, 8)
    reference = copy.deepcopy(model)
    reference.load_state_dict(state)  # the independent way: a copy with the snapshot loaded
    with swapped_weights(model, state):
        torch.testing.assert_close(model(x), reference(x))
        torch.testing.assert_close(model[1].running_mean, state["1.running_mean"])
    for k, v in model.state_dict().items():
        assert torch.equal(v, own[k]), k
    assert [id(p) for p in model.parameters()] == params_before  # the same Parameter objects
    for k, v in state.items():
        assert torch.equal(v, frozen[k])  # the snapshot was never written to


def test_an_error_inside_the_block_still_restores_and_misfits_are_refused():
    model = _net(0)
    own = _clone(model.state_dict())
    with pytest.raises(RuntimeError, match="boom"), swapped_weights(model, _net(1).state_dict()):
        raise RuntimeError("boom")
    for k, v in model.state_dict().items():
        assert torch.equal(v, own[k])
    bad = _clone(model.state_dict())
    bad["0.weight"] = torch.zeros(5, 1, 3, 3)
    del bad["4.bias"]
    with pytest.raises(ConfigError, match="another shape.*missing"):
        check_fits(model, bad)
    with pytest.raises(ConfigError), swapped_weights(model, bad):
        pass
    for k, v in model.state_dict().items():
        assert torch.equal(v, own[k])


def test_a_session_view_shows_the_snapshot_and_shares_the_lock():
    model, other = _net(0), _net(1)
    session = session_for_module(model, (1, 8, 8))
    view = session_with_weights(session, other.state_dict(), "step 7")
    assert view.session_id == session.session_id and view.view_label == "step 7"
    assert torch.equal(torch.from_numpy(view.weight_of("0")), other[0].weight)
    assert torch.equal(torch.from_numpy(session.weight_of("0")), model[0].weight)
    assert torch.equal(torch.from_numpy(view.bias_of("4")), other[4].bias)
    holding, release = threading.Event(), threading.Event()

    def hold():
        with session.exclusive():
            holding.set()
            release.wait(5)

    t = threading.Thread(target=hold)
    t.start()
    holding.wait(5)
    try:
        with pytest.raises(SessionBusyError), view.exclusive(timeout=0.05):
            pass
    finally:
        release.set()
        t.join()
    with pytest.raises(ConfigError):
        session_with_weights(session, {"0.weight": torch.zeros(1)})


def test_a_lenet5_snapshot_saved_with_numbered_layers_is_shown_like_a_named_one() -> None:
    """Time-lapse snapshots kept before LeNet-5's layers got the paper's names (0.weight, 3.weight …) still show."""
    from cnnviz.core.models import build_model

    model = build_model("lenet5", seed=0).eval()
    later = build_model("lenet5", seed=4).eval()
    old_names = {"C1": "0", "C3": "3", "C5": "6", "F6": "9", "OUT": "11"}  # the paper's table by position
    numbered = {old_names[k.split(".")[0]] + "." + k.split(".", 1)[1]: v for k, v in later.state_dict().items()}
    check_fits(model, numbered)
    x = torch.randn(2, 1, 32, 32, generator=torch.Generator().manual_seed(0))
    with torch.no_grad(), swapped_weights(model, numbered) as m:
        shown = m(x)
    with torch.no_grad():
        assert torch.equal(shown, later(x))
    assert "0.weight" not in dict(model.named_parameters())  # the module keeps its own names
