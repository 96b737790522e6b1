"""Names each text of the window given to Qt to show without passing through the
translation system: a string literal (or f-string, or ``"...".format()``) handed
straight to a call that puts text on screen (``setText``, ``QLabel``, ``addAction``,
a message box, ...).

    python scripts/check_translatable.py [FILE ...]    (default: all of src/boothapp/gui)

Texts with no letter in them (``"…"``, ``"%"``, ``"—"``) are not texts to translate. A
literal that must stay as it is (a product's SKU shown as an example, a language's own
name) is marked with ``# untranslated`` at the end of its line.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

GUI = Path(__file__).resolve().parent.parent / "src" / "boothapp" / "gui"

SINKS = frozenset(
    {
        # QWidget and friends
        "setText",
        "setWindowTitle",
        "setToolTip",
        "setStatusTip",
        "setWhatsThis",
        "setPlaceholderText",
        "setTitle",
        "setLabelText",
        "setInformativeText",
        "setDetailedText",
        "setSuffix",
        "setPrefix",
        "setSpecialValueText",
        "setAccessibleName",
        "setAccessibleDescription",
        "setButtonText",
        "setTabText",
        "setHeaderLabels",
        "setHorizontalHeaderLabels",
        "setNameFilter",
        "setNameFilters",
        "setWindowIconText",
        "setDefaultSuffix",
        "setOkButtonText",
        "setCancelButtonText",
        "setItemText",
        "setTabToolTip",
        "setItemToolTip",
        # things that add a labelled item
        "addAction",
        "addMenu",
        "addTab",
        "insertTab",
        "addItem",
        "insertItem",
        "addRow",
        "insertRow",
        "addButton",
        "addSection",
        "addPermanentWidget",
        # message boxes and choosers
        "critical",
        "warning",
        "information",
        "question",
        "about",
        "getOpenFileName",
        "getSaveFileName",
        "getExistingDirectory",
        "getText",
        "getItem",
        "getInt",
        "getDouble",
        # boothapp's own ways of saying something
        "showMessage",
        "notify",
        "say",
        "show_message",
        "show_error",
        "show_notice",
        # widgets built with a text
        "QLabel",
        "QPushButton",
        "QCheckBox",
        "QRadioButton",
        "QGroupBox",
        "QAction",
        "QToolButton",
        "QMenu",
        "QMessageBox",
        "QCommandLinkButton",
    }
)


def _is_literal_text(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return any(character.isalpha() for character in node.value)
    if isinstance(node, ast.JoinedStr):
        return any(_is_literal_text(part) for part in node.values if isinstance(part, ast.Constant))
    if isinstance(node, ast.BinOp):
        return _is_literal_text(node.left) or _is_literal_text(node.right)
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("format", "join")
    ):
        return _is_literal_text(node.func.value)
    return False


def _name(call: ast.Call) -> str:
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    if isinstance(call.func, ast.Name):
        return call.func.id
    return ""


def untranslated(path: Path) -> list[str]:
    """``file:line: text`` for each literal text shown without translation."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    found = []
    for node in ast.walk(ast.parse(source, filename=str(path))):
        if not isinstance(node, ast.Call) or _name(node) not in SINKS:
            continue
        arguments = [*node.args, *(keyword.value for keyword in node.keywords)]
        for argument in arguments:
            if not _is_literal_text(argument):
                continue
            line = lines[argument.lineno - 1]
            if line.rstrip().endswith("# untranslated"):
                continue
            found.append(f"{path}:{argument.lineno}: {ast.unparse(argument)[:80]}")
    return found


def main(arguments: list[str]) -> int:
    paths = [Path(argument) for argument in arguments] or sorted(GUI.rglob("*.py"))
    found = [problem for path in paths for problem in untranslated(path)]
    for problem in found:
        print(problem)
    if found:
        print(f"{len(found)} texts are shown untranslated", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
