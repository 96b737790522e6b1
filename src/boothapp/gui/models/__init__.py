"""Qt item models over the services: tables that load lazily, page by page."""
