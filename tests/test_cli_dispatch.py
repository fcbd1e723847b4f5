"""`kompetenz` without a subcommand starts the app without building the subcommands' parsers."""

from __future__ import annotations

import subprocess
import sys

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
