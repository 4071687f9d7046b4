"""safe_io: special files refused before they are read, writes that never break what is in the way.

Every test that involves a FIFO carries a timeout: before safe_io, reading a
FIFO (or /dev/zero) never returned.
"""

from __future__ import annotations

import contextlib
import os
import stat
import subprocess
import zipfile
from pathlib import Path

import numpy as np
import pytest
import torch

from cnnviz.core import safe_io
from cnnviz.core.errors import MAX_LINE, MAX_WORD, CnnvizError, ImageError, WeightsError, shorten
from cnnviz.core.images import load_image
from cnnviz.core.safe_io import (
    FileAccessError,
    OutputPathError,
    ReadOnlyFileError,
    check_output_file,
    check_output_folder,
    check_regular_file,
    read_bytes,
)
from cnnviz.core.settings_io import read_versioned_json, write_bytes_atomic, write_versioned_json
from cnnviz.core.weights import load_state_dict_file

pytestmark = pytest.mark.timeout(60)

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    path = tmp_path / "pipe.png"
    os.mkfifo(path)
    return path


def _link(tmp_path: Path, target: str, name: str) -> Path:
    if not os.path.exists(target):
        pytest.skip(f"{target} does not exist here")
    link = tmp_path / name
    link.symlink_to(target)
    return link


@contextlib.contextmanager
def immutable(path: Path):
    """``chattr +i`` for the block (root with CAP_LINUX_IMMUTABLE on ext4/xfs/tmpfs), else skip."""
    done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False) \
        if os.path.exists("/usr/bin/chattr") else None
    if done is None or done.returncode != 0:
        pytest.skip("cannot make a file immutable here (needs chattr and root)")
    try:
        yield path
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=False)


# --------------------------------------------------------------------------- reading


def test_fifo_and_devices_are_refused_without_opening(fifo: Path, tmp_path: Path) -> None:
    for path in (fifo, _link(tmp_path, "/dev/zero", "zero.png"), _link(tmp_path, "/dev/urandom", "rand.pt")):
        with pytest.raises(FileAccessError, match="not a|device|pipe"):
            check_regular_file(path)
        with pytest.raises(FileAccessError):
            read_bytes(path, limit=1 << 20)
    with pytest.raises(FileAccessError, match=r"named pipe \(FIFO\)"):
        read_bytes(fifo, limit=10)
    with pytest.raises(FileAccessError, match=r"a link to '/dev/zero'.*a device"):
        read_bytes(tmp_path / "zero.png", limit=10)
    with pytest.raises(FileAccessError, match="folder"):
        read_bytes(tmp_path, limit=10)


def test_reads_are_bounded_by_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "data.bin"
    payload = bytes(range(256)) * 40  # 10,240 bytes
    path.write_bytes(payload)
    assert read_bytes(path, limit=len(payload)) == payload
    with pytest.raises(FileAccessError, match=r"10,240 bytes.*at most 10,239 bytes"):
        read_bytes(path, limit=len(payload) - 1)
    with pytest.raises(FileAccessError, match="not found"):
        read_bytes(tmp_path / "missing.bin", limit=10)


def test_image_weights_and_settings_readers_refuse_special_files(fifo: Path, tmp_path: Path) -> None:
    zero = _link(tmp_path, "/dev/zero", "zero.png")
    urandom = _link(tmp_path, "/dev/urandom", "weights.pt")
    for path in (fifo, zero):
        with pytest.raises(ImageError, match="not a|device"):
            load_image(path)
    for path in (fifo, urandom):
        with pytest.raises(WeightsError, match="not a|device"):
            load_state_dict_file(path)
    for path in (fifo, zero):
        data, message = read_versioned_json(path, "cnnviz-settings", 1)
        assert data is None and message is not None and "cannot be read" in message
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and os.path.islink(zero)  # nothing moved aside


def test_weights_archive_that_unpacks_far_beyond_its_size_is_refused(tmp_path: Path) -> None:
    import io

    buf = io.BytesIO()
    torch.save({"w": torch.zeros(25_000_000)}, buf)  # 100 MB of tensor data, stored
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    bomb = tmp_path / "bomb.pt"
    with zipfile.ZipFile(bomb, "w") as z:  # the same records, the big one deflated
        for info in src.infolist():
            data = src.read(info)
            z.writestr(info.filename, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=1)
    declared = sum(i.file_size for i in zipfile.ZipFile(bomb).infolist())
    assert declared > 100_000_000 and bomb.stat().st_size < 2_000_000
    with pytest.raises(WeightsError, match=r"expand from .*KiB to 95\.4 MiB"):
        load_state_dict_file(bomb)
    plain = tmp_path / "plain.pt"  # torch's own (stored) archives still load
    torch.save({"w": torch.arange(6.0)}, plain)
    assert torch.equal(load_state_dict_file(plain)["w"], torch.arange(6.0))


def test_a_float32_tiff_is_loaded_and_stretched(tmp_path: Path) -> None:
    import cv2

    rng = np.random.default_rng(0)
    values = (rng.random((20, 30, 3)) * 4 - 1).astype(np.float32)  # -1..3: outside [0, 1]
    ok, buf = cv2.imencode(".tiff", values)
    assert ok
    path = tmp_path / "float.tiff"
    path.write_bytes(buf.tobytes())
    image = load_image(path)
    lo, hi = float(values.min()), float(values.max())
    expected = np.clip(np.rint((values[:, :, ::-1] - lo) / (hi - lo) * 255), 0, 255).astype(np.uint8)
    assert image.format == "TIFF" and "float" in image.original_mode
    assert np.abs(image.rgb.astype(int) - expected.astype(int)).max() <= 1
    assert any("stretched" in n for n in image.notes)


# --------------------------------------------------------------------------- writing


def test_writes_go_through_a_symlink_into_its_target(tmp_path: Path) -> None:
    target = tmp_path / "real.json"
    target.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert check_output_file(link) == target.resolve()
    write_bytes_atomic(link, b"new")
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_bytes() == b"new"


def test_devices_and_fifos_are_never_replaced(fifo: Path, tmp_path: Path) -> None:
    full = _link(tmp_path, "/dev/full", "out.npz")
    for path in (fifo, full):
        with pytest.raises(OutputPathError, match="device|pipe"):
            write_bytes_atomic(path, b"data")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert os.path.islink(full) and stat.S_ISCHR(os.stat("/dev/full").st_mode)
    with pytest.raises(OutputPathError, match="folder"):
        check_output_file(tmp_path)


def test_a_read_only_file_is_not_silently_replaced(tmp_path: Path) -> None:
    target = tmp_path / "lesson.cnnviz-lesson"
    write_versioned_json(target, "cnnviz-lesson", 1, {"a": 1})
    before = target.read_bytes()
    target.chmod(0o444)
    with pytest.raises(ReadOnlyFileError, match="read-only") as info:
        write_versioned_json(target, "cnnviz-lesson", 1, {"a": 2})
    assert isinstance(info.value, CnnvizError) and isinstance(info.value, PermissionError)
    assert info.value.path == target.resolve() and target.read_bytes() == before
    write_versioned_json(target, "cnnviz-lesson", 1, {"a": 2}, replace_read_only=True)  # the user said yes
    assert b'"a": 2' in target.read_bytes()
    assert stat.S_IMODE(target.stat().st_mode) == 0o444  # still read-only afterwards


def test_an_immutable_folder_is_reported_before_any_work(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    with immutable(folder):
        with pytest.raises(OutputPathError, match=r"locked.*(not permitted|Permission denied)"):
            check_output_folder(folder)
        with pytest.raises(OutputPathError, match=r"out\.json"):
            check_output_file(folder / "out.json")
        with pytest.raises(OutputPathError):
            check_output_folder(folder / "sub" / "deeper")
    assert list(folder.iterdir()) == []  # the probe left nothing behind


def test_an_immutable_file_is_reported(tmp_path: Path) -> None:
    target = tmp_path / "settings.json"
    target.write_text("{}")
    with immutable(target), pytest.raises(OutputPathError, match="immutable"):
        check_output_file(target)


@pytest.mark.skipif(IS_ROOT, reason="root writes into read-only folders")
def test_a_read_only_folder_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(OutputPathError, match="Permission denied"):
            check_output_file(folder / "x.npz")
    finally:
        folder.chmod(0o755)


def test_a_file_in_the_way_of_the_folder_is_named(tmp_path: Path) -> None:
    blocker = tmp_path / "results"
    blocker.write_text("x")
    with pytest.raises(OutputPathError, match=r"results.*not a folder"):
        check_output_folder(blocker / "run1")


# --------------------------------------------------------------------------- messages


def test_one_line_shortens_a_huge_echo() -> None:
    name = "a" * 100_000
    line = CnnvizError(f"Unknown model {name!r}. Run `cnnviz models` to list them.").one_line()
    assert len(line) <= MAX_LINE + 40
    word = f"'{name}'."  # the word as split on spaces, cut to MAX_WORD: head 2/3, "…", tail
    head = MAX_WORD * 2 // 3
    cut = len(word) - head - (MAX_WORD - head - 1)
    assert f"[{cut:,} more characters]" in line and line.endswith("to list them.")
    assert shorten("short") == "short"
    cut = shorten("x" * 1000, 100)
    assert len(cut) < 140 and cut.startswith("x" * 60) and "more characters" in cut


def test_labels_of_long_paths_are_short() -> None:
    assert len(safe_io.label("/" + "d" * 5000)) < 220


def test_a_damaged_settings_file_behind_a_symlink_is_kept_and_the_link_stays(tmp_path: Path) -> None:
    real = tmp_path / "dotfiles" / "settings.json"
    real.parent.mkdir()
    real.write_bytes(b"\x00garbage")
    link = tmp_path / "settings.json"
    link.symlink_to(real)
    write_versioned_json(link, "cnnviz-settings", 1, {"theme": "dark"})
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert b'"theme": "dark"' in real.read_bytes()
    (backup,) = real.parent.glob("settings.json.bad-*")  # the damaged file, moved aside next to it
    assert backup.read_bytes() == b"\x00garbage"
