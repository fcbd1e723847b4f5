"""Content packs: modules handed around as one `.kompetenz` file (a zip) — the format.

A pack holds `kompetenz-pack.json` (format, language, module ids and versions, SHA-256 of every
file) and one folder per module. Packs come on USB sticks and by e-mail, so reading one trusts
nothing: every entry name, type, size and compression ratio is checked before a byte is
extracted, and any refusal raises `PackError` with a `reason`. `build_pack` writes packs and
reads its own result back through the same checks.

Installing, listing and removing modules live in `kompetenz.content.pack_install`; their names
stay importable from here.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import struct
import unicodedata
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kompetenz import __version__
from kompetenz.content.checker import check_content
from kompetenz.content.loader import LANGUAGE_DIR, MANIFEST, load_course, module_folders
from kompetenz.content.manifest import MODULE_ID, VERSION
from kompetenz.content.problems import Problem

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
