"""Makes the documentation's screenshots of dialogs and the dashboard on a demo show,
without a screen.

    QT_QPA_PLATFORM=offscreen python scripts/make_screenshots.py [docs]
    QT_QPA_PLATFORM=offscreen python scripts/make_screenshots.py --guide docs/guide

The first writes the README's pictures. The main window's screenshots come from the
tests (BOOTHAPP_UPDATE_SCREENSHOTS=1): the end-to-end test for the laptop and
high-density screens, the dark-mode test for dark.

``--guide`` writes the user guides' pictures, in English into ``docs/guide/en`` and in
French into ``docs/guide/fr``: each language is made by a process of its own, started
with ``BOOTHAPP_LANGUAGE`` set, as the app would start in it.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from boothapp.core.db import Database, open_database  # noqa: E402
from boothapp.core.schemas import LeadFilter, LeadInput  # noqa: E402
from boothapp.core.services import Services  # noqa: E402
from boothapp.core.services.demo import create_demo  # noqa: E402
from boothapp.gui.main_window import MainWindow  # noqa: E402
from boothapp.gui.tasks import SynchronousRunner  # noqa: E402


def settle(app: QApplication) -> None:
    for _ in range(50):
        app.processEvents()


def main() -> int:
    if sys.argv[1:2] == ["--guide"]:
        return _guides(Path(sys.argv[2] if len(sys.argv) > 2 else "docs/guide"))
    docs = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    docs.mkdir(exist_ok=True)
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(Path(folder) / "screens.sqlite3")
        services = Services.over(database)
        create_demo(services, leads=300, seed=7)
        settings = QSettings(str(Path(folder) / "window.ini"), QSettings.Format.IniFormat)
        window = MainWindow(services, runner=SynchronousRunner(), settings=settings)
        window.setWindowState(Qt.WindowState.WindowNoState)
        window.resize(1366, 768)
        window.show()
        settle(app)
        window.settings_action.trigger()
        dialog = window.settings_dialog
        assert dialog is not None
        view = dialog.view
        view.tabs.setCurrentWidget(view.questions_tab)
        view.questions_table.selectRow(1)
        settle(app)
        dialog.grab().save(str(docs / "show-settings-questions.png"))
        print(f"wrote {docs / 'show-settings-questions.png'}")
        dialog.reject()
        settle(app)
        window.dashboard_action.setChecked(True)
        settle(app)
        window.grab().save(str(docs / "dashboard.png"))
        print(f"wrote {docs / 'dashboard.png'}")
        window.dashboard_action.setChecked(False)
        settle(app)
        window.open_export()
        export = window.scan_dialog
        assert export is not None
        settle(app)
        export.grab().save(str(docs / "export-dialog.png"))
        print(f"wrote {docs / 'export-dialog.png'}")
        export.reject()
        settle(app)
        _merging_and_privacy(app, window, docs, Path(folder))
        window.close()
        database.close()
    return 0


def _other_laptop(database: Database, folder: Path, shared_id: str) -> Path:
    """A copy of the database as another laptop would have it at the end of the day: a
    few leads of its own and one shared lead edited differently."""
    from boothapp.core.backup import backup_to

    other_path = backup_to(database, folder / "laptop2.sqlite3")
    other = open_database(other_path)
    try:
        services = Services.over(other, station_id="laptop-2")
        show = services.events.active()
        assert show is not None
        for first, last, company in (
            ("Jonas", "Weber", "Rheinmetall"),
            ("山田", "太郎", "Yamada KK"),
            ("Zoé", "Lefèvre", "Thalès"),
        ):
            services.leads.create(LeadInput(first_name=first, last_name=last, company=company))
        shared = services.leads.get(shared_id)
        services.leads.update(
            shared.id,
            LeadInput(
                first_name=shared.first_name,
                last_name=shared.last_name,
                company="Kestrel Defence Systems",
                rating="hot",
            ),
        )
    finally:
        other.close()
    return other_path


def _merging_and_privacy(app: QApplication, window: MainWindow, docs: Path, folder: Path) -> None:
    from boothapp.gui.merge_dialog import open_merge_dialog

    services = window.services
    shared = services.leads.list(LeadFilter(), limit=1)[0]
    other = _other_laptop(services.database, folder, shared.id)
    services.leads.update(
        shared.id,
        LeadInput(first_name=shared.first_name, last_name=shared.last_name, company="Kestrel SA"),
    )
    merge = open_merge_dialog(window, services, window.runner, window.lead_changes, window.context)
    merge.load_file(other)
    settle(app)
    merge.start_merge()
    settle(app)
    _save(merge, docs / "merge-dialog.png")
    merge.reject()
    settle(app)
    window.open_follow_ups()
    settle(app)
    [queue] = [w for w in app.topLevelWidgets() if w.objectName() == "followUpQueue"]
    queue.resize(1100, 560)
    settle(app)
    _save(queue, docs / "follow-ups.png")
    queue.close()
    settle(app)
    window.lead_list.select_lead(shared.id)
    for open_dialog, name in (
        (window.privacy.erase_selected, "erase-dialog.png"),
        (window.privacy.open_retention, "retention-dialog.png"),
        (window.privacy.open_audit_log, "audit-log.png"),
    ):
        dialog = open_dialog()
        settle(app)
        _save(dialog, docs / name)
        dialog.reject()
        settle(app)


def _guides(folder: Path) -> int:
    """Makes the guides' pictures in each language, each in a process of its own."""
    import subprocess

    from boothapp.gui.i18n import LANGUAGES

    for language in LANGUAGES:
        subprocess.run(
            [sys.executable, __file__, "--guide-language", str(folder / language)],
            env={**os.environ, "BOOTHAPP_LANGUAGE": language},
            check=True,
        )
    return 0


def _guide_pictures(folder: Path) -> int:
    """The guides' pictures in the language of ``$BOOTHAPP_LANGUAGE``: the window with
    a visitor typed in, scanner calibration, the recovery dialog, a new show, the Staff
    tab of the show settings, an attendee list's preview, a merge, an export, an
    erasure."""
    from boothapp.core.backup import backup_to
    from boothapp.core.errors import DamagedDatabase
    from boothapp.gui.i18n import install_language
    from boothapp.gui.recovery import RecoveryDialog, backups_folder, recovery_for
    from boothapp.gui.scanning.wedge import WedgeScanner

    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    install_language()
    with tempfile.TemporaryDirectory() as temporary:
        path = Path(temporary) / "booth.sqlite3"
        database = open_database(path)
        services = Services.over(database)
        create_demo(services, leads=300, seed=7)
        settings = QSettings(str(Path(temporary) / "window.ini"), QSettings.Format.IniFormat)
        window = MainWindow(
            services, runner=SynchronousRunner(), settings=settings, wedge=WedgeScanner(app)
        )
        window.setWindowState(Qt.WindowState.WindowNoState)
        window.resize(1366, 768)
        window.view.splitter.setSizes([683, 683])
        window.show()
        settle(app)
        fields = window.capture.view
        for name, text in (
            ("first_name", "Zoé"),
            ("last_name", "Lefèvre"),
            ("company", "Müller GmbH"),
            ("job_title", "Head of logistics"),
            ("email", "zoe.lefevre@muller.example"),
        ):
            fields.edits[name].setText(text)
        fields.notes_edit.setPlainText("Needs 12 rack cases for a field hospital, quote by May.")
        fields.notes_edit.setFocus()
        settle(app)
        _save(window, folder / "window.png")
        window.capture.view.edits["first_name"].clear()
        for name in ("last_name", "company", "job_title", "email"):
            fields.edits[name].clear()
        fields.notes_edit.clear()
        settle(app)

        window.dialogs.open_calibration()
        settle(app)
        calibration = window.dialogs.scan_dialog
        if calibration is not None:
            _save(calibration, folder / "calibrate.png")
            calibration.reject()
            settle(app)

        backups_folder(path).mkdir()
        backup_to(database, backups_folder(path))
        recovery = recovery_for(DamagedDatabase("database disk image is malformed", path), path)
        assert recovery is not None
        recovering = RecoveryDialog(recovery, SynchronousRunner())
        recovering.show()
        settle(app)
        _save(recovering, folder / "recovery.png")
        recovering.reject()
        settle(app)

        window.dialogs.open_new_show()
        settle(app)
        new_show = window.dialogs.new_show_dialog
        assert new_show is not None
        _save(new_show, folder / "new-show.png")
        new_show.reject()
        settle(app)

        window.settings_action.trigger()
        settle(app)
        show_settings = window.settings_dialog
        assert show_settings is not None
        show_settings.show_page("staff")
        settle(app)
        _save(show_settings, folder / "show-settings.png")
        show_settings.reject()
        settle(app)

        attendees_file = Path(temporary) / "attendees.csv"
        attendees_file.write_text(
            "Badge,First name,Last name,Company,Email,Country\n"
            "MP-10231,Ingrid,Sørensen,Nordic Shelters AS,ingrid@nordic.example,NO\n"
            "MP-10232,山田,太郎,Yamada KK,yamada@yamada.example,JP\n"
            "MP-10233,Zoé,Lefèvre,Thalès,zoe@thales.example,FR\n",
            encoding="utf-8",
        )
        window.import_attendees_action.trigger()
        settle(app)
        importing = window.dialogs.scan_dialog
        assert importing is not None
        importing.load_file(attendees_file)  # type: ignore[attr-defined]
        settle(app)
        _save(importing, folder / "attendees.png")
        importing.reject()
        settle(app)

        window.open_export()
        settle(app)
        export = window.dialogs.scan_dialog
        assert export is not None
        _save(export, folder / "export.png")
        export.reject()
        settle(app)

        _merge_and_erase(app, window, folder, Path(temporary))
        window.close()
        database.close()
    return 0


def _merge_and_erase(app: QApplication, window: MainWindow, folder: Path, temporary: Path) -> None:
    from boothapp.gui.merge_dialog import open_merge_dialog

    services = window.services
    shared = services.leads.list(LeadFilter(), limit=1)[0]
    other = _other_laptop(services.database, temporary, shared.id)
    services.leads.update(
        shared.id,
        LeadInput(first_name=shared.first_name, last_name=shared.last_name, company="Kestrel SA"),
    )
    merge = open_merge_dialog(window, services, window.runner, window.lead_changes, window.context)
    merge.load_file(other)
    settle(app)
    merge.start_merge()
    settle(app)
    _save(merge, folder / "merge.png")
    merge.reject()
    settle(app)
    window.lead_list.select_lead(shared.id)
    erase = window.privacy.erase_selected()
    settle(app)
    _save(erase, folder / "erase.png")
    erase.reject()
    settle(app)


def _save(widget: QWidget, path: Path) -> None:
    widget.grab().save(str(path))
    print(f"wrote {path}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--guide-language"]:
        sys.exit(_guide_pictures(Path(sys.argv[2])))
    sys.exit(main())
