"""Small helpers for translated texts with numbered placeholders (%1, %2, …), as Qt writes them."""

from __future__ import annotations

import html


def fill(template: str, *values: object) -> str:
    # Replace from the highest number down so that %1 does not eat the start of %10.
    for number in range(len(values), 0, -1):
        template = template.replace(f"%{number}", str(values[number - 1]))
    return template


def escape(text: str) -> str:
    return html.escape(text, quote=True)
