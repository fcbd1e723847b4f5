"""The main screens work in a window 800 px wide at 200 % text: nothing forces it wider and no
list or text view scrolls sideways."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from kompetenz.ui.main_window import MainWindow
from kompetenz.ui.settings import apply_text_scale


def sideways_scrolling(root: QWidget) -> list[str]:
    return [
        f"{type(area).__name__} {area.objectName()!r}"
        for area in root.findChildren(QAbstractScrollArea)
        if area.isVisible() and area.horizontalScrollBar().maximum() > 0
    ]


def test_home_module_quiz_and_result_fit_800_px_at_double_text(  # type: ignore[no-untyped-def]
    qtbot, main_window_factory, qapp: QApplication
) -> None:
    apply_text_scale(qapp, 200)
    try:
        window: MainWindow = main_window_factory()
        window.welcome_page.name_field.setText("Greta Großschrift")
        window.welcome_page.start_button.click()
        problems: dict[str, list[str]] = {}

        def check(screen: str) -> None:
            window.resize(800, 600)
            qtbot.wait(20)
            found = sideways_scrolling(window)
            if window.width() > 800:
                found.append(f"the window is {window.width()} px wide")
            if found:
                problems[screen] = found

        check("home")
        window.open_module("beispiel")
        check("module")
        window.start_quiz()
        check("quiz")
        while window.stack.currentWidget() is window.quiz_page:
            window.quiz_page.answer_widget.pick(1)
            window.quiz_page.submit_button.click()
        check("result")
        assert problems == {}
    finally:
        apply_text_scale(qapp, 100)


def test_the_module_with_most_templates_fits_800_by_600_at_double_text(  # type: ignore[no-untyped-def]
    qtbot, qapp: QApplication, data_dir, store
) -> None:
    """The real course's templates scroll beside the lessons instead of being squeezed to one
    clipped line each, and the window keeps to an 800 × 600 screen."""
    from kompetenz.content.loader import load_course
    from kompetenz.resources import bundled_content_dir
    from kompetenz.store.records import Role
    from kompetenz.ui.services import AppServices

    apply_text_scale(qapp, 200)
    try:
        course = load_course([bundled_content_dir()])
        window = MainWindow(AppServices(course=course, data_dir=data_dir))
        qtbot.addWidget(window)
        window.show()
        window.attach_store(store)
        profile = store.create_profile("Greta Großschrift", role=Role.LEADERSHIP)
        store.set_preference(profile.id, "tour_seen", True)
        window.use_profile(profile)
        module = max(course.modules, key=lambda m: len(m.templates))
        window.open_module(module.id)
        window.resize(800, 600)
        qtbot.wait(50)
        buttons = window.module_page.templates.buttons
        assert len(buttons) >= 3
        assert (window.width(), window.height()) == (800, 600)
        squeezed = [b.text() for b in buttons if b.height() < b.heightForWidth(b.width())]
        assert squeezed == []
        assert sideways_scrolling(window) == []
    finally:
        apply_text_scale(qapp, 100)


def test_progress_with_a_certificate_and_the_school_page_fit_800_px_at_double_text(  # type: ignore[no-untyped-def]
    qtbot, qapp: QApplication, main_window_factory, store
) -> None:
    """The certificate buttons and the school page's buttons wrap rather than widen the page.
    Tables of data (the certificates, the staff matrix) may scroll sideways inside themselves."""
    from kompetenz.certificates.service import CertificateService
    from kompetenz.store.records import PlannedItem, Role

    apply_text_scale(qapp, 200)
    try:
        window: MainWindow = main_window_factory()
        profile = store.create_profile("Greta Großschrift", role=Role.LEADERSHIP)
        store.set_preference(profile.id, "tour_seen", True)
        attempt = store.start_attempt(profile.id, "beispiel", "1.0.0", [PlannedItem("q", ())])
        store.finish_attempt(attempt.id, 90.0, True)
        service = CertificateService(store, window.services.course, window.services.data_dir)
        service.issue(profile.id, "beispiel", "module")
        window.use_profile(profile)
        problems: dict[str, list[str]] = {}
        for screen, show in (("progress", window.show_progress), ("school", window.show_school)):
            show()
            window.resize(800, 600)
            qtbot.waitUntil(lambda: not window.ops.busy)
            qtbot.wait(20)
            found = [area for area in sideways_scrolling(window)
                     if not area.startswith(("QTableView", "QTableWidget"))]
            if window.width() > 800:
                found.append(f"the window is {window.width()} px wide")
            if found:
                problems[screen] = found
        assert problems == {}
    finally:
        apply_text_scale(qapp, 100)
