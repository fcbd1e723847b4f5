"""Where the learner's data lives, for the texts that tell the learner.

By default that is this computer's data folder. When `KOMPETENZ_DATABASE_URL` points to the
school's PostgreSQL server, progress, notes and reflections live there instead, and this
computer keeps only the lock, the log and the content caches; a text saying "stays on this
computer" would then be untrue.
"""

from __future__ import annotations

from kompetenz.datadir import database_url_override


def school_server() -> str | None:
    """The school's server as the texts name it (role@host/database, never the password), or
    None when the data is in a file (this computer's data folder)."""
    url = database_url_override()
    if url is None:
        return None
    from kompetenz.store import StoreError, backend_for, check_url

    try:
        check_url(url)  # a URL that does not parse is a StoreError, not SQLAlchemy's
        backend = backend_for(url)
        return None if backend.database_file is not None else backend.describe()
    except StoreError:
        return "?"  # opening the store refuses this address and says why
