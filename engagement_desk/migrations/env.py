"""Alembic environment: always run on a connection handed over by engagement_desk.migrator."""

from alembic import context

from engagement_desk.models import metadata
from engagement_desk.models.search_index import include_name

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Run migrations through 'engagement-desk db upgrade'.")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,
    compare_type=True,
    include_name=include_name,
)
with context.begin_transaction():
    context.run_migrations()
