"""Importing the organiser's attendee list: :class:`import_dialog.AttendeeImportDialog`."""
