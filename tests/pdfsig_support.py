"""poppler's `pdfsig`, the second verifier of every PDF signature the tests make."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path


def pdfsig_report(pdf: Path, *, check: bool = True) -> str:
    """What `pdfsig` prints for the file (it must be installed: .ci/run installs it). With
    `check`, a failing exit status (e.g. a file without signature) fails the test."""
    pdfsig = shutil.which("pdfsig")
    assert pdfsig is not None, "poppler-utils (pdfsig) must be installed; .ci/run installs it"
    return subprocess.run([pdfsig, str(pdf)], capture_output=True, text=True, check=check).stdout


def append_white_box(pdf: Path, rectangle: str) -> bytes:
    """Append an incremental update that paints a white box (`"x y w h"`) over page 1, as a
    forger hiding a line would; the file is rewritten and its new bytes returned."""
    import io

    from pyhanko.pdf_utils.generic import StreamObject
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf.read_bytes()))
    white_box = StreamObject(stream_data=f"q 1 1 1 rg {rectangle} re f Q".encode())
    writer.add_stream_to_page(0, writer.add_object(white_box))
    output = io.BytesIO()
    writer.write(output)
    pdf.write_bytes(output.getvalue())
    return output.getvalue()
