"""Installing content packs safely, and listing and removing installed modules.

Installing is all or nothing. After the checks of `kompetenz.content.packs`, files are extracted
into a temporary folder inside the data folder, their hashes compared and the modules run
through `check_content`; only then are they moved into `<data_dir>/content/<lang>/<id>/` with
`os.replace`. Any refusal raises `PackError` with a `reason` and leaves the installed content
exactly as it was. The bundled course is never written to, and a pack may not reuse the id of
a bundled module, so it cannot shadow one.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
import time
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from kompetenz.content.checker import check_content
from kompetenz.content.loader import LANGUAGE_DIR, MANIFEST, load_course, module_folders
from kompetenz.content.manifest import MODULE_ID, read_manifest
from kompetenz.content.packs import (
    _ZIP_ERRORS,
    ORIGIN_FILE,
    PackError,
    PackInfo,
    PackModule,
    _open,
    _read,
    version_key,
)
from kompetenz.content.problems import Problem
from kompetenz.datadir import installed_content_dir


@dataclass(frozen=True)
class InstallResult:
    installed: tuple[PackModule, ...] = ()
    updated: tuple[tuple[PackModule, str], ...] = ()  # with the version it replaced
    unchanged: tuple[PackModule, ...] = ()


@dataclass(frozen=True)
class ListedModule:
    id: str
    version: str
    title: str
    language: str
    origin: str  # "bundled" or "installed"
    folder: Path
    pack: str | None = None
    problem: str | None = field(default=None)  # why it cannot be loaded, if it cannot


def install_pack(
    pack_path: Path, data_dir: Path, bundled_roots: Sequence[Path], allow_downgrade: bool = False
) -> InstallResult:
    """Install or update the modules of a pack into `<data_dir>/content`, all or nothing."""
    with _open(pack_path) as zf:
        try:
            pack, entries = _read(zf)
        except (*_ZIP_ERRORS, OSError) as error:
            raise PackError("damaged", f"Das Paket ist beschädigt ({error}).") from None
        plan = _plan(pack, installed_content_dir(data_dir), bundled_roots, allow_downgrade)
        if not plan.installed and not plan.updated:
            names = ", ".join(f"„{m.id}“ {m.version}" for m in plan.unchanged)
            raise PackError("already-installed", f"Bereits installiert: {names}.")
        wanted = [m.id for m in pack.modules if m not in plan.unchanged]
        try:
            _stage_and_swap(zf, entries, pack, pack_path.name, data_dir, wanted)
        except OSError as error:
            raise PackError(
                "write-failed",
                f"Das Paket konnte nicht installiert werden "
                f"({error.strerror or error}); es bleibt alles, wie es war.",
            ) from None
    return plan


def _stage_and_swap(
    zf: zipfile.ZipFile,
    entries: dict[str, zipfile.ZipInfo],
    pack: PackInfo,
    pack_name: str,
    data_dir: Path,
    wanted: Sequence[str],
) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    _remove_stale_staging(data_dir)
    staging = Path(tempfile.mkdtemp(prefix=".pack-", dir=data_dir))
    try:
        _extract(zf, entries, pack, staging / pack.language)
        _verify(staging / pack.language, pack)
        origin = {"pack": pack_name, "installed_at": datetime.now(UTC).isoformat()}
        for module_id in wanted:
            (staging / pack.language / module_id / ORIGIN_FILE).write_text(
                json.dumps(origin, ensure_ascii=False), "utf-8"
            )
        _swap(staging, installed_content_dir(data_dir) / pack.language, wanted)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _plan(
    pack: PackInfo, content: Path, bundled_roots: Sequence[Path], allow_downgrade: bool
) -> InstallResult:
    bundled = {folder.name for folder, _ in module_folders(bundled_roots)}
    installed = {folder.name: folder for folder, _ in module_folders([content])}
    new: list[PackModule] = []
    updated: list[tuple[PackModule, str]] = []
    same: list[PackModule] = []
    for module in pack.modules:
        if module.id in bundled:
            raise PackError(
                "bundled",
                f"„{module.id}“ ist ein mitgeliefertes Modul und kann "
                "nicht durch ein Paket ersetzt werden. Geben Sie dem Modul eine "
                "andere id.",
            )
        folder = installed.get(module.id)
        if folder is None:
            new.append(module)
            continue
        if folder.parent.name != pack.language:
            raise PackError(
                "id-in-use",
                f"„{module.id}“ ist schon in der Sprache „{folder.parent.name}“ installiert.",
            )
        manifest, _ = read_manifest(folder / MANIFEST, folder.name)
        current = manifest.version if manifest is not None else "0"
        if version_key(module.version) == version_key(current):
            same.append(module)
        elif version_key(module.version) > version_key(current) or allow_downgrade:
            updated.append((module, current))
        else:
            raise PackError(
                "downgrade",
                f"„{module.id}“ ist schon in Version {current} "
                f"installiert; das Paket bringt die ältere Version "
                f"{module.version}. Mit --allow-downgrade trotzdem installieren.",
            )
    return InstallResult(tuple(new), tuple(updated), tuple(same))


def _extract(
    zf: zipfile.ZipFile, entries: dict[str, zipfile.ZipInfo], pack: PackInfo, target: Path
) -> None:
    total = sum(info.file_size for info in entries.values())
    if shutil.disk_usage(target.parent).free < total + 50_000_000:
        raise PackError("no-space", "Auf dem Datenträger ist nicht genug Platz frei.")
    root = target.resolve()
    for name, info in sorted(entries.items()):
        dest = target.joinpath(*name.split("/"))
        if not dest.resolve().is_relative_to(root):  # check_entry_name already excludes this
            raise PackError("unsafe-path", f"„{name}“ läge außerhalb des Zielordners.")
        dest.parent.mkdir(parents=True, exist_ok=True)
        digest, size = hashlib.sha256(), 0
        with _zip_member(zf, info) as source, open(dest, "xb") as out:
            while chunk := _read_chunk(source, name):
                size += len(chunk)
                if size > info.file_size:
                    raise PackError("bomb", f"„{name}“ ist größer als angegeben.")
                digest.update(chunk)
                out.write(chunk)
        if digest.hexdigest() != pack.files[name]:
            raise PackError(
                "hash-mismatch",
                f"„{name}“ stimmt nicht mit seiner Prüfsumme "
                "überein: Das Paket wurde verändert oder ist beschädigt.",
            )


def _zip_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> IO[bytes]:
    try:
        return zf.open(info)
    except (*_ZIP_ERRORS, OSError) as error:
        raise PackError("damaged", f"„{info.filename}“ ist beschädigt ({error}).") from None


def _read_chunk(source: IO[bytes], name: str) -> bytes:
    """Reading errors are the pack's fault ("damaged"); writing errors are the disk's."""
    try:
        return source.read(1 << 16)
    except (*_ZIP_ERRORS, OSError) as error:
        raise PackError("damaged", f"„{name}“ ist beschädigt ({error}).") from None


def _verify(language_dir: Path, pack: PackInfo) -> None:
    """Everything `kompetenz content check` checks, then the ids and versions claimed."""
    report = check_content([language_dir])
    if report.problems:
        problems = [
            Problem(_relative(p.file, language_dir), p.line, p.message) for p in report.problems
        ]
        raise PackError(
            "check-failed",
            f"Die Module im Paket haben {len(problems)} Problem(e); es wurde nichts installiert.",
            problems,
        )
    loaded = {m.id: m.version for m in load_course([language_dir], pack.language).modules}
    for module in pack.modules:
        if loaded.get(module.id) != module.version:
            raise PackError(
                "bad-manifest",
                f"„{module.id}“: Version im Paketverzeichnis "
                f"({module.version}) und in module.toml "
                f"({loaded.get(module.id)}) weichen ab.",
            )


def _relative(path: Path, base: Path) -> Path:
    try:
        return path.relative_to(base)
    except ValueError:
        return Path(path.name)


def _swap(staging: Path, language_dir: Path, module_ids: Sequence[str]) -> None:
    """Move the checked modules in; if one move fails, put back what was there before."""
    created = [p for p in (language_dir.parent, language_dir) if not p.exists()]
    (staging / "replaced").mkdir()
    done: list[tuple[Path, Path | None]] = []
    try:
        language_dir.mkdir(parents=True, exist_ok=True)
        for module_id in module_ids:
            target, old = language_dir / module_id, staging / "replaced" / module_id
            backup = None
            if os.path.lexists(target):
                os.replace(target, old)
                backup = old
            try:
                os.replace(staging / language_dir.name / module_id, target)
            except OSError:
                if backup is not None:
                    os.replace(backup, target)
                raise
            done.append((target, backup))
    except OSError as error:
        for target, backup in reversed(done):
            os.replace(target, staging / f"failed-{target.name}")
            if backup is not None:
                os.replace(backup, target)
        for folder in reversed(created):
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise PackError(
            "write-failed",
            f"Die Module konnten nicht in den Datenordner geschrieben werden "
            f"({error.strerror or error}); es bleibt alles, wie es war.",
        ) from None


def _remove_stale_staging(data_dir: Path) -> None:
    """Temporary folders left by an install the power cut short."""
    for folder in data_dir.glob(".pack-*"):
        if folder.is_dir() and time.time() - folder.stat().st_mtime > 3600:
            shutil.rmtree(folder, ignore_errors=True)


def list_modules(bundled_roots: Sequence[Path], data_dir: Path) -> list[ListedModule]:
    """Bundled and installed modules of every language, including those that fail to load."""
    listed: list[ListedModule] = []
    for origin, roots in (
        ("bundled", list(bundled_roots)),
        ("installed", [installed_content_dir(data_dir)]),
    ):
        for language in sorted({lang for _, lang in module_folders(roots)}):
            course = load_course(roots, language)
            for module in course.modules:
                listed.append(
                    ListedModule(
                        module.id,
                        module.version,
                        module.title,
                        language,
                        origin,
                        module.folder,
                        _pack_of(module.folder),
                    )
                )
            for failure in course.failures:
                listed.append(
                    ListedModule(
                        failure.folder.name,
                        "?",
                        "",
                        language,
                        origin,
                        failure.folder,
                        _pack_of(failure.folder),
                        failure.summary,
                    )
                )
    return listed


def _pack_of(folder: Path) -> str | None:
    try:
        pack = json.loads((folder / ORIGIN_FILE).read_text("utf-8")).get("pack")
    except (OSError, ValueError, AttributeError):
        return None
    return pack if isinstance(pack, str) else None


def remove_module(module_id: str, data_dir: Path, bundled_roots: Sequence[Path]) -> Path:
    """Remove an installed module (the learner's progress in it stays in the database)."""
    content = installed_content_dir(data_dir)
    found: list[Path] = []
    if MODULE_ID.match(module_id) and content.is_dir():  # the id never becomes "../.."
        found = [
            d / module_id
            for d in sorted(content.iterdir())
            if LANGUAGE_DIR.match(d.name) and (d / module_id).is_dir()
        ]
    if not found:
        if any(folder.name == module_id for folder, _ in module_folders(bundled_roots)):
            raise PackError(
                "bundled",
                f"„{module_id}“ gehört zum mitgelieferten Kurs und kann nicht entfernt werden.",
            )
        raise PackError("not-installed", f"Es ist kein Modul „{module_id}“ installiert.")
    for folder in found:
        trash = Path(tempfile.mkdtemp(prefix=".pack-", dir=data_dir))
        os.replace(folder, trash / module_id)  # gone for the loader at once, then deleted
        shutil.rmtree(trash, ignore_errors=True)
    return found[0]
