"""A small script-based language guess: enough to know when natasha applies."""

from __future__ import annotations

NER_LANGUAGES = ("ru",)


def guess_language(text: str, sample: int = 20000) -> str:
    """``ru`` for mostly Cyrillic text, ``en`` for mostly Latin, else ``und``."""
    cyrillic = latin = 0
    for ch in text[:sample]:
        if not ch.isalpha():
            continue
        if "\u0400" <= ch <= "\u04ff":
            cyrillic += 1
        elif ch.isascii():
            latin += 1
    letters = cyrillic + latin
    if letters == 0:
        return "und"
    if cyrillic / letters >= 0.5:
        return "ru"
    if latin / letters >= 0.5:
        return "en"
    return "und"
