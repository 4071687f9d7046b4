#!/usr/bin/env bash
# Build the one-folder app into dist/cnnviz/ with PyInstaller, then check that
# the bundle starts: `--version`, a headless sub-command and a window screenshot.
#
#   bash packaging/build.sh            # build + smoke test
#   SKIP_SMOKE=1 bash packaging/build.sh
#
# Uses the project's .venv (created by `make`); installs PyInstaller into it.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PY:-.venv/bin/python}
DIST=dist
WORK=build/pyinstaller

"$PY" -m pip install --quiet "pyinstaller>=6.11" "pyinstaller-hooks-contrib>=2024.10"

start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$WORK" packaging/cnnviz.spec
end=$(date +%s)

size=$(du -sh "$DIST/cnnviz" | cut -f1)
echo "built $DIST/cnnviz in $((end - start)) s; bundle size $size"

if [[ -n "${SKIP_SMOKE:-}" ]]; then
    exit 0
fi

echo "smoke test: starting the bundled app"
APP="$DIST/cnnviz/cnnviz"
"$APP" --version
"$APP" summary lenet5 > /dev/null
shot="${TMPDIR:-/tmp}/cnnviz-smoke-$$.png"
rm -f "$shot"
t0=$(date +%s)
QT_QPA_PLATFORM=offscreen "$APP" --screenshot "$shot" --size 1200x800
t1=$(date +%s)
# a PNG starts with \x89PNG; an empty or missing file means the window did not draw
if [[ "$(head -c 4 "$shot" | tail -c 3)" != "PNG" ]]; then
    echo "smoke test FAILED: no screenshot written" >&2
    exit 1
fi
echo "smoke test passed: screenshot $(du -h "$shot" | cut -f1) in $((t1 - t0)) s ($shot)"
