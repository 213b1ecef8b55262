"""A small language guess: enough to know when natasha applies and which generic names to use.

Letters decide the script; within Cyrillic and Latin, letters only some
languages have and the commonest short words decide the language.  What is
neither clearly Russian nor clearly English (or one of the few others named
here) is ``und``.
"""

from __future__ import annotations

import re
from collections import Counter

NER_LANGUAGES = ("ru",)

_WORD = re.compile(r"[^\W\d_]+")
# Letters that mark a Cyrillic language other than Russian.
_CYRILLIC_LETTERS = {"kk": "әғқңөұүһ", "be": "ў", "uk": "іїєґ", "sr": "ђјљњћџ"}
_FUNCTION_WORDS = {
    "ru": "и в не на я что он с как а то все она так его но да ты к у же вы за бы по только ее мне было вот от"
    " меня еще нет о из ему теперь когда даже ну ли если уже или ни быть был него до вас это",
    "uk": "і в не на я що він з як а то все вона так його але так ти до у же ви за б по тільки її мені було"
    " ось від мене ще немає про із йому тепер коли навіть чи якщо вже або це",
    "en": "the and of to a in is that it you i was for on are with as he be at by this have from or had not but"
    " what all were when we there can an your which their said if do will each about how up out them",
    "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus"
    " er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder ich",
    "fr": "de la le et les des en un du une que est pour qui dans a par plus pas au sur ne se ce il sont avec ou"
    " son je nous vous mais",
    "es": "de la que el en y a los del se las por un para con no una su al lo como más pero sus le ya o este sí"
    " porque esta entre cuando muy sin",
}
_WORDS = {lang: frozenset(words.split()) for lang, words in _FUNCTION_WORDS.items()}
_LATIN = ("en", "de", "fr", "es")


def _script(ch: str) -> str:
    if "\u0400" <= ch <= "\u04ff":
        return "cyrillic"
    if ch.isascii() or "\u00c0" <= ch <= "\u024f":
        return "latin"
    return "other"


def guess_language(text: str, sample: int = 20000) -> str:
    """An ISO 639-1 code (``ru``, ``en``, ``uk``, ``de``, …) or ``und`` when unsure."""
    text = text[:sample]
    scripts = Counter(_script(ch) for ch in text if ch.isalpha())
    letters = sum(scripts.values())
    if not letters:
        return "und"
    script, share = scripts.most_common(1)[0]
    if script == "other" or share / letters < 0.6:
        return "und"
    words = [w.lower() for w in _WORD.findall(text)]
    if script == "cyrillic":
        lower = text.lower()
        for lang, marks in _CYRILLIC_LETTERS.items():
            hits = sum(lower.count(ch) for ch in marks)
            if hits >= 3 and hits / share > 0.005:
                return lang
        return "ru"
    counts = {lang: sum(1 for w in words if w in _WORDS[lang]) for lang in _LATIN}
    best = max(counts, key=lambda lang: counts[lang])
    if counts[best] == 0:
        return "en" if len(words) < 8 else "und"
    return best if counts[best] >= 1.5 * max([c for lang, c in counts.items() if lang != best] + [0]) else "und"


def turns_in(text: str, turns: list, languages: tuple[str, ...] = NER_LANGUAGES, shortest: int = 40) -> list:
    """The turns whose speech is in one of ``languages``: where a mixed document's model can run.

    A turn too short to tell (under ``shortest`` letters) counts if it is in Cyrillic
    and the languages are Cyrillic ones, so «Да.» is not lost between Russian answers.
    """
    found = []
    for turn in turns:
        speech = text[turn.content_start : turn.end]
        letters = sum(1 for ch in speech if ch.isalpha())
        if letters < shortest:
            if letters and _script(next(ch for ch in speech if ch.isalpha())) == "cyrillic" and "ru" in languages:
                found.append(turn)
            continue
        if guess_language(speech) in languages:
            found.append(turn)
    return found
