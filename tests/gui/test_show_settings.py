"""The show settings dialog: details, roster, products on the stand, questions; Save."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from gui_helpers import Booth
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from boothapp.core.models import ProductCategory, QuestionKind, StaffRole
from boothapp.core.schemas import ProductInput
from boothapp.core.services import Services
from boothapp.gui.main_window import MainWindow
from boothapp.gui.settings.models import (
    ProductColumn,
    ProductEntry,
    ProductsModel,
    QuestionEntry,
    QuestionsModel,
    RosterColumn,
    RosterModel,
    StaffEntry,
)
from boothapp.gui.settings.show_settings_dialog import ShowSettingsDialog

MakeWindow = Callable[[], MainWindow]


def open_dialog(qtbot: QtBot, window: MainWindow) -> ShowSettingsDialog:
    window.settings_action.trigger()
    dialog = window.settings_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def row_named(model: RosterModel | ProductsModel, column: int, text: str) -> int:
    for row in range(model.rowCount()):
        if model.index(row, column).data() == text:
            return row
    raise AssertionError(f"{text!r} not in the table")


def set_checked(model: RosterModel | ProductsModel, row: int, column: int, on: bool) -> None:
    state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
    assert model.setData(model.index(row, column), state, Qt.ItemDataRole.CheckStateRole)


@pytest.fixture
def catalogue(booth: Booth, services: Services) -> Booth:
    """The booth, with a rack in the catalogue and the transit case on the stand."""
    services.products.create(
        ProductInput(sku="RK-19", name="19-inch rack", category=ProductCategory.RACK)
    )
    services.events.set_products(booth.show.id, [services.products.get("TC-6040").id])
    services.staff.create("Chloé Martin")
    services.events.add_question(booth.show.id, "Budget?", "single", ("<10k", ">10k"))
    return booth


def test_ctrl_comma_opens_the_dialog_filled_from_the_show(
    qtbot: QtBot, catalogue: Booth, make_window: MakeWindow
) -> None:
    window = make_window()
    assert window.settings_action.shortcut().toString() == "Ctrl+,"
    assert window.settings_action in window.menuBar().actions()[0].menu().actions()

    dialog = open_dialog(qtbot, window)
    view = dialog.view

    assert [view.tabs.tabText(i) for i in range(view.tabs.count())] == [
        "&Show",
        "St&aff",
        "&Products",
        "&Questions",
        "Badge &codes",
    ]
    assert view.edits["name"].text() == "Milipol Paris"
    assert view.country_combo.currentText() == "France"
    assert view.timezone_combo.currentText() == "Europe/Paris"
    assert view.edits["booth"].text() == "5F-123"
    roster = dialog.roster
    names = {roster.index(r, RosterColumn.NAME).data() for r in range(roster.rowCount())}
    assert names == {"Anna Schmidt", "Ben Okafor", "Chloé Martin"}
    chloe = row_named(roster, RosterColumn.NAME, "Chloé Martin")
    assert roster.index(chloe, RosterColumn.WORKS).data(Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Unchecked
    )
    products = dialog.products
    rack = row_named(products, ProductColumn.SKU, "RK-19")
    assert products.index(rack, ProductColumn.ON_STAND).data(Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Unchecked
    )
    assert dialog.questions.index(0, 0).data() == "Budget?"
    assert dialog.width() <= 1000 and dialog.height() <= 700


def test_a_country_gives_a_show_still_in_utc_its_time_zone(
    qtbot: QtBot, booth: Booth, make_window: MakeWindow
) -> None:
    view = open_dialog(qtbot, make_window()).view
    view.timezone_combo.setCurrentText("UTC")

    view.country_combo.setCurrentIndex(view.country_combo.findData("DE"))
    assert view.timezone_combo.currentText() == "Europe/Berlin"

    view.timezone_combo.setCurrentText("Europe/London")
    view.country_combo.setCurrentIndex(view.country_combo.findData("FR"))
    assert view.timezone_combo.currentText() == "Europe/London"

    view.timezone_combo.setCurrentText("UTC")
    view.country_combo.setCurrentIndex(view.country_combo.findData("US"))
    assert view.timezone_combo.currentText() == "UTC"


def test_save_stores_everything_and_the_window_follows(
    qtbot: QtBot, catalogue: Booth, make_window: MakeWindow, services: Services
) -> None:
    window = make_window()
    dialog = open_dialog(qtbot, window)
    view = dialog.view

    view.edits["name"].setText("Milipol Paris 2025")
    view.country_combo.setCurrentText("Germany")
    view.consent_edit.setPlainText("We may contact you about our cases.\nUnsubscribe any time.")
    view.consent_version_edit.setText("v2")
    view.edits["start_date"].setText("2025-11-18")
    view.edits["end_date"].setText("2025-11-21")

    set_checked(dialog.roster, row_named(dialog.roster, RosterColumn.NAME, "Ben Okafor"), 0, False)
    set_checked(dialog.roster, row_named(dialog.roster, RosterColumn.NAME, "Chloé Martin"), 0, True)
    view.staff_name_edit.setText("Dora Weiss")
    view.staff_email_edit.setText("Dora.Weiss@Example.com")
    view.staff_role_combo.setCurrentIndex(view.staff_role_combo.findText("Manager"))
    qtbot.mouseClick(view.add_staff_button, Qt.MouseButton.LeftButton)
    assert view.staff_name_edit.text() == ""

    set_checked(dialog.products, row_named(dialog.products, ProductColumn.SKU, "RK-19"), 0, True)
    view.product_sku_edit.setText("AC-01")
    view.product_name_edit.setText("Foam insert")
    view.product_category_combo.setCurrentIndex(view.product_category_combo.findText("Accessory"))
    qtbot.mouseClick(view.add_product_button, Qt.MouseButton.LeftButton)

    view.question_text_edit.setText("Fleet size?")
    view.question_kind_combo.setCurrentIndex(view.question_kind_combo.findText("Number"))
    qtbot.mouseClick(view.add_question_button, Qt.MouseButton.LeftButton)
    view.question_text_edit.setText("Interested in")
    view.question_kind_combo.setCurrentIndex(view.question_kind_combo.findText("Several choices"))
    view.question_choices_edit.setText("cases, racks , ,services")
    qtbot.mouseClick(view.add_question_button, Qt.MouseButton.LeftButton)
    view.questions_table.selectRow(0)
    qtbot.mouseClick(view.delete_question_button, Qt.MouseButton.LeftButton)

    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)

    show = services.events.get(catalogue.show.id)
    assert show.name == "Milipol Paris 2025"
    assert show.country == "DE"
    assert show.consent_text == "We may contact you about our cases.\nUnsubscribe any time."
    assert show.consent_version == "v2"
    assert str(show.start_date) == "2025-11-18"
    roster = services.staff.list(event_id=show.id)
    assert {m.name for m in roster} == {"Anna Schmidt", "Chloé Martin", "Dora Weiss"}
    dora = next(m for m in roster if m.name == "Dora Weiss")
    assert dora.email == "Dora.Weiss@example.com" and dora.role == StaffRole.MANAGER
    on_stand = {p.sku for p in services.products.list(event_id=show.id)}
    assert on_stand == {"TC-6040", "RK-19", "AC-01"}
    assert services.products.get("AC-01").category == ProductCategory.ACCESSORY
    questions = services.events.questions(show.id)
    assert [(q.text, q.kind, q.choices) for q in questions] == [
        ("Fleet size?", QuestionKind.NUMBER, ()),
        ("Interested in", QuestionKind.MULTIPLE, ("cases", "racks", "services")),
    ]

    assert window.settings_dialog is None
    assert window.windowTitle() == "Milipol Paris 2025 — boothapp"
    assert window.view.show_combo.currentText() == "Milipol Paris 2025"
    assert "18–21 Nov 2025" in window.view.show_details.text()
    capture = window.capture.view
    assert capture.consent_text.text() == (
        "We may contact you about our cases.\nUnsubscribe any time. (version v2)"
    )
    assert [q.text for q in capture.questions.questions] == ["Fleet size?", "Interested in"]
    assert window.capture.default_country() == "Germany"
    line = capture.country_combo.lineEdit()
    assert line is not None and line.placeholderText().startswith("Germany")
    skus = {line.product.sku for line in capture.products.visible_lines()}
    assert skus == {"TC-6040", "RK-19", "AC-01"}
    filter_staff = window.filter_bar.view.staff_combo
    assert [filter_staff.itemText(i) for i in range(filter_staff.count())] == [
        "Any",
        "Anna Schmidt",
        "Chloé Martin",
        "Dora Weiss",
    ]


def test_typed_visitor_survives_a_settings_change(
    qtbot: QtBot, catalogue: Booth, make_window: MakeWindow
) -> None:
    window = make_window()
    window.capture.view.edits["first_name"].setText("Hans")
    dialog = open_dialog(qtbot, window)
    set_checked(dialog.products, row_named(dialog.products, ProductColumn.SKU, "RK-19"), 0, True)

    assert dialog.save()

    assert window.capture.view.edits["first_name"].text() == "Hans"
    assert len(window.capture.view.products.visible_lines()) == 2


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("country", "Atlantis", "Country: unknown country 'Atlantis'"),
        ("name", "   ", "Show name: a show needs a name"),
        ("start_date", "18/11/2025", "First day: '18/11/2025' is not a date"),
        ("timezone", "Mars/Olympus", "Time zone: unknown time zone 'Mars/Olympus'"),
    ],
)
def test_a_bad_show_detail_is_named_inline_and_nothing_is_saved(
    qtbot: QtBot,
    catalogue: Booth,
    make_window: MakeWindow,
    services: Services,
    field: str,
    value: str,
    expected: str,
) -> None:
    before_show = services.events.get(catalogue.show.id)
    before_roster = services.staff.list(event_id=catalogue.show.id)
    window = make_window()
    dialog = open_dialog(qtbot, window)
    view = dialog.view
    view.consent_edit.setPlainText("Changed")
    view.staff_name_edit.setText("Eve Nowak")
    assert dialog.add_staff()
    view.tabs.setCurrentWidget(view.staff_tab)
    if field == "country":
        view.country_combo.setCurrentText(value)
    elif field == "timezone":
        view.timezone_combo.setCurrentText(value)
    else:
        view.edits[field].setText(value)

    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)

    error = view.field_errors[field]
    assert error.isVisible()
    assert error.text().startswith(expected)
    assert "Nothing was saved" in view.message.text()
    assert view.tabs.currentWidget() is view.show_tab
    assert dialog.isVisible() and window.settings_dialog is dialog
    assert services.events.get(catalogue.show.id) == before_show
    assert services.staff.list(event_id=catalogue.show.id) == before_roster
    assert "Eve Nowak" not in {m.name for m in services.staff.list(include_inactive=True)}


def test_additions_are_checked_when_added(
    qtbot: QtBot, catalogue: Booth, make_window: MakeWindow
) -> None:
    window = make_window()
    dialog = open_dialog(qtbot, window)
    view = dialog.view

    view.staff_email_edit.setText("dora@")
    assert not dialog.add_staff()
    assert view.staff_error.text() == "Name: a staff member needs a name"
    view.staff_name_edit.setText("Dora")
    assert not dialog.add_staff()
    assert view.staff_error.text().startswith("E-mail:")

    view.product_sku_edit.setText("tc-6040")
    view.product_name_edit.setText("Copy")
    assert not dialog.add_product()
    assert view.product_error.text() == "SKU: the catalogue already has tc-6040"

    view.question_text_edit.setText("Budget range?")
    view.question_kind_combo.setCurrentIndex(view.question_kind_combo.findText("One choice"))
    assert not dialog.add_question()
    assert view.question_error.text() == "Choices: give the choices, separated by commas"
    view.question_kind_combo.setCurrentIndex(view.question_kind_combo.findText("Text"))
    assert not view.question_choices_edit.isEnabled()
    assert dialog.add_question()
    assert not view.question_error.isVisible()


def test_cancel_saves_nothing(
    qtbot: QtBot, catalogue: Booth, make_window: MakeWindow, services: Services
) -> None:
    window = make_window()
    dialog = open_dialog(qtbot, window)
    dialog.view.edits["name"].setText("Other")
    set_checked(dialog.roster, 0, RosterColumn.ACTIVE, False)

    qtbot.mouseClick(
        dialog.view.buttons.button(dialog.view.buttons.StandardButton.Cancel),
        Qt.MouseButton.LeftButton,
    )

    assert dialog.result() == QDialog.DialogCode.Rejected
    assert services.events.get(catalogue.show.id).name == "Milipol Paris"
    assert all(m.active for m in services.staff.list(include_inactive=True))


def test_deactivating_a_staff_member(
    qtbot: QtBot, catalogue: Booth, make_window: MakeWindow, services: Services
) -> None:
    window = make_window()
    dialog = open_dialog(qtbot, window)
    row = row_named(dialog.roster, RosterColumn.NAME, "Ben Okafor")
    set_checked(dialog.roster, row, RosterColumn.ACTIVE, False)

    assert dialog.save()

    assert not services.staff.get(catalogue.ben_id).active


def test_every_field_has_a_label_and_the_tables_are_keyboard_usable(
    qtbot: QtBot, catalogue: Booth, make_window: MakeWindow
) -> None:
    window = make_window()
    dialog = open_dialog(qtbot, window)
    view = dialog.view
    for name, field in view.show_fields.items():
        assert view.field_labels[name].buddy() is field
        assert field.accessibleName()
    for table in (view.roster_table, view.products_table, view.questions_table):
        assert not table.tabKeyNavigation()
        assert table.focusPolicy() & Qt.FocusPolicy.TabFocus

    view.tabs.setCurrentWidget(view.products_tab)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    table = view.products_table
    rack = row_named(dialog.products, ProductColumn.SKU, "RK-19")
    table.setFocus()
    table.setCurrentIndex(dialog.products.index(rack, ProductColumn.ON_STAND))
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert dialog.products.entry(rack).on_stand


@pytest.mark.parametrize("force_py", [False, True])
def test_roster_model_passes_the_model_tester(qtmodeltester: ModelTester, force_py: bool) -> None:
    roster = RosterModel(
        [
            StaffEntry(1, "Anna", "anna@example.com", StaffRole.STAFF, True, True),
            StaffEntry(None, "Dora", None, StaffRole.MANAGER, True, False),
        ]
    )
    qtmodeltester.check(roster, force_py=force_py)

    set_checked(roster, 1, RosterColumn.WORKS, True)
    set_checked(roster, 0, RosterColumn.ACTIVE, False)
    roster.append(StaffEntry(None, "Eve", None, StaffRole.STAFF, True, True))

    assert roster.entry(1).on_roster
    assert not roster.entry(0).active
    assert roster.setData(roster.index(0, RosterColumn.NAME), "  Anna Kowalska ")
    assert roster.entry(0).name == "Anna Kowalska"
    assert not roster.setData(roster.index(0, RosterColumn.NAME), "   ")
    assert roster.setData(roster.index(0, RosterColumn.EMAIL), "")
    assert roster.entry(0).email is None
    assert not roster.setData(roster.index(1, RosterColumn.ROLE), "Staff")
    assert roster.index(1, RosterColumn.ROLE).data() == "Manager"


@pytest.mark.parametrize("force_py", [False, True])
def test_products_model_passes_the_model_tester(qtmodeltester: ModelTester, force_py: bool) -> None:
    products = ProductsModel(
        [ProductEntry(1, "TC-6040", "Case", ProductCategory.TRANSIT_CASE, False)]
    )
    qtmodeltester.check(products, force_py=force_py)

    set_checked(products, 0, ProductColumn.ON_STAND, True)
    products.append(ProductEntry(None, "X", "Y", ProductCategory.OTHER, True))

    assert products.entry(0).on_stand
    assert products.index(0, ProductColumn.CATEGORY).data() == "Transit case"
    assert products.setData(products.index(0, ProductColumn.SKU), "TC-6041")
    assert not products.setData(products.index(0, ProductColumn.NAME), "")
    assert products.entry(0).sku == "TC-6041" and products.entry(0).name == "Case"


@pytest.mark.parametrize("force_py", [False, True])
def test_questions_model_passes_the_model_tester(
    qtmodeltester: ModelTester, force_py: bool
) -> None:
    questions = QuestionsModel(
        [
            QuestionEntry(1, "Budget?", QuestionKind.SINGLE, ("a", "b")),
            QuestionEntry(2, "Fleet?", QuestionKind.NUMBER, ()),
        ]
    )
    qtmodeltester.check(questions, force_py=force_py)

    questions.remove(0)
    questions.append(QuestionEntry(None, "Why?", QuestionKind.TEXT, ()))

    assert [questions.index(r, 0).data() for r in range(2)] == ["Fleet?", "Why?"]
    assert questions.index(0, 1).data() == "Number"
    assert not questions.flags(questions.index(0, 0)) & Qt.ItemFlag.ItemIsUserCheckable

    questions.append(QuestionEntry(None, "Budget?", QuestionKind.TEXT, ()))
    assert questions.move(2, -1) == 1
    assert questions.move(0, -1) == 0
    assert questions.move(1, 5) == 2
    assert [questions.entry(r).text for r in range(3)] == ["Fleet?", "Why?", "Budget?"]
    assert questions.setData(questions.index(1, 0), "Why now?")
    assert questions.entry(1).text == "Why now?"
    assert not questions.flags(questions.index(1, 1)) & Qt.ItemFlag.ItemIsEditable


def test_questions_reorder_and_names_are_corrected_in_place(
    qtbot: QtBot, catalogue: Booth, make_window: MakeWindow, services: Services
) -> None:
    show_id = catalogue.show.id
    services.events.add_question(show_id, "Sector", "single", ("Police", "Army"))
    services.events.add_question(show_id, "Budget", "number")
    window = make_window()
    dialog = open_dialog(qtbot, window)
    view = dialog.view
    view.tabs.setCurrentWidget(view.questions_tab)
    table = view.questions_table
    before = [e.text for e in dialog.questions.entries]
    last = len(before) - 1
    assert before[-2:] == ["Sector", "Budget"]
    table.setFocus()
    table.selectRow(last)
    assert view.move_question_up_button.isEnabled()
    assert not view.move_question_down_button.isEnabled()
    qtbot.keyClick(table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert [e.text for e in dialog.questions.entries] == [*before[:-2], "Budget", "Sector"]
    assert table.currentIndex().row() == last - 1
    assert dialog.questions.setData(dialog.questions.index(last - 1, 0), "Budget (k€)")
    ben = row_named(dialog.roster, RosterColumn.NAME, "Ben Okafor")
    assert dialog.roster.setData(dialog.roster.index(ben, RosterColumn.NAME), "Ben Okafor-Ade")

    assert dialog.save()

    stored = [q.text for q in services.events.questions(show_id)]
    assert stored == [*before[:-2], "Budget (k€)", "Sector"]
    assert services.staff.get(catalogue.ben_id).name == "Ben Okafor-Ade"


def test_a_refused_table_value_names_it_and_nothing_is_saved(
    qtbot: QtBot, catalogue: Booth, make_window: MakeWindow, services: Services
) -> None:
    window = make_window()
    dialog = open_dialog(qtbot, window)
    view = dialog.view
    view.edits["booth"].setText("9Z")
    ben = row_named(dialog.roster, RosterColumn.NAME, "Ben Okafor")
    assert dialog.roster.setData(dialog.roster.index(ben, RosterColumn.EMAIL), "ben@")

    assert not dialog.save()

    assert dialog.isVisible()
    assert view.tabs.currentWidget() is view.staff_tab
    assert view.message.text().startswith("Nothing was saved. Ben Okafor:")
    assert services.events.get(catalogue.show.id).booth != "9Z"
    assert services.staff.get(catalogue.ben_id).email is None


def test_each_tab_gives_every_alt_letter_to_one_control(
    qtbot: QtBot, catalogue: Booth, make_window: MakeWindow
) -> None:
    from test_mnemonics import mnemonic, mnemonic_of

    window = make_window()
    dialog = open_dialog(qtbot, window)
    view = dialog.view
    tab_letters = [mnemonic(view.tabs.tabText(i)) for i in range(view.tabs.count())]
    for index in range(view.tabs.count()):
        view.tabs.setCurrentIndex(index)
        letters = [letter for letter in tab_letters if letter]
        for widget in dialog.findChildren(QWidget):
            letter = mnemonic_of(widget)
            if letter is not None and widget.isVisible():
                letters.append(letter)
        assert len(letters) == len(set(letters)), (view.tabs.tabText(index), sorted(letters))


def test_a_catalogue_is_previewed_then_imported_keeping_unsaved_ticks(
    qtbot: QtBot, catalogue: Booth, services: Services, make_window: MakeWindow, tmp_path: Path
) -> None:
    path = tmp_path / "catalogue.csv"
    path.write_text(
        "SKU;Name;Category;IP rating\n"
        "TC-6040;Transit case 60x40 (olive);transit_case;IP67\n"
        "TC-8050;Étui 80x50;transit_case;IP65\n"
    )
    dialog = open_dialog(qtbot, make_window())
    rack = row_named(dialog.products, ProductColumn.SKU, "RK-19")
    set_checked(dialog.products, rack, ProductColumn.ON_STAND, True)

    preview = dialog.preview_catalogue(path)
    assert preview is not None
    assert preview.table.rowCount() == 2
    assert [preview.table.item(row, 5).text() for row in range(2)] == ["Update", "New"]
    assert "IP rating: IP67" in preview.table.item(0, 4).text()
    preview.accept()

    products = dialog.products
    new = row_named(products, ProductColumn.SKU, "TC-8050")
    assert products.entry(new).on_stand and products.entry(new).id is not None
    assert products.entry(row_named(products, ProductColumn.SKU, "RK-19")).on_stand
    assert "1 products added, 1 updated" in dialog.view.catalogue_notice.text()
    assert services.products.get("TC-6040").name == "Transit case 60x40 (olive)"
    assert dict(services.products.get("TC-8050").attributes) == {"ip_rating": "IP65"}


def test_a_bad_catalogue_is_named_and_nothing_is_stored(
    qtbot: QtBot, catalogue: Booth, services: Services, make_window: MakeWindow, tmp_path: Path
) -> None:
    path = tmp_path / "photo.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    before = services.products.list(include_inactive=True)
    dialog = open_dialog(qtbot, make_window())
    assert dialog.preview_catalogue(path) is None
    assert dialog.view.product_error.text().startswith("photo.xlsx: is not a readable")
    assert services.products.list(include_inactive=True) == before


def test_the_catalogue_is_exported_where_chosen(
    qtbot: QtBot,
    catalogue: Booth,
    services: Services,
    make_window: MakeWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QFileDialog

    chosen = tmp_path / "catalogue"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(chosen), ""))
    dialog = open_dialog(qtbot, make_window())
    dialog.view.export_catalogue_button.click()
    written = chosen.with_suffix(".xlsx")
    assert written.is_file()
    assert str(written) in dialog.view.catalogue_notice.text()
    assert services.products.preview_file(written).updated == len(
        services.products.list(include_inactive=True)
    )


def test_the_badge_codes_read_are_chosen_per_show(
    qtbot: QtBot, catalogue: Booth, services: Services, make_window: MakeWindow
) -> None:
    from boothapp.core.badges.symbologies import ALL_SYMBOLOGIES, Symbology

    window = make_window()
    dialog = open_dialog(qtbot, window)
    boxes = dialog.view.symbology_boxes
    assert all(box.isChecked() for box in boxes.values())
    for box in boxes.values():
        box.setChecked(False)
    assert not dialog.save()
    assert dialog.view.tabs.currentWidget() is dialog.view.badges_tab
    assert dialog.view.badges_error.text() == "Tick at least one kind of code to read."
    assert services.scans.symbologies(catalogue.show.id) == ALL_SYMBOLOGIES
    boxes[Symbology.PDF417].setChecked(True)
    boxes[Symbology.QR].setChecked(True)
    assert dialog.save()
    assert services.scans.symbologies(catalogue.show.id) == (Symbology.QR, Symbology.PDF417)
    assert window.scans.symbologies() == (Symbology.QR, Symbology.PDF417)
