"""One writer per workspace: the process that counts windows and raises alerts.

Window counts are kept in memory by the process that writes them, so two such
processes on one database would overwrite each other's counts. The radar and a full
import therefore take this lock; a ``--raw`` import (no counting) does not need it.
On SQLite it is a file lock next to the database; on PostgreSQL an advisory lock.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import text

from ascua.store.database import Database

_ADVISORY_KEY = 0x41534355  # "ASCU"


class WorkspaceBusy(RuntimeError):
    """Another Ascua process is writing to this database."""


@contextmanager
def writer_lock(database: Database) -> Iterator[None]:
    if database.is_sqlite:
        path = Path(str(database.engine.url.database) + ".writer.lock")
        with path.open("a+") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.seek(0)
                holder = handle.read().strip() or "another process"
                raise WorkspaceBusy(
                    f"the radar is already writing to this workspace (pid {holder}); "
                    "stop it first, or import with --raw"
                ) from None
            handle.seek(0)
            handle.truncate()
            handle.write(str(os.getpid()))
            handle.flush()
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
        return
    with database.engine.connect() as connection:
        acquired = connection.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": _ADVISORY_KEY}).scalar()
        if not acquired:
            raise WorkspaceBusy(
                "another Ascua radar or import is writing to this database; stop it first, or import with --raw"
            )
        try:
            yield
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _ADVISORY_KEY})
