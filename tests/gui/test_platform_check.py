"""A fresh Linux desktop missing Qt's xcb libraries gets the one line that installs them."""

from __future__ import annotations

from cnnviz.gui import platform_check


def test_only_the_missing_libraries_are_named_with_both_install_lines() -> None:
    have = set(platform_check.XCB_LIBRARIES) - {"xcb-icccm", "xcb-keysyms"}
    missing = platform_check.missing_xcb_libraries(lambda name: f"lib{name}.so" if name in have else None)
    assert missing == ["xcb-icccm", "xcb-keysyms"]  # what the lecturer's desktop lacked
    line = platform_check.install_hint(missing)
    assert "\n" not in line and "xcb-cursor0" not in line  # not Qt's misleading guess
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in line
    assert "sudo dnf install xcb-util-keysyms xcb-util-wm" in line


def test_the_check_runs_only_where_qt_uses_x11() -> None:
    assert platform_check.uses_xcb({"DISPLAY": ":0"}, "linux")
    assert not platform_check.uses_xcb({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert not platform_check.uses_xcb({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}, "linux")
    assert platform_check.uses_xcb({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert not platform_check.uses_xcb({"DISPLAY": ":0"}, "darwin")
    assert not platform_check.uses_xcb({}, "linux")  # no display at all: Qt says so itself


def test_the_table_names_every_xcb_library_qt_links_to() -> None:
    import re
    import shutil
    import subprocess
    from pathlib import Path

    import PySide6
    import pytest

    lib = next(Path(PySide6.__file__).parent.glob("Qt/lib/libQt6XcbQpa.so*"), None)
    if lib is None or shutil.which("ldd") is None:
        pytest.skip("no Qt xcb platform library or no ldd here")
    out = subprocess.run(["ldd", str(lib)], capture_output=True, text=True, timeout=30).stdout
    linked = {m.group(1) for m in re.finditer(r"lib(xcb-[a-z-]+|xkbcommon-x11)\.so", out)}
    assert linked and linked <= set(platform_check.XCB_LIBRARIES), linked - set(platform_check.XCB_LIBRARIES)
