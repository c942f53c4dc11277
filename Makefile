# Two commands: `make report` re-runs the study, `make test` checks it. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

.PHONY: install chromium report site test unit quick validate notebooks browser clean

install: $(STAMP)

# Re-installs only when the pins change; otherwise this target is a no-op.
$(STAMP): requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	$(PY) -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $(STAMP)

# Re-executes every notebook, renders build/site/ and prints the path of its index.html last.
report: install
	$(PY) -m analysis.publish.report

# Renders build/site/ from the notebooks as they are, without executing them.
site: install
	$(PY) -m analysis.publish.site

# The browser check needs Chromium; on Debian/Ubuntu this installs it from the distribution
# when it is missing (Playwright never downloads a browser here). CHROMIUM=/path overrides.
chromium:
	@if [ -n "$$CHROMIUM" ] || [ -x /usr/bin/chromium ]; then :; \
	else echo "installing Debian's chromium for the browser check (tests/test_browser.py)"; \
	  $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q chromium >/dev/null; fi

# `unit` runs tests/test_browser.py too; this runs only the browser check.
browser: install chromium
	$(PY) -m pytest tests/test_browser.py

unit: install chromium
	$(PY) -m pytest tests analysis --doctest-modules

# The inner loop: unit tests without the slow end-to-end ones (about a minute); `make test` runs everything.
quick: install
	$(PY) -m pytest tests analysis --doctest-modules -m "not slow" -q

# Each instrument's measured validity on the NewsMTSC development splits, with bootstrap intervals.
validate: install
	$(PY) benchmarks/validity.py

notebooks: install
	$(PY) -m pytest --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg notebooks

test: unit notebooks

clean:
	rm -rf $(VENV) build .pytest_cache
