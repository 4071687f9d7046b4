"""User-interface language: English (the source strings) or Simplified Chinese.

Every GUI string goes through ``QCoreApplication.translate(context, text)``.
:func:`set_language` installs the matching :class:`QTranslator` on the
application: cnnviz's own ``cnnviz_zh_CN.qm`` (compiled from
``resources/translations/cnnviz_zh_CN.ts`` by ``tools/update_translations.py``
and shipped in ``cnnviz/resources/translations``) plus Qt's ``qtbase_zh_CN.qm``
so standard dialogs (file dialogs, message-box buttons) speak Chinese too.

Installing a translator does not change strings already on screen: the main
window rebuilds its tabs and menus after a switch (see ``MainWindow.set_language``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from cnnviz.core.messages import CONTEXT as MESSAGE_CONTEXT
from cnnviz.core.messages import Text, message_of

#: Language code -> its name in that language (menus show endonyms).
LANGUAGES: dict[str, str] = {"en": "English", "zh": "中文（简体）"}
DEFAULT_LANGUAGE = "en"
#: cnnviz's translation file and Qt's own per language (English needs none).
_APP_QM = {"zh": "cnnviz_zh_CN"}
_QT_QM = {"zh": ("qtbase_zh_CN",)}
_QT_LOCALE = {"zh": QLocale(QLocale.Language.Chinese, QLocale.Country.China)}

_installed: list[QTranslator] = []
_current = DEFAULT_LANGUAGE
_original_locale: QLocale | None = None


def translations_dir() -> Path:
    """Where the compiled ``.qm`` files of cnnviz live (inside the package)."""
    return Path(__file__).resolve().parent.parent / "resources" / "translations"


def qt_translations_dir() -> str:
    """Where Qt's own translations (``qtbase_*.qm``) live in this PySide6."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def normalize_language(code: object) -> str:
    """'zh', 'zh_CN', 'zh-Hans', 'Chinese' -> 'zh'; 'en', 'en_US' -> 'en'; anything else -> 'en'."""
    text = str(code or "").strip().lower().replace("-", "_")
    if text.startswith("zh") or text.startswith("chinese") or text == "cn":
        return "zh"
    return DEFAULT_LANGUAGE


def system_language() -> str:
    """The language cnnviz offers for this computer's locale ('zh' for any Chinese locale)."""
    return "zh" if QLocale.system().language() == QLocale.Language.Chinese else DEFAULT_LANGUAGE


def current_language() -> str:
    """The language whose translators are installed now."""
    return _current


def set_language(app: QCoreApplication | None, lang: str) -> bool:
    """Install the translators of ``lang`` ('en' or 'zh') on ``app``; remove the previous ones.

    Returns False when cnnviz's translation file for ``lang`` cannot be loaded
    (the interface then stays English); English always succeeds. Qt's own
    translation is optional: a PySide6 build without it only leaves standard
    dialog buttons in English.
    """
    global _current, _original_locale
    lang = normalize_language(lang)
    app = app or QCoreApplication.instance()
    if app is None:
        raise RuntimeError("set_language needs a QApplication")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if _original_locale is None:
        _original_locale = QLocale()
    ok = True
    if lang in _APP_QM:
        translator = QTranslator(app)
        ok = translator.load(_APP_QM[lang], str(translations_dir()))
        if ok:
            app.installTranslator(translator)
            _installed.append(translator)
        for name in _QT_QM.get(lang, ()):
            qt_translator = QTranslator(app)
            if qt_translator.load(name, qt_translations_dir()):
                app.installTranslator(qt_translator)
                _installed.append(qt_translator)
    if ok and lang in _QT_LOCALE:
        QLocale.setDefault(_QT_LOCALE[lang])
    else:
        QLocale.setDefault(_original_locale)
    _current = lang if ok else DEFAULT_LANGUAGE
    return ok


def translate_message(text: str) -> str:
    """``text`` in the interface language: a core :class:`~cnnviz.core.messages.Text` is looked up
    by its template and filled with its (recursively translated) values; any other string is returned as is.

    A translation whose fields do not match the English template falls back to the English text:
    a translator's slip never hides a message.
    """
    if not isinstance(text, Text):
        return text
    template = QCoreApplication.translate(MESSAGE_CONTEXT, text.template)
    if not text.values:
        return template
    values = {k: translate_message(v) if isinstance(v, Text) else v for k, v in text.values.items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return str(text)


def error_text(error: BaseException) -> str:
    """What a user-caused error says, in the interface language (core errors made with ``msg`` are translated)."""
    return translate_message(message_of(error))
