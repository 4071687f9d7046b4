"""The CAM family against hand computations, captum's LayerGradCam, and DenseNet's in-place ending."""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from attribution_nets import DenseLike, Split, image, plain_net, split_net

from cnnviz.core.attribution import compute, compute_many, default_layer, list_methods
from cnnviz.core.attribution.cam import grad_cam
from cnnviz.core.probe import hook_count

CAMS = [m.name for m in list_methods("cam")]


def _a_and_g(model, x: torch.Tensor, c: int) -> tuple[torch.Tensor, torch.Tensor]:
    """A = features(x) and ∂y_c/∂A by running the two halves by hand (no hooks)."""
    a = model.features(x).detach().requires_grad_(True)
    y = model.head(a)[0, c]
    (g,) = torch.autograd.grad(y, a)
    return a.detach()[0].double(), g[0].double()


def _by_hand(method: str, a: torch.Tensor, g: torch.Tensor) -> np.ndarray:
    """Each paper's formula written out with explicit loops over channels."""
    k = a.shape[0]
    total = torch.zeros(a.shape[1:], dtype=torch.float64)
    for ch in range(k):
        ak, gk = a[ch], g[ch]
        if method == "gradcam":
            total += gk.mean() * ak
        elif method == "hirescam":
            total += gk * ak
        elif method == "layercam":
            total += torch.clamp(gk, min=0) * ak
        elif method == "xgradcam":
            total += (gk * ak / (ak.sum() + 1e-7)).sum() * ak
        elif method == "gradcampp":
            s = ak.sum()
            w = 0.0
            for i in range(ak.shape[0]):
                for j in range(ak.shape[1]):
                    gij = float(gk[i, j])
                    if gij != 0:
                        alpha = gij**2 / (2 * gij**2 + float(s) * gij**3 + 1e-6)
                        w += alpha * max(gij, 0.0)
            total += w * ak
    return np.maximum(total.numpy(), 0)


@pytest.mark.parametrize("method", ["gradcam", "gradcampp", "hirescam", "xgradcam", "layercam"])
def test_gradient_cams_match_their_formulas(method: str) -> None:
    model = split_net()
    x = image(size=8)
    for c in range(4):
        amap = compute(method, model, x, c, layer="features")
        a, g = _a_and_g(model, x, c)
        expected = _by_hand(method, a, g)
        np.testing.assert_allclose(amap.layer_map, expected, rtol=1e-4, atol=1e-7)
        up = F.interpolate(torch.from_numpy(expected)[None, None].float(), size=(8, 8), mode="bilinear",
                           align_corners=False)[0, 0].numpy()
        np.testing.assert_allclose(amap.map, up, rtol=1e-4, atol=1e-7)
        assert amap.map.shape == (8, 8) and amap.map.dtype == np.float32
        assert amap.target.class_index == c and amap.layer == "features"
    assert hook_count(model) == 0


def test_hirescam_is_gradient_times_activation_summed_over_channels() -> None:
    model = split_net(seed=5)
    x = image(seed=7)
    a, g = _a_and_g(model, x, 2)
    amap = compute("hirescam", model, x, 2, layer="features")
    np.testing.assert_allclose(amap.layer_map, np.maximum((g * a).sum(0).numpy(), 0), rtol=1e-5, atol=1e-8)


def test_grad_cam_equals_captum_layer_grad_cam_and_the_inspect_tab() -> None:
    from captum.attr import LayerGradCam

    model = split_net(seed=2)
    x = image(seed=3)
    for c in range(4):
        ours = compute("gradcam", model, x, c, layer="features")
        theirs = LayerGradCam(model, model.features).attribute(x, target=c, relu_attributions=True)
        np.testing.assert_allclose(ours.layer_map, theirs[0, 0].detach().numpy(), rtol=1e-5, atol=1e-7)
        legacy = grad_cam(model, x, "features", class_index=c)
        np.testing.assert_allclose(ours.layer_map, legacy.layer_map, rtol=1e-6, atol=1e-8)


def test_normalized_cam_is_pytorch_grad_cams_scale_then_cv2_resize() -> None:
    import cv2

    model = split_net(seed=9)
    x = image(seed=4, size=8)
    for method in ("gradcam", "layercam"):
        amap = compute(method, model, x, 0, layer="features")
        cam = amap.layer_map - amap.layer_map.min()  # scale_cam_image: subtract min, divide by max
        cam = cam / (1e-7 + cam.max())
        expected = cv2.resize(cam.astype(np.float32), (8, 8), interpolation=cv2.INTER_LINEAR)
        np.testing.assert_allclose(amap.normalized(), expected, rtol=1e-4, atol=1e-5)  # their ε = 1e-7


def test_eigen_cam_is_the_first_principal_component() -> None:
    model = split_net(seed=4)
    x = image(seed=5)
    amap = compute("eigencam", model, x, layer="features")
    a = model.features(x).detach()[0].double().numpy()
    k, h, w = a.shape
    m = a.reshape(k, h * w).T
    m = m - m.mean(axis=0)
    _, _, vt = np.linalg.svd(m, full_matrices=False)
    proj = m @ vt[0]
    if np.corrcoef(proj, a.reshape(k, -1).sum(0))[0, 1] < 0:  # the sign that points where the layer fires
        proj = -proj
    np.testing.assert_allclose(amap.layer_map, np.maximum(proj, 0).reshape(h, w), rtol=1e-4, atol=1e-6)
    # the same map whatever the class: Eigen-CAM does not look at the target
    np.testing.assert_array_equal(compute("eigencam", model, x, 3, layer="features").map, amap.map)


@pytest.mark.parametrize("weighting", ["channel_softmax", "probability"])
def test_score_cam_matches_a_loop_over_channels(weighting: str) -> None:
    model = split_net(seed=6)
    x = image(seed=8)
    c = 1
    amap = compute("scorecam", model, x, c, layer="features", batch_size=2, weighting=weighting)
    a = model.features(x).detach()[0]
    scores = []
    for k in range(a.shape[0]):  # one masked image at a time
        up = F.interpolate(a[k][None, None], size=(8, 8), mode="bilinear", align_corners=False)[0, 0]
        mask = (up - up.min()) / (up.max() - up.min()) if up.max() > up.min() else torch.zeros_like(up)
        with torch.no_grad():
            logits = model(x * mask)[0]
        scores.append(float(logits[c]) if weighting == "channel_softmax" else float(torch.softmax(logits, 0)[c]))
    s = np.array(scores)
    wts = np.exp(s - s.max()) / np.exp(s - s.max()).sum() if weighting == "channel_softmax" else s
    expected = np.maximum((wts[:, None, None] * a.double().numpy()).sum(0), 0)
    np.testing.assert_allclose(amap.layer_map, expected, rtol=1e-4, atol=1e-7)
    assert amap.forward_passes == 1 + a.shape[0]


def _library_style_grad_cam(model, x: torch.Tensor, layer, c: int) -> np.ndarray:
    """What pytorch-grad-cam's ActivationsAndGradients reads on the CPU: a reference to the layer's
    output (``output.cpu().detach()`` shares memory) and the gradient from a tensor hook on it."""
    acts, grads = [], []

    def hook(module, args, output):
        acts.append(output.cpu().detach())
        output.register_hook(lambda g: grads.append(g.detach()))

    handle = layer.register_forward_hook(hook)
    try:
        out = model(x.clone().requires_grad_(True))
        out[0, c].backward()
    finally:
        handle.remove()
    a, g = acts[0][0].double(), grads[0][0].double()
    return np.maximum((g.mean(dim=(1, 2))[:, None, None] * a).sum(0).numpy(), 0)


def _norm_up(m: np.ndarray, size: int) -> np.ndarray:
    m = (m - m.min()) / (m.max() - m.min())
    return F.interpolate(torch.from_numpy(m)[None, None].float(), size=(size, size), mode="bilinear",
                         align_corners=False)[0, 0].numpy()


def test_densenet_pattern_keeps_the_true_output_and_reports_the_library_difference() -> None:
    model = DenseLike().eval()
    x = image(seed=11, size=6)
    with torch.no_grad():
        c = int(model(x)[0].argmax())
    amap = compute("gradcam", model, x, c, layer="features")
    # the true output: A = features(x) before the in-place ReLU, gradient by autograd
    a = model.features(x).detach().requires_grad_(True)
    y = model.classifier(F.adaptive_avg_pool2d(F.relu(a), 1).flatten(1))[0, c]
    (g,) = torch.autograd.grad(y, a)
    true_a, g = a.detach()[0].double(), g[0].double()
    assert (true_a < 0).any(), "the test needs negative values for the in-place ReLU to overwrite"
    ours = np.maximum((g.mean(dim=(1, 2))[:, None, None] * true_a).sum(0).numpy(), 0)
    np.testing.assert_allclose(amap.layer_map, ours, rtol=1e-5, atol=1e-7)
    # what a library reads: the overwritten tensor (checked against pytorch-grad-cam's way of hooking)
    library = np.maximum((g.mean(dim=(1, 2))[:, None, None] * true_a.clamp(min=0)).sum(0).numpy(), 0)
    np.testing.assert_allclose(_library_style_grad_cam(model, x, model.features, c), library, rtol=1e-5,
                               atol=1e-7)
    figure = float(np.abs(_norm_up(ours, 6) - _norm_up(library, 6)).max())
    assert figure > 0.01
    assert amap.extras["library_difference"] == pytest.approx(figure, abs=1e-5)
    assert any("overwritten in place" in n and f"{figure:.2f}" in n for n in amap.notes)
    assert hook_count(model) == 0
    # the same model without the in-place write: no note, same map
    clean = compute("gradcam", DenseLike(inplace=False).eval(), x, c, layer="features")
    assert not clean.notes and "library_difference" not in clean.extras
    np.testing.assert_allclose(clean.layer_map, amap.layer_map, rtol=1e-6)


def test_every_cam_checks_the_overwrite() -> None:
    model = DenseLike(seed=3).eval()
    x = image(seed=2, size=6)
    result = compute_many(CAMS, model, x, layer="features")
    for name in ("gradcam", "gradcampp", "xgradcam", "eigencam"):
        amap = result.maps[name]
        assert amap.extras["library_difference"] > 0.005, name
        assert any("overwritten in place" in n for n in amap.notes), name
    # Score-CAM: noted, with no figure (it would take another pass per channel)
    assert any("overwritten in place" in n for n in result.maps["scorecam"].notes)
    # HiResCAM and LayerCAM weigh A position by position with ∂y/∂A, which is 0 wherever the ReLU
    # changed A: the same maps, no note
    for name in ("hirescam", "layercam"):
        assert result.maps[name].extras["library_difference"] < 1e-6 and not result.maps[name].notes


class _Block(torch.nn.Module):
    """A ResNet basic block: conv-ReLU-conv, plus the input, ReLU."""

    def __init__(self) -> None:
        super().__init__()
        self.conv1, self.conv2 = torch.nn.Conv2d(4, 4, 3, padding=1), torch.nn.Conv2d(4, 4, 3, padding=1)
        self.relu = torch.nn.ReLU(inplace=True)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.relu(self.conv2(self.relu(self.conv1(x))) + x)


class _ResNetLike(torch.nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.conv1 = torch.nn.Conv2d(3, 4, 3, padding=1)
        self.layer1 = torch.nn.Sequential(_Block())
        self.layer4 = torch.nn.Sequential(_Block(), _Block())
        self.avgpool = torch.nn.AdaptiveAvgPool2d(1)
        self.fc = torch.nn.Linear(4, 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc(torch.flatten(self.avgpool(self.layer4(self.layer1(self.conv1(x)))), 1))


def test_default_layer_is_the_last_convolutional_stage() -> None:
    # the outermost module holding the last convolution whose output is still a map
    assert default_layer(_ResNetLike(), image()) == "layer4"  # as torchvision's ResNets are built
    vgg_like = Split(torch.nn.Sequential(torch.nn.Conv2d(3, 4, 3), torch.nn.ReLU(), torch.nn.MaxPool2d(2)),
                     torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(36, 2)))
    assert default_layer(vgg_like, image()) == "features"  # VGG, AlexNet: features ends in a max pool
    assert default_layer(DenseLike(), image()) == "features"
    # no such ancestor (``head`` ends in class scores; a flat Sequential): the convolution itself
    assert default_layer(split_net(), image()) == "head.0"
    assert default_layer(plain_net(), image()) == "3"
    assert compute("gradcam", split_net(), image()).layer == "head.0"
