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
