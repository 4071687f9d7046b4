"""Issue 16 (GUI): the "Why this class?" panel must not make the Inspect tab wait.

While the panel computes its maps, the Inspect tab still needs the model
(``session.exclusive()``) for a new image's forward pass or a unit's receptive
field. The panel computes on its own copy of the model (``ModelCopy``); the
naive way holds ``session.exclusive()`` for the whole job. Measured in the same
run, on ResNet-18 at 224×224: the longest wait for the model while the maps
compute, as a share of the job's time (the copy's own one-time hold is
reported next to it).
"""

from __future__ import annotations

import threading
import time


def _longest_wait(limit_bytes: int, methods: tuple[str, ...]) -> tuple[float, float, float]:
    """(longest wait for session.exclusive(), job seconds, seconds of the first hold that makes the copy)."""
    import torch

    from cnnviz.core.attribution import Target
    from cnnviz.core.progress import CancelToken
    from cnnviz.core.session import open_session
    from cnnviz.core.weights import load_model
    from cnnviz.gui.inspect.attribution.jobs import MapsRequest, ModelCopy, job_maps

    session = open_session(load_model("resnet18", "random", seed=0), weights="random")
    x = torch.randn(1, 3, 224, 224, generator=torch.Generator().manual_seed(0))
    model_copy = ModelCopy(session, limit_bytes=limit_bytes)
    t = time.perf_counter()
    with model_copy.exclusive():  # the first use makes the copy (or finds the model too big)
        pass
    first_hold = time.perf_counter() - t
    request = MapsRequest(methods, Target.top(), None)
    job = threading.Thread(target=lambda: job_maps(progress=lambda *a: None, cancel=CancelToken(),
                                                   model_copy=model_copy, tensor=x, request=request, image_id=1))
    start = time.perf_counter()
    job.start()
    time.sleep(0.2)
    waits = []
    while job.is_alive():
        t = time.perf_counter()
        with session.exclusive():  # what Inspect's next forward pass does
            pass
        waits.append(time.perf_counter() - t)
        time.sleep(0.02)
    job.join()
    return max(waits, default=0.0), time.perf_counter() - start, first_hold


def run(quick: bool = False) -> list[dict]:
    """The longest wait for the model while the maps compute, with the panel's copy and holding the session."""
    methods = ("gradcam", "saliency", "smoothgrad") if quick else ("gradcam", "saliency", "ig", "guidedbackprop",
                                                                      "occlusion")
    copy_wait, copy_job, copy_hold = _longest_wait(1 << 40, methods)
    naive_wait, naive_job, _ = _longest_wait(0, methods)
    copy_share, naive_share = copy_wait / copy_job, naive_wait / naive_job
    return [{
        "name": "attribution panel: longest Inspect wait for the model while maps compute / job time",
        "value": round(copy_share, 4),
        "target": "<= 0.05 (holding the session: ~1)",
        "passed": copy_share <= 0.05,
        "unit": "share",
        "details": (f"{'+'.join(methods)} on resnet18: own copy {copy_wait * 1000:.0f} ms of {copy_job:.1f} s "
                    f"(the copy is made once per session in a {copy_hold * 1000:.0f} ms hold); holding the session "
                    f"{naive_wait * 1000:.0f} ms of {naive_job:.1f} s (share {naive_share:.2f})"),
    }]


if __name__ == "__main__":
    import sys

    for row in run(quick="--quick" in sys.argv):
        print(f"{row['name']}: {row['value']} ({row['target']}) {'ok' if row['passed'] else 'FAIL'} — {row['details']}")
