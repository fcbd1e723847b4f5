"""Refresh the translation files from the source, then build the .qm files the app loads.

    python resources/translations/update.py

Runs Qt's own tools (pyside6-lupdate, pyside6-lrelease, from PySide6). Translate new
entries in the .ts files with Qt Linguist (pyside6-linguist) or any text editor, then run
this again. tests/ui/test_translations.py fails while a German entry is missing.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
LANGUAGES = ("de", "en")


def tool(name: str) -> str:
    candidate = Path(sys.executable).with_name(name)
    return str(candidate) if candidate.exists() else name


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "kompetenz" / "ui").glob("*.py"))


def main() -> int:
    ts_files = [str(HERE / f"kompetenz_{lang}.ts") for lang in LANGUAGES]
    subprocess.run(
        [tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "none", "-ts",
         *ts_files],
        cwd=ROOT,
        check=True,
    )
    for ts in ts_files:
        subprocess.run([tool("pyside6-lrelease"), "-silent", ts], cwd=ROOT, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
