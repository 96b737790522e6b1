"""Taking a database's schema back to an older revision, which boothapp itself never does."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

import boothapp.core.migrations as migrations_package
from boothapp.core.db import Database


def migrations_config() -> Config:
    """An Alembic configuration for boothapp's migration scripts."""
    config = Config()
    config.set_main_option("script_location", str(Path(migrations_package.__file__).parent))
    return config


def downgrade_schema(database: Database, revision: str) -> None:
    """Runs the Alembic migrations down to ``revision``."""
    config = migrations_config()
    with database.engine.connect() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
        connection.commit()
