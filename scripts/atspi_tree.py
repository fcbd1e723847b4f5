"""What the AT-SPI check needs from the accessibility bus: the app's tree as a screen reader
sees it, actions, typed text, keys, announcements, and one line per check.

Runs with the system python3 (Debian: python3-pyatspi, python3-xlib), not the project venv:
pyatspi comes with the system's AT-SPI and GObject introspection libraries. Used by scripts/atspi_walk.py; see scripts/atspi-check.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

import pyatspi
from gi.repository import GLib
from Xlib import X, display

T = TypeVar("T")

KEY_DOWN = 0xFF54  # X keysyms
KEY_1 = 0x31
KEY_RETURN = 0xFF0D
LIVE_ASSERTIVE = 2


class Failed(Exception):
    """A step could not be done (an object never appeared); ends the walk as a failed check."""


@dataclass
class Report:
    """One printed line per check; the walk passes only if no line said FAIL."""

    failures: int = 0
    checks: int = 0

    def check(self, passed: bool, what: str, detail: str = "") -> bool:
        self.checks += 1
        self.failures += 0 if passed else 1
        suffix = f": {detail}" if detail else ""
        print(f"{'PASS' if passed else 'FAIL'} {what}{suffix}", flush=True)
        return passed

    def skip(self, what: str, why: str) -> None:
        print(f"SKIP {what}: {why}", flush=True)


@dataclass
class Announcements:
    """Every `object:announcement` the app sends (Qt 6.8's QAccessibleAnnouncementEvent
    reaches AT-SPI as the Announcement signal of org.a11y.atspi.Event.Object)."""

    said: list[tuple[str, bool]] = field(default_factory=list)  # (message, assertive)

    def listen(self) -> None:
        pyatspi.Registry.registerEventListener(self._record, "object:announcement")

    def _record(self, event: pyatspi.Event) -> None:
        # detail1 is the politeness: 1 polite, 2 assertive (AtspiLive; Qt sends the numbers).
        self.said.append((str(event.any_data), event.detail1 == LIVE_ASSERTIVE))

    @property
    def messages(self) -> list[str]:
        return [message for message, _assertive in self.said]


def pump(seconds: float) -> None:
    """Let libatspi deliver the events that arrived (it has no thread of its own here)."""
    context = GLib.MainContext.default()
    end = time.monotonic() + seconds
    while True:
        while context.pending():
            context.iteration(False)
        if time.monotonic() >= end:
            return
        time.sleep(0.02)


def poll(find: Callable[[], T | None], timeout: float) -> T | None:
    """`find()` once it returns something, or None after `timeout` seconds."""
    end = time.monotonic() + timeout
    while True:
        pump(0.05)
        try:
            found = find()
        except Failed:
            raise
        except Exception:  # an object vanished while the tree changed: look again
            found = None
        if found or time.monotonic() >= end:
            return found or None
        pump(0.15)


def wait_for(find: Callable[[], T | None], what: str, timeout: float = 15.0) -> T:
    found = poll(find, timeout)
    if found is None:
        raise Failed(f"{what} did not appear within {timeout:.0f} s")
    return found


def find_app(pid: int) -> pyatspi.Accessible | None:
    desktop = pyatspi.Registry.getDesktop(0)
    for index in range(desktop.childCount):
        app = desktop.getChildAtIndex(index)
        if app is not None and app.get_process_id() == pid and app.childCount > 0:
            return app
    return None


def has(obj: pyatspi.Accessible, state: int) -> bool:
    return bool(obj.getState().contains(state))


def showing(root: pyatspi.Accessible) -> Iterator[pyatspi.Accessible]:
    """Every object on screen, depth first; hidden pages and closed menus are left out."""
    for index in range(root.childCount):
        child = root.getChildAtIndex(index)
        if child is None or not has(child, pyatspi.STATE_SHOWING):
            continue
        yield child
        yield from showing(child)


def find_all(
    root: pyatspi.Accessible, role: str, name: Callable[[str], bool] = lambda _name: True
) -> list[pyatspi.Accessible]:
    return [obj for obj in showing(root) if obj.getRoleName() == role and name(obj.name)]


def find_one(
    root: pyatspi.Accessible, role: str, name: Callable[[str], bool] = lambda _name: True
) -> pyatspi.Accessible | None:
    found = find_all(root, role, name)
    return found[0] if found else None


def named(text: str) -> Callable[[str], bool]:
    return lambda name: name == text


def describe(obj: pyatspi.Accessible) -> str:
    """Role, name and Qt's object path (the accessible id), to find a failing widget."""
    ident = obj.get_accessible_id() or "?"
    return f"{obj.getRoleName()} {obj.name!r} ({ident.removeprefix('QApplication.')})"


def do_action(obj: pyatspi.Accessible, action: str) -> None:
    actions = obj.queryAction()
    names = [actions.getName(index) for index in range(actions.nActions)]
    if action not in names:
        raise Failed(f"{describe(obj)} offers no action {action!r}, only {names}")
    actions.doAction(names.index(action))


def press_key(keysym: int) -> None:
    """A key press as Orca would synthesise it (the registry sends it through XTest)."""
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
    pump(0.15)


def text_of(obj: pyatspi.Accessible) -> str:
    return str(obj.queryText().getText(0, -1))


def related(obj: pyatspi.Accessible, *kinds: int) -> list[pyatspi.Accessible]:
    """The targets of `obj`'s relations of the given kinds (e.g. labelled-by)."""
    targets = []
    for relation in obj.getRelationSet():
        if relation.getRelationType() in kinds:
            targets.extend(relation.getTarget(i) for i in range(relation.getNTargets()))
    return targets


def activate_window(x_display: str, pid: int) -> bool:
    """Give the app's window the keyboard focus. Xvfb has no window manager, so nothing
    activates a new window; without this no widget is ever focused and no key arrives."""
    connection = display.Display(x_display)
    try:
        pid_atom = connection.intern_atom("_NET_WM_PID")
        for window in connection.screen().root.query_tree().children:
            if window.get_attributes().map_state != X.IsViewable:
                continue
            owner = window.get_full_property(pid_atom, X.AnyPropertyType)
            if owner is not None and pid in owner.value:
                window.set_input_focus(X.RevertToParent, X.CurrentTime)
                connection.sync()
                return True
        return False
    finally:
        connection.close()
