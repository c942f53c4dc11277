"""environment.yml, pyproject.toml and requirements.lock must describe one environment."""

from __future__ import annotations

import re
import tomllib

import pytest
import yaml

from analysis.paths import PROJECT_ROOT

PIN = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*==\s*([^\s;#]+)\s*$")


def canonical(name: str) -> str:
    """Package names compare case-insensitively, with ``-``, ``_`` and ``.`` alike (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(specs) -> dict[str, str]:
    out = {}
    for spec in specs:
        m = PIN.match(spec)
        assert m, f"not an exact pin (name==version): {spec!r}"
        name = canonical(m.group(1))
        assert name not in out, f"{m.group(1)} is pinned twice"
        out[name] = m.group(2)
    return out


def pyproject_pins() -> dict[str, str]:
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = list(project["dependencies"])
    for group in project.get("optional-dependencies", {}).values():
        specs.extend(group)
    return pins(specs)


def environment_pins() -> dict[str, str]:
    env = yaml.safe_load((PROJECT_ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip_sections = [d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d]
    assert len(pip_sections) == 1, "environment.yml needs exactly one pip: section"
    # "-e ." installs the project and "-c requirements.lock" constrains the rest: not pins
    return pins(s for s in pip_sections[0] if not s.startswith("-"))


def lock_pins() -> dict[str, str]:
    lines = (PROJECT_ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()
    return pins(line for line in lines if line.strip() and not line.lstrip().startswith("#"))


def test_environment_yml_and_pyproject_pin_the_same_packages_and_versions():
    assert environment_pins() == pyproject_pins()


def test_every_direct_pin_is_in_the_lock_with_the_same_version():
    lock = lock_pins()
    for name, version in pyproject_pins().items():
        assert name in lock, f"{name} is pinned in pyproject.toml but missing from requirements.lock"
        assert lock[name] == version, f"{name}: pyproject.toml pins {version}, requirements.lock {lock[name]}"


def test_environment_yml_uses_python_3_11_and_installs_the_project_with_the_lock():
    env = yaml.safe_load((PROJECT_ROOT / "environment.yml").read_text(encoding="utf-8"))
    deps = env["dependencies"]
    assert "python=3.11" in deps
    pip_section = next(d["pip"] for d in deps if isinstance(d, dict) and "pip" in d)
    assert "-e ." in pip_section
    assert "-c requirements.lock" in pip_section


def test_pyproject_requires_python_3_11():
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["requires-python"] == ">=3.11,<3.12"


@pytest.mark.parametrize(
    "spec, expected",
    [
        ("PyYAML==6.0.3", {"pyyaml": "6.0.3"}),
        ("vaderSentiment == 3.3.2", {"vadersentiment": "3.3.2"}),
        ("jupyter_server==2.21.1", {"jupyter-server": "2.21.1"}),
        ("nest.asyncio2==1.7.4", {"nest-asyncio2": "1.7.4"}),
    ],
)
def test_pin_names_compare_case_insensitively_with_dashes_and_underscores_alike(spec, expected):
    assert pins([spec]) == expected


@pytest.mark.parametrize("spec", ["pandas>=3.1", "pandas", "pandas~=3.1", "-e ."])
def test_a_spec_that_is_not_an_exact_pin_is_refused(spec):
    with pytest.raises(AssertionError, match="not an exact pin"):
        pins([spec])


def test_a_package_pinned_twice_is_refused():
    with pytest.raises(AssertionError, match="pinned twice"):
        pins(["PyYAML==6.0.3", "pyyaml==6.0.2"])


def test_the_data_dictionary_documents_every_processed_table():
    readme = (PROJECT_ROOT / "data" / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`([\w.-]+\.csv)`", readme))
    tables = {p.name for p in (PROJECT_ROOT / "data" / "processed").glob("*.csv")}
    assert tables, "data/processed holds no tables"
    assert tables <= documented, f"not in data/README.md: {sorted(tables - documented)}"


def test_the_data_dictionary_documents_every_saved_stage_table():
    readme = (PROJECT_ROOT / "data" / "README.md").read_text(encoding="utf-8")
    saved = {p.stem for p in (PROJECT_ROOT / "data" / "processed" / "stages").glob("*/*.parquet")}
    assert saved, "data/processed/stages holds no tables"
    documented = set(re.findall(r"`(\w+)`", readme))
    assert saved <= documented, f"not in data/README.md: {sorted(saved - documented)}"
