"""Helpers shared by the robustness tests and benchmarks/fuzz_content.py."""

from __future__ import annotations

import hashlib
import json
import os
import re
import socket
import threading
import warnings
import zipfile
from html.parser import HTMLParser
from pathlib import Path

from kompetenz.content.packs import PACK_MANIFEST
from kompetenz.content.sanitize import document_policy
from kompetenz.quiz.grading import Response, grade
from kompetenz.quiz.model import (
    MatchPair,
    NumericalAnswer,
    Question,
    QuestionType,
    TrueFalse,
    format_number,
)


class Listener:
    """A TCP port on 127.0.0.1 that counts who connects to it."""

    def __init__(self) -> None:
        self.server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(16)
        self.server.settimeout(0.05)
        self.port: int = self.server.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self.server.accept()
            except (TimeoutError, OSError):
                continue
            self.connections += 1
            client.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        self.server.close()


def tree_digest(root: Path) -> str:
    """One hash over every path, file content and link target below `root` (and whether it
    exists): equal digests mean nothing was added, removed or changed."""
    digest = hashlib.sha256()
    if not root.exists():
        return "absent"
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(dirnames + filenames):
            path = Path(dirpath) / name
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            if path.is_symlink():
                digest.update(b"link:" + os.readlink(path).encode())
            elif path.is_file():
                digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


# -- content packs written by hand, good or hostile ---------------------------------------


def module_files(folder: Path, module_id: str) -> dict[str, bytes]:
    """A module folder's files under their names in a pack (`<id>/…`)."""
    return {
        f"{module_id}/{path.relative_to(folder).as_posix()}": path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def pack_manifest(files: dict[str, bytes], modules: dict[str, str], language: str = "de") -> bytes:
    """A correct `kompetenz-pack.json` for `files` (modules: id -> version)."""
    return json.dumps(
        {
            "format": 1,
            "language": language,
            "modules": [{"id": m, "version": v} for m, v in modules.items()],
            "files": {name: hashlib.sha256(data).hexdigest() for name, data in files.items()},
        }
    ).encode()


def write_zip(path: Path, entries: list[tuple[zipfile.ZipInfo | str, bytes]]) -> Path:
    """A zip with exactly these entries, duplicates and odd names included."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about duplicate names
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            for entry, data in entries:
                info = entry if isinstance(entry, zipfile.ZipInfo) else zipfile.ZipInfo(entry)
                info.compress_type = zipfile.ZIP_DEFLATED  # a ZipInfo also takes an empty name
                zf.writestr(info, data)
    return path


def write_pack(
    path: Path,
    files: dict[str, bytes],
    modules: dict[str, str],
    *,
    manifest: bytes | None = None,
    extra: list[tuple[zipfile.ZipInfo | str, bytes]] | None = None,
) -> Path:
    """A pack of `files` with a correct manifest (unless given), plus `extra` entries."""
    entries: list[tuple[zipfile.ZipInfo | str, bytes]] = [
        (PACK_MANIFEST, manifest if manifest is not None else pack_manifest(files, modules))
    ]
    entries += list(files.items()) + (extra or [])
    return write_zip(path, entries)


def set_module(files: dict[str, bytes], old_id: str, new_id: str, version: str) -> dict[str, bytes]:
    """The same module under another id and version."""
    renamed: dict[str, bytes] = {}
    for name, data in files.items():
        new_name = new_id + name[len(old_id) :]
        if name.endswith("/module.toml"):
            text = data.decode()
            text = text.replace(f'id = "{old_id}"', f'id = "{new_id}"')
            text = "\n".join(
                f'version = "{version}"' if line.startswith("version =") else line
                for line in text.splitlines()
            )
            data = text.encode()
        renamed[new_name] = data
    return renamed


# -- answering quizzes --------------------------------------------------------------------


def best_response(question: Question) -> Response:
    """A response that earns full marks where the question can be graded."""
    answers = question.answers
    if question.type is QuestionType.DESCRIPTION:
        return None
    if question.type is QuestionType.ESSAY:
        return "Meine Überlegungen dazu."
    if isinstance(answers, TrueFalse):
        return answers.correct
    if question.type is QuestionType.MULTIPLE_CHOICE:
        return frozenset(i for i, c in enumerate(question.choices()) if c.fraction > 0)
    if question.type is QuestionType.MATCHING:
        pairs = answers if isinstance(answers, tuple) else ()
        return {i: p.answer for i, p in enumerate(pairs) if isinstance(p, MatchPair) and p.question}
    if question.type is QuestionType.NUMERICAL:
        return _numerical(question)
    if question.type is QuestionType.SHORT_ANSWER:
        texts = [c.text.replace("*", "") for c in question.choices() if c.fraction == 1.0]
        return next((t for t in texts if grade(question, t) == 1.0), texts[0] if texts else "")
    choices = question.choices()
    return max(range(len(choices)), key=lambda i: choices[i].fraction)


def _numerical(question: Question) -> str:
    for answer in question.answers if isinstance(question.answers, tuple) else ():
        if isinstance(answer, NumericalAnswer) and answer.fraction == 1.0:
            interval = answer.interval()
            if interval is not None:
                return format_number((interval[0] + interval[1]) / 2)
    return "0"


# -- checking rendered HTML ----------------------------------------------------------------


class _Tags(HTMLParser):
    """Every tag and attribute in a piece of HTML, as Qt's parser would see them."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


def tags_of(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser.found


def assert_safe(html: str, image_uris: set[str] = frozenset()) -> None:  # type: ignore[assignment]
    """Only allowed tags and attributes, no event handler, style or dangerous URL."""
    policy = document_policy(image_uris)
    for tag, attrs in tags_of(html):
        assert tag in policy, tag
        for name, value in attrs.items():
            assert name in policy[tag], f"<{tag} {name}>"
            assert value is not None, f"<{tag} {name}>"
            assert policy[tag][name](value), f"<{tag} {name}={value!r}>"
    assert not re.search(r"<\s*(script|style|iframe|svg|object|embed|form)", html, re.I)
