"""AppState: the one object that holds what the user has chosen, shared by every tab.

Widgets never talk to each other: they call AppState's setters and react to
its signals. Anything two tabs share (the loaded model session, its prepared
input image, the selected layer, the device, language, zoom and theme) lives
here, typed; what only one tab needs (Inspect's activations, selected unit,
colormap) lives in that tab's controller.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from cnnviz.core.images import PreparedImage
    from cnnviz.core.session import ModelSession


class AppState(QObject):
    """Shared, observable application state."""

    model_changed = Signal(object)
    """A new model session is current (a core ``ModelSession`` or None)."""
    image_changed = Signal(object)
    """A new input image is current (a core ``PreparedImage``, as the model sees it, or None)."""
    layer_changed = Signal(str)
    """The selected layer changed (its summary key, '' for none)."""
    device_changed = Signal(str)
    """The compute device changed ('cpu', 'cuda:0', ...)."""
    status_message = Signal(str, int)
    """A message for the status bar and how long to show it in ms (0: until replaced)."""
    error = Signal(str, str, str)
    """A user-facing error: a title, a message and details (a traceback, or ''); the window shows a dialog."""
    open_in_inspect = Signal(object)
    """Another tab asks the Inspect tab to open a model: an ``OpenModelRequest``."""
    open_run_in_inspect = Signal(str)
    """Inspect asks the Train tab to send run ``name`` again (a reopened lesson's time-lapse): its Open in Inspect."""
    open_tab = Signal(str)
    """Ask the window to show a tab by key ('inspect', 'train', 'playground', 'explain')."""
    open_unit_arithmetic = Signal(object)
    """Ask the Explain tab to show how one unit is computed: a core ``UnitSelection`` (layer key, channel, y, x)."""
    language_changed = Signal(str)
    """The user-interface language changed ('en' or 'zh')."""
    status_info_changed = Signal()
    """Model, weights or device shown in the status bar changed (read the attributes)."""
    zoom_changed = Signal(float)
    """The presentation zoom changed (1.0 = normal); fonts are already scaled, plots may follow."""
    theme_changed = Signal(str)
    """The colour theme changed ('system', 'light' (high contrast) or 'dark')."""

    def __init__(self) -> None:
        super().__init__()
        self.model: ModelSession | None = None
        self.image: PreparedImage | None = None
        self.layer: str = ""
        self.device: str = "cpu"
        self.language: str = "en"
        self.zoom: float = 1.0
        self.theme: str = "system"

    def set_session(self, model: ModelSession | None, image: PreparedImage | None) -> tuple[bool, bool]:
        """Make a model session and its prepared image current together.

        Both attributes are set before any signal is emitted, so a widget that
        reacts to ``model_changed`` never reads the previous model's image.
        Returns (model is new, image is new).
        """
        model_new = model is not self.model
        image_new = image is not self.image
        self.model, self.image = model, image
        if model_new:
            self.model_changed.emit(model)
            self.status_info_changed.emit()
        if image_new:
            self.image_changed.emit(image)
        return model_new, image_new

    def announce(self) -> None:
        """Emit the signals of everything current, for listeners connected after it was set.

        New tabs built by a language switch find the model and image already
        here; this makes them draw it, without loading anything again
        (weights handed over in memory would be lost).
        """
        self.model_changed.emit(self.model)
        self.status_info_changed.emit()
        self.image_changed.emit(self.image)
        self.layer_changed.emit(self.layer)

    def set_layer(self, name: str) -> None:
        """Select a layer by summary key (no signal if unchanged)."""
        if name != self.layer:
            self.layer = name
            self.layer_changed.emit(name)

    def set_device(self, device: str) -> None:
        """Choose the compute device (no signal if unchanged)."""
        if device != self.device:
            self.device = device
            self.device_changed.emit(device)

    def set_language(self, lang: str) -> None:
        """Switch the user-interface language (no signal if unchanged)."""
        if lang != self.language:
            self.language = lang
            self.language_changed.emit(lang)

    def set_zoom(self, zoom: float) -> None:
        """Record the presentation zoom the window applied (no signal if unchanged)."""
        if zoom != self.zoom:
            self.zoom = zoom
            self.zoom_changed.emit(zoom)

    def set_theme(self, name: str) -> None:
        """Record the colour theme the window applied (no signal if unchanged)."""
        if name != self.theme:
            self.theme = name
            self.theme_changed.emit(name)

    def disconnect_listeners(self) -> None:
        """Drop every connection to this object's signals.

        The window calls this when it rebuilds every tab (a language switch):
        a tab's lambdas stay connected after the tab is deleted and would call
        into dead widgets. The window then reconnects its own slots, and the
        new tabs connect theirs as they are built.
        """
        disconnect_all(self)

    def show_status(self, text: str, timeout_ms: int = 5000) -> None:
        """Show ``text`` in the status bar."""
        self.status_message.emit(text, timeout_ms)

    def show_error(self, title: str, message: str, details: str = "") -> None:
        """Report a user-facing error (the window shows it, with ``details`` under "Details…"; nothing is lost)."""
        self.error.emit(title, message, details)


def disconnect_all(obj: QObject) -> None:
    """Drop every connection to the signals ``obj``'s class declares."""
    meta = obj.metaObject()
    # From QObject's own methods on, not meta.methodOffset(): once a Python
    # method of this object is connected as a slot, PySide gives it a
    # dynamic meta-object whose offset lies past every signal declared here.
    for i in range(QObject.staticMetaObject.methodCount(), meta.methodCount()):  # type: ignore[attr-defined]  # missing from PySide6's stubs
        method = meta.method(i)
        if method.methodType() != method.MethodType.Signal:
            continue
        name = bytes(method.name().data()).decode()
        signal = getattr(obj, name, None)
        if signal is not None and obj.receivers("2" + bytes(method.methodSignature().data()).decode()) > 0:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)
                signal.disconnect()
