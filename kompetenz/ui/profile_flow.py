"""Who is learning: creating, choosing and deleting profiles on a shared PC.

The window's welcome and profile pages only collect input; this controller asks the store,
the password dialog and the learner's confirmation, then hands the chosen profile to the
window (`MainWindow.use_profile`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from kompetenz.ui.roles import role_labels
from kompetenz.ui.text import fill

if TYPE_CHECKING:
    from kompetenz.store.records import ProfileRecord
    from kompetenz.ui.main_window import MainWindow


class ProfileFlow(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window  # the window connects its welcome and profile pages to us

    def start(self) -> None:
        """After the store opened: the only unprotected profile opens at once."""
        reads = self.window.reads()
        assert reads is not None
        profiles = reads.list_profiles()
        if len(profiles) == 1 and not profiles[0].has_password:
            self.window.use_profile(profiles[0])
        else:
            self.show_chooser()

    def show_chooser(self) -> None:
        """The start screen for a shared PC: choose, create or delete a profile."""
        window = self.window
        reads = window.reads()
        if reads is None:
            return
        window.leave_profile()
        profiles = reads.list_profiles()
        if not profiles:
            self.show_new_profile_form()
            return
        window.profile_page.show_profiles(profiles)
        window.stack.setCurrentWidget(window.profile_page)
        window.profile_page.profile_list.setFocus()

    def show_new_profile_form(self) -> None:
        window = self.window
        window.welcome_page.reset(can_cancel=bool(window.store and window.store.list_profiles()))
        window.stack.setCurrentWidget(window.welcome_page)

    def create_profile(self, name: str, school: str, role: str, password: str) -> None:
        from kompetenz.store.errors import StoreError
        from kompetenz.store.records import Role

        store = self.window.store
        assert store is not None
        try:
            profile = store.create_profile(name, school or None, Role(role), password or None)
        except StoreError as error:
            self.window.welcome_page.show_error(str(error))
            return
        self.window.use_profile(profile)

    def choose_profile(self, profile_id: int) -> None:
        store = self.window.store
        assert store is not None
        profile = store.get_profile(profile_id)
        if profile.has_password and not self._password_accepted(profile):
            return
        self.window.use_profile(profile)

    def _password_accepted(self, profile: ProfileRecord) -> bool:
        store, dialogs = self.window.store, self.window.services.dialogs
        assert store is not None
        password = dialogs.ask_password(
            self.window, self.tr("Password"), fill(self.tr("Password for %1:"), profile.name)
        )
        if password is None:
            return False
        if store.check_password(profile.id, password):
            return True
        dialogs.inform(
            self.window,
            self.tr("Password"),
            self.tr("The password is not correct. Please try again."),
        )
        return False

    def change_role(self) -> None:
        """Another role, and so another learning path; issued certificates stay as they were."""
        from kompetenz.store.records import Role

        window = self.window
        profile, store = window.profile, window.store
        if profile is None or store is None:
            return
        roles = role_labels()
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
        window.profile = store.update_profile(profile.id, role=Role(roles[chosen][0]))
        window.home_page.set_role(window.profile.role)
        window.show_home()

    def delete_profile(self, profile_id: int) -> None:
        store, dialogs = self.window.store, self.window.services.dialogs
        assert store is not None
        profile = store.get_profile(profile_id)
        if profile.has_password and not self._password_accepted(profile):
            return
        question = fill(
            self.tr(
                'Delete the profile "%1" and everything recorded for it – lessons read, '
                "quiz answers, notes, reflections and issued certificates? This cannot be undone."
            ),
            profile.name,
        )
        if not dialogs.confirm(self.window, self.tr("Delete profile"), question):
            return
        report = store.delete_profile(profile_id)
        dialogs.inform(
            self.window,
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
