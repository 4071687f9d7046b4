"""Lessons in the window: save every tab to one file, open it again, and never lose the user's work.

Opening a lesson is opening someone else's file:

* A model named by the lesson as Python code (``file.py:Class`` or
  ``package.module:factory`` under any ``"model"`` key) is never imported
  without a question that names the file or module, answered Yes (default
  No; remembered per file content at most). With No the rest of the lesson
  opens and the tab says what it skipped. In screenshot mode every such
  question is answered No. Relative file paths are read from the lesson's folder.
* Work that opening would stop (training) is asked about first.
* A tab that cannot take its part keeps that part: saving writes it back
  unchanged, and the window says why the tab could not take it.

Saving writes images and weights into the file (see
:mod:`cnnviz.core.lesson_file`), says how big it is, reports a tab that
could not save its part, and asks before replacing a read-only file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QFileDialog, QMessageBox

from cnnviz import __version__
from cnnviz.core import trust
from cnnviz.core.lesson_file import (
    SUFFIX,
    Attachments,
    LessonDocument,
    LessonFileError,
    ReadOnlyLessonError,
    read_lesson,
    with_suffix,
    write_lesson,
)
from cnnviz.gui.i18n import error_text
from cnnviz.gui.settings_file import settings
from cnnviz.gui.tab_set import tab_titles

if TYPE_CHECKING:
    from cnnviz.gui.app import MainWindow

#: ``ask(request, lesson_path) -> (run it, remember it)``
ConsentFn = Callable[[trust.CodeRequest, Path], tuple[bool, bool]]


def tr(text: str) -> str:
    """Translate a lesson string."""
    return QCoreApplication.translate("Lessons", text)


def code_specs(tabs: dict[str, Any]) -> list[tuple[dict[str, Any], str]]:
    """Every (containing dict, key) in ``tabs`` whose ``"model"`` value names Python code."""
    found: list[tuple[dict[str, Any], str]] = []
    stack: list[Any] = [tabs]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, value in item.items():
                if key == "model" and isinstance(value, str) and trust.names_code(value):
                    found.append((item, key))
                elif isinstance(value, dict | list):
                    stack.append(value)
        elif isinstance(item, list):
            stack.extend(item)
    return found


def format_size(n: int) -> str:
    """``n`` bytes for a person: 812 KB, 12.3 MB."""
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{max(1, round(n / 1024))} KB"


class LessonKeeper:
    """Save and open lessons for one window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.path: Path | None = None
        self.unapplied: dict[str, tuple[dict[str, Any], str]] = {}  # tab key -> (its part, why it failed)
        self.attachments = Attachments()  # of the lesson opened last (unapplied parts refer to them)
        self.ask_consent: ConsentFn = self._consent_dialog

    # ------------------------------------------------------------ capturing
    def capture(self) -> tuple[LessonDocument, dict[str, str]]:
        """The whole window as a lesson document, and the tabs that failed to give their part (with why)."""
        attachments = Attachments()
        states, failed = self.window.tabset.capture_states(attachments)
        for key, (part, _why) in self.unapplied.items():
            states[key] = part  # written back unchanged: the user's runs are not replaced by defaults
        for ref, item in self.attachments.items.items():
            attachments.items.setdefault(ref, item)
        doc = LessonDocument(language=self.window.language, current_tab=self.window.current_tab_key(),
                             tabs=states, attachments=attachments, app_version=__version__)
        return doc, failed

    # ------------------------------------------------------------ saving
    def save(self) -> Path | None:
        """File → Save lesson: to the current lesson file, or ask for one."""
        return self.save_as() if self.path is None else self.save_to(self.path)

    def save_as(self) -> Path | None:
        """File → Save lesson as…: ask for a file name, then save."""
        start = str(self.path or Path(str(settings().value("lessons/dir", "") or Path.home())) / "lesson")
        path, _ = QFileDialog.getSaveFileName(self.window, tr("Save lesson"), start,
                                              tr("cnnviz lessons (*{0})").format(SUFFIX))
        return self.save_to(with_suffix(path)) if path else None

    def save_to(self, path: str | Path) -> Path | None:
        """Save the whole window to ``path``; a readable message instead of an exception."""
        state = self.window.state
        doc, failed = self.capture()
        target = with_suffix(path)
        try:
            try:
                written = write_lesson(target, doc)
            except ReadOnlyLessonError:
                if not self._confirm_replace_read_only(target):
                    state.show_status(tr("The lesson was not saved: {0} is read-only.").format(target), 8000)
                    return None
                written = write_lesson(target, doc, replace_read_only=True)
        except LessonFileError as exc:
            state.show_error(tr("Save lesson"), tr("The lesson was not saved: {0}").format(exc))
            return None
        self._set_path(written)
        size = format_size(written.stat().st_size)
        if failed:
            titles = tab_titles()
            state.show_error(
                tr("Save lesson"),
                tr("The lesson was saved to {0} ({1}), but these tabs could not save their part: {2}.")
                .format(written, size, ", ".join(titles.get(k, k) for k in failed)),
                "\n".join(f"{titles.get(k, k)}: {why}" for k, why in failed.items()),
            )
        else:
            state.show_status(tr("Lesson saved to {0} ({1})").format(written, size), 6000)
        return written

    def _confirm_replace_read_only(self, target: Path) -> bool:
        if getattr(self.window.options, "screenshot", None):
            return False
        answer = QMessageBox.question(
            self.window, tr("Replace a read-only file?"),
            tr("{0} is read-only. Replace it with this lesson anyway?").format(target),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    # ------------------------------------------------------------ opening
    def open_dialog(self) -> bool:
        """File → Open lesson…: ask for a lesson file, then open it."""
        start = str(self.path.parent if self.path else settings().value("lessons/dir", "") or Path.home())
        path, _ = QFileDialog.getOpenFileName(self.window, tr("Open lesson"), start,
                                              tr("cnnviz lessons (*{0});;All files (*)").format(SUFFIX))
        return bool(path) and self.open(path)

    def open(self, path: str | Path) -> bool:
        """Restore every tab from the lesson file ``path``; False (and a message) if it was not opened."""
        window, state = self.window, self.window.state
        try:
            lesson = read_lesson(path)
        except LessonFileError as exc:
            state.show_error(tr("Open lesson"), error_text(exc))
            return False
        running = window.tabset.running()
        if not window.presentation.confirm_stop(
                running, tr("Opening a lesson replaces the work running in: {0}. Its curves are lost unless you "
                            "save them first. Open the lesson now?")):
            return False
        skipped = self._ask_about_code(lesson, Path(path))
        self.unapplied = {}
        self.attachments = lesson.attachments
        if lesson.language != window.language:
            if not window.switch_language(lesson.language, states=lesson.tabs, current=lesson.current_tab,
                                          attachments=lesson.attachments):
                return False  # the translation is missing (said already)
            failed = window.last_apply_failures
        else:
            failed = window.tabset.apply_states(lesson.tabs, lesson.attachments)
            if lesson.current_tab:
                window.show_tab(lesson.current_tab)
        self.unapplied = {k: (lesson.tabs[k], why) for k, why in failed.items() if k in lesson.tabs}
        self._set_path(Path(path))
        self._report(Path(path), failed, skipped)
        return True

    def _report(self, path: Path, failed: dict[str, str], skipped: list[str]) -> None:
        state = self.window.state
        if failed:
            titles = tab_titles()
            state.show_error(
                tr("Open lesson"),
                tr("Some tabs could not take their part of the lesson: {0}. Their part is kept and saved back "
                   "unchanged.").format(", ".join(titles.get(k, k) for k in failed))
                + "\n\n" + "\n".join(f"{titles.get(k, k)}: {why}" for k, why in failed.items()),
            )
        elif not skipped:
            state.show_status(tr("Lesson opened: {0}").format(path.name), 5000)

    def _ask_about_code(self, lesson: LessonDocument, path: Path) -> list[str]:
        """Ask about every model the lesson names as Python code; returns the specs left unapproved."""
        skipped: list[str] = []
        asked: dict[str, bool] = {}
        for holder, key in code_specs(lesson.tabs):
            spec = trust.with_base_dir(holder[key], path.parent)
            holder[key] = spec  # relative paths are the lesson folder's
            if spec in asked:
                continue
            request = trust.code_request(spec)
            try:
                trust.check_not_standard_library(request)
            except trust.RefusedFactoryError:
                asked[spec] = False
                skipped.append(spec)
                continue
            if trust.is_approved(request):
                asked[spec] = True
                continue
            yes, remember = self.ask_consent(request, path)
            asked[spec] = yes
            if yes:
                trust.approve(request)
                if remember:
                    trust.remember(request)
            else:
                skipped.append(spec)
        return skipped

    def _consent_dialog(self, request: trust.CodeRequest, lesson: Path) -> tuple[bool, bool]:
        """Ask whether to run the code ``request`` names (default No); headless runs answer No."""
        if getattr(self.window.options, "screenshot", None):
            return False, False
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Run code from this lesson?"),
                          tr("The lesson {0} uses a model defined in Python code:\n\n{1}\n\nOpening it runs that "
                             "code with your permissions. Only answer Yes if you trust whoever made the lesson "
                             "and the code. With No, the rest of the lesson opens without this model.")
                          .format(lesson.name, request.describe()),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self.window)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setObjectName("cnnviz-code-consent")
        remember = QCheckBox(tr("Do not ask again for this exact file"))
        remember.setEnabled(request.kind == "file")
        box.setCheckBox(remember)
        box.exec()
        yes = box.clickedButton() is box.button(QMessageBox.StandardButton.Yes)
        return yes, yes and remember.isChecked()

    def _set_path(self, path: Path) -> None:
        self.path = path
        settings().setValue("lessons/dir", str(path.parent))
        self.window.setWindowTitle(f"{path.name} — cnnviz")
