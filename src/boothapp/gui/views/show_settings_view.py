"""Layout of the show settings dialog: tabs Show, Staff, Products and Questions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from boothapp.core.badges.symbologies import SYMBOLOGY_LABELS, Symbology
from boothapp.gui.i18n import QT_TRANSLATE_NOOP, translate
from boothapp.gui.vocabulary_text import vocabulary

SHOW_FIELDS = (
    # (field name as the services give it in ValidationError.field, label); the labels
    # are translated where they are shown (see field_title)
    ("name", QT_TRANSLATE_NOOP("show_settings_view", "Show &name")),
    ("venue", QT_TRANSLATE_NOOP("show_settings_view", "&Venue")),
    ("city", QT_TRANSLATE_NOOP("show_settings_view", "Cit&y")),
    ("country", QT_TRANSLATE_NOOP("show_settings_view", "Co&untry")),
    ("start_date", QT_TRANSLATE_NOOP("show_settings_view", "&First day")),
    ("end_date", QT_TRANSLATE_NOOP("show_settings_view", "&Last day")),
    ("booth", QT_TRANSLATE_NOOP("show_settings_view", "&Booth")),
    ("timezone", QT_TRANSLATE_NOOP("show_settings_view", "&Time zone")),
    ("consent_text", QT_TRANSLATE_NOOP("show_settings_view", "Consent te&xt")),
    ("consent_version", QT_TRANSLATE_NOOP("show_settings_view", "Consent v&ersion")),
)
_SHOW_FIELD_LABELS = dict(SHOW_FIELDS)


def field_title(name: str, mnemonic: bool = False) -> str | None:
    """The label of the ``SHOW_FIELDS`` field ``name`` in the window's language (None
    if there is no such field), without its ``&`` unless ``mnemonic``."""
    label = _SHOW_FIELD_LABELS.get(name)
    if label is None:
        return None
    title = translate("show_settings_view", label)
    return title if mnemonic else title.replace("&", "")


def dialog_buttons(
    action: QDialogButtonBox.StandardButton, text: str
) -> tuple[QDialogButtonBox, QPushButton]:
    """A dialog's ``action`` and Cancel buttons; the action, titled ``text``, is the
    default (Enter)."""
    buttons = QDialogButtonBox(action | QDialogButtonBox.StandardButton.Cancel)
    button = buttons.button(action)
    button.setText(text)
    button.setDefault(True)
    return buttons, button


def error_label(name: str) -> QLabel:
    """A label for a validation message, hidden until there is one. Its colour comes
    from the palette (see ``show_error``), so it reads in light and dark themes."""
    label = QLabel()
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setVisible(False)
    return label


def _table(name: str, accessible: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setTabKeyNavigation(False)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


def _labelled(form: QFormLayout, text: str, field: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(field)
    form.addRow(label, field)
    return label


class ShowDetailsView(QWidget):
    """A show's details, one labelled field per ``SHOW_FIELDS`` entry, each with its
    message below it: the Show tab of the settings and the new show dialog."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edits: dict[str, QLineEdit] = {}
        self.field_errors: dict[str, QLabel] = {}
        self.field_labels: dict[str, QLabel] = {}
        for name in ("name", "venue", "city", "start_date", "end_date", "booth"):
            edit = QLineEdit()
            edit.setObjectName(f"show:{name}")
            self.edits[name] = edit
        for name in ("start_date", "end_date"):
            self.edits[name].setPlaceholderText(self.tr("YYYY-MM-DD"))
            self.edits[name].setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 16 + 24)
        self.edits["booth"].setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 12)
        self.country_combo = QComboBox()
        self.country_combo.setObjectName("show:country")
        self.country_combo.setEditable(True)
        self.country_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.country_combo.setMinimumContentsLength(20)
        self.country_combo.setToolTip(
            self.tr("Also the default country of phone numbers typed at the booth")
        )
        if (country_line := self.country_combo.lineEdit()) is not None:
            country_line.setPlaceholderText(self.tr("e.g. Germany, Allemagne or DE"))
        self.timezone_combo = QComboBox()
        self.timezone_combo.setObjectName("show:timezone")
        self.timezone_combo.setEditable(True)
        self.timezone_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.timezone_combo.setMinimumContentsLength(20)
        self.timezone_combo.setToolTip(
            self.tr("Times in the lead list and “Today” follow this zone")
        )
        wide = self.fontMetrics().horizontalAdvance("M") * 24
        self.country_combo.setMaximumWidth(wide)
        self.timezone_combo.setMaximumWidth(wide)
        self.consent_edit = QPlainTextEdit()
        self.consent_edit.setObjectName("show:consent_text")
        self.consent_edit.setTabChangesFocus(True)
        self.consent_edit.setPlaceholderText(
            self.tr("What the visitor agrees to, shown on the capture form above the consent box")
        )
        self.consent_edit.setMinimumHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.consent_version_edit = QLineEdit()
        self.consent_version_edit.setObjectName("show:consent_version")
        self.consent_version_edit.setPlaceholderText(self.tr("e.g. 2025-11"))
        self.consent_version_edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 14)

        self.fields: dict[str, QWidget] = {
            **self.edits,
            "country": self.country_combo,
            "timezone": self.timezone_combo,
            "consent_text": self.consent_edit,
            "consent_version": self.consent_version_edit,
        }
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, _label in SHOW_FIELDS:
            title = field_title(name, mnemonic=True) or ""
            field = self.fields[name]
            field.setAccessibleName(title.replace("&", ""))
            error = error_label(f"error:{name}")
            self.field_errors[name] = error
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(field)
            column.addWidget(error)
            label = QLabel(self.tr("{field}:").format(field=title))
            label.setBuddy(field)
            self.field_labels[name] = label
            form.addRow(label, box)


class ShowSettingsView(QWidget):
    """The dialog's contents; the dialog adds behaviour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        self.show_tab = self._make_show_tab()
        self.staff_tab = self._make_staff_tab()
        self.products_tab = self._make_products_tab()
        self.questions_tab = self._make_questions_tab()
        self.badges_tab = self._make_badges_tab()
        self.tabs.addTab(self.show_tab, self.tr("&Show"))
        self.tabs.addTab(self.staff_tab, self.tr("St&aff"))
        self.tabs.addTab(self.products_tab, self.tr("&Products"))
        self.tabs.addTab(self.questions_tab, self.tr("&Questions"))
        self.tabs.addTab(self.badges_tab, self.tr("Badge &codes"))

        self.message = error_label("settingsMessage")
        self.buttons, self.save_button = dialog_buttons(
            QDialogButtonBox.StandardButton.Save, self.tr("Save settin&gs")
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)

    def _make_show_tab(self) -> QWidget:
        details = ShowDetailsView()
        self.details = details
        self.edits = details.edits
        self.field_errors = details.field_errors
        self.field_labels = details.field_labels
        self.country_combo = details.country_combo
        self.timezone_combo = details.timezone_combo
        self.consent_edit = details.consent_edit
        self.consent_version_edit = details.consent_version_edit
        self.show_fields = details.fields
        return details

    def _make_badges_tab(self) -> QWidget:
        tab = QWidget()
        hint = QLabel(
            self.tr(
                "The kinds of code the camera and badge pictures look for. European badges "
                "mostly carry QR codes; North American ones often PDF417 or Data Matrix; "
                "linear codes carry a bare badge ID. A USB scanner reads what it is set to "
                "read, whatever is ticked here."
            )
        )
        hint.setWordWrap(True)
        group = QGroupBox(self.tr("Codes read by the camera and from pictures"))
        grid = QGridLayout(group)
        self.symbology_boxes: dict[Symbology, QCheckBox] = {}
        for number, (symbology, label) in enumerate(SYMBOLOGY_LABELS.items()):
            box = QCheckBox(vocabulary(label))
            box.setObjectName(f"symbology_{symbology.value}")
            self.symbology_boxes[symbology] = box
            grid.addWidget(box, number % 4, number // 4)
        self.badges_error = error_label("badgesError")
        layout = QVBoxLayout(tab)
        layout.addWidget(hint)
        layout.addWidget(group)
        layout.addWidget(self.badges_error)
        layout.addStretch(1)
        return tab

    def _make_staff_tab(self) -> QWidget:
        tab = QWidget()
        self.roster_table = _table("rosterTable", self.tr("Staff members"))
        self.staff_name_edit = QLineEdit()
        self.staff_name_edit.setObjectName("newStaffName")
        self.staff_email_edit = QLineEdit()
        self.staff_email_edit.setObjectName("newStaffEmail")
        self.staff_email_edit.setPlaceholderText(self.tr("name@company.com (optional)"))
        self.staff_role_combo = QComboBox()
        self.staff_role_combo.setObjectName("newStaffRole")
        self.add_staff_button = QPushButton(self.tr("A&dd staff member"))
        self.add_staff_button.setObjectName("addStaff")
        self.staff_error = error_label("staffError")
        hint = QLabel(
            self.tr(
                "Tick who works this show: they can be chosen at the laptop and in the lead "
                "filters. Untick Active for someone who has left."
            )
        )
        hint.setWordWrap(True)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        group = QGroupBox(self.tr("Add a staff member"))
        row = QHBoxLayout(group)
        for text, field, stretch in (
            (self.tr("&Name:"), self.staff_name_edit, 2),
            (self.tr("E-&mail:"), self.staff_email_edit, 2),
            (self.tr("R&ole:"), self.staff_role_combo, 0),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            field.setAccessibleName(text.replace("&", "").rstrip(":"))
            row.addWidget(label)
            row.addWidget(field, stretch)
        row.addWidget(self.add_staff_button)

        layout = QVBoxLayout(tab)
        layout.addWidget(hint)
        layout.addWidget(self.roster_table, 1)
        layout.addWidget(group)
        layout.addWidget(self.staff_error)
        return tab

    def _make_products_tab(self) -> QWidget:
        tab = QWidget()
        self.products_table = _table("productsTable", self.tr("Products"))
        self.product_sku_edit = QLineEdit()
        self.product_sku_edit.setObjectName("newProductSku")
        self.product_sku_edit.setPlaceholderText(self.tr("e.g. TC-6040"))
        self.product_name_edit = QLineEdit()
        self.product_name_edit.setObjectName("newProductName")
        self.product_category_combo = QComboBox()
        self.product_category_combo.setObjectName("newProductCategory")
        self.add_product_button = QPushButton(self.tr("A&dd product"))
        self.add_product_button.setObjectName("addProduct")
        self.product_error = error_label("productError")
        self.import_catalogue_button = QPushButton(self.tr("&Import catalogue…"))
        self.import_catalogue_button.setObjectName("importCatalogue")
        self.import_catalogue_button.setToolTip(
            self.tr(
                "Add or update products from a spreadsheet (.xlsx, .ods or .csv), with a preview"
            )
        )
        self.export_catalogue_button = QPushButton(self.tr("E&xport catalogue…"))
        self.export_catalogue_button.setObjectName("exportCatalogue")
        self.catalogue_notice = QLabel()
        self.catalogue_notice.setObjectName("catalogueNotice")
        self.catalogue_notice.setWordWrap(True)
        self.catalogue_notice.setVisible(False)
        hint = QLabel(
            self.tr(
                "Tick the products on the stand at this show: the capture form lists them. "
                "New products join the catalogue and go on the stand."
            )
        )
        hint.setWordWrap(True)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        group = QGroupBox(self.tr("Add a product"))
        row = QHBoxLayout(group)
        for text, field, stretch in (
            (self.tr("S&KU:"), self.product_sku_edit, 1),
            (self.tr("&Name:"), self.product_name_edit, 2),
            (self.tr("Ca&tegory:"), self.product_category_combo, 0),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            field.setAccessibleName(text.replace("&", "").rstrip(":"))
            row.addWidget(label)
            row.addWidget(field, stretch)
        row.addWidget(self.add_product_button)

        files = QHBoxLayout()
        files.addWidget(self.import_catalogue_button)
        files.addWidget(self.export_catalogue_button)
        files.addStretch(1)

        layout = QVBoxLayout(tab)
        layout.addWidget(hint)
        layout.addWidget(self.products_table, 1)
        layout.addWidget(group)
        layout.addLayout(files)
        layout.addWidget(self.catalogue_notice)
        layout.addWidget(self.product_error)
        return tab

    def _make_questions_tab(self) -> QWidget:
        tab = QWidget()
        self.questions_table = _table("questionsTable", self.tr("Qualifier questions"))
        self.delete_question_button = QPushButton(self.tr("D&elete question"))
        self.delete_question_button.setObjectName("deleteQuestion")
        self.delete_question_button.setEnabled(False)
        self.move_question_up_button = QPushButton(self.tr("M&ove up"))
        self.move_question_up_button.setObjectName("moveQuestionUp")
        self.move_question_up_button.setToolTip(
            self.tr("Ask the selected question earlier (Ctrl+Up)")
        )
        self.move_question_up_button.setEnabled(False)
        self.move_question_down_button = QPushButton(self.tr("Move do&wn"))
        self.move_question_down_button.setObjectName("moveQuestionDown")
        self.move_question_down_button.setToolTip(
            self.tr("Ask the selected question later (Ctrl+Down)")
        )
        self.move_question_down_button.setEnabled(False)
        self.question_text_edit = QLineEdit()
        self.question_text_edit.setObjectName("newQuestionText")
        self.question_text_edit.setPlaceholderText(self.tr("e.g. Budget this year?"))
        self.question_kind_combo = QComboBox()
        self.question_kind_combo.setObjectName("newQuestionKind")
        self.question_choices_edit = QLineEdit()
        self.question_choices_edit.setObjectName("newQuestionChoices")
        self.question_choices_edit.setPlaceholderText(
            self.tr("Comma-separated, e.g. <10k, 10-50k, >50k")
        )
        self.add_question_button = QPushButton(self.tr("A&dd question"))
        self.add_question_button.setObjectName("addQuestion")
        self.question_error = error_label("questionError")
        hint = QLabel(
            self.tr(
                "Asked on the capture form in this order. New questions go to the end; "
                "move the selected one with Move up and Move down. Double-click a question "
                "(or press F2) to correct its text."
            )
        )
        hint.setWordWrap(True)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.move_question_up_button)
        actions.addWidget(self.move_question_down_button)
        actions.addWidget(self.delete_question_button)

        group = QGroupBox(self.tr("Add a question"))
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        _labelled(form, self.tr("Q&uestion:"), self.question_text_edit)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.question_kind_combo)
        choices_label = QLabel(self.tr("C&hoices:"))
        choices_label.setBuddy(self.question_choices_edit)
        kind_row.addWidget(choices_label)
        kind_row.addWidget(self.question_choices_edit, 1)
        kind_row.addWidget(self.add_question_button)
        kind_label = QLabel(self.tr("&Kind:"))
        kind_label.setBuddy(self.question_kind_combo)
        form.addRow(kind_label, kind_row)
        self.question_text_edit.setAccessibleName(self.tr("Question"))
        self.question_kind_combo.setAccessibleName(self.tr("Kind of answer"))
        self.question_choices_edit.setAccessibleName(self.tr("Choices"))

        layout = QVBoxLayout(tab)
        layout.addWidget(hint)
        layout.addWidget(self.questions_table, 1)
        layout.addLayout(actions)
        layout.addWidget(group)
        layout.addWidget(self.question_error)
        return tab
