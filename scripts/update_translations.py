"""Brings the translations up to date with the window's texts, then compiles them.

    python scripts/update_translations.py [--fill FILE.json ...] [--check]

1. Writes the table of ``src/boothapp/gui/vocabulary_text.py`` from core's labels
   (ratings, sources, categories, ...), so the extractor sees them as literal texts.
2. Runs ``pyside6-lupdate`` over ``src/boothapp/gui`` into
   ``resources/translations/boothapp_fr.ts``: new texts are added unfinished,
   translations of texts still in use are kept, texts no longer used are dropped.
3. Writes the French of core's labels (context ``vocabulary``) from
   ``core.vocabulary_fr``, their one source, which the French export preset uses too;
   with ``--fill``, takes French translations from JSON files (a list of objects with
   ``context``, ``source`` and ``translation``) for the texts they name.
4. Runs ``pyside6-lrelease`` into ``boothapp_fr.qm``.

``--check`` changes nothing: it exits 1 and names each text of the window that has no
finished French translation or whose translation drops or adds a placeholder.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUI = ROOT / "src" / "boothapp" / "gui"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGE = "fr"
TS_FILE = TRANSLATIONS / f"boothapp_{LANGUAGE}.ts"
QM_FILE = TRANSLATIONS / f"boothapp_{LANGUAGE}.qm"
VOCABULARY_MODULE = GUI / "vocabulary_text.py"

PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*(?:![rsa])?(?::[^{}]*)?\}|%n|%L?\d")


def placeholders(text: str) -> list[str]:
    """The placeholders of a text, sorted: ``{name}``, ``{count:,}``, ``%n``, ``%1``."""
    return sorted(PLACEHOLDER.findall(text))


def core_french() -> dict[str, str]:
    """core.vocabulary_fr's French of each of core's labels."""
    sys.path.insert(0, str(ROOT / "src"))
    from boothapp.core.vocabulary_fr import FRENCH

    return dict(FRENCH)


def core_labels() -> list[str]:
    """Every label core gives the window to show (``core.vocabulary_fr.core_labels``)."""
    sys.path.insert(0, str(ROOT / "src"))
    from boothapp.core.vocabulary_fr import core_labels as labels

    return labels()


TABLE_START = "_TEXTS: Final[tuple[str, ...]] = (\n"
TABLE_END = ")\n"


def write_vocabulary_table() -> bool:
    """Rewrites the table of texts in vocabulary_text.py; True when it changed."""
    source = VOCABULARY_MODULE.read_text(encoding="utf-8")
    head, _, rest = source.partition(TABLE_START)
    _, _, tail = rest.partition(TABLE_END)
    rows = "".join(
        f'    QT_TRANSLATE_NOOP("vocabulary", {json.dumps(text, ensure_ascii=False)}),\n'
        for text in core_labels()
    )
    updated = head + TABLE_START + rows + TABLE_END + tail
    if updated == source:
        return False
    VOCABULARY_MODULE.write_text(updated, encoding="utf-8")
    return True


def tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        raise SystemExit(f"{name} was not found: install PySide6 in this environment")
    return found


def sources() -> list[str]:
    return [str(path) for path in sorted(GUI.rglob("*.py"))]


def extract(into: Path) -> None:
    """Runs lupdate over the window's sources into ``into`` (kept translations stay)."""
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *sources(),
            "-no-obsolete",
            "-locations",
            "none",
            "-target-language",
            "fr_FR",
            "-ts",
            str(into),
        ],
        check=True,
        capture_output=True,
        text=True,
    )


def messages(ts_file: Path) -> dict[tuple[str, str], ElementTree.Element]:
    """(context, source) -> the <translation> element of each message of a .ts file."""
    found = {}
    for context in ElementTree.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found[(name, message.findtext("source") or "")] = translation
    return found


def problems(ts_file: Path) -> list[str]:
    """Each text of the window with no finished translation, or whose translation does
    not keep its placeholders."""
    found = []
    for (context, source), translation in messages(ts_file).items():
        text = translation.text or ""
        where = f"{context}: {source!r}"
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not text:
            found.append(f"{where} has no French translation")
        elif placeholders(text) != placeholders(source):
            found.append(
                f"{where} -> {text!r}: placeholders {placeholders(source)} became "
                f"{placeholders(text)}"
            )
    return found


def fill(ts_file: Path, json_files: list[Path]) -> int:
    """Puts core's French labels and the translations of ``json_files`` into
    ``ts_file``; returns how many texts it wrote."""
    wanted = {("vocabulary", label): french for label, french in core_french().items()}
    for json_file in json_files:
        for entry in json.loads(json_file.read_text(encoding="utf-8")):
            wanted[(entry["context"], entry["source"])] = entry["translation"]
    tree = ElementTree.parse(ts_file)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "")
            translation = message.find("translation")
            if key in wanted and translation is not None:
                translation.text = wanted[key]
                translation.attrib.pop("type", None)
                filled += 1
    tree.write(ts_file, encoding="utf-8", xml_declaration=True)
    return filled


def compile_translations(ts_file: Path, qm_file: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), str(ts_file), "-qm", str(qm_file)],
        check=True,
        capture_output=True,
        text=True,
    )


def check() -> int:
    """Extracts afresh into a copy of the .ts file and reports what is missing."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / TS_FILE.name
        shutil.copyfile(TS_FILE, copy)
        extract(copy)
        found = problems(copy)
    for problem in found:
        print(problem)
    if found:
        print(f"{len(found)} texts need a French translation in {TS_FILE}", file=sys.stderr)
    return 1 if found else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fill", type=Path, nargs="*", default=[])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if args.check:
        return check()
    write_vocabulary_table()
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    extract(TS_FILE)
    filled = fill(TS_FILE, args.fill)
    if args.fill:
        print(f"{filled} translations filled in")
    compile_translations(TS_FILE, QM_FILE)
    missing = problems(TS_FILE)
    print(f"{TS_FILE.relative_to(ROOT)}: {len(messages(TS_FILE))} texts, {len(missing)} to do")
    return 0


if __name__ == "__main__":
    sys.exit(main())
