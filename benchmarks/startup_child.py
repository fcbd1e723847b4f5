"""The process whose start-up `benchmarks.startup` times. Run as a file, never imported.

    python benchmarks/startup_child.py bare
    python benchmarks/startup_child.py app --data-dir D [--content-dir C]

It prints `MARK <name> <time.perf_counter()>` lines; the parent took `perf_counter()` just
before starting this process, and on Linux, Windows and macOS that clock is the same
system-wide monotonic clock in both processes, so the difference is the wall time since launch.

* `paint`: a zero-timer after the first paint event of the main window has been handled,
  i.e. the first frame (window and children) has been drawn.
* `ready` (app only): a zero-timer after `launch.open_learner_data` returned: the learner's
  progress is on the home page and the event loop is free for input.
* `store` (app only): a zero-timer after `launch.open_store_into` returned: the full store is
  open too (it opens in the background after `ready`; on a first start, before it).

`RSS <marker> <KiB>` lines give the peak memory (VmHWM) at `ready` and at `store`.

`bare` is Qt's "hello world" (QApplication + QMainWindow + show): the reference. `label` is
the same with one QLabel as its central widget: what showing any text at all costs. `app` runs
the real `kompetenz.cli.main` (the `kompetenz` command); the markers are added by wrapping two
names in `kompetenz.ui.launch` from the outside, so launch.py itself is measured unchanged.
Nothing beyond `time` and `sys` is imported before the code under test, to add nothing to it.
"""

import os
import sys
import time


def _mark(name: str) -> None:
    print(f"MARK {name} {time.perf_counter():.6f}", flush=True)


def _peak_rss_kib() -> int:
    """Peak resident memory of this process in KiB.

    On Linux this is VmHWM, not getrusage's ru_maxrss: the kernel carries ru_maxrss over
    `exec`, so a child spawned by a big parent (the benchmark runner, with a 500-module course
    loaded) would report the parent's size. VmHWM belongs to the new program alone.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    try:
        import resource
    except ImportError:  # Windows: no resource module; the parent reports "n/a"
        return -1
    # ru_maxrss is in KiB on Linux, in bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


def _watch_first_paint(window, on_first_paint):  # type: ignore[no-untyped-def]
    """Call `on_first_paint` once, a zero-timer after `window` gets its first Paint event.

    The filter sits on the application, whose filters run before any filter on the window
    itself, so a filter the app installs there (to wait for the same paint) cannot queue its
    own work ahead of this marker. The zero-timer fires once the paint pass (window and
    children, one pass in Qt) is done.
    """
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):  # type: ignore[no-untyped-def]
            if watched is window and event.type() == QEvent.Type.Paint:
                app.removeEventFilter(self)
                QTimer.singleShot(0, on_first_paint)
            return False

    paint_filter = FirstPaint(app)
    app.installEventFilter(paint_filter)
    return paint_filter


def bare(with_label: bool = False) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    if with_label:
        from PySide6.QtWidgets import QLabel

        window.setCentralWidget(QLabel("Hallo, Welt"))

    def painted() -> None:
        _mark("paint")
        print(f"RSS paint {_peak_rss_kib()}", flush=True)
        QTimer.singleShot(0, app.quit)

    _watch_first_paint(window, painted)
    window.show()
    return app.exec()


def app(argv: list[str]) -> int:
    from PySide6.QtCore import QTimer

    from kompetenz.ui import launch

    real_window = launch.MainWindow
    real_open_learner_data = launch.open_learner_data
    real_open_store_into = launch.open_store_into
    seen: set[str] = set()

    def leave_when_done(window) -> None:  # type: ignore[no-untyped-def]
        if seen == {"paint", "ready", "store"}:
            window.close()  # closes the store cleanly, as a learner quitting would
            if os.environ.get("KOMPETENZ_BENCH_CLEAN_EXIT"):  # profile_startup: let cProfile
                QTimer.singleShot(0, launch.QApplication.quit)  # write its file
                return
            # Otherwise leave at once: a normal exit waits for the search index the window
            # builds in a QThreadPool thread (10-18 s with the big course), not start-up.
            os._exit(0)

    def painted(window) -> None:  # type: ignore[no-untyped-def]
        _mark("paint")
        seen.add("paint")
        leave_when_done(window)

    def window_with_marker(services):  # type: ignore[no-untyped-def]
        window = real_window(services)
        _watch_first_paint(window, lambda: painted(window))
        return window

    def ready(window) -> None:  # type: ignore[no-untyped-def]
        _mark("ready")
        print(f"RSS ready {_peak_rss_kib()}", flush=True)
        # What the parent checks, so a start that silently skipped the work is not timed.
        progress = window.home_page.model._progress
        loaded = sys.modules.keys() & {"sqlalchemy.orm", "markdown", "alembic"}
        print(
            f"STATE profile={window.profile is not None} modules={window.home_page.model.rowCount()}"
            f" progress={len(progress)} loaded={','.join(sorted(loaded))}",
            flush=True,
        )
        seen.add("ready")
        leave_when_done(window)

    def store_open(window) -> None:  # type: ignore[no-untyped-def]
        _mark("store")
        print(f"RSS store {_peak_rss_kib()}", flush=True)
        seen.add("store")
        leave_when_done(window)

    def open_learner_data_with_marker(window, services) -> None:  # type: ignore[no-untyped-def]
        real_open_learner_data(window, services)
        QTimer.singleShot(0, lambda: ready(window))

    def open_store_into_with_marker(window, services, **options) -> None:  # type: ignore[no-untyped-def]
        real_open_store_into(window, services, **options)
        if "store" not in seen:
            QTimer.singleShot(0, lambda: store_open(window))

    launch.MainWindow = window_with_marker
    launch.open_learner_data = open_learner_data_with_marker
    launch.open_store_into = open_store_into_with_marker

    from kompetenz.cli import main

    return main(argv)


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "app":
        sys.exit(app(sys.argv[2:]))
    sys.exit(bare(with_label=mode == "label"))
