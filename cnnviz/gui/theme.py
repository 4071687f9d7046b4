"""Presentation: colour themes and the zoom of every font, widget and plot.

Themes (View → Theme): ``system`` (the platform's own style and palette),
``light`` (high contrast for projectors: pure black on white, dark borders)
and ``dark``. Both custom themes use Qt's Fusion style, which follows the
palette everywhere.

Zoom (Ctrl + / Ctrl − / Ctrl 0) scales the application font, which every
widget without a font of its own inherits, and, separately:

* widgets that set their own font size (big formula labels, headings) keep
  their proportion: their size at zoom 1 is remembered in a Qt property and
  multiplied by the zoom;
* text inside pyqtgraph scenes (axis labels, titles, legends, text items),
  which does not follow the application font, the same way; a LabelItem's
  own size option (plot titles are '11pt') is scaled too. Tick labels
  follow the view's font by themselves;
* widgets under a style sheet are re-polished, or they would keep their old
  font after a theme switch.

Widgets that size their fonts in paint events from ``self.font()`` follow
automatically. Rich text with absolute sizes (``font-size: 12pt`` inside a
label's HTML) cannot be scaled from outside; use relative sizes
(``font-size: large``, ``x-large``) in such HTML.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QStyleFactory,
    QWidget,
)

THEMES: tuple[str, ...] = ("system", "light", "dark")
DEFAULT_THEME = "system"
MIN_ZOOM, MAX_ZOOM = 0.5, 4.0
#: Qt's QFont::SizeResolved bit (PySide6 does not export the enum).
_SIZE_RESOLVED = 0x0002
_BASE_PROPERTY = "_cnnviz_base_point_size"
_ITEM_BASE_KEY = 0x6E7A  # QGraphicsItem.data() slot for the same purpose
_system: dict[str, object] = {}
_applied = DEFAULT_THEME


def current_theme() -> str:
    """The theme applied to the application now."""
    return _applied


def tr(text: str) -> str:
    """Translate a theme string."""
    return QCoreApplication.translate("Theme", text)


def theme_titles() -> dict[str, str]:
    """Menu text of each theme, translated."""
    return {
        "system": tr("&System"),
        "light": tr("&Light, high contrast (projectors)"),
        "dark": tr("&Dark"),
    }


# --------------------------------------------------------------------------- palettes


def _palette(colors: dict[QPalette.ColorRole, str], disabled: str) -> QPalette:
    pal = QPalette()
    for role, value in colors.items():
        pal.setColor(role, QColor(value))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled))
    return pal


def high_contrast_palette() -> QPalette:
    """Black on white with dark borders and a strong selection colour (projectors wash colours out)."""
    r = QPalette.ColorRole
    return _palette({
        r.Window: "#ffffff", r.WindowText: "#000000", r.Base: "#ffffff", r.AlternateBase: "#ebebeb",
        r.Text: "#000000", r.Button: "#e4e4e4", r.ButtonText: "#000000", r.BrightText: "#b00000",
        r.ToolTipBase: "#ffffe0", r.ToolTipText: "#000000", r.PlaceholderText: "#444444",
        r.Highlight: "#003f9e", r.HighlightedText: "#ffffff", r.Link: "#0030c0", r.LinkVisited: "#5a1a9a",
        r.Light: "#ffffff", r.Midlight: "#c8c8c8", r.Mid: "#6e6e6e", r.Dark: "#3c3c3c", r.Shadow: "#000000",
    }, disabled="#5a5a5a")


def dark_palette() -> QPalette:
    """Light grey text on near-black, blue selection."""
    r = QPalette.ColorRole
    return _palette({
        r.Window: "#1f2124", r.WindowText: "#e8eaed", r.Base: "#16181a", r.AlternateBase: "#25282c",
        r.Text: "#e8eaed", r.Button: "#2e3136", r.ButtonText: "#e8eaed", r.BrightText: "#ff7b72",
        r.ToolTipBase: "#2e3136", r.ToolTipText: "#e8eaed", r.PlaceholderText: "#9aa0a6",
        r.Highlight: "#3b78d8", r.HighlightedText: "#ffffff", r.Link: "#8ab4f8", r.LinkVisited: "#c58af9",
        r.Light: "#4a4e54", r.Midlight: "#3a3d42", r.Mid: "#55595f", r.Dark: "#101113", r.Shadow: "#000000",
    }, disabled="#80868b")


# --------------------------------------------------------------------------- text colours
#
# Rich text (HTML in labels and text browsers) and painted text cannot follow
# the palette by themselves: build them with these, at the time they are
# drawn, and draw again on AppState.theme_changed.

#: Colours that carry a meaning, for light and for dark backgrounds (≥ 4.5:1 contrast on each).
_SEMANTIC = {
    "error": ("#a00000", "#ff8a80"),
    "warning": ("#a04000", "#ffb74d"),
    "ok": ("#1b6e20", "#81c784"),
    "info": ("#0d47a1", "#90caf9"),
    "stopped": ("#6d5500", "#ffd54f"),
}


def _app_palette(palette: QPalette | None) -> QPalette:
    if palette is not None:
        return palette
    app = QApplication.instance()
    return app.palette() if isinstance(app, QApplication) else QPalette()


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the window background of ``palette`` (the application's by default) is dark."""
    return _app_palette(palette).color(QPalette.ColorRole.Window).lightnessF() < 0.5


def text_color(palette: QPalette | None = None) -> QColor:
    """The palette's window text colour."""
    return _app_palette(palette).color(QPalette.ColorRole.WindowText)


def mix_colors(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved the fraction ``t`` of the way to ``b`` (0: ``a``, 1: ``b``)."""
    return QColor.fromRgbF(a.redF() + (b.redF() - a.redF()) * t, a.greenF() + (b.greenF() - a.greenF()) * t,
                           a.blueF() + (b.blueF() - a.blueF()) * t)


def secondary_text_color(palette: QPalette | None = None, *, on_base: bool = False) -> QColor:
    """For explanations under a value: the text colour a quarter of the way to the background.

    Quieter than the main text but still well above 4.5:1 contrast on every
    theme (a fixed grey such as #666 nearly vanishes on the dark one).
    ``on_base``: for text on an editor's or browser's background (Text on Base)
    rather than on the window's (WindowText on Window).
    """
    pal = _app_palette(palette)
    r = QPalette.ColorRole
    fg, bg = (pal.color(r.Text), pal.color(r.Base)) if on_base else (pal.color(r.WindowText), pal.color(r.Window))
    return mix_colors(fg, bg, 0.25)


def semantic_color(kind: str, palette: QPalette | None = None) -> QColor:
    """'error', 'warning', 'ok', 'info' or 'stopped' in a shade readable on the current background."""
    light, dark = _SEMANTIC[kind]
    return QColor(dark if is_dark(palette) else light)


def css(color: QColor) -> str:
    """``color`` as ``#rrggbb`` for rich text and style sheets."""
    return color.name(QColor.NameFormat.HexRgb)


def normalize_theme(name: object) -> str:
    """A known theme name, or the default for anything else."""
    text = str(name or "").strip().lower()
    return text if text in THEMES else DEFAULT_THEME


def apply_theme(app: QApplication, name: str) -> str:
    """Apply the theme ``name`` to the whole application; returns the name applied."""
    global _applied
    name = normalize_theme(name)
    if not _system:  # remember what "system" looks like before changing anything
        _system["style"] = app.style().name()
        _system["palette"] = QPalette(app.palette())
    if name == "system":
        if str(_system["style"]).lower() in (k.lower() for k in QStyleFactory.keys()):  # noqa: SIM118 (a list)
            app.setStyle(str(_system["style"]))
        app.setPalette(_system["palette"])  # type: ignore[arg-type]
    else:
        app.setStyle("Fusion")  # draws everything from the palette, on every platform
        app.setPalette(high_contrast_palette() if name == "light" else dark_palette())
    _applied = name
    return name


# --------------------------------------------------------------------------- zoom


def clamp_zoom(zoom: float) -> float:
    """``zoom`` limited to what stays usable (50 % to 400 %)."""
    return max(MIN_ZOOM, min(MAX_ZOOM, float(zoom)))


def set_application_font_size(app: QApplication, point_size: float, roots: Iterable[QWidget] | None = None) -> None:
    """Give the application font ``point_size`` (widgets without their own font follow).

    Widgets under a style sheet keep the font they were polished with once the
    application style has changed (a theme switch), so they are re-polished: those
    of ``roots`` and their children (the window), or of every top-level widget.
    Only the window's own tree is walked when it is given: a widget of another
    window, half destroyed, must not be wrapped for Python (it crashed the tests).
    """
    font = QFont(app.font())
    font.setPointSizeF(max(4.0, point_size))
    app.setFont(font)
    for root in (app.topLevelWidgets() if roots is None else roots):
        for widget in (root, *root.findChildren(QWidget)):
            sheet = widget.styleSheet()
            if sheet:
                widget.setStyleSheet(sheet)


def has_own_font_size(widget: QWidget) -> bool:
    """True when ``widget`` set a font size of its own (so it does not follow the application font)."""
    return widget.testAttribute(Qt.WidgetAttribute.WA_SetFont) and bool(widget.font().resolveMask() & _SIZE_RESOLVED)


def scale_widget_fonts(roots: Iterable[QWidget], zoom: float, previous: float) -> None:
    """Give every widget with a font size of its own ``its size at zoom 1 × zoom``.

    A widget seen for the first time was built at ``previous`` zoom, so its
    size at zoom 1 is ``size / previous``.
    """
    for root in roots:
        for widget in (root, *root.findChildren(QWidget)):
            if not has_own_font_size(widget):
                continue
            font = QFont(widget.font())
            base = widget.property(_BASE_PROPERTY)
            if base is None:
                base = font.pointSizeF() / previous if font.pointSizeF() > 0 else None
                if base is None:
                    continue  # a pixel-sized font: sized from the widget's geometry
                widget.setProperty(_BASE_PROPERTY, float(base))
            size = float(base) * zoom
            if abs(font.pointSizeF() - size) > 1e-3:
                font.setPointSizeF(size)
                widget.setFont(font)


def _scale_item_font(item: QGraphicsItem, zoom: float, previous: float) -> bool:
    font = QFont(item.font())  # type: ignore[attr-defined]
    if font.pointSizeF() <= 0:
        return False
    base = item.data(_ITEM_BASE_KEY)
    if base is None:
        base = font.pointSizeF() / previous
        item.setData(_ITEM_BASE_KEY, float(base))
    size = float(base) * zoom
    if abs(font.pointSizeF() - size) <= 1e-3:
        return False
    font.setPointSizeF(size)
    item.setFont(font)  # type: ignore[attr-defined]
    return True


def style_plots(roots: Iterable[QWidget], zoom: float, previous: float) -> int:
    """Scale the text of every pyqtgraph scene and fit axis colours to transparent backgrounds.

    Returns how many text items were resized (for tests).
    """
    import pyqtgraph as pg

    changed = 0
    for root in roots:
        for view in root.findChildren(pg.GraphicsView):
            scene = view.scene()
            if scene is None:
                continue
            background = view.backgroundBrush()
            transparent = background.style() == Qt.BrushStyle.NoBrush or background.color().alpha() == 0
            ink = QApplication.palette().color(QPalette.ColorRole.WindowText)  # widgets get it later
            relayout = set()
            for item in scene.items():
                if isinstance(item, (QGraphicsTextItem, QGraphicsSimpleTextItem)):
                    if _scale_item_font(item, zoom, previous):
                        changed += 1
                        relayout.add(item.parentItem())
                elif isinstance(item, pg.AxisItem):
                    if item.style.get("tickFont") is not None:
                        font = QFont(item.style["tickFont"])
                        base = item.data(_ITEM_BASE_KEY) or font.pointSizeF() / previous
                        item.setData(_ITEM_BASE_KEY, float(base))
                        font.setPointSizeF(float(base) * zoom)
                        item.setTickFont(font)
                    if transparent:  # the axis sits on the window's colour: use its text colour
                        item.setPen(pg.mkPen(ink))
                        item.setTextPen(pg.mkPen(ink))
                if isinstance(item, pg.LabelItem) and _scale_label_size(item, zoom, previous):
                    changed += 1
            for parent in relayout:
                _relayout(parent)
            for item in scene.items():
                if isinstance(item, pg.AxisItem):
                    _relayout(item)
    return changed


def _scale_label_size(label: object, zoom: float, previous: float) -> bool:
    """A pyqtgraph LabelItem with a size in its options ('11pt' for plot titles): scale that size."""
    size = str(label.opts.get("size", ""))  # type: ignore[attr-defined]
    if not size.endswith("pt"):
        return False
    try:
        current = float(size[:-2])
    except ValueError:
        return False
    base = label.data(_ITEM_BASE_KEY + 1)  # type: ignore[attr-defined]
    if base is None:
        base = current / previous
        label.setData(_ITEM_BASE_KEY + 1, float(base))  # type: ignore[attr-defined]
    target = float(base) * zoom
    if abs(target - current) <= 1e-3:
        return False
    label.setText(label.text, size=f"{target:.2f}pt")  # type: ignore[attr-defined]
    return True


def _relayout(item: object) -> None:
    """Let a pyqtgraph item re-measure itself after its text changed size."""
    import pyqtgraph as pg

    if isinstance(item, pg.AxisItem):
        item._adjustSize()  # noqa: SLF001 (no public call re-measures the label)
        item.picture = None
        item.update()
    elif isinstance(item, pg.LabelItem):
        item.updateMin()
        item.resizeEvent(None)
        item.updateGeometry()
