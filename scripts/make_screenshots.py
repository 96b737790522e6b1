"""Makes the documentation's screenshots of dialogs and the dashboard on a demo show,
without a screen.

    QT_QPA_PLATFORM=offscreen python scripts/make_screenshots.py [docs]

The main window's screenshots come from the tests (BOOTHAPP_UPDATE_SCREENSHOTS=1): the
end-to-end test for the laptop and high-density screens, the dark-mode test for dark.
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


def _save(widget: QWidget, path: Path) -> None:
    widget.grab().save(str(path))
    print(f"wrote {path}")


if __name__ == "__main__":
    sys.exit(main())
