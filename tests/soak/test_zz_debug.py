import gc, sys, types
import importlib.util
from pathlib import Path

spec = importlib.util.spec_from_file_location("soakmod", Path(__file__).with_name("test_soak.py"))
soak = importlib.util.module_from_spec(spec); sys.modules["soakmod"] = soak; spec.loader.exec_module(soak)

def describe(o):
    t = type(o).__name__
    if isinstance(o, dict):
        return f"dict(keys={list(o.keys())[:8]})"
    if isinstance(o, (list, tuple)):
        return f"{t}(len={len(o)})"
    if isinstance(o, types.FrameType):
        return f"frame {o.f_code.co_name} {o.f_code.co_filename}:{o.f_lineno}"
    if isinstance(o, types.FunctionType):
        return f"function {o.__qualname__} {o.__code__.co_filename}:{o.__code__.co_firstlineno}"
    if t == "cell":
        return "cell"
    return f"{t} {repr(o)[:100]}"

def chain(target, depth=8, seen=None):
    # BFS back to a module / well-known root
    import collections
    ignore = {id(sys._getframe())}
    q = collections.deque([(target, [target])])
    seen = {id(target)}
    while q:
        o, path = q.popleft()
        if len(path) > depth: continue
        for r in gc.get_referrers(o):
            if id(r) in seen or isinstance(r, types.FrameType) or r is q or r is path: continue
            seen.add(id(r))
            if isinstance(r, types.ModuleType) or type(r).__name__ in ("MainWindow","InspectTab","TrainTab","PlaygroundTab","ExplainTab","AppState","InspectController"):
                return path + [r]
            q.append((r, path + [r]))
    return None

def test_debug(soak_window, qtbot, tmp_path):
    d = soak.Driver(soak_window, qtbot, tmp_path)
    d.wait(lambda: d.state.forward is not None and d.inspect_idle())
    for i in range(4):
        d.cycle(i, [])
        gc.collect()
        soak._flush_deletes()
    models = d.live_models()
    print("alive", len(models))
    cur = d.state.model.model
    for m in models:
        if m is cur: continue
        p = chain(m)
        print("----", type(m).__name__)
        if p:
            for o in p: print("   <-", describe(o))
        break
