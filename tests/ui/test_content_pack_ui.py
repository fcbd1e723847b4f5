"""Installing a trainer's content pack from the menu, without freezing the window."""

from __future__ import annotations

import shutil
from pathlib import Path

from kompetenz.content.packs import build_pack
from kompetenz.ui.main_window import MainWindow


def _make_pack(sample_module_dir: Path, tmp_path: Path, module_id: str) -> Path:
    source = tmp_path / "pack-source" / "de" / module_id
    shutil.copytree(sample_module_dir, source)
    manifest = source / "module.toml"
    text = manifest.read_text(encoding="utf-8").replace('id = "beispiel"', f'id = "{module_id}"')
    manifest.write_text(text.replace("Beispielmodul", "Zusatzmodul"), encoding="utf-8")
    pack = tmp_path / f"{module_id}.kompetenz"
    build_pack(source, pack)
    return pack


def test_a_pack_installs_from_the_menu_and_appears(
    qtbot,
    main_window: MainWindow,  # type: ignore[no-untyped-def]
    sample_module_dir: Path,
    tmp_path: Path,
    data_dir: Path,
) -> None:
    main_window.welcome_page.name_field.setText("Tina Trainerin")
    main_window.welcome_page.start_button.click()
    dialogs = main_window.services.dialogs
    dialogs.open_path = _make_pack(sample_module_dir, tmp_path, "zusatz")
    main_window.packs.install()
    qtbot.waitUntil(lambda: bool(dialogs.messages), timeout=10_000)
    assert dialogs.messages[-1] == "The content pack was installed."
    titles = [m.title for m in main_window.services.course.modules]
    assert "Zusatzmodul: Prompts im Schulalltag" in titles
    assert main_window.home_page.model.rowCount() == 2
    assert (data_dir / "content" / "de" / "zusatz" / "module.toml").is_file()


def test_a_broken_pack_is_refused_and_nothing_changes(
    qtbot,
    main_window: MainWindow,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    data_dir: Path,
) -> None:
    main_window.welcome_page.name_field.setText("Tina Trainerin")
    main_window.welcome_page.start_button.click()
    broken = tmp_path / "kaputt.kompetenz"
    broken.write_bytes(b"PK\x03\x04 this is not a real zip file")
    dialogs = main_window.services.dialogs
    dialogs.open_path = broken
    main_window.packs.install()
    qtbot.waitUntil(lambda: bool(dialogs.messages), timeout=10_000)
    assert dialogs.messages[-1].startswith(
        "The content pack was not installed. Nothing was changed."
    )
    assert not (data_dir / "content").exists() or not any((data_dir / "content").rglob("*.md"))
    assert main_window.home_page.model.rowCount() == 1
