"""Helpers for the certificate tests (a module of its own: conftest files cannot be imported)."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from kompetenz.store.records import PlannedItem
from kompetenz.store.service import ProgressStore

_PACKET = re.compile(rb"<\?xpacket begin=.*?<\?xpacket end=['\"][rw]['\"]\?>", re.DOTALL)


class Clock:
    """The store's clock, moved by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def pass_quiz(store: ProgressStore, clock: Clock, profile_id: int, module_id: str, score: float,
              passed: bool = True) -> None:
    """Record one finished quiz attempt, at the clock's time, through the real store."""
    attempt = store.start_attempt(profile_id, module_id, "1.0.0", [PlannedItem("frage-1", (0, 1))])
    store.finish_attempt(attempt.id, score, passed)


def xmp_packet(pdf: bytes) -> bytes:
    packets = _PACKET.findall(pdf)
    assert len(packets) == 1, f"expected one XMP packet, found {len(packets)}"
    return packets[0]


def replace_in_xmp(pdf_path: Path, old: str, new: str) -> None:
    """Edit the certificate data inside the PDF as an attacker with a text editor would."""
    data = pdf_path.read_bytes()
    packet = xmp_packet(data)
    assert old.encode() in packet, f"{old!r} not in the XMP packet"
    pdf_path.write_bytes(data.replace(packet, packet.replace(old.encode(), new.encode())))
