"""Kiosk mode: a full-screen page where visitors register themselves while the staff
are busy.

Large fields (name, company, job title, e-mail, phone, country), the show's consent text
with a big consent box (none when the show has no consent text), the stand's products
as toggle buttons by category and a big Register button; Tab moves through them and
Enter registers. A badge scanned with the keyboard-wedge scanner fills the form (read as
a scan reads it, nothing saved) for the visitor to check. Registering saves a lead with
the kiosk as source through the lead service, or, for a visitor the show already has
(same badge ID or e-mail), records a visit to their lead; a thank-you page follows for
a few seconds, then the empty form. A minute without input empties the form and drops
what was typed: the kiosk is for the public and keeps nothing of a visitor who walked
away.

The kiosk is a top-level window of its own, shown full screen, while the main window
is hidden: no lead list, export or settings, and none of the main window's shortcuts
act. Leaving needs the manager PIN (the small Staff button, Ctrl+Alt+K or closing the
window ask for it); with no PIN set, only Ctrl+Alt+K leaves, after a confirmation.

The main window enters kiosk mode with::

    kiosk = start_kiosk(window, put_away=window.capture.put_away)

(:func:`~boothapp.gui.kiosk.kiosk_window.start_kiosk`; None when the capture form's
contents could be neither saved nor kept) and drops its reference on ``kiosk.left``.
"""

from __future__ import annotations

from boothapp.gui.kiosk.kiosk_window import IDLE_MS, THANKS_MS, KioskWindow, start_kiosk

__all__ = ["IDLE_MS", "THANKS_MS", "KioskWindow", "start_kiosk"]
