"""Storage: SQLAlchemy tables, Alembic migrations, and the reads and writes of the radar."""
