"""Keeping the person's work safe, visibly: read-only projects, the backup before an upgrade, daily backups."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from storage import daily_backup

from ..translations import translate

BACKUP_CHECK_MS = 60 * 60 * 1000  # an hour; a backup is made when the newest is a day old


class SafetyMixin:
    """Needs ``self.session`` and the prompts; part of :class:`MainWindow`."""

    def watch_project(self) -> None:
        """Say what the open project's state means, and keep a daily copy of it while the window is open."""
        project = self.session.project
        if project.readonly:
            self.say(translate("Safety", "This project file cannot be written: it is open read-only, and edits are "
                               "refused."), 0)
        elif project.backup is not None:
            self.say(translate("Safety", "The project was upgraded; the copy from before is {name}.").format(
                name=project.backup.name), 20000)
        if not hasattr(self, "_backup_timer"):
            self._backup_timer = QTimer(self)
            self._backup_timer.setInterval(BACKUP_CHECK_MS)
            self._backup_timer.timeout.connect(self.backup_now)
            self._backup_timer.start()
        self.backup_now()

    def backup_now(self) -> None:
        """A copy of the project if the newest is a day old, made off the UI thread."""
        project = self.session.project
        if project.readonly or not project.document_ids():
            return  # nothing to lose yet
        self.session.runner.submit(lambda: daily_backup(project.path), self._backed_up, lambda _exc: None)

    def _backed_up(self, made) -> None:
        if made is not None:
            self.say(translate("Safety", "Daily backup written: {name}").format(name=made.name), 6000)
