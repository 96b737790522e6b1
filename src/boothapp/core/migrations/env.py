"""Alembic environment: runs on the connection boothapp hands it (see core.db)."""

from __future__ import annotations

from alembic import context

from boothapp.core.models import Base
from boothapp.core.search import managed_by_models

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    include_name=managed_by_models,
)
with context.begin_transaction():
    context.run_migrations()
