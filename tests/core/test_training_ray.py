"""A sweep through a real local Ray instance (loopback only): same files, rows streamed back."""

from __future__ import annotations

import json

import pytest

from cnnviz.core.training.config import TrainSetup
from cnnviz.core.training.executors import RayExecutor
from cnnviz.core.training.sweeps import Sweep, SweepSpec, read_sweep_csv

ray = pytest.importorskip("ray")  # the `ray` extra; CI installs it with `test`


@pytest.mark.slow  # starting Ray takes seconds
def test_tiny_sweep_through_a_real_local_ray(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("RAY_AUTH_MODE", "disabled")  # loopback only: no token written to the home folder
    ray.init(num_cpus=2, include_dashboard=False, _node_ip_address="127.0.0.1", log_to_driver=False)
    try:
        setup = TrainSetup(model="lenet5", dataset="digits", epochs=1, batch_size=16, train_limit=32,
                           val_limit=16)
        spec = SweepSpec.grid(setup, ["sgd"], [0.05, 1e5], seeds=1)
        sweep = Sweep(spec, out_dir=tmp_path, executor=RayExecutor(workers=2))
        summary = sweep.run()
        streamed = sweep.poll()
        assert ray.is_initialized()  # it used the caller's Ray and left it running
    finally:
        ray.shutdown()
    assert {r["run"]: r["status"] for r in summary["runs"]} == {"sgd lr=0.05 seed=0": "finished",
                                                                "sgd lr=1e+05 seed=0": "diverged"}
    on_disk = read_sweep_csv(tmp_path / "metrics.csv")
    assert streamed and len(on_disk) == len(streamed)
    assert {(r["run"], r["split"], r["step"]) for r in on_disk} == {
        (r["run"], r["split"], r["step"]) for r in streamed}
    first = [r["loss"] for r in on_disk if r["split"] == "train" and r["step"] == 1]
    assert len(first) == 2 and first[0] == first[1]  # one seed: same start, same first batch
    saved = json.loads((tmp_path / "summary.json").read_text())
    assert saved["tuned"]["sgd"]["lr"] == 0.05 and saved["table"][1]["state"] == "diverged"
