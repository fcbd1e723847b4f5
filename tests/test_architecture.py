"""The core must stay free of Qt, so it can run in a CLI, a test or a server without a display."""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys

import kompetenz

CORE_PACKAGES = ("kompetenz.content", "kompetenz.quiz", "kompetenz.store", "kompetenz.learning")
CORE_MODULES = ("kompetenz.resources", "kompetenz.cli")


def _core_module_names() -> list[str]:
    names = list(CORE_MODULES)
    for info in pkgutil.walk_packages(kompetenz.__path__, "kompetenz."):
        if info.name.startswith(CORE_PACKAGES) and ".migrations" not in info.name:
            names.append(info.name)
    return sorted(names)


def test_core_modules_exist() -> None:
    names = _core_module_names()
    assert "kompetenz.quiz.gift" in names
    assert "kompetenz.store.service" in names
    assert "kompetenz.content.loader" in names


def test_no_core_module_imports_qt() -> None:
    names = _core_module_names()
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(qt))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_the_rule_would_catch_a_qt_import(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The check above must be able to fail: importing a UI module does pull in Qt."""
    code = (
        "import sys, kompetenz.ui.module_list\n"
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "True"


def test_certificates_draw_without_widgets() -> None:
    code = (
        "import importlib, pkgutil, sys, kompetenz.certificates as c\n"
        "for info in pkgutil.walk_packages(c.__path__, 'kompetenz.certificates.'):\n"
        "    importlib.import_module(info.name)\n"
        "print('PySide6.QtWidgets' in sys.modules, 'PySide6.QtGui' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "True"]


def test_the_window_shows_before_the_heavy_libraries_load() -> None:
    """Start-up shows the module list first; the ORM, Alembic, Markdown and the quiz parser
    are imported only after the first paint (see docs/performance.md)."""
    code = (
        "import sys, kompetenz.cli, kompetenz.ui.launch\n"
        "heavy = ('sqlalchemy', 'alembic', 'markdown', 'cryptography', 'segno',\n"
        "         'importlib.metadata', 'kompetenz.store.service', 'kompetenz.quiz.gift')\n"
        "print(','.join(m for m in heavy if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.stdout.strip() == ""
