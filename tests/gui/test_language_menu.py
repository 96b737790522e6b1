"""View > Language keeps the language for the next start and shows which is chosen."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from boothapp.gui import i18n
from boothapp.gui.main_window import MainWindow


def _language_menu(window: MainWindow) -> list[QAction]:
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert isinstance(view, QMenu)
    menu = next(a.menu() for a in view.actions() if a.text() == "&Language")
    assert menu is window.language_menu
    return [action for action in menu.actions() if not action.isSeparator()]


def _checked(window: MainWindow) -> list[str]:
    return [action.text() for action in _language_menu(window) if action.isChecked()]


def test_the_menu_offers_the_system_language_and_each_language_by_its_own_name(
    window: MainWindow,
) -> None:
    actions = _language_menu(window)
    assert [action.text() for action in actions] == ["System language", "English", "Français"]
    assert all(action.isCheckable() for action in actions)
    assert actions[0].actionGroup() is not None and actions[0].actionGroup().isExclusive()


def test_choosing_francais_keeps_it_for_the_next_start_and_says_so(
    window: MainWindow, window_settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    francais = next(a for a in _language_menu(window) if a.text() == "Français")
    francais.trigger()
    assert window_settings.value(i18n.SETTINGS_KEY) == "fr"
    assert _checked(window) == ["Français"]
    assert "next time" in window.notice_label.text()
    monkeypatch.delenv(i18n.ENVIRONMENT_VARIABLE)
    assert i18n.chosen_language(window_settings) == "fr"


def test_the_menu_checks_the_stored_choice(
    window_settings: QSettings,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(i18n.ENVIRONMENT_VARIABLE)
    i18n.choose_language("fr", window_settings)
    window = make_window()
    assert _checked(window) == ["Français"]
    window.choose_language(i18n.SYSTEM)
    assert window_settings.value(i18n.SETTINGS_KEY) == i18n.SYSTEM
    assert _checked(window) == ["System language"]
    # Stored elsewhere (another window), the menu follows when it opens.
    i18n.choose_language("en", window_settings)
    window.language_menu.aboutToShow.emit()
    assert _checked(window) == ["English"]


def test_without_a_choice_the_menu_checks_the_system_language(
    make_window: Callable[[], MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(i18n.ENVIRONMENT_VARIABLE)
    window = make_window()
    assert _checked(window) == ["System language"]


def test_the_environment_variable_wins_over_the_stored_choice(
    window_settings: QSettings, make_window: Callable[[], MainWindow]
) -> None:
    i18n.choose_language("fr", window_settings)
    window = make_window()  # BOOTHAPP_LANGUAGE is "en" in the tests
    assert _checked(window) == ["English"]
