"""The lead data path: one way to select, read, write and count leads.

* ``query``: which leads (a ``LeadFilter`` as SQL, with the search-index shortcut), a
  page of the list, a count;
* ``rows``: the lead columns and the one builder of ``LeadRow`` and ``LeadDetail``;
* ``reader``: leads in full, a few by id or a whole export streamed;
* ``changes``: cleaning what is typed or scanned, and resolving products, answers and
  consent, for every write;
* ``writer``: the statements of every write (create, update, merge, revert, notes,
  visits, delete), on the driver's cursor, with the search index kept in step;
* ``counts``: tallies by day, hour, staff member, product, rating and country, in SQL.

``services.leads.LeadService`` and ``services.counts.CountService`` put these behind
transactions; nothing here opens one.
"""
