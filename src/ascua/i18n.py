"""The translation layer: every user-visible string goes through it (Spanish and English).

Messages are written in English in the code and translated from gettext catalogues
(``locales/<lang>/LC_MESSAGES/ascua.po``), compiled in memory when first needed, so
the package ships only text files. ``make messages`` refreshes the catalogues.

>>> translator("es").gettext("normal")
'normal'
>>> translator("es").gettext("crisis")
'crisis'
"""

from __future__ import annotations

import gettext
import io
import os
from functools import cache
from importlib import resources

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LANGUAGES = ("es", "en")
DEFAULT_LANGUAGE = "es"


@cache
def translator(language: str) -> gettext.NullTranslations:
    """The translations for ``language`` (English, the source language, needs none)."""
    language = (language or DEFAULT_LANGUAGE)[:2].lower()
    if language not in LANGUAGES or language == "en":
        return gettext.NullTranslations()
    catalogue = resources.files("ascua") / "locales" / language / "LC_MESSAGES" / "ascua.po"
    with catalogue.open("rb") as source:
        messages = read_po(source, locale=language)
    buffer = io.BytesIO()
    write_mo(buffer, messages)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def language_from_environment(default: str = DEFAULT_LANGUAGE) -> str:
    """``ASCUA_LANG``, else the locale's language if Spanish or English, else ``default``."""
    for name in ("ASCUA_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")[:2].lower()
        if value in LANGUAGES:
            return value
    return default


def best_language(accept_language: str | None, default: str = DEFAULT_LANGUAGE) -> str:
    """The first of our languages in an HTTP ``Accept-Language`` header.

    >>> best_language("en-GB,en;q=0.9,es;q=0.8")
    'en'
    >>> best_language("fr-FR,fr;q=0.9", default="es")
    'es'
    """
    if not accept_language:
        return default
    weighted = []
    for position, part in enumerate(accept_language.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        weighted.append((-quality, position, tag[:2].lower()))
    for _, _, tag in sorted(weighted):
        if tag in LANGUAGES:
            return tag
    return default


def N_(message: str) -> str:  # noqa: N802 - the gettext convention for "translate later"
    """Mark a message for translation where it is chosen at run time."""
    return message


# Words shown from data (levels, sentiments, alert states): listed so the catalogues hold them.
RUNTIME_WORDS = (
    N_("normal"),
    N_("watch"),
    N_("incident"),
    N_("crisis"),
    N_("negative"),
    N_("neutral"),
    N_("positive"),
    N_("open"),
    N_("resolved"),
)
