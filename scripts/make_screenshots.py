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
from PySide6.QtWidgets import QApplication  # noqa: E402

from boothapp.core.db import open_database  # noqa: E402
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
        window.close()
        database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
