"""What the window offers when the database file cannot be opened at start: a damaged
file, a journal left beside a file it does not belong to, an empty file.

:func:`recovery_for` chooses the offers from the error and the backups beside the file:
restoring the newest good backup (the damaged file is kept aside, never overwritten),
setting the journal aside, opening a damaged file read-only, or quitting.
:class:`RecoveryDialog` shows them and carries out the one chosen, off the UI thread;
the database it then opened is in ``opened``. The commands of ``boothapp restore`` and
``boothapp salvage`` for a file are in :func:`restore_command` and
:func:`salvage_command`.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from enum import Enum
from functools import partial
from pathlib import Path

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from boothapp import APP_DISPLAY_NAME, APP_NAME
from boothapp.core.backup import BACKUPS_FOLDER_NAME, GoodBackup, newest_good_backup
from boothapp.core.db import Database, open_database
from boothapp.core.errors import (
    BoothError,
    DamagedDatabase,
    EmptyDatabase,
    StaleJournal,
    StorageError,
)
from boothapp.core.salvage import RestoreOutcome, restore_from, set_journal_aside
from boothapp.gui.i18n import QT_TRANSLATE_NOOP, translate
from boothapp.gui.palette import problem_style
from boothapp.gui.tasks import TaskRunner

SHOWN_PROBLEMS = 3


class Remedy(Enum):
    RESTORE = "restore"
    SET_JOURNAL_ASIDE = "set_journal_aside"
    READ_ONLY = "read_only"
    QUIT = "quit"


@dataclass(frozen=True)
class Recovery:
    """A database file that cannot be opened, why, and what can be done about it."""

    path: Path
    error: StorageError
    backup: GoodBackup | None
    """The newest backup beside the file that passed the checks."""
    remedies: tuple[Remedy, ...]


@dataclass(frozen=True)
class Opened:
    """The database opened after a remedy, and what the remedy did (for the status bar)."""

    database: Database
    notice: str


def backups_folder(path: Path) -> Path:
    return path.parent / BACKUPS_FOLDER_NAME


def recovery_for(error: BaseException, path: Path | None) -> Recovery | None:
    """The remedies for ``error``, raised opening the database file ``path``; None when
    no remedy here helps (a file that is not boothapp's, a newer version's, a server)."""
    if path is None or not isinstance(error, DamagedDatabase | EmptyDatabase):
        return None
    backup = newest_good_backup(backups_folder(path), path.stem)
    remedies = [Remedy.RESTORE] if backup is not None else []
    if isinstance(error, StaleJournal):
        remedies.append(Remedy.SET_JOURNAL_ASIDE)
    elif isinstance(error, DamagedDatabase):
        remedies.append(Remedy.READ_ONLY)
    remedies.append(Remedy.QUIT)
    return Recovery(path, error, backup, tuple(remedies))


_AGE_UNITS = (
    (
        86_400,
        QT_TRANSLATE_NOOP("recovery", "{count} day old"),
        QT_TRANSLATE_NOOP("recovery", "{count} days old"),
    ),
    (
        3_600,
        QT_TRANSLATE_NOOP("recovery", "{count} hour old"),
        QT_TRANSLATE_NOOP("recovery", "{count} hours old"),
    ),
    (
        60,
        QT_TRANSLATE_NOOP("recovery", "{count} minute old"),
        QT_TRANSLATE_NOOP("recovery", "{count} minutes old"),
    ),
)
"""Each unit an age is told in, largest first: its seconds, its text for one and for
several (translated where shown)."""


def age_text(age: timedelta) -> str:
    """How old something is, in the largest whole unit: "4 minutes old", "2 days old"."""
    seconds = max(0, int(age.total_seconds()))
    for size, one, several in _AGE_UNITS:
        if seconds >= size:
            count = seconds // size
            return translate("recovery", one if count == 1 else several).format(count=count)
    return translate("recovery", "less than a minute old")


def backup_summary(backup: GoodBackup) -> str:
    """ "184 leads, 12 minutes old (made 7 Dec 2026 14:05)"."""
    taken = backup.taken_at
    made = QLocale().toString(
        QDateTime(QDate(taken.year, taken.month, taken.day), QTime(taken.hour, taken.minute)),
        "d MMM yyyy HH:mm",
    )
    text = (
        translate("recovery", "{count} lead, {age} (made {made})")
        if backup.leads == 1
        else translate("recovery", "{count} leads, {age} (made {made})")
    )
    return text.format(count=backup.leads, age=age_text(backup.age), made=made)


def restore_summary(outcome: RestoreOutcome, source: str) -> str:
    """What a restore did, in the window's language (``RestoreOutcome.summary``):
    "Restored 12 leads from ``source``", with the leads erased again and where the
    replaced file is kept."""
    text = translate("recovery", "Restored {count} leads from {source}").format(
        count=outcome.leads, source=source
    )
    if outcome.erased_again:
        erased = (
            translate("recovery", "{summary} ({count} erased lead removed again)")
            if outcome.erased_again == 1
            else translate("recovery", "{summary} ({count} erased leads removed again)")
        )
        text = erased.format(summary=text, count=outcome.erased_again)
    if outcome.replaced:
        text = translate("recovery", "{summary}; the file it replaced is kept as {file}").format(
            summary=text, file=outcome.replaced
        )
    return text


def command_line(*arguments: str) -> str:
    """A command as it is typed in this system's terminal, each argument quoted."""
    if sys.platform == "win32":
        return subprocess.list2cmdline(arguments)
    return shlex.join(arguments)


def restore_command(path: Path, backup: Path | None = None) -> str:
    chosen = str(backup) if backup is not None else str(backups_folder(path) / "BACKUP-FILE")
    return command_line(APP_NAME, "--db", str(path), "restore", chosen)


def salvage_command(path: Path) -> str:
    new_file = path.with_name(f"{path.stem}-salvaged{path.suffix}")
    return command_line(APP_NAME, "--db", str(path), "salvage", str(new_file))


def carry_out(recovery: Recovery, remedy: Remedy) -> str:
    """Does to the file what ``remedy`` needs before the database is opened again, and
    says what it did. Runs off the UI thread; raises BoothError."""
    if remedy is Remedy.RESTORE:
        backup = recovery.backup
        assert backup is not None
        outcome = restore_from(backup.path, recovery.path)
        source = translate("recovery", "the backup {file}").format(file=backup.path.name)
        return translate("recovery", "{summary}.").format(summary=restore_summary(outcome, source))
    if remedy is Remedy.SET_JOURNAL_ASIDE:
        moved = set_journal_aside(recovery.path)
        names = ", ".join(path.name for path in moved) or translate("recovery", "nothing")
        return translate(
            "recovery", "Set the journal aside (kept as {files}); the file opened as it is."
        ).format(files=names)
    return ""


def reopen(recovery: Recovery, remedy: Remedy) -> Database:
    """Opens the database after ``remedy``: read-only for Open read-only."""
    return open_database(recovery.path, read_only=remedy is Remedy.READ_ONLY)


def _heading(error: StorageError) -> str:
    if isinstance(error, StaleJournal):
        return translate("recovery", "The database has a journal file that is not its own")
    if isinstance(error, DamagedDatabase):
        return translate("recovery", "The database file is damaged")
    return translate("recovery", "The database file is empty")


class RecoveryView(QWidget):
    """Layout of the recovery dialog: what is wrong, the backup, the offers, Quit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.icon.setPixmap(icon.pixmap(size, size))
        self.heading = QLabel()
        self.heading.setObjectName("recoveryHeading")
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.file_label = self._text_label("recoveryFile")
        self.reason_label = self._text_label("recoveryReason")
        self.problems_label = self._text_label("recoveryProblems")
        self.backup_label = self._text_label("recoveryBackup")
        self.salvage_label = self._text_label("recoverySalvage")
        self.status_label = self._text_label("recoveryStatus")
        self.restore_button = QCommandLinkButton(self.tr("&Restore the newest backup"))
        self.restore_button.setObjectName("restoreButton")
        self.journal_button = QCommandLinkButton(
            self.tr("&Set the journal aside"),
            self.tr("The journal is kept under another name and the file opens as it is."),
        )
        self.journal_button.setObjectName("setJournalAsideButton")
        self.read_only_button = QCommandLinkButton(
            self.tr("&Open read-only"),
            self.tr(
                "List, search and export the leads that can still be read; nothing can be saved."
            ),
        )
        self.read_only_button.setObjectName("readOnlyButton")
        self.quit_button = QPushButton(self.tr("&Quit"))
        self.quit_button.setObjectName("quitButton")
        self._lay_out()

    @staticmethod
    def _text_label(name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    @property
    def offer_buttons(self) -> dict[Remedy, QPushButton]:
        return {
            Remedy.RESTORE: self.restore_button,
            Remedy.SET_JOURNAL_ASIDE: self.journal_button,
            Remedy.READ_ONLY: self.read_only_button,
            Remedy.QUIT: self.quit_button,
        }

    def _lay_out(self) -> None:
        text = QVBoxLayout()
        text.setSpacing(8)
        for widget in (
            self.heading,
            self.file_label,
            self.reason_label,
            self.problems_label,
            self.backup_label,
        ):
            text.addWidget(widget)
        top = QHBoxLayout()
        top.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addSpacing(8)
        top.addLayout(text, 1)
        quit_row = QHBoxLayout()
        quit_row.addStretch(1)
        quit_row.addWidget(self.quit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addSpacing(6)
        for button in (self.restore_button, self.journal_button, self.read_only_button):
            layout.addWidget(button)
        layout.addWidget(self.salvage_label)
        layout.addStretch(1)
        layout.addWidget(self.status_label)
        layout.addSpacing(6)
        layout.addLayout(quit_row)


class RecoveryDialog(QDialog):
    """Shows ``recovery`` and carries out the remedy chosen (:meth:`choose`): ``act``
    changes the file off the UI thread through ``runner``, then ``reopen`` opens the
    database on this thread. Accepted with ``opened`` set once it is open; rejected by
    Quit. A remedy that fails is said in the dialog, which then offers what is left (a
    file found damaged once its journal is set aside gets the offers of a damaged
    file)."""

    def __init__(
        self,
        recovery: Recovery,
        runner: TaskRunner,
        parent: QWidget | None = None,
        act: Callable[[Recovery, Remedy], str] = carry_out,
        reopen: Callable[[Recovery, Remedy], Database] = reopen,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("{app} — the database cannot be opened").format(app=APP_DISPLAY_NAME)
        )
        self.setMinimumWidth(620)
        self._runner = runner
        self._act = act
        self._reopen = reopen
        self.opened: Opened | None = None
        self.working = False
        self.view = RecoveryView()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 18, 18, 14)
        layout.addWidget(self.view)
        for remedy, button in self.view.offer_buttons.items():
            button.clicked.connect(partial(self.choose, remedy))
        self.recovery = recovery
        self.show_recovery(recovery)

    def show_recovery(self, recovery: Recovery, said: str = "") -> None:
        """Shows what is wrong with the file and the offers for it; ``said``: what the
        last remedy tried found."""
        self.recovery = recovery
        view = self.view
        error = recovery.error
        view.heading.setText(_heading(error))
        view.file_label.setText(self.tr("File: {file}").format(file=recovery.path))
        view.file_label.setVisible(str(recovery.path) not in str(error))
        view.reason_label.setText(str(error))
        problems = error.problems if isinstance(error, DamagedDatabase) else ()
        shown = [
            self.tr("SQLite: {problem}").format(problem=line) for line in problems[:SHOWN_PROBLEMS]
        ]
        if len(problems) > SHOWN_PROBLEMS:
            shown.append(self.tr("… and {count} more").format(count=len(problems) - SHOWN_PROBLEMS))
        view.problems_label.setText("\n".join(shown))
        view.problems_label.setVisible(bool(shown))
        backup = recovery.backup
        if backup is not None:
            view.backup_label.setText(self.tr("Newest backup: {file}").format(file=backup.path))
            view.restore_button.setDescription(
                self.tr(
                    "{backup}. The file that cannot be opened is kept beside it as it is."
                ).format(backup=backup_summary(backup))
            )
        else:
            view.backup_label.setText(
                self.tr("No backup that can be restored was found in {folder}.").format(
                    folder=backups_folder(recovery.path)
                )
            )
        view.backup_label.setVisible(True)
        damaged = isinstance(error, DamagedDatabase) and not isinstance(error, StaleJournal)
        view.salvage_label.setText(
            self.tr(
                "To copy every lead that can still be read into a new file instead, quit and "
                "run:\n{command}"
            ).format(command=salvage_command(recovery.path))
            if damaged
            else ""
        )
        view.salvage_label.setVisible(damaged)
        for remedy, button in view.offer_buttons.items():
            button.setVisible(remedy in recovery.remedies)
            button.setEnabled(True)
        self._say(said, problem=bool(said))
        if self.isVisible():
            self._fit()
        first = next(button for r, button in view.offer_buttons.items() if r in recovery.remedies)
        first.setDefault(True)
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit()

    def _fit(self) -> None:
        """As tall as the text needs at the dialog's width (the size hint is the height at
        the narrowest width, with every line wrapped)."""
        layout = self.layout()
        width = max(self.width(), self.minimumWidth())
        height = layout.heightForWidth(width) if layout is not None else -1
        if height > 0:
            self.resize(width, height)

    def _say(self, text: str, problem: bool = False) -> None:
        label = self.view.status_label
        label.setText(text)
        label.setStyleSheet(problem_style() if problem else "")
        label.setVisible(bool(text))

    def choose(self, remedy: Remedy) -> None:
        """Carries out ``remedy`` (Quit rejects the dialog)."""
        if self.working or remedy not in self.recovery.remedies:
            return
        if remedy is Remedy.QUIT:
            self.reject()
            return
        self.working = True
        for button in self.view.offer_buttons.values():
            button.setEnabled(False)
        doing = {
            Remedy.RESTORE: self.tr("Restoring the backup…"),
            Remedy.SET_JOURNAL_ASIDE: self.tr("Setting the journal aside…"),
            Remedy.READ_ONLY: self.tr("Opening the file read-only…"),
        }
        self._say(doing[remedy])
        recovery = self.recovery
        self._runner.run(
            partial(self._act, recovery, remedy),
            on_result=lambda notice: self._open(recovery, remedy, notice),
            on_error=self._failed,
        )

    def reject(self) -> None:
        if not self.working:
            super().reject()

    def _open(self, recovery: Recovery, remedy: Remedy, notice: str) -> None:
        try:
            database = self._reopen(recovery, remedy)
        except BoothError as error:
            self.working = False
            found = recovery_for(error, recovery.path)
            said = f"{notice} {error}".strip()
            self.show_recovery(found if found is not None else self._again(recovery), said)
            return
        self.working = False
        self.opened = Opened(database, notice)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.working = False
        recovery = self._again(self.recovery)
        if not isinstance(error, BoothError):
            self.show_recovery(recovery)
            sys.excepthook(type(error), error, error.__traceback__)
            return
        self.show_recovery(recovery, str(error))

    @staticmethod
    def _again(recovery: Recovery) -> Recovery:
        """The offers for the same file and error, with the backups looked at again."""
        return recovery_for(recovery.error, recovery.path) or recovery
