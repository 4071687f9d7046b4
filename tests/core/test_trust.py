"""Approvals of user code: typed, asked, remembered per content, and handed to worker processes."""

from __future__ import annotations

import pytest

from cnnviz.core import trust
from cnnviz.core.models import build_model


@pytest.fixture(autouse=True)
def _clean():
    trust.revoke_all()
    trust.forget_remembered()
    yield
    trust.revoke_all()
    trust.forget_remembered()


def _net(tmp_path):
    src = tmp_path / "net.py"
    src.write_text("from torch import nn\nclass Net(nn.Linear):\n    def __init__(self):\n        super().__init__(2, 2)\n")
    return src, f"{src}:Net"


def test_nothing_runs_unapproved_and_an_approval_travels_to_a_worker_for_this_content_only(tmp_path) -> None:
    src, spec = _net(tmp_path)
    with pytest.raises(trust.UntrustedCodeError, match="not approved"):
        build_model(spec)
    assert trust.approval_record(spec) is None  # nothing to hand over
    request = trust.code_request(spec)
    trust.approve(request)  # a Yes to the question
    record = trust.approval_record(spec)
    assert record == {"key": request.key, "sha256": trust.file_sha256(src)}
    trust.revoke_all()  # a fresh worker process
    trust.adopt(record)
    assert build_model(spec).out_features == 2
    src.write_text(src.read_text() + "\n# changed after the approval\n")
    with pytest.raises(trust.UntrustedCodeError):
        build_model(spec)


def test_a_typed_spec_is_approved_whatever_its_content() -> None:
    trust.approve_typed("/tmp/anything.py:Net")
    record = trust.approval_record("/tmp/anything.py:Net")
    assert record is not None and record["sha256"] is None


def test_standard_library_factories_are_refused_even_when_typed() -> None:
    trust.approve_typed("os:system")
    with pytest.raises(trust.RefusedFactoryError, match="standard library"):
        build_model("os:system", command="true")
