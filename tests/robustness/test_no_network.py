"""Kompetenz never connects to the network: a whole learner session with the network blocked."""

from __future__ import annotations

import importlib.util
import random
import socket
import urllib.request
from pathlib import Path

import pytest
from PySide6.QtWidgets import QTextBrowser
from pytestqt.qtbot import QtBot
from robust_helpers import Listener, best_response

from kompetenz.content.loader import Course, load_course, read_lesson_text
from kompetenz.content.render import render_lesson
from kompetenz.resources import bundled_content_dir
from kompetenz.store.service import ProgressStore


def test_the_guard_catches_and_records_connections(no_network: list[str]) -> None:
    """Without this, a session that "made no attempt" would prove nothing."""
    with pytest.raises(OSError, match="blocked"):
        socket.create_connection(("example.org", 80), timeout=1)
    with pytest.raises(OSError, match="blocked"):
        urllib.request.urlopen("http://example.org/", timeout=1)
    with pytest.raises(OSError, match="blocked"):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM).connect(("192.0.2.1", 80))
    assert len(no_network) == 3
    assert "example.org" in no_network[0]


def test_the_listener_sees_connections_from_python_and_from_qt(
    local_listener: Listener, qtbot: QtBot
) -> None:
    """Qt connects in C++, past the Python guard; the listener counts those too."""
    from PySide6.QtCore import QUrl
    from PySide6.QtNetwork import QNetworkAccessManager, QNetworkRequest

    with socket.create_connection(("127.0.0.1", local_listener.port), timeout=2):
        pass
    qtbot.waitUntil(lambda: local_listener.connections == 1, timeout=2000)
    manager = QNetworkAccessManager()
    reply = manager.get(QNetworkRequest(QUrl(local_listener.url("probe"))))
    qtbot.waitUntil(lambda: local_listener.connections >= 2, timeout=5000)
    reply.abort()
    reply.deleteLater()


def _show(qtbot: QtBot, html: str) -> QTextBrowser:
    view = QTextBrowser()
    qtbot.addWidget(view)
    view.setOpenLinks(False)
    view.setHtml(html)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_remote_images_are_never_fetched(
    qtbot: QtBot,
    no_network: list[str],
    local_listener: Listener,
    sample_module_dir: Path,
) -> None:
    text = (
        "# Bilder\n\n![x](https://example.org/a.png)\n\n"
        f"![y]({local_listener.url('b.png')})\n\n"
        f'<img src="{local_listener.url("c.png")}"> <img src="http://example.org/d.png">\n\n'
        f'<table background="{local_listener.url("e.png")}"><tr><td>Zelle</td></tr></table>\n'
    )
    rendered = render_lesson(text, sample_module_dir / "01-prompts.md", sample_module_dir)
    assert "http" not in rendered.html.replace("example.org/a.png", "")  # only the placeholder
    view = _show(qtbot, rendered.html)
    qtbot.wait(300)
    assert "Bild nicht verfügbar: x" in view.toPlainText()
    # Qt's rich text itself loads no web resources either (a second line of defence).
    raw = _show(
        qtbot, f'<img src="{local_listener.url("raw.png")}"><img src="https://example.org/raw.png">'
    )
    raw.repaint()
    qtbot.wait(300)
    assert no_network == []
    assert local_listener.connections == 0


def test_a_whole_learner_session_makes_no_connection(
    qtbot: QtBot,
    no_network: list[str],
    local_listener: Listener,
    tmp_path: Path,
) -> None:
    from kompetenz.learning.quiz_session import start_or_resume
    from kompetenz.store.database import open_store

    course = load_course([bundled_content_dir()])
    assert course.modules
    assert not course.failures
    store = open_store(tmp_path / "data")
    view = _show(qtbot, "")
    try:
        profile = store.create_profile("Erika Musterfrau", "Gesamtschule Bochum-Mitte")
        lessons = 0
        for module in course.modules:
            for lesson in module.lessons:
                text = read_lesson_text(lesson.path)
                view.setHtml(render_lesson(text, lesson.path, module.folder).html)
                assert lesson.title.split()[0] in view.toPlainText()
                store.complete_lesson(profile.id, module.id, lesson.file_name)
                lessons += 1
            session = start_or_resume(store, profile.id, module, random.Random(7))
            for position, item in enumerate(session.items):
                session.answer(position, best_response(item.question))
            assert session.finish().passed, module.id
        assert lessons >= 10
        qtbot.wait(100)
        if importlib.util.find_spec("kompetenz.certificates.service") is not None:
            _export_certificates(store, course, profile.id, tmp_path)
    finally:
        store.close()
    assert no_network == []
    assert local_listener.connections == 0


def _export_certificates(
    store: ProgressStore, course: Course, profile_id: int, folder: Path
) -> None:
    from kompetenz.certificates.service import CertificateService

    service = CertificateService(store, course, folder / "data")
    record = service.issue(profile_id, None, "full")
    target = folder / "zertifikat.pdf"
    service.export_pdf(record.number, target)
    assert target.read_bytes().startswith(b"%PDF")
