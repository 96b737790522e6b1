"""The header above the form and the list: the show (with "New show…" at the end of its
list), its dates, place and time zone, and the staff member at the laptop."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSignalBlocker, Qt, Signal

from boothapp.core.schemas import EventRow, StaffRow
from boothapp.core.services import Services
from boothapp.gui.changes import ShowContext
from boothapp.gui.formatting import show_summary
from boothapp.gui.i18n import QT_TRANSLATE_NOOP, translate
from boothapp.gui.views.main_view import MainView

NEW_SHOW_ITEM = QT_TRANSLATE_NOOP("ShowHeader", "New show…")
NEW_SHOW_DATA = "new-show"


class ShowHeader(QObject):
    """Shows the show and staff member of ``context`` in ``view``'s header, and switches
    them when another is chosen, once ``save_open_lead`` (which says whether the form
    may be replaced) agrees. ``new_show_requested`` is emitted for "New show…"."""

    new_show_requested = Signal()

    def __init__(
        self,
        view: MainView,
        services: Services,
        context: ShowContext,
        save_open_lead: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.services = services
        self.context = context
        self._save_open_lead = save_open_lead
        context.changed.connect(self._follow_context)
        view.show_combo.currentIndexChanged.connect(self._show_chosen)
        view.staff_combo.currentIndexChanged.connect(self._staff_chosen)

    def _follow_context(self) -> None:
        show = self.context.show
        self._fill_show_combo(self.context.shows)
        if show is None:
            return
        self._fill_staff_combo(self.context.staff_list)
        details = show_summary(show)
        zone_note = self.tr("times in {timezone}").format(timezone=show.timezone)
        self.view.show_details.setText(" · ".join(p for p in (details, zone_note) if p))

    def _fill_show_combo(self, events: list[EventRow]) -> None:
        combo = self.view.show_combo
        show = self.context.show
        with QSignalBlocker(combo):
            combo.clear()
            for event in events:
                combo.addItem(event.name, event.id)
                combo.setItemData(
                    combo.count() - 1, show_summary(event), Qt.ItemDataRole.ToolTipRole
                )
            combo.insertSeparator(combo.count())
            combo.addItem(translate("ShowHeader", str(NEW_SHOW_ITEM)), NEW_SHOW_DATA)
            combo.setCurrentIndex(combo.findData(show.id) if show else -1)

    def _fill_staff_combo(self, staff: list[StaffRow]) -> None:
        combo = self.view.staff_combo
        active = self.context.staff
        if active is not None and all(member.id != active.id for member in staff):
            staff = [*staff, active]
        with QSignalBlocker(combo):
            combo.clear()
            for member in staff:
                combo.addItem(member.name, member.id)
            combo.setCurrentIndex(combo.findData(active.id) if active else -1)
        combo.setEnabled(bool(staff))

    def _show_chosen(self, index: int) -> None:
        event_id = self.view.show_combo.itemData(index)
        if event_id == NEW_SHOW_DATA:
            self._fill_show_combo(self.services.events.list())
            self.new_show_requested.emit()
            return
        show = self.context.show
        if event_id is None or (show is not None and event_id == show.id):
            return
        if not self._save_open_lead():
            self._fill_show_combo(self.services.events.list())
            return
        self.context.use_show(int(event_id))

    def _staff_chosen(self, index: int) -> None:
        staff_id = self.view.staff_combo.itemData(index)
        active = self.context.staff
        if staff_id is None or (active is not None and staff_id == active.id):
            return
        if not self._save_open_lead():
            self._fill_staff_combo(self.services.staff.list())
            return
        self.context.use_staff(int(staff_id))
