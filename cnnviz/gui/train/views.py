"""The Train tab's views, one page each: live curves, sharpness, loss landscape, learning-rate sweeps.

The first three show the runs of the current training (they get the same
run list, visibility and metrics); the sweep page runs its own jobs in
worker processes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget, QWidget

from cnnviz.core.training.config import TrainSetup
from cnnviz.core.training.metrics import MetricsLog
from cnnviz.gui.train.landscape_view import LandscapeView, Source
from cnnviz.gui.train.plots import TrainPlots
from cnnviz.gui.train.sharpness_view import SharpnessView
from cnnviz.gui.train.sweep_panel import SweepPanel

CURVES, SHARPNESS, LANDSCAPE, SWEEP = "curves", "sharpness", "landscape", "sweep"


def tr(text: str) -> str:
    """Translate a Train-tab string."""
    return QCoreApplication.translate("TrainTab", text)


class TrainViews(QTabWidget):
    """Pages over the plots area; :meth:`pull` feeds the training's metrics to the pages that show them."""

    def __init__(self, language: str = "en", landscape_source: Source = lambda: (None, None),
                 sweep_setup: Callable[[], TrainSetup] = TrainSetup, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)
        self.plots = TrainPlots()
        self.sharpness = SharpnessView(language)
        self.landscape = LandscapeView(landscape_source)
        self.sweep = SweepPanel(sweep_setup)
        self.pages: dict[str, QWidget] = {}
        self.add_page(CURVES, self.plots, tr("Curves"))
        self.add_page(SHARPNESS, self.sharpness, QCoreApplication.translate("TrainSharpness", "Sharpness"))
        self.add_page(LANDSCAPE, self.landscape, QCoreApplication.translate("TrainLandscape", "Landscape"))
        self.add_page(SWEEP, self.sweep, QCoreApplication.translate("TrainSweep", "Sweep"))

    def add_page(self, key: str, widget: QWidget, title: str) -> None:
        """Add a page under ``key``."""
        self.pages[key] = widget
        self.addTab(widget, title)

    def show_page(self, key: str) -> None:
        """Bring the page ``key`` to the front."""
        self.setCurrentWidget(self.pages[key])

    def current_page(self) -> str:
        """The key of the page in front."""
        return next(k for k, w in self.pages.items() if w is self.currentWidget())

    def set_runs(self, runs: list[tuple[str, str]]) -> None:
        """Empty series for ``(name, colour)`` pairs on every page that shows runs."""
        self.plots.set_runs(runs)
        self.sharpness.set_runs(runs)
        self.landscape.set_runs(runs)

    def set_run_visible(self, name: str, visible: bool) -> None:
        """Show or hide one run on every page."""
        self.plots.set_run_visible(name, visible)
        self.sharpness.set_run_visible(name, visible)

    def pull(self, log: MetricsLog, full: bool = False) -> None:
        """Copy what ``log`` gained into the pages (bounded cost: called 10 times a second)."""
        if self.plots.pull(log) or full:
            self.plots.redraw(full=full)
        self.sharpness.pull(log)

    def set_training(self, running: bool) -> None:
        """Training started or ended (pages that use the trainer or the cores wait)."""
        self.landscape.set_training(running)
        self.sweep.set_training(running)

    def is_busy(self) -> bool:
        """A page is computing."""
        return self.landscape.is_busy()

    def shutdown(self) -> None:
        """Stop every page's timers and work."""
        self.landscape.shutdown()
        self.sweep.shutdown()
