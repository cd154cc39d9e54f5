"""environment.yml lists exactly the packages pinned in pyproject.toml."""
from __future__ import annotations

import re
import tomllib

from analysis.paths import PROJECT_DIR


def pyproject_pins() -> set[str]:
    project = tomllib.loads((PROJECT_DIR / "pyproject.toml").read_text())["project"]
    pins = set(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        pins |= set(extra)
    return {p.replace(" ", "").lower() for p in pins}


def conda_pins() -> set[str]:
    lines = (PROJECT_DIR / "environment.yml").read_text().splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == "- pip:")
    pins = set()
    for line in lines[start + 1:]:
        m = re.match(r"\s+-\s+(\S+==\S+)\s*$", line)
        if m:
            pins.add(m.group(1).lower())
    return pins


def test_environment_yml_matches_pyproject():
    assert conda_pins() == pyproject_pins()


def test_every_dependency_is_pinned_exactly():
    assert all("==" in pin for pin in pyproject_pins())
