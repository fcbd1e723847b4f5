"""Where the bundled course and the resources are, in a wheel and in a source checkout.

A wheel carries them inside the package (`kompetenz/_bundled/`, see pyproject.toml); a source
checkout or an editable install has them at the top of the repository.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

_PACKAGE_DIR = Path(str(resources.files("kompetenz")))


def _bundled(name: str) -> Path:
    inside = _PACKAGE_DIR / "_bundled" / name
    if inside.is_dir():
        return inside
    return _PACKAGE_DIR.parent / name


def bundled_content_dir() -> Path:
    return _bundled("content")


def resources_dir() -> Path:
    return _bundled("resources")


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
