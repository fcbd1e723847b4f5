"""`kompetenz` without a subcommand starts the app without building the subcommands' parsers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kompetenz.cli import _needs_commands, main


@pytest.mark.parametrize(
    ("unknown", "expected"),
    [
        ([], False),
        (["-platform", "offscreen"], False),  # a Qt option with its value goes to Qt
        (["-style", "fusion", "-reverse"], False),
        (["content", "check"], True),
        (["-h"], True),
        (["--help"], True),
        (["bogus"], True),  # a stray word: the full parser names the mistake
    ],
)
def test_which_arguments_need_the_subcommands(unknown: list[str], expected: bool) -> None:
    assert _needs_commands(unknown) is expected


def test_a_stray_word_is_an_error_not_a_start(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["bogus"])
    assert stopped.value.code == 2
    assert "bogus" in capsys.readouterr().err


def test_the_help_still_lists_every_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in ("content", "quiz", "profile", "progress", "backup", "certificate", "keys"):
        assert command in out


def test_starting_the_app_imports_no_subcommand_module() -> None:
    code = (
        "import sys\n"
        "import kompetenz.ui.launch as launch\n"
        "launch.run_app = lambda args, qt_args: print(sorted("
        "m for m in sys.modules if m.startswith('kompetenz.commands')), qt_args) or 0\n"
        "from kompetenz.cli import main\n"
        "sys.exit(main(['-platform', 'offscreen']))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "[] ['-platform', 'offscreen']"


@pytest.mark.parametrize(
    ("command", "unbuffered"), [(["profile", "list"], "1"), (["content", "list"], "")]
)
def test_output_into_a_closed_pipe_ends_quietly(
    tmp_path: Path, command: list[str], unbuffered: str
) -> None:
    """`kompetenz … | head` where head has already stopped reading: no "Broken pipe" message,
    no traceback, no error status. Unbuffered, the write fails inside the command's own error
    handling (which used to report it as a failed file access); buffered, at the final flush."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first line is written
    env = {**os.environ, "PYTHONUNBUFFERED": unbuffered}
    try:
        result = subprocess.run(
            [sys.executable, "-m", "kompetenz", "--data-dir", str(tmp_path), *command],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            timeout=60,
        )
    finally:
        os.close(write_end)
    assert (result.returncode, result.stderr) == (0, "")
