"""The first-run page's behaviour: the demo show, made off the UI thread."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

from boothapp.core.errors import BoothError
from boothapp.core.schemas import EventRow
from boothapp.core.services import Services
from boothapp.gui.changes import ShowContext
from boothapp.gui.formatting import number
from boothapp.gui.tasks import TaskRunner
from boothapp.gui.views.welcome_view import WelcomeView

DEMO_LEADS = 200


class Welcome(QObject):
    """Makes the demo show from ``view``'s button and makes it the active show of
    ``context``. Signals: ``message(str)`` for the status bar; ``demo_ready()`` once
    the demo show is open."""

    message = Signal(str)
    demo_ready = Signal()

    def __init__(
        self,
        view: WelcomeView,
        services: Services,
        runner: TaskRunner,
        context: ShowContext,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.services = services
        self.runner = runner
        self.context = context
        view.demo_button.clicked.connect(self.create_demo_show)

    def create_demo_show(self) -> None:
        """Fills the database with a demo show and sample leads, off the UI thread."""
        view = self.view
        try:
            from boothapp.core.services.demo import create_demo
        except ModuleNotFoundError as error:
            if error.name != "boothapp.core.services.demo":
                raise
            view.status.setText(self.tr("This version of boothapp has no demo show."))
            return
        view.set_busy(True)
        view.status.setText(
            self.tr("Adding a show, staff, products and {count} sample leads…").format(
                count=number(DEMO_LEADS)
            )
        )
        services = self.services
        self.runner.run(
            lambda: create_demo(services, leads=DEMO_LEADS),
            on_result=self._demo_created,
            on_error=self._demo_failed,
        )

    def _demo_created(self, event: object) -> None:
        self.view.set_busy(False)
        self.view.status.clear()
        if isinstance(event, EventRow):
            self.services.events.use(event.id)
        self.context.reload()
        if self.context.show is not None:
            self.message.emit(
                self.tr("Created the demo show “{name}”.").format(name=self.context.show.name)
            )
        self.demo_ready.emit()

    def _demo_failed(self, error: Exception) -> None:
        view = self.view
        view.set_busy(False)
        if isinstance(error, BoothError):
            view.status.setText(
                self.tr("The demo show could not be created: {error}").format(error=error)
            )
            return
        view.status.clear()
        sys.excepthook(type(error), error, error.__traceback__)
