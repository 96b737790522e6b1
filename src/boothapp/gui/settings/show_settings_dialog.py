"""The show settings dialog: details, roster, products on the stand, questions, and
the booth's manager PIN (on the Staff tab, see :mod:`boothapp.gui.pin_dialog`).

Edits stay in the dialog until Save (changes to the manager PIN are stored at once).
Save stores everything in one transaction (``ShowSetupService``): if the services
refuse a value, the message names it, the dialog stays open with every edit, and
nothing is stored. Names, e-mails, SKUs and question texts are edited in place in the
tables (double-click or F2).
"""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal
from zoneinfo import available_timezones

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QFileDialog,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from boothapp.core.catalogue import clean_sku_and_name
from boothapp.core.errors import BoothError, ValidationError
from boothapp.core.models import ProductCategory, QuestionKind, StaffRole
from boothapp.core.schemas import (
    EventInput,
    EventRow,
    ProductEntry,
    ProductRow,
    QuestionEntry,
    ShowSetup,
    StaffEntry,
)
from boothapp.core.services import Services
from boothapp.core.services.events import parse_date
from boothapp.core.validation import (
    clean_line,
    country_choices,
    country_time_zone,
    normalise_country,
    normalise_email,
)
from boothapp.core.vocabulary import CATEGORY_LABELS, QUESTION_KIND_LABELS, ROLE_LABELS
from boothapp.gui.i18n import QT_TRANSLATE_NOOP, translate, window_language
from boothapp.gui.palette import problem_colour
from boothapp.gui.pin_dialog import ManagerPinSection
from boothapp.gui.settings.models import (
    ProductColumn,
    ProductsModel,
    QuestionColumn,
    QuestionsModel,
    RosterColumn,
    RosterModel,
)
from boothapp.gui.views.show_settings_view import ShowDetailsView, ShowSettingsView, field_title
from boothapp.gui.vocabulary_text import vocabulary

if TYPE_CHECKING:
    from boothapp.gui.settings.catalogue_dialog import CataloguePreviewDialog


MAX_SIZE = (980, 680)
NO_COUNTRY = QT_TRANSLATE_NOOP("show_settings_dialog", "(none)")
"""The country list's first item, no country (translated where shown)."""


@cache
def _time_zones() -> list[str]:
    return sorted(zone for zone in available_timezones() if "/" in zone or zone == "UTC")


def show_problem(label: QLabel, text: str) -> None:
    palette = QPalette(label.palette())
    palette.setColor(QPalette.ColorRole.WindowText, problem_colour())
    label.setPalette(palette)
    label.setText(text)
    label.setVisible(bool(text))


def _on_stand(product: ProductRow) -> ProductEntry:
    return ProductEntry(product.id, product.sku, product.name, product.category, True)


def _date_text(value: date | None) -> str:
    return value.isoformat() if value is not None else ""


class ShowDetailsForm(QObject):
    """Behaviour of a ``ShowDetailsView``: the country and time zone lists, the typed
    details as an ``EventInput``, and a refused detail's message beside its field.

    An empty time zone is left for the events service to decide (the country's when it
    keeps one time, else UTC); the box says which it would be."""

    def __init__(self, view: ShowDetailsView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        view.country_combo.addItem(translate("show_settings_dialog", NO_COUNTRY), None)
        for code, name in country_choices(window_language()):
            view.country_combo.addItem(name, code)
        view.timezone_combo.addItems(_time_zones())
        for combo in (view.country_combo, view.timezone_combo):
            completer = QCompleter(combo.model(), combo)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            combo.setCompleter(completer)
        view.country_combo.editTextChanged.connect(self._describe_default_zone)
        self._describe_default_zone()

    def load(self, event: EventRow) -> None:
        view = self.view
        view.edits["name"].setText(event.name)
        view.edits["venue"].setText(event.venue)
        view.edits["city"].setText(event.city)
        view.edits["booth"].setText(event.booth)
        view.edits["start_date"].setText(_date_text(event.start_date))
        view.edits["end_date"].setText(_date_text(event.end_date))
        index = view.country_combo.findData(event.country) if event.country else 0
        view.country_combo.setCurrentIndex(max(0, index))
        view.timezone_combo.setCurrentText(event.timezone)
        view.consent_edit.setPlainText(event.consent_text)
        view.consent_version_edit.setText(event.consent_version)

    def value(self) -> EventInput:
        """The fields as an ``EventInput``; ValidationError for a date that is not one."""
        view = self.view
        dates: dict[str, date | None] = {}
        for name in ("start_date", "end_date"):
            text = view.edits[name].text().strip()
            dates[name] = parse_date(text, name) if text else None
        return EventInput(
            name=view.edits["name"].text(),
            venue=view.edits["venue"].text(),
            city=view.edits["city"].text(),
            country=self.country_value(),
            start_date=dates["start_date"],
            end_date=dates["end_date"],
            booth=view.edits["booth"].text(),
            timezone=view.timezone_combo.currentText().strip(),
            consent_text=view.consent_edit.toPlainText(),
            consent_version=view.consent_version_edit.text(),
        )

    def country_value(self) -> str | None:
        """The chosen country's code, or the typed text for the service to judge."""
        combo = self.view.country_combo
        text = combo.currentText().strip()
        if not text or text == translate("show_settings_dialog", NO_COUNTRY):
            return None
        index = combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            code = combo.itemData(index)
            return str(code) if code else None
        return text

    def _describe_default_zone(self) -> None:
        try:
            code = normalise_country(self.country_value())
        except ValidationError:
            code = None
        zone = country_time_zone(code)
        if zone is not None:
            text = self.tr("{zone}, from the country").format(zone=zone)
        elif code is not None:
            text = self.tr("UTC: choose one of the country's zones")
        else:
            text = self.tr("UTC, or the country's zone")
        if (line := self.view.timezone_combo.lineEdit()) is not None:
            line.setPlaceholderText(text)

    def clear_errors(self) -> None:
        for label in self.view.field_errors.values():
            show_problem(label, "")

    def show_error(self, field: str, reason: str) -> bool:
        """Shows ``reason`` beside ``field`` and focuses it; False if there is no such field."""
        view = self.view
        label = view.field_errors.get(field)
        title = field_title(field)
        if label is None or title is None:
            return False
        show_problem(label, self.tr("{field}: {reason}").format(field=title, reason=reason))
        view.fields[field].setFocus(Qt.FocusReason.OtherFocusReason)
        return True


class ShowSettingsDialog(QDialog):
    """Edits ``event`` through ``services``; ``saved`` carries the stored show."""

    saved = Signal(object)

    def __init__(self, services: Services, event: EventRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.show_row = event
        self.setWindowTitle(self.tr("Show settings — {show}").format(show=event.name))
        self.setSizeGripEnabled(True)
        self.view = ShowSettingsView()
        self.details = ShowDetailsForm(self.view.details, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        # The booth's manager PIN, beside the roster and its roles; stored at once.
        self.pin_section = ManagerPinSection(services.manager_lock, self)
        staff_layout = self.view.staff_tab.layout()
        if staff_layout is not None:
            staff_layout.addWidget(self.pin_section)

        self.roster = RosterModel(parent=self)
        self.products = ProductsModel(parent=self)
        self.questions = QuestionsModel(parent=self)
        self.catalogue_preview: CataloguePreviewDialog | None = None

        self._fill_choices()
        view = self.view
        view.roster_table.setModel(self.roster)
        view.products_table.setModel(self.products)
        view.questions_table.setModel(self.questions)
        self.load()
        self._connect()
        self._size_to_screen()
        self._fit_tables()

    # --- building -------------------------------------------------------------------

    def _fill_choices(self) -> None:
        view = self.view
        for role, title in ROLE_LABELS.items():
            view.staff_role_combo.addItem(vocabulary(title), str(role))
        for category, title in CATEGORY_LABELS.items():
            view.product_category_combo.addItem(vocabulary(title), str(category))
        view.product_category_combo.setCurrentIndex(
            view.product_category_combo.findData(str(ProductCategory.TRANSIT_CASE))
        )
        for kind, title in QUESTION_KIND_LABELS.items():
            view.question_kind_combo.addItem(vocabulary(title), str(kind))

    def _connect(self) -> None:
        view = self.view
        view.country_combo.currentIndexChanged.connect(self._country_chosen)
        view.buttons.accepted.connect(self.save)
        view.buttons.rejected.connect(self.reject)
        view.add_staff_button.clicked.connect(self.add_staff)
        view.staff_name_edit.returnPressed.connect(self.add_staff)
        view.staff_email_edit.returnPressed.connect(self.add_staff)
        view.add_product_button.clicked.connect(self.add_product)
        view.import_catalogue_button.clicked.connect(self.choose_catalogue)
        view.export_catalogue_button.clicked.connect(self.export_catalogue)
        view.product_sku_edit.returnPressed.connect(self.add_product)
        view.product_name_edit.returnPressed.connect(self.add_product)
        view.add_question_button.clicked.connect(self.add_question)
        view.question_text_edit.returnPressed.connect(self.add_question)
        view.question_choices_edit.returnPressed.connect(self.add_question)
        view.delete_question_button.clicked.connect(self.delete_question)
        view.move_question_up_button.clicked.connect(lambda: self.move_question(-1))
        view.move_question_down_button.clicked.connect(lambda: self.move_question(1))
        view.questions_table.installEventFilter(self)
        view.question_kind_combo.currentIndexChanged.connect(self._kind_changed)
        view.questions_table.selectionModel().selectionChanged.connect(
            self._question_selection_changed
        )
        self.questions.modelReset.connect(self._question_selection_changed)
        self.questions.rowsRemoved.connect(self._question_selection_changed)
        self.questions.rowsMoved.connect(self._question_selection_changed)
        self._kind_changed()

    def _fit_tables(self) -> None:
        """Check-box and short columns fit their longest title or value; the rest of the
        width is shared among the text columns."""
        view = self.view
        roles = [vocabulary(label) for label in ROLE_LABELS.values()]
        categories = [vocabulary(label) for label in CATEGORY_LABELS.values()]
        kinds = [vocabulary(label) for label in QUESTION_KIND_LABELS.values()]
        self._fit(
            view.roster_table,
            {RosterColumn.WORKS: [], RosterColumn.ROLE: roles, RosterColumn.ACTIVE: []},
            {RosterColumn.NAME: 3, RosterColumn.EMAIL: 4},
        )
        self._fit(
            view.products_table,
            {ProductColumn.ON_STAND: [], ProductColumn.CATEGORY: categories},
            {ProductColumn.SKU: 2, ProductColumn.NAME: 5},
        )
        self._fit(
            view.questions_table,
            {QuestionColumn.KIND: kinds},
            {QuestionColumn.TEXT: 4, QuestionColumn.CHOICES: 5},
        )

    def _fit(self, table: QTableView, fixed: dict[int, list[str]], shares: dict[int, int]) -> None:
        metrics = table.fontMetrics()
        header = table.horizontalHeader()
        model = table.model()
        used = 0
        for column, samples in fixed.items():
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            width = max(metrics.horizontalAdvance(text) for text in [title, *samples]) + 32
            header.resizeSection(column, width)
            used += width
        room = max(240, self.width() - 80 - used)
        total = sum(shares.values())
        for column, share in shares.items():
            header.resizeSection(column, room * share // total)
        row_height = metrics.height() + 10
        table.verticalHeader().setDefaultSectionSize(row_height)

    def _size_to_screen(self) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry()
        width = min(MAX_SIZE[0], room.width() - 40)
        height = min(MAX_SIZE[1], room.height() - 60)
        self.resize(width, height)
        self.setMinimumSize(min(640, width), min(480, height))

    def show_page(self, page: Literal["show", "staff", "products", "questions"]) -> None:
        """Brings a tab to the front with the keyboard in it: on the show's name, or on
        the tab's table, or on its first "add" field while the table is empty."""
        view = self.view
        tab, table, first = {
            "show": (view.show_tab, None, view.edits["name"]),
            "staff": (view.staff_tab, view.roster_table, view.staff_name_edit),
            "products": (view.products_tab, view.products_table, view.product_sku_edit),
            "questions": (view.questions_tab, view.questions_table, view.question_text_edit),
        }[page]
        view.tabs.setCurrentWidget(tab)
        target = table if table is not None and table.model().rowCount() > 0 else first
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- reading ------------------------------------------------------------------------

    def load(self) -> None:
        """Fills the dialog from the services."""
        services = self.services
        event = services.events.get(self.show_row.id)
        self.show_row = event
        self.details.load(event)

        on_roster = {m.id for m in services.staff.list(event_id=event.id, include_inactive=True)}
        staff = services.staff.list(include_inactive=True)
        self.roster.set_entries(
            [StaffEntry(m.id, m.name, m.email, m.role, m.active, m.id in on_roster) for m in staff]
        )
        on_stand = {p.id for p in services.products.list(event_id=event.id, include_inactive=True)}
        self.products.set_entries(
            [
                ProductEntry(p.id, p.sku, p.name, p.category, p.id in on_stand)
                for p in services.products.list(include_inactive=True)
            ]
        )
        self.questions.set_entries(
            [
                QuestionEntry(q.id, q.text, q.kind, q.choices)
                for q in services.events.questions(event.id)
            ]
        )
        read = set(services.scans.symbologies(event.id))
        for symbology, box in self.view.symbology_boxes.items():
            box.setChecked(symbology in read)

    def _country_chosen(self) -> None:
        """Gives a show still in UTC, the default, its new country's time zone."""
        timezone_combo = self.view.timezone_combo
        zone = country_time_zone(self.view.country_combo.currentData())
        if zone is not None and timezone_combo.currentText().strip() in ("", "UTC"):
            timezone_combo.setCurrentText(zone)

    # --- additions ------------------------------------------------------------------------

    def add_staff(self) -> bool:
        """Adds the typed staff member to the table (on this show's roster)."""
        view = self.view
        try:
            name = clean_line(view.staff_name_edit.text(), "name")
            if not name:
                raise ValidationError("name", self.tr("a staff member needs a name"))
            email = normalise_email(view.staff_email_edit.text())
        except ValidationError as error:
            field = self.tr("E-mail") if error.field == "email" else self.tr("Name")
            show_problem(
                view.staff_error,
                self.tr("{field}: {reason}").format(field=field, reason=error.reason),
            )
            target = view.staff_email_edit if error.field == "email" else view.staff_name_edit
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        role = StaffRole(str(view.staff_role_combo.currentData()))
        row = self.roster.append(StaffEntry(None, name, email, role, True, True))
        view.roster_table.selectRow(row)
        view.roster_table.scrollToBottom()
        view.staff_name_edit.clear()
        view.staff_email_edit.clear()
        show_problem(view.staff_error, "")
        view.staff_name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def add_product(self) -> bool:
        """Adds the typed product to the catalogue table, on the stand."""
        view = self.view
        try:
            sku, name = clean_sku_and_name(
                view.product_sku_edit.text(), view.product_name_edit.text()
            )
            if any(entry.sku.casefold() == sku.casefold() for entry in self.products.entries):
                raise ValidationError(
                    "sku", self.tr("the catalogue already has {sku}").format(sku=sku)
                )
        except ValidationError as error:
            field = self.tr("SKU") if error.field == "sku" else self.tr("Name")
            show_problem(
                view.product_error,
                self.tr("{field}: {reason}").format(field=field, reason=error.reason),
            )
            target = view.product_sku_edit if error.field == "sku" else view.product_name_edit
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        category = ProductCategory(str(view.product_category_combo.currentData()))
        row = self.products.append(ProductEntry(None, sku, name, category, True))
        view.products_table.selectRow(row)
        view.products_table.scrollToBottom()
        view.product_sku_edit.clear()
        view.product_name_edit.clear()
        show_problem(view.product_error, "")
        view.product_sku_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    # --- the catalogue as a spreadsheet -------------------------------------------------

    def choose_catalogue(self) -> None:
        """Import catalogue…: asks for a spreadsheet and previews it."""
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import the product catalogue"),
            "",
            self.tr("Spreadsheets (*.xlsx *.xls *.ods *.csv *.tsv *.txt);;All files (*)"),
        )
        if chosen:
            self.preview_catalogue(Path(chosen))

    def preview_catalogue(self, path: Path) -> CataloguePreviewDialog | None:
        """Reads ``path`` and shows what importing it would do; a file that cannot be
        imported is said under the table, naming the file and row."""
        from boothapp.gui.settings.catalogue_dialog import CataloguePreviewDialog

        self._say_about_catalogue("")
        try:
            preview = self.services.products.preview_file(path)
        except BoothError as error:
            show_problem(self.view.product_error, str(error))
            return None
        dialog = CataloguePreviewDialog(preview, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.import_catalogue(path))
        self.catalogue_preview = dialog
        dialog.open()
        return dialog

    def import_catalogue(self, path: Path) -> None:
        """Stores the catalogue's products (on this show's stand) and adds them to the
        table, keeping what was ticked or added here and not saved yet."""
        try:
            added, updated = self.services.products.import_file(path, event_id=self.show_row.id)
        except BoothError as error:
            show_problem(self.view.product_error, str(error))
            return
        imported = {
            product.sku: product
            for product in self.services.products.list(event_id=self.show_row.id)
        }
        entries = []
        for entry in self.products.entries:
            product = imported.pop(entry.sku, None)
            entries.append(entry if product is None else _on_stand(product))
        known = {entry.id for entry in entries}
        entries += [_on_stand(product) for product in imported.values() if product.id not in known]
        self.products.set_entries(entries)
        self._say_about_catalogue(
            self.tr(
                "Imported {file}: {added} products added, {updated} updated; they are on "
                "this show's stand."
            ).format(file=path.name, added=added, updated=updated)
        )

    def export_catalogue(self) -> None:
        """Export catalogue…: writes the whole catalogue as it is stored (.xlsx or .csv)."""
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the product catalogue"),
            "catalogue.xlsx",  # untranslated
            self.tr("Excel (*.xlsx);;CSV (*.csv)"),
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_suffix(".xlsx")
        try:
            written = self.services.products.export_file(path)
        except BoothError as error:
            show_problem(self.view.product_error, str(error))
            return
        self._say_about_catalogue(
            self.tr("Wrote the {count} products of the catalogue to {path}.").format(
                count=written, path=path
            )
        )

    def _say_about_catalogue(self, text: str) -> None:
        self.view.catalogue_notice.setText(text)
        self.view.catalogue_notice.setVisible(bool(text))
        if text:
            show_problem(self.view.product_error, "")

    def add_question(self) -> bool:
        """Adds the typed question at the end of the list."""
        view = self.view
        kind = QuestionKind(str(view.question_kind_combo.currentData()))
        choices: tuple[str, ...] = ()
        try:
            text = clean_line(view.question_text_edit.text(), "question", 500)
            if not text:
                raise ValidationError("question", self.tr("type the question first"))
            if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
                raw = view.question_choices_edit.text().split(",")
                choices = tuple(c for c in (clean_line(r, "choices", 200) for r in raw) if c)
                if not choices:
                    raise ValidationError(
                        "choices", self.tr("give the choices, separated by commas")
                    )
        except ValidationError as error:
            field = self.tr("Choices") if error.field == "choices" else self.tr("Question")
            show_problem(
                view.question_error,
                self.tr("{field}: {reason}").format(field=field, reason=error.reason),
            )
            target = (
                view.question_choices_edit if error.field == "choices" else view.question_text_edit
            )
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        row = self.questions.append(QuestionEntry(None, text, kind, choices))
        view.questions_table.selectRow(row)
        view.question_text_edit.clear()
        view.question_choices_edit.clear()
        show_problem(view.question_error, "")
        view.question_text_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def delete_question(self) -> None:
        """Takes the selected question out (a stored one, with its answers, on Save)."""
        index = self.view.questions_table.currentIndex()
        if not index.isValid():
            return
        self.questions.remove(index.row())
        if self.questions.rowCount() > 0:
            self.view.questions_table.selectRow(min(index.row(), self.questions.rowCount() - 1))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Up and Ctrl+Down in the questions table move the selected question."""
        if (
            watched is self.view.questions_table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.modifiers() == Qt.KeyboardModifier.ControlModifier
            and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
        ):
            self.move_question(-1 if event.key() == Qt.Key.Key_Up else 1)
            return True
        return super().eventFilter(watched, event)

    def move_question(self, offset: int) -> None:
        """Moves the selected question ``offset`` places up (negative) or down."""
        table = self.view.questions_table
        index = table.currentIndex()
        if not index.isValid():
            return
        row = self.questions.move(index.row(), offset)
        table.selectRow(row)

    def _kind_changed(self) -> None:
        kind = QuestionKind(str(self.view.question_kind_combo.currentData()))
        self.view.question_choices_edit.setEnabled(
            kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE)
        )

    def _question_selection_changed(self) -> None:
        index = self.view.questions_table.currentIndex()
        selection = self.view.questions_table.selectionModel()
        selected = index.isValid() and selection.isRowSelected(index.row(), QModelIndex())
        last = self.questions.rowCount() - 1
        self.view.delete_question_button.setEnabled(selected)
        self.view.move_question_up_button.setEnabled(selected and index.row() > 0)
        self.view.move_question_down_button.setEnabled(selected and index.row() < last)

    # --- saving ---------------------------------------------------------------------------

    def clear_errors(self) -> None:
        self.details.clear_errors()
        show_problem(self.view.message, "")
        show_problem(self.view.badges_error, "")

    def show_field_error(self, error: ValidationError) -> None:
        """The message beside the Show tab field it names (or at the bottom)."""
        view = self.view
        title = field_title(error.field)
        if title is None:
            tabs = {"staff": view.staff_tab, "products": view.products_tab}
            tab = tabs.get(error.field.partition(".")[0], view.questions_tab)
            if error.field.startswith(("staff.", "products.", "questions.")):
                view.tabs.setCurrentWidget(tab)
            show_problem(
                view.message, self.tr("Nothing was saved. {reason}").format(reason=error.reason)
            )
            return
        view.tabs.setCurrentWidget(view.show_tab)
        self.details.show_error(error.field, error.reason)
        show_problem(
            view.message,
            self.tr("Nothing was saved: check “{field}” on the Show tab.").format(field=title),
        )

    def save(self) -> bool:
        """Stores everything in one transaction; on a refused value, says which and why,
        keeps the dialog open and stores nothing."""
        self.clear_errors()
        symbologies = [s for s, box in self.view.symbology_boxes.items() if box.isChecked()]
        if not symbologies:
            self.view.tabs.setCurrentWidget(self.view.badges_tab)
            show_problem(self.view.badges_error, self.tr("Tick at least one kind of code to read."))
            show_problem(self.view.message, self.tr("Nothing was saved: check the Badges tab."))
            return False
        try:
            setup = ShowSetup(
                show=self.details.value(),
                staff=tuple(self.roster.entries),
                products=tuple(self.products.entries),
                questions=tuple(self.questions.entries),
            )
            event = self.services.show_setup.save(self.show_row.id, setup)
            self.services.scans.set_symbologies(event.id, symbologies)
        except ValidationError as error:
            self.show_field_error(error)
            return False
        except BoothError as error:
            show_problem(
                self.view.message, self.tr("Nothing was saved. {reason}").format(reason=error)
            )
            return False
        self.show_row = event
        self.saved.emit(event)
        self.accept()
        return True
