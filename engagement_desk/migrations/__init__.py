"""Alembic migrations shipped inside the package (run by engagement_desk.migrator)."""
