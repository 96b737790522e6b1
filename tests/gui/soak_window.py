"""Drives the main window with tens of thousands of Qt events; run by test_soak.py in a
child process, so that an interpreter abort fails one test instead of the whole run.

Usage: python soak_window.py FOLDER PAIRS. Prints one JSON line with what it saw.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from boothapp.core.db import open_database  # noqa: E402
from boothapp.core.schemas import EventInput, LeadInput  # noqa: E402
from boothapp.core.services import Services  # noqa: E402
from boothapp.gui.main_window import MainWindow  # noqa: E402
from boothapp.gui.tasks import SynchronousRunner  # noqa: E402

CYCLE_WORD = "Lefèvre محمد 山田"
FINAL_WORD = "Zoé"
PROCESS_EVERY = 250


def post_key(widget: QObject, key: int, text: str) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QCoreApplication.postEvent(
            widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text)
        )


def main(folder: Path, pairs: int) -> int:
    app = QApplication(sys.argv[:1])
    database = open_database(folder / "soak.sqlite3")
    services = Services.over(database)
    show = services.events.create(EventInput(name="Soak Expo"))
    for first, last in (("Zoé", "Lefèvre"), ("太郎", "山田"), ("محمد", "العلي")):
        services.leads.create(LeadInput(first_name=first, last_name=last), event_id=show.id)
    settings = QSettings(str(folder / "soak.ini"), QSettings.Format.IniFormat)
    window = MainWindow(services, runner=SynchronousRunner(), settings=settings)
    window.show()
    search = window.view.search_edit
    search.setFocus()
    app.processEvents()

    none_before = sys.getrefcount(None)
    sent = 0
    repaints = 0

    def pump() -> None:
        nonlocal repaints
        app.processEvents()
        window.repaint()
        repaints += 1

    keys = [(Qt.Key.Key_unknown, ch) for ch in CYCLE_WORD]
    keys += [(Qt.Key.Key_Backspace, "\b")] * len(CYCLE_WORD)
    final = [(Qt.Key.Key_unknown, ch) for ch in FINAL_WORD]
    while sent + len(final) < pairs:
        for key, text in keys:
            post_key(search, int(key), text)
            sent += 1
            if sent % PROCESS_EVERY == 0:
                pump()
    for key, text in final:
        post_key(search, int(key), text)
        sent += 1
    pump()
    window.apply_search()
    pump()
    none_after = sys.getrefcount(None)

    report = {
        "pairs": sent,
        "repaints": repaints,
        "text": search.text(),
        "matches": window.model.total(),
        "none_refcount_drop": none_before - none_after,
    }
    print(json.dumps(report, ensure_ascii=False), flush=True)
    window.close()
    database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), int(sys.argv[2])))
