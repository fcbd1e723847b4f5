"""One simulated PC for the concurrency test (a module of its own: spawned processes import it)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROUNDS = 6
POSITIONS = 8
CERTIFICATES = 3


def run_pc(url: str, data_dir: str, content_dir: str, profile_id: int, attempt_id: int,
           worker: int, barrier: Any) -> list[str]:
    """Answer every position, write shared and own notes, issue certificates: all at once with
    the other PCs, on the same profile and attempt. Returns the numbers it was given."""
    from kompetenz.certificates.service import CertificateService
    from kompetenz.content.loader import load_course
    from kompetenz.store.database import open_store

    numbers: list[str] = []
    with open_store(Path(data_dir), url) as store:
        service = CertificateService(store, load_course([Path(content_dir)]), Path(data_dir),
                                     clock=lambda: datetime(2026, 12, 3, 9, 0, tzinfo=UTC))
        barrier.wait()
        for round_ in range(ROUNDS):
            for position in range(POSITIONS):
                response = {"pc": worker, "round": round_}
                store.record_answer(attempt_id, position, f"q{position}", response, 1.0)
                store.save_note(profile_id, "beispiel", f"{position:02}.md", f"PC {worker}")
            store.save_note(profile_id, "beispiel", f"pc-{worker}.md", f"Runde {round_}")
            store.open_lesson(profile_id, "beispiel", "01-gemeinsam.md")
            store.add_time(profile_id, "beispiel", "01-gemeinsam.md", 1.0)
            store.set_preference(profile_id, f"pc{worker}", round_)
            if round_ < CERTIFICATES:
                numbers.append(service.issue(profile_id, None, "full").number)
    return numbers
