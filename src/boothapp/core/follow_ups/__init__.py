"""Follow-ups as tasks: every follow-up promised to a lead (its ``follow_ups``: send a
brochure, a quote, call back, ...) is one row of ``follow_up_tasks``, with a status (to
do, done), a due day of the show's calendar and an owner.

* ``status``: the task's status and its labels;
* ``due``: working days (Monday to Friday) and the default due day by rating;
* ``store``: the tasks written with a lead, in the save's transaction (create, update,
  revert and the fold of a returning visitor, from ``core.leads.writer``), and the tasks
  made for follow-ups that have none;
* ``queue``: the queue of a show's tasks (``FollowUpService``): listing and filtering,
  marking done and to do, changing the due day and the owner.

The rules, in one place:

* a follow-up added to a lead by a save gets a task, to do, owned by the staff member
  who captured the lead (the one saving when nobody did), due on the default day of the
  lead's rating counted from the day of the save in the show's time zone
  (``due.default_due``: hot the next working day, warm within 5 working days, cold
  within 10, not rated within 5);
* a follow-up taken off a lead takes its task away when it is still to do; a task done
  stays, as the record of what was done (ticking the follow-up again leaves it done);
* a save that changes the lead's rating moves the due day of its tasks still to do
  whose due day was the default of the old rating to the default of the new one (a due
  day chosen by hand stays);
* the tasks of a deleted lead are hidden (and come back with it); erasing or purging a
  lead removes them (``ON DELETE CASCADE``, and ``core.privacy.erasure`` removes every
  table referring to leads);
* merging another laptop's file carries the tasks (``core.merge.tasks``).

Nothing here imports the package's modules eagerly: ``core.models`` imports
``status``.
"""
