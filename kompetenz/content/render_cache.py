"""Rendered lessons kept, so that Python-Markdown runs once per version of a lesson.

Rendering a 5,000-word lesson takes Python-Markdown and the sanitizer about 70 ms, and the
first render of a session another 0.1 s to import Markdown (docs/performance.md). A
`RenderCache` keeps the last few results in memory and, given a folder (the app passes its
data folder), one JSON file per lesson in `rendered-lessons/` there.

A kept result is used only when it is exactly what rendering now would give: the lesson's
text is read every time and compared by its SHA-256, every image and lesson the text names
must still resolve to the same file (`RenderedLesson.looked_up`), and the code must be the
same (`_code_stamp`: Kompetenz's and Markdown's versions, the renderer's source files).
Anything else — a file that cannot be read, is damaged, was written by other code or for
another lesson — is a miss: the lesson is rendered again and the file rewritten. Writing
never fails an open either; the cache is an optimisation.

The files are trusted as much as the rest of the data folder (the database, the settings):
whoever can write there can change the learner's records anyway.

Thread-safe: the lesson page renders the next lesson on a worker thread.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
import tempfile
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kompetenz.content.loader import code_stamp, read_lesson_text
from kompetenz.content.rendered import RenderedLesson, local_file

FOLDER = "rendered-lessons"
FORMAT = 1
MAX_FILES = 400  # about 20 MB of 5,000-word lessons; the least recently used go first
MEMORY_ENTRIES = 8  # the lessons around the one being read


@dataclass(frozen=True)
class _Entry:
    text_sha256: str
    rendered: RenderedLesson


class RenderCache:
    """`render(path, module_folder)`: the lesson's `RenderedLesson`, rendered only if needed.

    Without a folder only the memory part is used. `renders` counts the real renders (tests
    and benchmarks read it).
    """

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = None if folder is None else Path(folder) / FOLDER
        self.renders = 0
        self._memory: OrderedDict[tuple[str, str], _Entry] = OrderedDict()
        self._lock = threading.Lock()
        self._code_stamp: list[Any] | None = None

    @property
    def _code(self) -> list[Any]:
        if self._code_stamp is None:  # on first use, not when the app starts
            self._code_stamp = _code_stamp()
        return self._code_stamp

    def render(self, lesson_path: Path, module_folder: Path) -> RenderedLesson:
        """Raises ContentError when the lesson cannot be read (as `read_lesson_text`)."""
        text = read_lesson_text(lesson_path)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        key = (str(lesson_path), str(module_folder))
        entry = self._from_memory(key) or self._from_disk(key)
        if entry is not None and entry.text_sha256 == digest and _current(entry, key):
            self._remember(key, entry)
            return _copy(entry.rendered)
        from kompetenz.content.render import render_lesson  # Markdown loads on first use

        rendered = render_lesson(text, lesson_path, module_folder)
        with self._lock:
            self.renders += 1
        entry = _Entry(digest, rendered)
        self._remember(key, entry)
        self._write(key, entry)
        return _copy(rendered)

    def _from_memory(self, key: tuple[str, str]) -> _Entry | None:
        with self._lock:
            return self._memory.get(key)

    def _remember(self, key: tuple[str, str], entry: _Entry) -> None:
        with self._lock:
            self._memory[key] = entry
            self._memory.move_to_end(key)
            while len(self._memory) > MEMORY_ENTRIES:
                self._memory.popitem(last=False)

    def _file(self, key: tuple[str, str]) -> Path | None:
        if self.folder is None:
            return None
        name = hashlib.sha256("\0".join(key).encode("utf-8", "surrogateescape")).hexdigest()
        return self.folder / f"{name[:32]}.json"

    def _from_disk(self, key: tuple[str, str]) -> _Entry | None:
        path = self._file(key)
        if path is None:
            return None
        try:
            data = json.loads(path.read_bytes())
            entry = _entry_from_json(data, key, self._code)
        except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
            return None
        if entry is not None:
            with contextlib.suppress(OSError):
                os.utime(path)  # recently used: pruned last
        return entry

    def _write(self, key: tuple[str, str], entry: _Entry) -> None:
        path = self._file(key)
        if path is None:
            return
        data = _entry_to_json(entry, key, self._code)
        with contextlib.suppress(OSError, ValueError):
            path.parent.mkdir(parents=True, exist_ok=True)
            # A whole file or none: another thread or a second window may read it meanwhile.
            handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as stream:
                    json.dump(data, stream, ensure_ascii=False)
                os.replace(temporary, path)
            finally:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
            _prune(path.parent)


def _current(entry: _Entry, key: tuple[str, str]) -> bool:
    """Whether every path the lesson names still finds the same file."""
    lesson_dir = Path(key[0]).parent
    try:
        module_folder = Path(key[1]).resolve()
    except (OSError, ValueError):
        return False
    for src, found in entry.rendered.looked_up.items():
        target = local_file(src, lesson_dir, module_folder)
        if (None if target is None else str(target)) != found:
            return False
    return True


def _copy(rendered: RenderedLesson) -> RenderedLesson:
    """A copy the caller may change without changing what is kept."""
    return RenderedLesson(
        html=rendered.html,
        missing_images=list(rendered.missing_images),
        broken_links=list(rendered.broken_links),
        removed_html=list(rendered.removed_html),
        image_uris=set(rendered.image_uris),
        too_complex=rendered.too_complex,
        looked_up=dict(rendered.looked_up),
    )


def _code_stamp() -> list[Any]:
    """What rendered the kept lessons: other code (an update of Kompetenz or Markdown, an edited
    renderer) may render differently, so its files are not used."""
    from kompetenz.content import rendered, sanitize

    # Markdown's own files stand for its version: importing it to ask would cost 0.1 s.
    spec = importlib.util.find_spec("markdown")
    markdown_files = [] if spec is None or spec.origin is None else [Path(spec.origin)]
    markdown_files += [f.with_name("__meta__.py") for f in markdown_files]
    render_file = Path(rendered.__file__).with_name("render.py")
    sources = [render_file, Path(rendered.__file__), Path(sanitize.__file__), Path(__file__)]
    return code_stamp(FORMAT, [*markdown_files, *sources])


def _entry_to_json(entry: _Entry, key: tuple[str, str], code: list[Any]) -> dict[str, Any]:
    rendered = entry.rendered
    return {
        "code": code,
        "lesson": key[0],
        "module": key[1],
        "text_sha256": entry.text_sha256,
        "html": rendered.html,
        "missing_images": rendered.missing_images,
        "broken_links": rendered.broken_links,
        "removed_html": rendered.removed_html,
        "image_uris": sorted(rendered.image_uris),
        "too_complex": rendered.too_complex,
        "looked_up": sorted(rendered.looked_up.items()),
    }


def _entry_from_json(data: Any, key: tuple[str, str], code: list[Any]) -> _Entry | None:
    """The entry, or None when the file is not one this code wrote for this lesson."""
    if not isinstance(data, dict) or data.get("code") != code:
        return None
    if data.get("lesson") != key[0] or data.get("module") != key[1]:
        return None
    looked_up: dict[str, str | None] = {}
    for src, found in data["looked_up"]:
        if not isinstance(src, str) or not (found is None or isinstance(found, str)):
            return None
        looked_up[src] = found
    rendered = RenderedLesson(
        html=_text(data["html"]),
        missing_images=_texts(data["missing_images"]),
        broken_links=_texts(data["broken_links"]),
        removed_html=_texts(data["removed_html"]),
        image_uris=set(_texts(data["image_uris"])),
        too_complex=data["too_complex"] is True,
        looked_up=looked_up,
    )
    return _Entry(_text(data["text_sha256"]), rendered)


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("not a string")
    return value


def _texts(value: Any) -> list[str]:
    if not isinstance(value, list):
        raise TypeError("not a list")
    return [_text(item) for item in value]


def _prune(folder: Path) -> None:
    """Keep the `MAX_FILES` most recently used files."""
    with contextlib.suppress(OSError):
        files = [e for e in os.scandir(folder) if e.name.endswith(".json") and e.is_file()]
        if len(files) <= MAX_FILES:
            return
        files.sort(key=lambda e: e.stat().st_mtime_ns)
        for stale in files[: len(files) - MAX_FILES * 3 // 4]:
            with contextlib.suppress(OSError):
                os.unlink(stale.path)
