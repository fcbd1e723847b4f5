"""Property tests: broken module files and hostile packs never crash Kompetenz.

Short here (about 150 examples each); `benchmarks/fuzz_content.py --examples N` runs the same
properties for as long as you like.
"""

from __future__ import annotations

from content_strategies import (
    check_damaged_pack,
    check_module_files,
    check_pack_install,
    check_render_is_safe,
    edits,
    lesson_bytes,
    lesson_texts,
    module_bytes,
    quiz_bytes,
    zip_entries,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(module_bytes, lesson_bytes, quiz_bytes)
def test_loading_broken_module_files_never_raises(
    manifest: bytes, lesson: bytes, quiz: bytes
) -> None:
    check_module_files(manifest, lesson, quiz)


@FAST
@given(zip_entries, st.booleans(), st.booleans())
def test_installing_hostile_zip_entries_raises_only_pack_errors(
    entries: list[tuple[str, bytes, int]], with_good_module: bool, listed: bool
) -> None:
    check_pack_install(entries, with_good_module, listed)


@FAST
@given(edits)
def test_a_damaged_pack_raises_only_pack_errors(changes: list[tuple[str, int, bytes]]) -> None:
    check_damaged_pack(changes)


@FAST
@given(lesson_texts)
def test_rendering_hostile_lessons_lets_only_the_safe_subset_through(text: str) -> None:
    check_render_is_safe(text)
