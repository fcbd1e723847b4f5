"""The certificate data in the PDF's XMP metadata: written by pdf.py, read back by verify.py.

Qt writes the XMP stream uncompressed, so a verifier finds the packet by scanning the file's
bytes for `<?xpacket` and needs no PDF library. The packet replaces the one Qt would write, so
it carries everything PDF/A-1b asks for too: the PDF/A identification, title, creator and the
dates of the document information dictionary, and a description of our own schema.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime
from xml.sax.saxutils import escape, quoteattr

NAMESPACE = "urn:kompetenz:xmp:certificate:1/"
_PACKET = re.compile(rb"<\?xpacket begin=.*?<\?xpacket end=['\"][rw]['\"]\?>", re.DOTALL)


@dataclass(frozen=True)
class PdfInfo:
    """What Qt writes into the PDF's information dictionary; the XMP must say the same."""

    title: str
    author: str
    creator: str
    producer: str
    created: datetime


@dataclass(frozen=True)
class CertificateMetadata:
    signed_text: str
    document_json: str


def build_packet(info: PdfInfo, metadata: CertificateMetadata) -> bytes:
    stamp = info.created.isoformat(timespec="seconds")
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
 pdfaid:part="1" pdfaid:conformance="B"/>
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(info.title)}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>{escape(info.author)}</rdf:li></rdf:Seq></dc:creator>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 pdf:Producer={quoteattr(info.producer)} pdf:Trapped="False"/>
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmp:CreatorTool={quoteattr(info.creator)} xmp:CreateDate="{stamp}"
 xmp:ModifyDate="{stamp}" xmp:MetadataDate="{stamp}"/>
{_EXTENSION_SCHEMA}
<rdf:Description rdf:about="" xmlns:kompetenz="{NAMESPACE}">
<kompetenz:signed>{escape(metadata.signed_text)}</kompetenz:signed>
<kompetenz:document>{escape(metadata.document_json)}</kompetenz:document>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>""".encode()


def find_certificate_metadata(pdf: bytes) -> list[CertificateMetadata]:
    """Every certificate packet in the file (a genuine export has exactly one)."""
    found: list[CertificateMetadata] = []
    for match in _PACKET.finditer(pdf):
        try:
            root = ET.fromstring(match.group(0).decode("utf-8"))
        except (ET.ParseError, UnicodeDecodeError):
            continue
        signed = root.find(f".//{{{NAMESPACE}}}signed")
        document = root.find(f".//{{{NAMESPACE}}}document")
        if signed is not None or document is not None:
            found.append(CertificateMetadata(_text(signed), _text(document)))
    return found


def _text(element: ET.Element | None) -> str:
    return (element.text or "").strip() if element is not None else ""


_EXTENSION_SCHEMA = f"""<rdf:Description rdf:about=""
 xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
 xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
 xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>Kompetenz certificate</pdfaSchema:schema>
<pdfaSchema:namespaceURI>{NAMESPACE}</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>kompetenz</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq>
<rdf:li rdf:parseType="Resource">
<pdfaProperty:name>signed</pdfaProperty:name>
<pdfaProperty:valueType>Text</pdfaProperty:valueType>
<pdfaProperty:category>external</pdfaProperty:category>
<pdfaProperty:description>Signed compact certificate text, as in the QR code</pdfaProperty:description>
</rdf:li>
<rdf:li rdf:parseType="Resource">
<pdfaProperty:name>document</pdfaProperty:name>
<pdfaProperty:valueType>Text</pdfaProperty:valueType>
<pdfaProperty:category>external</pdfaProperty:category>
<pdfaProperty:description>Full certificate data as canonical JSON</pdfaProperty:description>
</rdf:li>
</rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>"""
