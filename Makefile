# Every target creates .venv when it is missing (or when pyproject.toml changed).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.cnnviz-installed

.PHONY: run test check bench lint screenshots clean package soak fuzz translations

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --upgrade pip
	$(PY) -m pip install -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m cnnviz

# CI runs this (.ci/run): lint, import contracts, the type check, then the tests (Qt warnings fail them).
test: check
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -n 2 --dist loadfile

check: $(STAMP)
	$(VENV)/bin/ruff check cnnviz tests benchmarks tools packaging
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

bench: $(STAMP)
	$(PY) benchmarks/run_all.py

lint: check

package: $(STAMP)
	bash packaging/build.sh

screenshots: $(STAMP)
	$(PY) tools/screenshots.py

fuzz: $(STAMP)
	CNNVIZ_FUZZ_EXAMPLES=5000 QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:xdist tests/fuzz

translations: $(STAMP)
	$(PY) tools/update_translations.py

soak: $(STAMP)
	mkdir -p bench-results
	CNNVIZ_SOAK_CYCLES=200 CNNVIZ_SOAK_TRAIN_RUNS=20 CNNVIZ_SOAK_REPORT=bench-results/soak.json QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:xdist -s tests/soak; s=$$?; \
	CNNVIZ_FUZZ_EXAMPLES=5000 QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:xdist -s tests/fuzz; f=$$?; \
	test $$s -eq 0 -a $$f -eq 0

clean:
	rm -rf $(VENV) build dist *.egg-info
