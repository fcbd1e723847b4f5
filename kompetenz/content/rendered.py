"""What rendering a lesson gives, and the one way it looks at other files.

Kept apart from `render.py` so that a lesson taken from the render cache (`render_cache.py`)
can be shown, and checked for being current, without importing Python-Markdown (about 0.1 s
on the first lesson of a session).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import SplitResult, unquote, urlsplit


@dataclass
class RenderedLesson:
    html: str
    missing_images: list[str] = field(default_factory=list)
    broken_links: list[str] = field(default_factory=list)
    removed_html: list[str] = field(default_factory=list)  # raw HTML the sanitizer dropped
    image_uris: set[str] = field(default_factory=set)  # the only images the HTML may load
    too_complex: bool = False  # over the budget: shown as plain text (see `within_budget`)
    # Every image or lesson path the lesson names, and the file it found (None: none inside
    # the module folder). The HTML depends on these as much as on the text.
    looked_up: dict[str, str | None] = field(default_factory=dict)


def split_url(url: str) -> SplitResult | None:
    """`urlsplit`, or None for what it refuses (`http://[`: "Invalid IPv6 URL")."""
    try:
        return urlsplit(url)
    except ValueError:
        return None


def local_file(src: str, lesson_dir: Path, module_folder: Path) -> Path | None:
    """The file a relative `src` names, if it is a regular file inside `module_folder`
    (which must be resolved already)."""
    parts = split_url(src)
    if parts is None or parts.scheme or parts.netloc or not parts.path:
        return None
    relative = PurePosixPath(unquote(parts.path))
    if relative.is_absolute():
        return None
    try:
        target = (lesson_dir / Path(*relative.parts)).resolve()
        inside = target.is_relative_to(module_folder) and target.is_file()
    except (OSError, ValueError):  # a NUL byte, a name too long for the file system …
        return None
    return target if inside else None
