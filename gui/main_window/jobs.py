"""Background jobs seen from the window: import and export dialogs, progress, Cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from annotation.importing import ImportReport
from annotation.readers import SUPPORTED_SUFFIXES

from .. import plaintext, settings
from ..export_dialog import ExportDialog
from ..shortcuts import Action
from ..translations import title_text, translate
from .actions import handles

# NER on this machine's kind runs at about 10,000 characters a second per core; Russian UTF-8
# takes about 2 bytes a character.  Rough, and on the slow side on purpose.
BYTES_PER_SECOND = 15_000
LONG_IMPORT_S = 60


def estimate_seconds(paths: list[str]) -> float:
    """About how long the model would take over these files (folders walked), from their size."""
    size = 0
    for path in map(Path, paths):
        files = (f for f in path.rglob("*") if f.suffix.lower() in SUPPORTED_SUFFIXES) if path.is_dir() else [path]
        size += sum(f.stat().st_size for f in files if f.is_file())
    return size / BYTES_PER_SECOND


class JobsMixin:
    """Needs ``self.session``, ``self.progress`` and ``self.cancel_button``; part of :class:`MainWindow`."""

    @handles(Action.IMPORT)
    def import_dialog(self) -> None:
        patterns = " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            translate("Jobs", "Import"),
            translate("Jobs", "Import files, or every transcript in a folder?"),
            parent=self,
        )
        files_button = box.addButton(translate("Jobs", "Files…"), QMessageBox.ButtonRole.AcceptRole)
        folder_button = box.addButton(translate("Jobs", "Folder…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        start = settings.get("last_folder")  # the file dialogs open where the last one was left
        if box.clickedButton() is files_button:
            files, _ = QFileDialog.getOpenFileNames(
                self,
                translate("Jobs", "Import transcripts"),
                start,
                translate("Jobs", "Transcripts ({patterns})").format(patterns=patterns),
            )
            if files:
                settings.put("last_folder", str(Path(files[0]).parent))
                self.start_import(files)
        elif box.clickedButton() is folder_button:
            folder = QFileDialog.getExistingDirectory(
                self, translate("Jobs", "Import every transcript in a folder"), start
            )
            if folder:
                settings.put("last_folder", str(Path(folder).parent))
                self.start_import([folder])

    def start_import(self, paths: list[str]) -> None:
        """Import; when the model would take over a minute, say so and offer to annotate in the background."""
        seconds = estimate_seconds(paths)
        if seconds <= LONG_IMPORT_S:
            self.session.import_files(paths)
            return
        box = QMessageBox(QMessageBox.Icon.Question, translate("Jobs", "Import"), "", parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            translate("Jobs", "Pre-annotating these files will take about {minutes} min.").format(
                minutes=max(1, round(seconds / 60))
            )
        )
        box.setInformativeText(
            translate("Jobs", "Import them now and annotate in the background, so you can read them at once?")
        )
        yes, no = QMessageBox.ButtonRole.YesRole, QMessageBox.ButtonRole.NoRole
        later = box.addButton(translate("Jobs", "Import now, annotate in the background"), yes)
        wait = box.addButton(translate("Jobs", "Import and annotate first"), no)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(later)

        def chosen(button) -> None:
            if button is later:
                self.session.import_then_annotate(paths)
            elif button is wait:
                self.session.import_files(paths)

        box.buttonClicked.connect(chosen)
        self.show_dialog(box, "longImportDialog")

    @handles(Action.EXPORT)
    def export_dialog(self) -> None:
        dialog = ExportDialog(self.labels, self.session.project.path.parent, self)
        dialog.accepted.connect(lambda: self.session.export(dialog.options()))
        self.show_dialog(dialog, "exportDialog")

    def _show_progress(self, running: bool, done: int = 0, total: int = 0) -> None:
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        if running:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)

    def export_progress(self, done: int, total: int) -> None:
        self._show_progress(done < total, done, total)
        self.say(translate("Jobs", "Exporting {done} of {total} documents…").format(done=done, total=total), 0)

    def export_finished(self, report, error: str) -> None:
        self._show_progress(False)
        if error:
            self.statusBar().clearMessage()
            plaintext.message(self, translate("Jobs", "Export"), error)
        else:
            self.say(" · ".join(title_text(line) for line in report.lines()), 15000)

    def cancel_jobs(self) -> None:
        self.session.cancel_import()
        self.session.cancel_export()

    def import_progress(self, done: int, total: int, current: str) -> None:
        running = bool(current) and done < total
        self._show_progress(running, done, total)
        if running:
            self.say(
                translate("Jobs", "Importing {file} ({number} of {total})…").format(
                    file=Path(current).name, number=done + 1, total=total
                ),
                0,
            )

    def import_file_progress(self, p) -> None:
        """Inside a long file: the turns tagged so far and an honest estimate of the time left."""
        self._show_progress(p.turns_done < p.turns_total, p.turns_done, p.turns_total)
        left = (
            translate("Jobs", "about {seconds} s left").format(seconds=round(p.seconds_left))
            if p.seconds_left is not None
            else translate("Jobs", "estimating the time left")
        )
        self.say(
            translate("Jobs", "Annotating {file}: {done} of {total} turns, {left}…").format(
                file=Path(p.file).name, done=p.turns_done, total=p.turns_total, left=left
            ),
            0,
        )

    def import_finished(self, report: ImportReport) -> None:
        """Show the first file's document (imported now or already there) and say what went wrong."""
        self._show_progress(False)
        self.statusBar().clearMessage()
        self.refresh_documents()
        first = next(iter([f.id for f in report.imported] + [s.existing for s in report.skipped if s.existing]), None)
        if first:
            self.show_document(first)
        notes = [f"{Path(f.file).name}: {title_text(note)}" for f in report.imported for note in f.notes]
        if report.failed:
            messages = [f.message for f in report.failed]
            box = QMessageBox(QMessageBox.Icon.Warning, "Razmetka", "", parent=self)
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setText(translate("Jobs", "Some files could not be imported."))
            box.setObjectName("importErrors")
            box.setInformativeText("\n".join(messages[:5]))
            box.setDetailedText("\n".join(messages))
            box.open()
        elif report.cancelled:
            imported = len(report.imported)
            self.say(translate("Jobs", "Import cancelled; {n} file(s) were imported.").format(n=imported), 10000)
        elif notes:
            self.say(" · ".join(notes), 10000)
