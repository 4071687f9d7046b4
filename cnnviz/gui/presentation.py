"""How the window looks to the room: zoom, colour theme and language (all remembered).

Languages
---------
Every string goes through ``QCoreApplication.translate`` and is read when a
widget is built. Switching the language installs the new translator and
*rebuilds* the menus and every tab: each tab's lesson state and live handover
are captured, the tabs are shut down and deleted, every connection to
AppState is dropped (a deleted tab's lambdas would call dead widgets), and
new tabs are built and given their state back.

Why a rebuild and not Qt's retranslation (``changeEvent(LanguageChange)`` and
a ``retranslateUi`` per widget): cnnviz builds its texts in code, many of
them composed from numbers (formulas, tooltips, plot labels, explanations),
so retranslating would mean every widget re-deriving every text it ever set,
and a forgotten one stays in the old language. The rebuild goes through the
same lesson path users rely on, so it is tested by every lesson test. It
costs about a second and stops long work, which the window asks about first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from cnnviz.gui import i18n, theme
from cnnviz.gui.settings_file import float_setting, settings

if TYPE_CHECKING:
    from cnnviz.gui.app import MainWindow


def tr(text: str) -> str:
    """Translate a main-window string."""
    return QCoreApplication.translate("MainWindow", text)


#: The application font size at zoom 1 (read once, before any zoom).
_base_point_size: float | None = None


class _Defaults:
    """Stands in for the settings in screenshot mode: every value is the default."""

    def value(self, _key: str, default: object = None) -> object:
        return default


class Presentation:
    """Zoom, theme and language of one window."""

    def __init__(self, window: MainWindow) -> None:
        global _base_point_size
        self.window = window
        app = QApplication.instance()
        screenshot = bool(getattr(window.options, "screenshot", None))
        # A screenshot shows what its options ask for, never what this user last chose.
        s = settings() if not screenshot else _Defaults()
        cli_lang = getattr(window.options, "lang", None)
        self.language = i18n.normalize_language(cli_lang or s.value("ui/language") or i18n.system_language())
        if cli_lang and isinstance(s, QSettings):  # not a screenshot
            s.setValue("ui/language", self.language)
        if not i18n.set_language(app, self.language):
            self.language = i18n.DEFAULT_LANGUAGE
        window.state.set_language(self.language)
        cli_theme = getattr(window.options, "theme", None)
        self.theme = theme.normalize_theme(cli_theme or s.value("ui/theme", theme.DEFAULT_THEME))
        if isinstance(app, QApplication) and self.theme != theme.current_theme():
            theme.apply_theme(app, self.theme)
        window.state.set_theme(self.theme)
        if _base_point_size is None and isinstance(app, QApplication):
            _base_point_size = QApplication.font().pointSizeF()
        cli_zoom = getattr(window.options, "zoom", None)
        self.zoom = theme.clamp_zoom(float(cli_zoom) if cli_zoom else
                                     float_setting(s, "ui/zoom", 1.0) if isinstance(s, QSettings) else 1.0)
        if isinstance(app, QApplication) and _base_point_size is not None:
            theme.set_application_font_size(app, _base_point_size * self.zoom, [window])
        window.state.set_zoom(self.zoom)

    @property
    def remembers(self) -> bool:
        """False in screenshot mode: a picture never changes the user's settings."""
        return not getattr(self.window.options, "screenshot", None)

    # ------------------------------------------------------------ zoom and theme
    def set_zoom(self, zoom: float) -> None:
        """Scale every font, picture and plot in the window (classroom projectors); remembered."""
        previous = self.zoom
        self.zoom = theme.clamp_zoom(zoom)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        theme.set_application_font_size(app, (_base_point_size or app.font().pointSizeF()) * self.zoom, [self.window])
        self.rescale(previous)
        if self.remembers:
            settings().setValue("ui/zoom", self.zoom)
        self.window.state.set_zoom(self.zoom)
        self.window.state.show_status(tr("Zoom {0:.0f}%").format(self.zoom * 100), 2000)

    def rescale(self, previous: float) -> None:
        """Bring widgets with their own font size and plot text to the current zoom."""
        # the window and what it owns (dialogs, the presenter view are its children): never every
        # top-level widget of the process, some of which may be another window's, half destroyed
        roots: list[QWidget] = [self.window]
        theme.scale_widget_fonts(roots, self.zoom, previous)
        theme.style_plots(roots, self.zoom, previous)

    def set_theme(self, name: str) -> None:
        """Apply a colour theme ('system', 'light' high-contrast, 'dark'); remembered."""
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.theme = theme.apply_theme(app, name)
        for key, act in self.window.theme_actions.items():
            act.setChecked(key == self.theme)
        if self.remembers:
            settings().setValue("ui/theme", self.theme)
        self.rescale(self.zoom)  # axis colours of plots drawn on the window's colour
        self.window.state.set_theme(self.theme)

    def restore_defaults(self) -> None:
        """The window is closing: the application (which may outlive it in tests) goes back to defaults."""
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        if _base_point_size is not None and self.zoom != 1.0:
            theme.set_application_font_size(app, _base_point_size, [self.window])
        if i18n.current_language() != i18n.DEFAULT_LANGUAGE:
            i18n.set_language(app, i18n.DEFAULT_LANGUAGE)
        if theme.current_theme() != theme.DEFAULT_THEME:
            theme.apply_theme(app, theme.DEFAULT_THEME)

    # ------------------------------------------------------------ language
    def install_language(self, lang: str) -> bool:
        """Install the translator of ``lang`` and record it; False (and a message) when it is missing."""
        ok = i18n.set_language(QApplication.instance(), lang)
        if not ok:
            self.window.state.show_error(
                tr("Language"), tr("The translation for {0} is missing; the interface stays in English.")
                .format(i18n.LANGUAGES.get(lang, lang)))
        self.language = i18n.current_language()
        if self.remembers:
            settings().setValue("ui/language", self.language)
        self.window.state.set_language(self.language)
        return ok

    def check_language_actions(self) -> None:
        """Tick the menu entry of the language in use."""
        for code, act in self.window.language_actions.items():
            act.setChecked(code == self.language)

    def confirm_stop(self, running: list[str], question: str) -> bool:
        """Ask before work in ``running`` (tab keys) is stopped; True when nothing runs or the user agrees."""
        if not running or getattr(self.window.options, "screenshot", None):
            return True
        from cnnviz.gui.tab_set import tab_titles

        titles = tab_titles()
        answer = QMessageBox.question(
            self.window, tr("Stop running work?"),
            question.format(", ".join(titles.get(k, k) for k in running)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes
