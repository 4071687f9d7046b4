"""Consent before cnnviz runs Python code that a file names.

A model may be given as ``path/to/file.py:Class`` or ``package.module:factory``.
Building such a model imports the file or module, which runs its code. That is
what a user wants when *they* type the name, and remote code execution when a
lesson, a preset or a settings file someone sent them names it.

So importing user code is **denied by default**, at the one place that does it
(:mod:`cnnviz.core.models.custom`). A spec is allowed when:

* the user typed it themselves (command line ``--model``, the model box):
  the entry point calls :func:`approve_typed`;
* the user answered an explicit question that named the file or module
  (the window asks when a lesson names code): :func:`approve`, optionally
  :func:`remember` for that exact file content (by SHA-256, nothing broader);
* its file content was remembered before (:func:`is_approved` reads the store).

A ``module:factory`` from the standard library is refused outright, whoever
asks (``os:system``, ``subprocess:run``, ``sys:exit`` ...): no answer makes it a
model. Checking that a factory returns an ``nn.Module`` happens after the
import, before it is called (see ``custom.py``).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from cnnviz.core.errors import ModelError, shorten

#: The remembered approvals (file hashes) are a small JSON list; refuse anything bigger.
_STORE_MAX_BYTES = 1 << 20
#: Python files bigger than this are not hashed for a remembered approval (and never remembered).
_HASH_MAX_BYTES = 64 << 20


class UntrustedCodeError(ModelError):
    """A model spec names Python code that nobody approved; it was not run."""

    def __init__(self, request: CodeRequest) -> None:
        super().__init__(
            f"{shorten(request.spec)} names Python code ({request.describe()}) that was not approved, "
            "so it was not run."
        )
        self.request = request


class RefusedFactoryError(ModelError):
    """A ``module:factory`` spec names something that cannot be a model (e.g. the standard library)."""


@dataclass(frozen=True)
class CodeRequest:
    """The code a model spec would run: a Python file or an importable module."""

    spec: str
    kind: Literal["file", "module"]
    target: str  # absolute path of the file, or the dotted module name
    attr: str  # the class or factory after the colon

    def describe(self) -> str:
        """A phrase for a person: what would run."""
        if self.kind == "file":
            return f"the Python file {self.target}, object {self.attr}"
        return f"the Python module {self.target}, object {self.attr}"

    @property
    def key(self) -> str:
        """Identity of the code for this process's approvals."""
        return f"{self.kind}:{self.target}"


def names_code(spec: str) -> bool:
    """True for ``file.py:Name`` and ``package.module:name`` specs (which would import Python code)."""
    if ":" not in spec:
        return False
    target, _, attr = spec.rpartition(":")
    return bool(target) and attr.isidentifier()


def is_file_spec(target: str) -> bool:
    """True when the part before the colon names a file rather than a module."""
    return target.endswith(".py") or "/" in target or "\\" in target or target.startswith("~")


def code_request(spec: str, base_dir: str | os.PathLike[str] | None = None) -> CodeRequest:
    """What ``spec`` (``file.py:Name`` or ``module:name``) would run.

    Relative file paths are resolved against ``base_dir`` (a lesson's folder)
    or the working directory. Nothing is imported or executed.
    """
    target, _, attr = spec.rpartition(":")
    if is_file_spec(target):
        path = Path(target).expanduser()
        if not path.is_absolute() and base_dir is not None:
            path = Path(base_dir) / path
        try:
            resolved = str(path.resolve())
        except (OSError, RuntimeError):
            resolved = str(path.absolute())
        return CodeRequest(spec=spec, kind="file", target=resolved, attr=attr)
    return CodeRequest(spec=spec, kind="module", target=target.strip(), attr=attr)


def with_base_dir(spec: str, base_dir: str | os.PathLike[str]) -> str:
    """``spec`` with a relative file path made absolute against ``base_dir`` (module specs unchanged)."""
    request = code_request(spec, base_dir)
    return f"{request.target}:{request.attr}" if request.kind == "file" else spec


def check_not_standard_library(request: CodeRequest) -> None:
    """Refuse a module spec whose top-level package is part of Python itself."""
    if request.kind != "module":
        return
    top = request.target.split(".", 1)[0]
    if top in sys.stdlib_module_names or top in sys.builtin_module_names or top in ("builtins", "__main__"):
        raise RefusedFactoryError(
            f"{shorten(request.spec)} names {request.target!r}, part of Python's standard library, not a "
            "model. Give a file.py:Class or package.module:factory that returns a torch.nn.Module."
        )


def file_sha256(path: str | os.PathLike[str]) -> str | None:
    """SHA-256 of a regular file of reasonable size, else None (never reads a FIFO or device)."""
    p = Path(path)
    try:
        st = p.stat()
    except OSError:
        return None
    import stat as _stat

    if not _stat.S_ISREG(st.st_mode) or st.st_size > _HASH_MAX_BYTES:
        return None
    digest = hashlib.sha256()
    try:
        with open(p, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


# ---------------------------------------------------------------- approvals

_lock = threading.Lock()
#: key -> SHA-256 approved (None: any content, the user typed the name themselves).
_approved: dict[str, str | None] = {}


def approve_typed(spec: str) -> None:
    """The user typed ``spec`` themselves (command line, model box): allow its code in this process."""
    request = code_request(spec)
    with _lock:
        _approved[request.key] = None


def approve(request: CodeRequest) -> None:
    """The user answered Yes to a question naming ``request``: allow this content in this process."""
    digest = file_sha256(request.target) if request.kind == "file" else None
    with _lock:
        if _approved.get(request.key, "") is not None:  # a typed approval (None) stays wider
            _approved[request.key] = digest if request.kind == "file" else None


def approval_record(spec: str) -> dict[str, str | None] | None:
    """This process's approval of ``spec``, to hand to a worker process (None when not approved).

    A worker (a sweep's training process) builds the model again and starts
    with no approvals of its own; :func:`adopt` gives it exactly this one.
    """
    if not names_code(spec):
        return None
    request = code_request(spec)
    if not is_approved(request):
        return None
    with _lock:
        typed = request.key in _approved and _approved[request.key] is None
    digest = None if typed or request.kind == "module" else file_sha256(request.target)
    return {"key": request.key, "sha256": digest}


def adopt(record: dict[str, str | None] | None) -> None:
    """Take over an approval made in the parent process (see :func:`approval_record`)."""
    if not record or not isinstance(record.get("key"), str):
        return
    with _lock:
        _approved[str(record["key"])] = record.get("sha256")


def revoke_all() -> None:
    """Forget this process's approvals (tests; a new session)."""
    with _lock:
        _approved.clear()


def is_approved(request: CodeRequest) -> bool:
    """True when the code of ``request`` may run now (see the module docstring)."""
    with _lock:
        present = request.key in _approved
        wanted = _approved.get(request.key)
    if present and (wanted is None or request.kind == "module"):
        return True
    if request.kind != "file":
        return False
    digest = file_sha256(request.target)
    if digest is None:
        return False
    if present and wanted == digest:
        return True
    return digest in _remembered()


def store_path() -> Path:
    """Where remembered approvals live: ``trusted-code.json`` in the user's config folder."""
    import platformdirs

    return Path(platformdirs.user_config_dir("cnnviz", appauthor=False)) / "trusted-code.json"


def _remembered() -> set[str]:
    path = store_path()
    try:
        if not path.is_file() or path.stat().st_size > _STORE_MAX_BYTES:
            return set()
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return set()
    if not isinstance(data, dict) or not isinstance(data.get("sha256"), list):
        return set()
    return {h for h in data["sha256"] if isinstance(h, str) and len(h) == 64}


def remember(request: CodeRequest) -> bool:
    """Remember the approval of this exact file content for later sessions; False if it cannot be."""
    if request.kind != "file":
        return False
    digest = file_sha256(request.target)
    if digest is None:
        return False
    from cnnviz.core.settings_io import atomic_path

    hashes = sorted(_remembered() | {digest})
    try:
        with atomic_path(store_path()) as tmp:
            tmp.write_text(json.dumps({"sha256": hashes}, indent=1), encoding="utf-8")
    except OSError:
        return False
    return True


def forget_remembered() -> None:
    """Delete every remembered approval."""
    with contextlib.suppress(FileNotFoundError):
        store_path().unlink()
