"""Guards against a broken Qt binding: PySide6 6.12.0 on Python 3.11 loses a reference to
None on every void call and aborts after a few thousand. The app makes that many calls in
minutes, so such a version must never be installed (see pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys

VOID_CALLS = """
from PySide6.QtGui import QGuiApplication, QImage, QPainter
app = QGuiApplication(["check", "-platform", "offscreen"])
image = QImage(8, 8, QImage.Format.Format_RGB32)
painter = QPainter(image)
for _ in range(30000):
    painter.save()
    painter.restore()
painter.end()
print("survived")
"""


def test_many_void_calls_do_not_crash_the_interpreter() -> None:
    result = subprocess.run(
        [sys.executable, "-c", VOID_CALLS], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "survived"
