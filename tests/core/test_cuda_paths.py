"""On a GPU: device choice, the session's forward on CUDA, a real out-of-memory fallback, attribution and training.

Skipped without CUDA (CI has none); run on a GPU machine with
``pytest tests/core/test_cuda_paths.py tests/core/test_atlas_cuda.py``.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch

from cnnviz.core.device import resolve_device, with_cpu_fallback
from cnnviz.core.models import build_model
from cnnviz.core.probe import capture, hook_count
from cnnviz.core.session import session_for_module

pytestmark = pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA device")


@pytest.fixture(autouse=True)
def _full_fp32():
    """Compare in full float32: TF32 convolutions and matrix products are 10-bit-mantissa on purpose."""
    saved = torch.backends.cudnn.allow_tf32, torch.backends.cuda.matmul.allow_tf32
    torch.backends.cudnn.allow_tf32 = torch.backends.cuda.matmul.allow_tf32 = False
    yield
    torch.backends.cudnn.allow_tf32, torch.backends.cuda.matmul.allow_tf32 = saved


def test_auto_picks_the_gpu_and_unknown_gpus_are_refused() -> None:
    from cnnviz.core.errors import DeviceError

    assert resolve_device("auto") == torch.device("cuda:0")
    assert resolve_device("cuda").type == "cuda"
    with pytest.raises(DeviceError, match="cuda:99"):
        resolve_device("cuda:99")


def test_capture_on_cuda_equals_the_cpu() -> None:
    torch.manual_seed(0)
    model = build_model("resnet18", seed=0).eval()
    x = torch.randn(1, 3, 224, 224)
    cpu = capture(model, x, "all")
    gpu_model = build_model("resnet18", seed=0).eval().cuda()
    gpu = capture(gpu_model, x.cuda(), "all")
    for key in ("conv1", "layer2.0.bn1", "layer4.1.conv2", "fc"):
        a, b = cpu.layers[key], gpu.layers[key].cpu()
        torch.testing.assert_close(b, a, rtol=1e-3, atol=1e-3)  # cuDNN's algorithms sum in another order
    assert hook_count(gpu_model) == 0


def test_a_real_out_of_memory_falls_back_to_the_cpu() -> None:
    """A GPU limited to a sliver of its memory runs out for real; the work is redone on the CPU."""
    model = build_model("vgg16", seed=0).eval()
    x = torch.randn(1, 3, 224, 224)
    expected = model(x).detach()
    torch.cuda.empty_cache()
    torch.cuda.set_per_process_memory_fraction(0.0005)  # about 70 MB of an H200: VGG-16's weights do not fit
    try:
        said: list[str] = []

        def work(dev: torch.device) -> torch.Tensor:
            return model.to(dev)(x.to(dev)).detach().cpu()

        out, used = with_cpu_fallback(work, torch.device("cuda:0"), said.append)
    finally:
        torch.cuda.set_per_process_memory_fraction(1.0)
        model.cpu()
        torch.cuda.empty_cache()
    assert used.type == "cpu" and said and "ran out of memory" in said[0]
    torch.testing.assert_close(out, expected)


def test_session_forward_runs_on_the_gpu_through_exclusive() -> None:
    session = session_for_module(build_model("lenet5", seed=0), (1, 32, 32), name="lenet5")
    x = torch.randn(1, 1, 32, 32)
    with session.exclusive() as model:
        cpu = model(x).detach()
        model.cuda()
        gpu = model(x.cuda()).detach().cpu()
        model.cpu()
    torch.testing.assert_close(gpu, cpu, rtol=1e-4, atol=1e-4)


def test_attribution_on_cuda_equals_the_cpu() -> None:
    from cnnviz.core.attribution import compute

    model = build_model("resnet18", seed=0).eval()
    x = torch.randn(1, 3, 96, 96)
    for method in ("gradcam", "saliency", "ig"):
        cpu = compute(method, model, x, "top", layer="layer4")
        gpu = compute(method, build_model("resnet18", seed=0).eval().cuda(), x.cuda(), "top", layer="layer4")
        np.testing.assert_allclose(gpu.normalized(), cpu.normalized(), atol=2e-2)


def test_training_on_cuda_learns_and_matches_the_cpu_start() -> None:
    from cnnviz.core.training import Trainer, TrainSetup
    from cnnviz.core.training.config import RunConfig

    runs = [RunConfig("SGD", "sgd", {"lr": 0.05})]
    cuda = Trainer(TrainSetup(model="lenet5", dataset="digits", epochs=2, device="cuda"), runs)
    cuda.run()
    cpu = Trainer(TrainSetup(model="lenet5", dataset="digits", epochs=1, device="cpu"), runs)
    cpu.run()
    first_gpu = cuda.log.snapshot("SGD").train["loss"][0]
    first_cpu = cpu.log.snapshot("SGD").train["loss"][0]
    assert first_gpu == pytest.approx(first_cpu, rel=1e-3)  # same weights, same first batch
    losses = cuda.log.snapshot("SGD").train["loss"]
    assert losses[-10:].mean() < losses[:10].mean()


def test_a_cpu_snapshot_shown_on_a_cuda_model_gives_the_cpu_output_and_is_put_back() -> None:
    """The time-lapse keeps snapshots on the CPU; showing one on a GPU model moves it there and restores the model."""
    from cnnviz.core.weights_view import swapped_weights

    gpu = build_model("lenet5", seed=0).eval().cuda()
    own = {k: v.detach().clone() for k, v in gpu.state_dict().items()}
    later = build_model("lenet5", seed=7).eval()  # a "snapshot": other weights, on the CPU
    snapshot = {k: v.detach().clone() for k, v in later.state_dict().items()}
    x = torch.randn(2, 1, 32, 32, generator=torch.Generator().manual_seed(1))
    with torch.no_grad(), swapped_weights(gpu, snapshot) as model:
        shown = model(x.cuda()).cpu()
        expected = later(x)
    assert torch.allclose(shown, expected, atol=1e-5), (shown - expected).abs().max()
    after = gpu.state_dict()
    assert all(after[k].device.type == "cuda" and torch.equal(after[k].cpu(), v.cpu()) for k, v in own.items())
    assert all(torch.equal(snapshot[k], v) for k, v in later.state_dict().items())  # the snapshot is untouched
