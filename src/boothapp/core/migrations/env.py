"""Alembic environment: runs on the connection boothapp hands it (see core.db)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Column, MetaData, PrimaryKeyConstraint, String, Table

from boothapp.core.models import Base
from boothapp.core.search import managed_by_models

connection = context.config.attributes["connection"]
if connection.dialect.name != "sqlite":
    # Alembic makes version_num VARCHAR(32), shorter than some of our revision names;
    # SQLite ignores the length, other databases refuse the longer names.
    Table(
        "alembic_version",
        MetaData(),
        Column("version_num", String(64), nullable=False),
        PrimaryKeyConstraint("version_num", name="alembic_version_pkc"),
    ).create(connection, checkfirst=True)
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    include_name=managed_by_models,
)
with context.begin_transaction():
    context.run_migrations()
