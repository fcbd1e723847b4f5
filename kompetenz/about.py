"""What a bug report needs to know about this installation: `kompetenz --version`, About."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from kompetenz import __version__


def _distribution_version(*names: str) -> str:
    # Imported here: importlib.metadata costs ~0.1 s, and every start of the app parses the
    # command line that offers --version.
    from importlib import metadata

    for name in names:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return "nicht installiert"


def _qt_version() -> str:
    """The Qt library actually loaded, which can differ from the PySide6 wheel's version."""
    try:
        from PySide6.QtCore import qVersion
    except ImportError:
        return "nicht verfügbar"
    return str(qVersion())


def version_report() -> str:
    """Several lines: Kompetenz, Python, PySide6/Qt, SQLAlchemy, Markdown and the OS."""
    import platform  # here, not at the top: every start of the app imports this module

    pyside = _distribution_version("PySide6-Essentials", "PySide6")
    lines = [
        f"Kompetenz {__version__}",
        f"Python {platform.python_version()} ({platform.python_implementation()}, "
        f"{sys.executable})",
        f"PySide6 {pyside}, Qt {_qt_version()}",
        f"SQLAlchemy {_distribution_version('SQLAlchemy')}",
        f"Markdown {_distribution_version('Markdown')}",
        f"Betriebssystem {platform.platform()} ({platform.machine() or '?'})",
    ]
    return "\n".join(lines)


class VersionAction(argparse.Action):
    """`--version` that builds the report only when asked (it loads QtCore)."""

    def __init__(
        self,
        option_strings: Sequence[str],
        dest: str = argparse.SUPPRESS,
        default: Any = argparse.SUPPRESS,
        help: str | None = None,
    ) -> None:
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        print(version_report())
        parser.exit()
