"""The QR code's modules, from segno; no Qt, so that tests and tools can measure it too."""

from __future__ import annotations

import functools

import segno

ERROR_CORRECTION = "m"  # 15 % of the code may be dirty or creased
QUIET_ZONE = 4  # modules of white around the code, as the standard asks


@functools.lru_cache(maxsize=16)
def qr_matrix(text: str) -> tuple[tuple[bool, ...], ...]:
    """Rows of dark (True) modules, quiet zone included; cached, as choosing the mask is slow
    and a print preview draws the page again and again."""
    code = segno.make(text, error=ERROR_CORRECTION, micro=False)
    return tuple(tuple(bool(cell) for cell in row) for row in code.matrix_iter(border=QUIET_ZONE))


def qr_version(text: str) -> int:
    """The QR version (1–40) the text needs; each step adds 4 modules a side."""
    return (len(qr_matrix(text)) - 2 * QUIET_ZONE - 17) // 4
