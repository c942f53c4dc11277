# Two commands: `make report` re-runs the study, `make test` checks it. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: install report test unit notebooks clean

install: $(STAMP)

# Re-installs only when the pins change; otherwise this target is a no-op.
$(STAMP): requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	$(PY) -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $(STAMP)

report: install
	$(PY) -m analysis.report

unit: install
	$(PY) -m pytest tests analysis --doctest-modules

notebooks: install
	$(PY) -m pytest --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg notebooks

test: unit notebooks

clean:
	rm -rf $(VENV) build .pytest_cache
