"""One mapping from rows to records, by column name; one reading of stored times; one backend
per engine, chosen from the URL."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from kompetenz.store import backend_for
from kompetenz.store.backend import DatabaseBackend
from kompetenz.store.postgresql.backend import PostgreSQLBackend
from kompetenz.store.records import Role
from kompetenz.store.rows import ByName, profile_record, utc_time
from kompetenz.store.service import ProgressStore
from kompetenz.store.sqlite.backend import SQLiteBackend


def test_stored_times_of_every_shape_become_aware_utc() -> None:
    expected = datetime(2026, 11, 26, 14, 5, 9, 123456, tzinfo=UTC)
    assert utc_time("2026-11-26 14:05:09.123456") == expected  # SQLite text, as written
    assert utc_time(datetime(2026, 11, 26, 14, 5, 9, 123456)) == expected  # naive: UTC
    berlin = expected.astimezone(timezone(timedelta(hours=1)))
    assert utc_time(berlin) == expected
    assert utc_time(berlin).tzinfo is UTC  # type: ignore[union-attr]
    assert utc_time(None) is None
    with pytest.raises(ValueError, match="not a stored time"):
        utc_time(12)


def test_rows_are_read_by_name_so_column_order_is_no_contract() -> None:
    connection = sqlite3.connect(":memory:")
    connection.row_factory = sqlite3.Row
    row = connection.execute(
        "SELECT '2026-01-02 03:04:05' AS created_at, 1 AS has_password, 'other' AS role,"
        " NULL AS school, 'Anna' AS name, 7 AS id"
    ).fetchone()
    record = profile_record(row)
    assert (record.id, record.name, record.school, record.role) == (7, "Anna", None, Role.OTHER)
    assert record.has_password is True
    assert record.created_at == datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def test_an_orm_profile_maps_through_the_same_function(store: ProgressStore) -> None:
    created = store.create_profile("Anna", password="geheim123")
    assert created.has_password
    assert store.list_profiles() == [created]  # summary SQL and ORM give the same record
    with pytest.raises(KeyError):
        ByName(created)["no_such_column"]


def test_the_backend_is_chosen_from_the_url(tmp_path: Path) -> None:
    sqlite = backend_for(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    assert isinstance(sqlite, SQLiteBackend)
    assert sqlite.supports_file_backups
    assert sqlite.database_file == (tmp_path / "x.sqlite3").resolve()
    server = backend_for("postgresql://kompetenz:geheim@schulserver/kompetenz")
    assert type(server) is PostgreSQLBackend
    assert server.describe() == "kompetenz@schulserver/kompetenz"
    assert server.url.startswith("postgresql+psycopg://")  # psycopg 3, not psycopg2
    other = backend_for("mysql://kompetenz:geheim@schulserver/kompetenz")
    assert type(other) is DatabaseBackend
    assert not other.supports_file_backups
    assert other.database_file is None
    assert "geheim" not in other.describe()
    with pytest.raises(ValueError, match="in-memory"):
        backend_for("sqlite://")


def test_the_store_uses_the_backend_it_was_opened_with(
    store: ProgressStore, store_engine: str
) -> None:
    expected = SQLiteBackend if store_engine == "sqlite" else PostgreSQLBackend
    assert type(store.backend) is expected
    assert store.backend.supports_file_backups is (store_engine == "sqlite")
    assert store.checkpoint() is True
