"""Review from the window: the Review window, and merging other annotators' projects."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from storage import Project

from .. import plaintext, settings
from ..review_window import ReviewWindow
from ..shortcuts import Action
from ..translations import title_text, translate
from .actions import handles, with_document


class ReviewMixin:
    """Needs ``self.session`` and the prompts; part of :class:`MainWindow`."""

    @handles(Action.REVIEW)
    @with_document
    def open_review(self, _doc) -> None:
        self.review_window = self.show_dialog(ReviewWindow(self.session, self), "reviewWindow")

    @handles(Action.MERGE_PROJECTS)
    def merge_dialog(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            translate("Review", "Merge annotators' projects into this one"),
            settings.get("last_folder"),
            translate("Review", "Razmetka projects or native exports (*.db *.sqlite *.jsonl)"),
        )
        if files:
            settings.put("last_folder", str(Path(files[0]).parent))
            self.merge_projects(files)

    def merge_projects(self, files: list[str]) -> None:
        """Merge in the background (its own connection), then show what came in."""
        from storage.merge import merge_into

        path = self.session.project.path

        def work():
            with Project(path) as project:
                return merge_into(project, files)

        def done(report) -> None:
            self.refresh_documents()
            self.say(" · ".join(title_text(line) for line in report.lines()), 15000)

        def failed(exc: BaseException) -> None:
            plaintext.message(self, translate("Review", "Merge"), str(exc))

        self.session.runner.submit(work, done, failed)
