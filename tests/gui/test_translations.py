"""The French translation is complete and faithful: every text the window shows goes
through Qt's translation system, each has a French translation keeping its placeholders,
the compiled file is the one the source compiles to, and installing French changes what
the window says."""

from __future__ import annotations

import importlib.util
import shutil
import sys
import types
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from boothapp.gui import i18n
from boothapp.gui.main_window import MainWindow
from boothapp.gui.vocabulary_text import _TEXTS, vocabulary

ROOT = Path(__file__).resolve().parents[2]


def _script(name: str) -> types.ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


update_translations = _script("update_translations")
check_translatable = _script("check_translatable")


def test_no_text_is_handed_to_qt_untranslated() -> None:
    found = [
        problem
        for path in sorted((ROOT / "src" / "boothapp" / "gui").rglob("*.py"))
        for problem in check_translatable.untranslated(path)
    ]
    assert found == []


def test_the_vocabulary_table_lists_every_label_core_gives() -> None:
    assert list(_TEXTS) == update_translations.core_labels()


def test_every_text_of_the_window_has_a_french_translation_with_its_placeholders(
    tmp_path: Path,
) -> None:
    """Extracts the texts from the source afresh, as a new text in the code would be,
    into a copy of the committed translations: none may be missing or unfaithful."""
    copy = tmp_path / update_translations.TS_FILE.name
    shutil.copyfile(update_translations.TS_FILE, copy)
    update_translations.extract(copy)
    assert len(update_translations.messages(copy)) > 500
    assert update_translations.problems(copy) == []


def test_the_compiled_translation_is_that_of_the_source(tmp_path: Path) -> None:
    compiled = tmp_path / "boothapp_fr.qm"
    update_translations.compile_translations(update_translations.TS_FILE, compiled)
    assert compiled.read_bytes() == update_translations.QM_FILE.read_bytes()


@pytest.mark.parametrize(
    ("source", "translation", "faithful"),
    [
        ("Saved {name}.", "{name} enregistré.", True),
        ("Saved {name}.", "Enregistré.", False),
        ("{count:,} leads", "{count:,} prospects", True),
        ("{count:,} leads", "{count} prospects", False),
        ("Lead {id} of {show}", "Prospect {show} {id}", True),
        ("Lead {id}", "Prospect {ident}", False),
    ],
)
def test_the_placeholder_check_catches_a_dropped_or_renamed_field(
    source: str, translation: str, faithful: bool
) -> None:
    same = update_translations.placeholders(source) == update_translations.placeholders(translation)
    assert same is faithful


def test_the_check_names_an_untranslated_text(tmp_path: Path) -> None:
    shown = tmp_path / "shown.py"
    shown.write_text(
        "def build(label, window):\n"
        '    label.setText("Scan a badge")\n'
        '    window.setWindowTitle(f"Export {window}")\n'
        '    label.setToolTip(window.tr("Kept"))\n'
        '    label.setText("—")\n',
        encoding="utf-8",
    )
    found = check_translatable.untranslated(shown)
    assert [line.split(":")[1] for line in found] == ["2", "3"]


@pytest.fixture
def french(qapp: QApplication) -> object:
    """French installed on the test application for one test, English after it."""
    previous = QLocale()
    yield i18n.install_language("fr")
    i18n.install_language("en")
    QLocale.setDefault(previous)


def test_installing_french_translates_boothapp_and_qt(french: object) -> None:
    assert french == "fr"
    assert vocabulary("Hot") == "Chaud"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"
    assert QLocale().language() == QLocale.Language.French


def test_english_is_the_source_text(qapp: QApplication) -> None:
    assert i18n.install_language("en") == "en"
    assert vocabulary("Hot") == "Hot"


@pytest.mark.parametrize(
    ("choice", "system", "language"),
    [
        ("fr", "en_US", "fr"),
        ("en", "fr_FR", "en"),
        ("system", "fr_BE", "fr"),
        ("system", "de_DE", "en"),
        ("system", "en_GB", "en"),
    ],
)
def test_the_language_follows_the_system_unless_chosen(
    choice: str, system: str, language: str
) -> None:
    assert i18n.language_of(choice, QLocale(system)) == language


def test_a_french_system_keeps_its_own_formats() -> None:
    assert i18n.locale_for("fr", QLocale("fr_CA")).name() == "fr_CA"
    assert i18n.locale_for("fr", QLocale("en_US")).name() == "fr_FR"


def test_the_environment_overrides_the_saved_choice(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from PySide6.QtCore import QSettings

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    i18n.choose_language("fr", settings)
    monkeypatch.delenv(i18n.ENVIRONMENT_VARIABLE, raising=False)
    assert i18n.chosen_language(settings) == "fr"
    monkeypatch.setenv(i18n.ENVIRONMENT_VARIABLE, "en")
    assert i18n.chosen_language(settings) == "en"
    monkeypatch.setenv(i18n.ENVIRONMENT_VARIABLE, "klingon")
    assert i18n.chosen_language(settings) == i18n.SYSTEM
    with pytest.raises(ValueError, match="klingon"):
        i18n.choose_language("klingon", settings)


def test_the_window_shows_cores_labels_in_the_french_the_workbook_uses() -> None:
    """The "vocabulary" translations are written from core.vocabulary_fr, the French
    export preset's source: the window and the Excel (français) workbook agree."""
    from boothapp.core.vocabulary_fr import FRENCH

    window = {
        source: translation.text
        for (context, source), translation in update_translations.messages(
            update_translations.TS_FILE
        ).items()
        if context == "vocabulary"
    }
    assert window == dict(FRENCH)


def test_a_scan_is_reported_in_the_windows_language(french: object, window: MainWindow) -> None:
    badge = "MECARD:N:Weber,Anna;ORG:Hensoldt;EMAIL:anna.weber@hensoldt.example;;"

    window.scans.handle(badge)
    assert window.notice_label.text() == "Anna Weber — nouveau prospect"
    window.scans.handle(badge)
    assert window.notice_label.text() == "Anna Weber — 2e visite"
    window.scans.handle("MP-4711")
    assert "Enregistré en attente : le badge MP-4711 n'est pas dans la liste" in (
        window.notice_label.text()
    )
