"""Baked badges: the credential inside a PNG or SVG image, as Open Badges 3.0 describes it.

PNG: one uncompressed `iTXt` chunk with the keyword `openbadgecredential` holding the JSON,
placed before the image data. SVG: the namespace `https://purl.imsglobal.org/ob/v3p0` and an
`<openbadges:credential>` element right after the `<svg>` tag, the JSON in CDATA.
"""

from __future__ import annotations

import re
import struct
import zlib

from kompetenz.certificates.document import CertificateError

KEYWORD = b"openbadgecredential"
OB_NAMESPACE = "https://purl.imsglobal.org/ob/v3p0"
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_SVG_CREDENTIAL = re.compile(
    r"<openbadges:credential[^>]*>\s*<!\[CDATA\[(.*?)\]\]>\s*</openbadges:credential>",
    re.DOTALL)


def bake_png(image: bytes, credential_json: str) -> bytes:
    chunks = list(_png_chunks(image))
    if any(kind == b"iTXt" and body.startswith(KEYWORD + b"\0") for kind, body in chunks):
        raise CertificateError("Das Bild enthält schon einen Nachweis.")
    # keyword, NUL, compression flag 0 (uncompressed), method 0, no language, no translation
    itxt = KEYWORD + b"\0\0\0\0\0" + credential_json.encode("utf-8")
    baked = bytearray(_PNG_SIGNATURE)
    for kind, body in chunks:
        if kind == b"IDAT" and itxt:
            baked += _chunk(b"iTXt", itxt)
            itxt = b""
        baked += _chunk(kind, body)
    return bytes(baked)


def unbake_png(image: bytes) -> str:
    found = [body[len(KEYWORD) + 1:] for kind, body in _png_chunks(image)
             if kind == b"iTXt" and body.startswith(KEYWORD + b"\0")]
    if len(found) != 1:
        raise CertificateError("Das PNG-Bild enthält keinen Open-Badges-Nachweis (iTXt-Abschnitt "
                               "„openbadgecredential“)." if not found else
                               "Das PNG-Bild enthält mehr als einen Nachweis.")
    flag, rest = found[0][0], found[0][2:]
    _language, _, rest = rest.partition(b"\0")
    _translated, _, text = rest.partition(b"\0")
    try:
        return (zlib.decompress(text) if flag else text).decode("utf-8")
    except (zlib.error, UnicodeDecodeError):
        raise CertificateError("Der Nachweis im PNG-Bild ist nicht lesbar.") from None


def bake_svg(svg: str, credential_json: str) -> str:
    if "]]>" in credential_json:
        credential_json = credential_json.replace("]]>", "]]\\u003e")  # JSON-escaped '>'
    match = re.search(r"<svg\b[^>]*>", svg)
    if match is None:
        raise CertificateError("Das ist kein SVG-Bild.")
    tag = match.group(0)
    if "xmlns:openbadges" not in tag:
        tag = tag[:-1] + f' xmlns:openbadges="{OB_NAMESPACE}">'
    element = f"<openbadges:credential><![CDATA[{credential_json}]]></openbadges:credential>"
    return svg[:match.start()] + tag + element + svg[match.end():]


def unbake_svg(svg: str) -> str:
    found = _SVG_CREDENTIAL.findall(svg)
    if len(found) != 1:
        raise CertificateError("Das SVG-Bild enthält keinen Open-Badges-Nachweis "
                               "(<openbadges:credential>)." if not found else
                               "Das SVG-Bild enthält mehr als einen Nachweis.")
    return str(found[0])


def _png_chunks(image: bytes) -> list[tuple[bytes, bytes]]:
    if not image.startswith(_PNG_SIGNATURE):
        raise CertificateError("Das ist kein PNG-Bild.")
    chunks, position = [], len(_PNG_SIGNATURE)
    while position + 8 <= len(image):
        length, kind = struct.unpack(">I4s", image[position:position + 8])
        body = image[position + 8:position + 8 + length]
        if len(body) != length:
            raise CertificateError("Das PNG-Bild ist beschädigt (abgeschnitten).")
        chunks.append((kind, body))
        position += 12 + length
        if kind == b"IEND":
            break
    return chunks


def _chunk(kind: bytes, body: bytes) -> bytes:
    return (struct.pack(">I", len(body)) + kind + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))
