"""Who is learning: creating, choosing and deleting profiles on a shared PC.

The window's welcome and profile pages only collect input; this controller asks the learner's
data (`MainWindow.data`, a `LearnerData`), the password dialog and the learner's confirmation,
then hands the chosen profile to the window (`MainWindow.use_profile`).

Checking a password and erasing a profile run as operations off the GUI thread (ui/ops.py):
a check waits out the back-off after wrong tries, and erasing compacts the database and every
backup. The back-off is shown as a countdown on the profile page, whose list waits meanwhile.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from kompetenz.ui.lazy_page import is_built
from kompetenz.ui.roles import role_labels
from kompetenz.ui.text import fill

if TYPE_CHECKING:
    from kompetenz.store.records import DeletionReport, ProfileRecord
    from kompetenz.ui.main_window import MainWindow


class ProfileFlow(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window  # the window connects its welcome and profile pages to us
        self._wait_until = 0.0  # time.monotonic() of the next allowed password try
        self._countdown = QTimer(self)
        self._countdown.setInterval(200)
        self._countdown.timeout.connect(self._on_countdown_timeout)

    def start(self) -> None:
        """After the first screen's data is there: the only unprotected profile opens at once."""
        profiles = self.window.data.list_profiles()
        if len(profiles) == 1 and not profiles[0].has_password:
            self.window.use_profile(profiles[0])
        else:
            self.show_chooser()

    def show_chooser(self) -> None:
        """The start screen for a shared PC: choose, create or delete a profile."""
        window = self.window
        window.leave_profile()
        profiles = window.data.list_profiles()
        if not profiles:
            self.show_new_profile_form()
            return
        window.profile_page.show_profiles(profiles)
        window.profile_page.show_wait(self._seconds_to_wait())
        window.stack.setCurrentWidget(window.profile_page)
        window.profile_page.profile_list.setFocus()

    def show_new_profile_form(self) -> None:
        window = self.window
        window.welcome_page.reset(can_cancel=bool(window.data.list_profiles()))
        window.stack.setCurrentWidget(window.welcome_page)

    def create_profile(self, name: str, school: str, role: str, password: str) -> None:
        from kompetenz.store.errors import StoreError
        from kompetenz.store.records import Role

        try:
            profile = self.window.data.create_profile(
                name, school or None, Role(role), password or None
            )
        except StoreError as error:
            self.window.welcome_page.show_error(str(error))
            return
        self.window.use_profile(profile)

    def choose_profile(self, profile_id: int) -> None:
        profile = self.window.data.get_profile(profile_id)
        if profile.has_password:
            self._with_password(profile, lambda: self.window.use_profile(profile))
        else:
            self.window.use_profile(profile)

    def change_role(self) -> None:
        """Another role, and so another learning path; issued certificates stay as they were."""
        from kompetenz.store.records import Role

        window = self.window
        session = window.session
        if session is None:
            return
        roles = role_labels()
        profile = session.profile
        current = next((i for i, (role, _) in enumerate(roles) if role == profile.role), 0)
        chosen = window.services.dialogs.choose(
            window,
            self.tr("Change role"),
            self.tr(
                "Your role decides which modules form your learning path and are needed for the "
                "„Zertifikat KI-Kompetenz“. Certificates already issued stay as they are.\n\n"
                "Your role:"
            ),
            [label for _, label in roles],
            current,
        )
        if chosen is None or roles[chosen][0] == profile.role:
            return
        changed = session.change_role(Role(roles[chosen][0]))
        window.home_page.set_role(changed.role)
        window.show_home()

    # -- passwords ----------------------------------------------------------------------------

    def _with_password(self, profile: ProfileRecord, then: Callable[[], None]) -> None:
        """Ask for the password and check it off the GUI thread; `then` if it is right."""
        window, data = self.window, self.window.data
        if self._seconds_to_wait() > 0:
            return  # the countdown is running; the page says how long
        password = window.services.dialogs.ask_password(
            window, self.tr("Password"), fill(self.tr("Password for %1:"), profile.name)
        )
        if password is None:
            return
        window.run_busy(
            "",
            lambda: data.check_password(profile.id, password),
            lambda right: then() if right else self._on_wrong_password(profile.id),
            lambda error: self._tell(self.tr("Password"), error),
            requester=self,
        )

    def _on_wrong_password(self, profile_id: int) -> None:
        window = self.window
        window.services.dialogs.inform(
            window, self.tr("Password"), self.tr("The password is not correct. Please try again.")
        )
        self._wait_until = time.monotonic() + window.data.password_delay(profile_id)
        self._on_countdown_timeout()
        self._countdown.start()

    def _seconds_to_wait(self) -> int:
        return max(0, math.ceil(self._wait_until - time.monotonic()))

    def _on_countdown_timeout(self) -> None:
        seconds = self._seconds_to_wait()
        if seconds == 0:
            self._countdown.stop()
        if is_built(self.window, "profile_page"):
            self.window.profile_page.show_wait(seconds)

    def _tell(self, title: str, error: Exception) -> None:
        self.window.services.dialogs.inform(self.window, title, str(error))

    # -- deleting -----------------------------------------------------------------------------

    def delete_profile(self, profile_id: int) -> None:
        profile = self.window.data.get_profile(profile_id)
        if profile.has_password:
            self._with_password(profile, lambda: self._confirm_and_delete(profile))
        else:
            self._confirm_and_delete(profile)

    def _confirm_and_delete(self, profile: ProfileRecord) -> None:
        window, data = self.window, self.window.data
        question = fill(
            self.tr(
                'Delete the profile "%1" and everything recorded for it – lessons read, '
                "quiz answers, notes, reflections and issued certificates? This cannot be undone."
            ),
            profile.name,
        )
        if not window.services.dialogs.confirm(window, self.tr("Delete profile"), question):
            return
        window.profile_page.setEnabled(False)  # until the erasure is done
        window.run_busy(
            "",
            lambda: data.delete_profile(profile.id),
            self._on_deleted,
            self._on_delete_failed,
            requester=self,
        )

    def _on_deleted(self, report: DeletionReport) -> None:
        window = self.window
        window.profile_page.setEnabled(True)
        window.services.dialogs.inform(
            window,
            self.tr("Profile deleted"),
            fill(
                self.tr(
                    'The profile "%1" was deleted: %2 records in the database and %3 files '
                    "were erased, and it was removed from %4 backups."
                ),
                report.profile_name,
                report.total_rows,
                len(report.files_deleted),
                len(report.backups_cleaned),
            ),
        )
        self.show_chooser()

    def _on_delete_failed(self, error: Exception) -> None:
        self.window.profile_page.setEnabled(True)
        self._tell(self.tr("Delete profile"), error)
