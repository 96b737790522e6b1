"""The name and version of boothapp, from pyproject.toml and ``boothapp.__version__``
(the version is dynamic: ``[tool.setuptools.dynamic] version = { attr = ... }``), read
without importing boothapp, so the spec and the build script agree with the wheel.

    python packaging/project_info.py            prints "boothapp 0.1.0"
    python packaging/project_info.py version    prints "0.1.0"
"""

from __future__ import annotations

import ast
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _pyproject() -> dict:
    with (ROOT / "pyproject.toml").open("rb") as file:
        return tomllib.load(file)


def name() -> str:
    return str(_pyproject()["project"]["name"])


def description() -> str:
    return str(_pyproject()["project"].get("description", ""))


def version() -> str:
    """``project.version`` when static, else the string assigned to the attribute named by
    ``tool.setuptools.dynamic.version.attr`` (e.g. ``boothapp.__version__``), read from
    its source under ``src/``."""
    data = _pyproject()
    project = data["project"]
    if "version" in project:
        return str(project["version"])
    attr = data["tool"]["setuptools"]["dynamic"]["version"]["attr"]
    module, _, variable = attr.rpartition(".")
    base = ROOT / "src" / Path(*module.split("."))
    source = base / "__init__.py" if base.is_dir() else base.with_suffix(".py")
    for node in ast.parse(source.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == variable for target in node.targets
        ):
            return str(ast.literal_eval(node.value))
    raise SystemExit(f"no {variable} = '...' in {source}")


if __name__ == "__main__":
    what = sys.argv[1] if len(sys.argv) > 1 else "both"
    if what == "name":
        print(name())
    elif what == "version":
        print(version())
    elif what == "description":
        print(description())
    else:
        print(name(), version())
