"""The show's qualifier questions as form controls: a combo box for a single choice,
check boxes for several, a line for text and a spin box for a number."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from boothapp.core.models import QuestionKind
from boothapp.core.schemas import AnswerRow, QuestionRow

NO_ANSWER = "—"
NUMBER_RANGE = (-1, 1_000_000_000)


class QuestionsPanel(QWidget):
    """One labelled control per question; ``answers()`` gives what the lead service takes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.questions: list[QuestionRow] = []
        self.controls: dict[int, list[QWidget]] = {}

    def set_questions(self, questions: list[QuestionRow]) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.questions = list(questions)
        self.controls = {}
        for question in self.questions:
            label = QLabel(question.text)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            widgets = self._controls_for(question)
            self.controls[question.id] = widgets
            if len(widgets) == 1:
                field: QWidget = widgets[0]
            else:
                field = QWidget()
                grid = QGridLayout(field)
                grid.setContentsMargins(0, 0, 0, 0)
                for i, widget in enumerate(widgets):
                    grid.addWidget(widget, i // 2, i % 2)
                grid.setColumnStretch(2, 1)
            label.setBuddy(widgets[0])
            for widget in widgets:
                if not widget.accessibleName():
                    widget.setAccessibleName(question.text)
            self.form.addRow(label, field)
        self.setVisible(bool(self.questions))

    def _controls_for(self, question: QuestionRow) -> list[QWidget]:
        name = f"question:{question.id}"
        if question.kind == QuestionKind.SINGLE:
            combo = QComboBox()
            combo.setObjectName(name)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(14)
            combo.addItem(NO_ANSWER, None)
            for choice in question.choices:
                combo.addItem(choice, choice)
            combo.currentIndexChanged.connect(self.changed)
            return [combo]
        if question.kind == QuestionKind.MULTIPLE:
            boxes: list[QWidget] = []
            for i, choice in enumerate(question.choices):
                box = QCheckBox(choice.replace("&", "&&"))
                box.setProperty("choice", choice)
                box.setObjectName(f"{name}:{i}")
                box.setAccessibleName(
                    self.tr("{question}: {choice}").format(question=question.text, choice=choice)
                )
                box.toggled.connect(self.changed)
                boxes.append(box)
            return boxes
        if question.kind == QuestionKind.NUMBER:
            spin = QSpinBox()
            spin.setObjectName(name)
            spin.setRange(*NUMBER_RANGE)
            spin.setSpecialValueText(NO_ANSWER)
            spin.setValue(NUMBER_RANGE[0])
            spin.valueChanged.connect(self.changed)
            return [spin]
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.textChanged.connect(self.changed)
        return [edit]

    # --- values -------------------------------------------------------------------

    def answers(self) -> dict[int, Any]:
        """Every question's answer; None clears a stored one."""
        result: dict[int, Any] = {}
        for question in self.questions:
            widgets = self.controls[question.id]
            first = widgets[0]
            if isinstance(first, QComboBox):
                result[question.id] = first.currentData()
            elif isinstance(first, QSpinBox):
                value = first.value()
                result[question.id] = None if value == NUMBER_RANGE[0] else value
            elif isinstance(first, QLineEdit):
                result[question.id] = first.text().strip() or None
            else:
                chosen = [
                    str(w.property("choice"))
                    for w in widgets
                    if isinstance(w, QCheckBox) and w.isChecked()
                ]
                result[question.id] = chosen or None
        return result

    def set_answers(self, answers: dict[int, Any]) -> None:
        for question in self.questions:
            value = answers.get(question.id)
            widgets = self.controls[question.id]
            first = widgets[0]
            if isinstance(first, QComboBox):
                index = first.findData(value) if isinstance(value, str) else -1
                first.setCurrentIndex(max(0, index))
            elif isinstance(first, QSpinBox):
                number = value if isinstance(value, int | float) else NUMBER_RANGE[0]
                first.setValue(int(number))
            elif isinstance(first, QLineEdit):
                first.setText("" if value is None else str(value))
            else:
                chosen = set(value) if isinstance(value, list | tuple) else set()
                for widget in widgets:
                    if isinstance(widget, QCheckBox):
                        widget.setChecked(widget.property("choice") in chosen)

    def set_stored_answers(self, answers: tuple[AnswerRow, ...]) -> None:
        self.set_answers({a.question_id: a.value for a in answers})

    def draft_value(self) -> dict[str, Any]:
        return {str(k): v for k, v in self.answers().items() if v is not None}

    def set_draft_value(self, value: object) -> None:
        answers: dict[int, Any] = {}
        if isinstance(value, dict):
            for key, answer in value.items():
                try:
                    answers[int(key)] = answer
                except (TypeError, ValueError):
                    continue
        self.set_answers(answers)

    def focus_chain(self) -> list[QWidget]:
        return [w for q in self.questions for w in self.controls[q.id]]

    def first_control(self) -> QWidget | None:
        chain = self.focus_chain()
        return chain[0] if chain else None
