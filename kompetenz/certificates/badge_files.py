"""Writing a badge file; the extension chooses plain JSON or a baked PNG or SVG image."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kompetenz.certificates.badge_image import badge_png, badge_svg
from kompetenz.certificates.baking import bake_png, bake_svg
from kompetenz.certificates.document import CertificateDocument, CertificateError
from kompetenz.certificates.pdf import replaced_when_complete

EXTENSIONS = (".json", ".png", ".svg")


def write_badge(path: Path, credential: dict[str, Any], document: CertificateDocument) -> None:
    suffix = path.suffix.lower()
    if suffix not in EXTENSIONS:
        raise CertificateError(f"{path}: Die Endung wählt das Format: .json, .png oder .svg.")
    text = json.dumps(credential, ensure_ascii=False, indent=2)
    if suffix == ".png":
        content = bake_png(badge_png(document), text)
    elif suffix == ".svg":
        content = bake_svg(badge_svg(document), text).encode("utf-8")
    else:
        content = (text + "\n").encode("utf-8")
    with replaced_when_complete(path) as temporary:
        temporary.write_bytes(content)
