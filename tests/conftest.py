"""Test-wide set-up: no display, no network, no writes outside tmp dirs."""

from __future__ import annotations

import os
import socket
import tempfile

# Before Qt or torch are imported anywhere.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_SANDBOX = tempfile.mkdtemp(prefix="cnnviz-tests-")
for var, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache"), ("TORCH_HOME", "torch"),
                 ("XDG_DATA_HOME", "data"), ("CNNVIZ_HOME", "cnnviz")):
    os.environ[var] = os.path.join(_SANDBOX, sub)
    os.makedirs(os.environ[var], exist_ok=True)

import pytest  # noqa: E402
import torch  # noqa: E402

# Two xdist workers on two cores: one intra-op thread each avoids oversubscription.
torch.set_num_threads(1)

_real_connect = socket.socket.connect


def _guarded_connect(self: socket.socket, address: object) -> object:
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, str) and (host.startswith("127.") or host in ("localhost", "::1", "")):
        return _real_connect(self, address)
    if self.family == socket.AF_UNIX:
        return _real_connect(self, address)
    raise OSError(f"tests must not touch the network (tried {address!r})")


socket.socket.connect = _guarded_connect  # type: ignore[method-assign]


@pytest.fixture
def sandbox_dir() -> str:
    """The per-session folder that stands in for the user's config / cache."""
    return _SANDBOX
