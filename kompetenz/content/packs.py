"""Content packs: modules handed around as one `.kompetenz` file (a zip), and installed safely.

A pack holds `kompetenz-pack.json` (format, language, module ids and versions, SHA-256 of every
file) and one folder per module. Packs come on USB sticks and by e-mail, so installing trusts
nothing: every entry name, type, size and compression ratio is checked before a byte is
written; files are extracted into a temporary folder inside the data folder, their hashes
compared and the modules run through `check_content`; only then are they moved into
`<data_dir>/content/<lang>/<id>/` with `os.replace`. Any refusal raises `PackError` with a
`reason` and leaves the installed content exactly as it was. The bundled course is never
written to, and a pack may not reuse the id of a bundled module, so it cannot shadow one.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import stat
import struct
import tempfile
import time
import unicodedata
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from kompetenz import __version__
from kompetenz.content.checker import check_content
from kompetenz.content.loader import LANGUAGE_DIR, MANIFEST, load_course, module_folders
from kompetenz.content.manifest import MODULE_ID, VERSION, read_manifest
from kompetenz.content.problems import Problem
from kompetenz.datadir import installed_content_dir

PACK_SUFFIX = ".kompetenz"
PACK_MANIFEST = "kompetenz-pack.json"
PACK_FORMAT = 1
ORIGIN_FILE = ".kompetenz-origin.json"  # written beside an installed module; never in a pack
MAX_PACK_BYTES = 100_000_000
MAX_FILE_BYTES = 20_000_000
MAX_TOTAL_BYTES = 200_000_000
MAX_FILES = 2_000
MAX_MODULES = 100
MAX_RATIO = 100  # uncompressed : compressed, for entries over RATIO_FLOOR bytes
RATIO_FLOOR = 1_000_000
MAX_NAME_CHARS = 200
_PART = re.compile(r"^\w[\w .+-]{0,99}$")
_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$", re.IGNORECASE)
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    struct.error,
    EOFError,
    ValueError,
    NotImplementedError,
    OverflowError,
    RuntimeError,
    UnicodeError,
)


class PackError(Exception):
    """A pack was refused or could not be built; `reason` is a stable code, the text says why."""

    def __init__(self, reason: str, message: str, problems: Sequence[Problem] = ()) -> None:
        super().__init__(message)
        self.reason = reason
        self.problems = list(problems)


@dataclass(frozen=True)
class PackModule:
    id: str
    version: str


@dataclass(frozen=True)
class PackInfo:
    language: str
    modules: tuple[PackModule, ...]
    files: dict[str, str]  # name inside the zip -> SHA-256


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


def version_key(version: str) -> tuple[int, ...]:
    """`1.2` < `1.10`, and `1.0` == `1.0.0`."""
    parts = [int(p) for p in version.split(".")]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def check_entry_name(name: str) -> str | None:
    """Why `name` may not be a file in a pack (None if it may): nothing may land outside."""
    if "\\" in name or name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return "absoluter Pfad oder Backslash"
    if len(name) > MAX_NAME_CHARS or name.count("/") > 10:
        return "Pfad zu lang"
    for part in name.split("/"):
        if part in ("", ".", ".."):
            return "leerer Pfadteil, „.“ oder „..“"
        if not _PART.match(part) or part.endswith((" ", ".")) or _RESERVED.match(part):
            return f"unzulässiger Dateiname „{part}“"
    return None


def _refuse_entry(info: zipfile.ZipInfo) -> tuple[str, str] | None:
    """(reason, text) if this zip entry must not be installed, else None."""
    name = info.filename.removesuffix("/")  # not is_dir(): it fails on an empty name
    why = check_entry_name(name)
    if why is not None:
        return "unsafe-path", f"„{info.filename}“: {why}"
    kind = stat.S_IFMT(info.external_attr >> 16)
    if kind == stat.S_IFLNK:
        return "symlink", f"„{name}“ ist ein symbolischer Link"
    if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
        return "special-file", f"„{name}“ ist keine gewöhnliche Datei"
    if info.flag_bits & 0x1:
        return "encrypted", f"„{name}“ ist verschlüsselt"
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        return "compression", f"„{name}“ ist mit einem nicht unterstützten Verfahren gepackt"
    if info.file_size > MAX_FILE_BYTES:
        return "file-too-large", f"„{name}“ ist größer als {MAX_FILE_BYTES // 1_000_000} MB"
    if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        return "bomb", f"„{name}“ ist verdächtig stark komprimiert (Zip-Bombe?)"
    return None


def _read(zf: zipfile.ZipFile) -> tuple[PackInfo, dict[str, zipfile.ZipInfo]]:
    entries = zf.infolist()
    if len(entries) > MAX_FILES + 1:
        raise PackError("too-many-files", f"Das Paket enthält mehr als {MAX_FILES} Dateien.")
    files: dict[str, zipfile.ZipInfo] = {}
    keys: set[str] = set()
    parents: set[str] = set()
    total = 0
    for info in entries:
        refusal = _refuse_entry(info)
        if refusal is not None:
            raise PackError(refusal[0], f"Das Paket wurde abgelehnt: {refusal[1]}.")
        key = unicodedata.normalize("NFC", info.filename.removesuffix("/")).casefold()
        if info.filename.endswith("/"):
            parents.add(key)
            continue
        if key in keys:
            raise PackError("duplicate", f"„{info.filename}“ steht zweimal im Paket.")
        keys.add(key)
        parents.update(key.rsplit("/", n)[0] for n in range(1, key.count("/") + 1))
        files[info.filename] = info
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise PackError(
            "too-large", f"Das Paket ist entpackt größer als {MAX_TOTAL_BYTES // 1_000_000} MB."
        )
    if keys & parents:
        raise PackError("duplicate", "Ein Name steht im Paket als Datei und als Ordner.")
    manifest = files.pop(PACK_MANIFEST, None)
    if manifest is None or manifest.file_size > 1_000_000:
        raise PackError("bad-manifest", f"Dem Paket fehlt eine gültige „{PACK_MANIFEST}“.")
    pack = _parse_manifest(zf.read(manifest))
    listed = {m.id for m in pack.modules}
    for name in files:
        if name not in pack.files or name.split("/")[0] not in listed or "/" not in name:
            raise PackError("unlisted-file", f"„{name}“ steht nicht im Verzeichnis des Pakets.")
    for name in [*pack.files, *(f"{m}/{MANIFEST}" for m in listed)]:
        if name not in files:
            raise PackError("missing-file", f"„{name}“ fehlt im Paket.")
    return pack, files


def _parse_manifest(raw: bytes) -> PackInfo:
    def bad(detail: str) -> PackError:
        return PackError("bad-manifest", f"„{PACK_MANIFEST}“ ist ungültig: {detail}.")

    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise bad("kein JSON") from None
    if not isinstance(data, dict):
        raise bad("kein JSON-Objekt")
    version = data.get("format")
    if isinstance(version, bool) or not isinstance(version, int) or version != PACK_FORMAT:
        raise PackError("format", "Das Paket hat ein unbekanntes Format. Ist Kompetenz aktuell?")
    language, modules, files = data.get("language"), data.get("modules"), data.get("files")
    if not isinstance(language, str) or not LANGUAGE_DIR.match(language):
        raise bad("Sprache fehlt")
    if not isinstance(modules, list) or not 0 < len(modules) <= MAX_MODULES:
        raise bad("Modulliste fehlt")
    parsed: list[PackModule] = []
    for item in modules:
        ok = isinstance(item, dict) and isinstance(item.get("id"), str)
        if (
            not ok
            or not MODULE_ID.match(item["id"])
            or not isinstance(item.get("version"), str)
            or not VERSION.match(item["version"])
        ):
            raise bad(f"Modulangabe {str(item)[:80]}")
        parsed.append(PackModule(item["id"], item["version"]))
    if len({m.id for m in parsed}) != len(parsed):
        raise bad("ein Modul steht doppelt darin")
    if not isinstance(files, dict) or not all(
        isinstance(v, str) and _SHA256.match(v) for v in files.values()
    ):
        raise bad("Prüfsummen fehlen")
    return PackInfo(language, tuple(parsed), dict(files))


def read_pack(path: Path) -> PackInfo:
    """What a pack holds, after every check that needs no extraction."""
    with _open(path) as zf:
        try:
            return _read(zf)[0]
        except (*_ZIP_ERRORS, OSError) as error:
            raise PackError("damaged", f"Das Paket ist beschädigt ({error}).") from None


def _open(path: Path) -> zipfile.ZipFile:
    try:
        with open(path, "rb") as probe:
            size = probe.seek(0, os.SEEK_END)
    except OSError as error:
        raise PackError(
            "unreadable", f"„{path}“ kann nicht gelesen werden ({error.strerror or error})."
        ) from None
    if size > MAX_PACK_BYTES:
        raise PackError("too-large", f"Das Paket ist größer als {MAX_PACK_BYTES // 1_000_000} MB.")
    try:
        return zipfile.ZipFile(path)
    except (*_ZIP_ERRORS, OSError):
        raise PackError(
            "not-a-pack", f"„{path.name}“ ist kein Kompetenz-Paket (keine gültige Zip-Datei)."
        ) from None


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


def build_pack(source: Path, out: Path) -> PackInfo:
    """Pack a module folder, or a language folder of modules, after a full content check."""
    folders = module_folders([source.resolve()])
    languages = {lang for _, lang in folders}
    if not folders:
        raise PackError("no-modules", f"In „{source}“ ist kein Modul (keine module.toml).")
    if len(languages) != 1 or not LANGUAGE_DIR.match(next(iter(languages))):
        raise PackError(
            "language",
            "Ein Paket enthält Module genau einer Sprache, und jedes "
            "Modul liegt in einem Sprachordner wie „de/“.",
        )
    language = languages.pop()
    report = check_content([source.resolve()])
    if report.problems:
        raise PackError(
            "check-failed",
            f"Die Module haben {len(report.problems)} Problem(e); beheben Sie sie vor dem Packen.",
            report.problems,
        )
    modules = load_course([folder for folder, _ in folders], language).modules
    files: dict[str, Path] = {}
    for module in modules:
        files.update(_module_files(module.folder))
    if len(files) > MAX_FILES:
        raise PackError("too-many-files", f"Mehr als {MAX_FILES} Dateien passen in kein Paket.")
    hashes = {name: hashlib.sha256(path.read_bytes()).hexdigest() for name, path in files.items()}
    manifest = {
        "format": PACK_FORMAT,
        "language": language,
        "created_with": f"Kompetenz {__version__}",
        "modules": [{"id": m.id, "version": m.version, "title": m.title} for m in modules],
        "files": hashes,
    }
    out = out if out.name.endswith(PACK_SUFFIX) else out.with_name(out.name + PACK_SUFFIX)
    partial = out.with_name(out.name + ".part")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as zf:
        _add(zf, PACK_MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1).encode())
        for name, path in sorted(files.items()):
            _add(zf, name, path.read_bytes())
    try:
        info = read_pack(partial)  # what we wrote must pass the installer's own checks
    except PackError:
        partial.unlink()
        raise
    os.replace(partial, out)
    return info


def _module_files(folder: Path) -> dict[str, Path]:
    """The files of a module under their names in a pack; hidden files are left out."""
    files: dict[str, Path] = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder.parent).as_posix()
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        if path.is_symlink() or not (path.is_file() or path.is_dir()):
            raise PackError("symlink", f"„{path}“ ist ein Link oder keine gewöhnliche Datei.")
        why = check_entry_name(relative)
        if why is not None:
            raise PackError("unsafe-path", f"„{path}“: {why}; benennen Sie die Datei um.")
        if path.is_file():
            if path.stat().st_size > MAX_FILE_BYTES:
                raise PackError(
                    "file-too-large", f"„{path}“ ist größer als {MAX_FILE_BYTES // 1_000_000} MB."
                )
            files[relative] = path
    return files


def _add(zf: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))  # same files, same pack
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    zf.writestr(info, data)


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
