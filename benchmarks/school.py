"""The school's shared PostgreSQL server: 20 learners answering at once, the head teacher's
overview of 200 staff × 6 modules, and importing 200 handed-in certificates.

Runs on the server named by KOMPETENZ_TEST_POSTGRES_URL (a superuser URL, e.g. the throw-away
cluster of `scripts/pg-test-cluster start`); a fresh database is made and dropped. Without the
URL the figures are reported as not measured, with the command that starts the cluster.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks.results import Figure, median, percentile

NAMES = (
    "School server: record one answer, 20 learners at once (p95)",
    "School server: overview of 200 staff × 6 modules",
    "School server: import 200 certificates",
)
TARGETS = (20.0, 200.0, 10.0)
UNITS = ("ms", "ms", "s")
LEARNERS = 20
HOW_TO = 'set KOMPETENZ_TEST_POSTGRES_URL: eval "$(scripts/pg-test-cluster start)"'


def run(workdir: Path, quick: bool) -> list[Figure]:
    admin = os.environ.get("KOMPETENZ_TEST_POSTGRES_URL")
    if not admin:
        print(f"  school: not measured – {HOW_TO}", flush=True)
        return [Figure(n, None, t, u, f"not measured: {HOW_TO}")
                for n, t, u in zip(NAMES, TARGETS, UNITS, strict=True)]
    database = f"bench_{uuid.uuid4().hex[:10]}"
    url = _create_database(admin, database)
    try:
        from kompetenz.school.server import add_person, init_server

        init_server(url)
        head = add_person(url, "Schulleitung", school_role=True)
        learners = [add_person(url, f"Lehrkraft {n}") for n in range(LEARNERS)]
        return [
            _answers(workdir, learners, quick, _fsync(admin)),
            _overview(workdir, url, head, quick),
            _import(workdir, head, quick),
        ]
    finally:
        _drop_database(admin, database)


def _create_database(admin: str, database: str) -> str:
    import psycopg
    from sqlalchemy.engine import make_url

    with psycopg.connect(_libpq(admin), autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {database}")  # type: ignore[arg-type]
    return make_url(admin).set(database=database).render_as_string(hide_password=False)


def _drop_database(admin: str, database: str) -> None:
    import psycopg

    with psycopg.connect(_libpq(admin), autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")  # type: ignore[arg-type]
        roles = connection.execute(
            "SELECT rolname FROM pg_roles WHERE starts_with(rolname, %s) ORDER BY oid DESC",
            (f"{database}_",),
        ).fetchall()
        for (role,) in roles:
            connection.execute(f'DROP ROLE IF EXISTS "{role}"')  # type: ignore[arg-type]


def _libpq(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


# --- 20 learners answering ---------------------------------------------------------------------


def learner(url: str, folder: str, answers: int, barrier: Any) -> list[float]:
    """One PC: a quiz answered with a short pause between answers (people read questions);
    returns the seconds each answer took to be committed."""
    from kompetenz.store import open_store
    from kompetenz.store.records import PlannedItem

    with open_store(Path(folder), url) as store:
        profile = store.create_profile("Lehrkraft")
        plan = [PlannedItem(f"q{i}", (0, 1, 2)) for i in range(answers)]
        attempt = store.start_attempt(profile.id, "grundlagen", "1.0", plan)
        store.record_answer(attempt.id, 0, "q0", [0], 1.0)  # connection made and warm
        barrier.wait()
        times = []
        for position in range(answers):
            time.sleep(random.uniform(0.05, 0.25))
            began = time.perf_counter()
            store.record_answer(attempt.id, position, f"q{position}", [1], 0.0)
            times.append(time.perf_counter() - began)
    return times


def _fsync(admin: str) -> str:
    """The server's fsync setting: the test cluster runs without (KOMPETENZ_TEST_PG_FSYNC=on
    makes it sync as a school's server does), which changes what a commit costs."""
    import psycopg

    with psycopg.connect(_libpq(admin)) as connection:
        row = connection.execute("SHOW fsync").fetchone()
    return f"fsync {row[0] if row else '?'}"


def _answers(workdir: Path, learners: list[str], quick: bool, server: str) -> Figure:
    answers = 5 if quick else 40
    context = multiprocessing.get_context("spawn")
    barrier = context.Manager().Barrier(len(learners))
    with context.Pool(len(learners)) as pool:
        jobs = [pool.apply_async(learner, (url, str(workdir / f"pc-{n}"), answers, barrier))
                for n, url in enumerate(learners)]
        samples = [t * 1000 for job in jobs for t in job.get(timeout=600)]
    return Figure(NAMES[0], percentile(samples, 95), TARGETS[0], "ms",
                  f"{len(learners)} processes, {len(samples)} answers over loopback ({server}), "
                  f"median {median(samples):.1f} ms", samples)


# --- the head teacher's overview ---------------------------------------------------------------


def _overview(workdir: Path, admin_url: str, head_url: str, quick: bool) -> Figure:
    from kompetenz.school.record import school_overview
    from kompetenz.store import open_store

    staff = 20 if quick else 200
    _fill_released(admin_url, staff, modules=6)
    times = []
    with open_store(workdir / "head-overview", head_url) as store:
        for _ in range(3 if quick else 7):
            began = time.perf_counter()
            overview = school_overview(store)
            times.append(time.perf_counter() - began)
    assert len(overview.people) == staff
    return Figure(NAMES[1], median(times) * 1000, TARGETS[1], "ms",
                  f"{staff} people × 6 modules released, read as the school role", times)


def _fill_released(admin_url: str, staff: int, modules: int) -> None:
    """Certificates of `staff` people, released, written straight into the tables (the
    benchmark measures the reading, not 1,200 releases)."""
    import psycopg

    issued = datetime(2026, 11, 1, tzinfo=UTC)
    with psycopg.connect(_libpq(admin_url)) as connection:
        for person in range(staff):
            profile = connection.execute(
                "INSERT INTO profiles (name, name_key, role, created_at, preferences, owner) "
                "VALUES (%s, %s, 'teacher', %s, '{}', %s) RETURNING id",
                (f"Person {person:03}", f"person {person:03}", issued, f"p{person}"),
            ).fetchone()
            number = f"KMP-2026-{person:04}-BNCH"
            certificate = connection.execute(
                "INSERT INTO certificates (profile_id, number, kind, module_ids, issued_at, "
                "payload, signature, released_at, owner) VALUES (%s, %s, 'full', '[]', %s, '{}', "
                "'', %s, %s) RETURNING id",
                (profile[0] if profile else 0, number, issued, issued, f"p{person}"),
            ).fetchone()
            for module in range(modules):
                connection.execute(
                    "INSERT INTO released_completions (certificate_id, certificate_number, "
                    "person_name, person_role, module_id, module_title, module_version, as_of, "
                    "completed_on, released_at, owner) VALUES (%s, %s, %s, 'teacher', %s, %s, "
                    "'1.0', '2026-12-03', '2026-10-01', %s, %s)",
                    (certificate[0] if certificate else 0, number, f"Person {person:03}",
                     f"modul-{module}", f"Modul {module}", issued, f"p{person}"),
                )


# --- importing handed-in certificates ----------------------------------------------------------


def _import(workdir: Path, head_url: str, quick: bool) -> Figure:
    from PySide6.QtWidgets import QApplication

    from kompetenz.school.intake import import_files
    from kompetenz.store import open_store

    QApplication.instance() or QApplication([])
    count = 10 if quick else 200
    files = _certificate_files(workdir, count)
    with open_store(workdir / "head", head_url) as store:
        began = time.perf_counter()
        lines = import_files(store, files)
        seconds = time.perf_counter() - began
    added = sum(outcome == "hinzugefügt" for _, outcome in lines)
    return Figure(NAMES[2], seconds, TARGETS[2], "s",
                  f"{count} PDF files verified and recorded ({added} added) on the server")


def _certificate_files(workdir: Path, count: int) -> list[Path]:
    """`count` different certificates as handed in (made on one PC, not timed)."""
    from kompetenz.certificates.service import CertificateService
    from kompetenz.content.loader import load_course
    from kompetenz.resources import bundled_content_dir
    from kompetenz.store import open_store
    from kompetenz.store.records import PlannedItem

    course = load_course([bundled_content_dir()])
    module = course.modules[0]
    folder = workdir / "issuing-pc"
    files = []
    with open_store(folder) as store:
        service = CertificateService(store, course, folder,
                                     clock=lambda: datetime(2026, 11, 30, 9, tzinfo=UTC))
        for n in range(count):
            profile = store.create_profile(f"Person {n:03}")
            attempt = store.start_attempt(profile.id, module.id, module.version,
                                          [PlannedItem("q", ())])
            store.finish_attempt(attempt.id, 100.0, True)
            number = service.issue(profile.id, module.id, "module").number
            files.append(workdir / f"abgabe-{n:03}.pdf")
            service.export_pdf(number, files[-1])
    return files

