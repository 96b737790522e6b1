"""Personal data done right (GDPR): what boothapp does for the people it holds.

* ``guard``: refusing to capture again a person who asked to be erased (scans, attendee
  lists, saves), with a message that says so;
* ``people``: finding a person's leads by e-mail address, across every show;
* ``erasure``: erasing a person, or a lead, for good: every row gone and, on SQLite, the
  bytes gone from the file and its journal; a suppression entry, a tombstone and an
  audit entry;
* ``retention``: the booth's retention period, the leads not contacted within it, and
  their purge;
* ``subject``: everything held on one person, as JSON and as a readable page;
* ``log``: reading the audit log.

Nothing here opens a window; the CLI (``cli.privacy``) and the window
(``gui.privacy_dialog``) call these functions, each of which is one transaction.
"""
