"""Fails when anything outside boothapp.gui imports Qt, by reading the source and by
importing core, the CLI and the entry point and looking at what was loaded."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "boothapp"
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def qt_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        found += [f"{path}:{node.lineno}: {n}" for n in names if n.split(".")[0] in QT_MODULES]
    return found


def main() -> int:
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "gui" not in path.relative_to(PACKAGE).parts:
            problems += qt_imports(path)
    probe = (
        "import sys, boothapp.__main__, boothapp.cli, boothapp.core.services,"
        " boothapp.core.services.demo;"
        f"print('\\n'.join(m for m in sys.modules if m.split('.')[0] in {QT_MODULES!r}))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split()
    problems += [f"loaded by importing core and the CLI: {name}" for name in loaded]
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print("no Qt below gui/")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
