"""The window's language: English (the source text) or French, following the system
unless chosen in View > Language, and Qt's own dialogs, dates and numbers in the same
language.

Every visible text goes through Qt's translation system: ``self.tr("...")`` in a
QObject's methods, ``translate("Context", "...")`` elsewhere, and
``QT_TRANSLATE_NOOP("Context", "...")`` for a text kept in a constant and translated
where it is shown. Placeholders are Python's named fields (``"{name}"`` with
``.format``). ``scripts/update_translations.py`` extracts the texts into
``resources/translations/boothapp_fr.ts`` and compiles it.

The choice is kept with the window's geometry (QSettings), not in the database: the
language is needed before the database is opened (the recovery dialog speaks it too),
and it belongs to the laptop's user. ``BOOTHAPP_LANGUAGE`` (``en``, ``fr`` or
``system``) overrides it for one run.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Final, cast

from PySide6 import QtCore
from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)

from boothapp import APP_NAME
from boothapp.resources import resource_path

SYSTEM: Final = "system"
LANGUAGES: Final[tuple[str, ...]] = ("en", "fr")
"""The languages boothapp speaks; the first is the source text's."""

LANGUAGE_NAMES: Final[dict[str, str]] = {"en": "English", "fr": "Français"}
"""Each language's name in itself, as a language menu shows it (never translated)."""

SETTINGS_KEY: Final = "language"
ENVIRONMENT_VARIABLE: Final = "BOOTHAPP_LANGUAGE"

translate = QCoreApplication.translate

QT_TRANSLATE_NOOP: Final = cast("Callable[[str, str], str]", QtCore.QT_TRANSLATE_NOOP)
"""Marks ``text`` for translation in ``context`` where it is shown, and returns it:
QtCore's own, typed (PySide6 declares it to return ``object``)."""

_installed: list[QTranslator] = []


def _settings() -> QSettings:
    return QSettings(APP_NAME, APP_NAME)


def chosen_language(settings: QSettings | None = None) -> str:
    """What the user chose: a language of :data:`LANGUAGES` or :data:`SYSTEM`."""
    choice = os.environ.get(ENVIRONMENT_VARIABLE)
    if choice is None:
        stored = (settings or _settings()).value(SETTINGS_KEY, SYSTEM)
        choice = stored if isinstance(stored, str) else SYSTEM
    choice = choice.strip().lower()
    return choice if choice in LANGUAGES else SYSTEM


def choose_language(choice: str, settings: QSettings | None = None) -> None:
    """Keeps ``choice`` (a language or :data:`SYSTEM`) for the next start."""
    if choice != SYSTEM and choice not in LANGUAGES:
        raise ValueError(f"boothapp does not speak {choice!r}")
    (settings or _settings()).setValue(SETTINGS_KEY, choice)


def language_of(choice: str, system: QLocale | None = None) -> str:
    """The language a choice means on this laptop: the system's display language (its
    first preferred language, which on Windows and macOS may differ from the region's
    formats) when boothapp speaks it, else English."""
    if choice in LANGUAGES:
        return choice
    system = system or QLocale.system()
    preferred = (system.uiLanguages() or [system.name()])[0]
    spoken = preferred.replace("-", "_").split("_")[0]
    return spoken if spoken in LANGUAGES else LANGUAGES[0]


def locale_for(language: str, system: QLocale | None = None) -> QLocale:
    """The locale dates, times and numbers are written in: the system's own when it is
    in ``language`` (Belgian or Canadian French keep their formats), else the language's
    main one."""
    system = system or QLocale.system()
    if system.name().split("_")[0] == language:
        return system
    return QLocale("fr_FR" if language == "fr" else "en_US")


def window_language() -> str:
    """The language the window speaks now (one of :data:`LANGUAGES`), from the default
    locale :func:`install_language` set: for core's country names, French ordinals and
    the like."""
    spoken = QLocale().name().split("_")[0]
    return spoken if spoken in LANGUAGES else LANGUAGES[0]


def translations_folder() -> str:
    """Where boothapp's compiled translations are."""
    return str(resource_path("translations"))


def install_language(choice: str | None = None) -> str:
    """Installs the translations of ``choice`` (default: :func:`chosen_language`) on the
    running application: boothapp's texts and Qt's own (file chooser, message boxes),
    and makes its locale the default. Returns the language installed. English needs no
    translation: it is the source text."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_language needs a running application")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = language_of(chosen_language() if choice is None else choice)
    locale = locale_for(language)
    QLocale.setDefault(locale)
    if language != LANGUAGES[0]:
        for name, folder in (
            ("boothapp", translations_folder()),
            ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        ):
            translator = QTranslator(app)
            if translator.load(locale, name, "_", folder):
                app.installTranslator(translator)
                _installed.append(translator)
    return language
