import collections, gc, sys
import importlib.util
from pathlib import Path
spec = importlib.util.spec_from_file_location("soakmod", Path(__file__).with_name("test_soak.py"))
soak = importlib.util.module_from_spec(spec); sys.modules["soakmod"] = soak; spec.loader.exec_module(soak)
from PySide6.QtCore import QObject

def census(window):
    c = collections.Counter()
    for o in window.findChildren(QObject):
        p = o.parent()
        c[(type(o).__name__, o.metaObject().className(), type(p).__name__ if p is not None else None, o.objectName())] += 1
    return c

def test_debug(soak_window, qtbot, tmp_path):
    d = soak.Driver(soak_window, qtbot, tmp_path)
    d.wait(lambda: d.state.forward is not None and d.inspect_idle())
    snaps = {}
    for i in range(16):
        d.cycle(i, [])
        gc.collect(); soak._flush_deletes()
        snaps[i] = census(soak_window)
    for a, b in ((7, 11), (11, 15)):
        diff = snaps[b] - snaps[a]
        print(f"---- {a}->{b} grew:", sum(diff.values()))
        for k, v in diff.most_common(20): print("   +", v, k)
        neg = snaps[a] - snaps[b]
        for k, v in neg.most_common(10): print("   -", v, k)
