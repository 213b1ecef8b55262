"""Speaker names: one key for the ways a name is written, a readable display form, roles.

``А.ВЕНЕДИКТОВ``, ``А. ВЕНЕДИКТОВ`` and ``А. Венедиктов`` share the key
``АВЕНЕДИКТОВ`` and are shown as «А. Венедиктов».
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from ..model import Turn

INTERVIEWER_WORDS = frozenset(
    "вопрос в вопр журналист журналистка журн корреспондент корр корресп ведущий ведущая вед интервьюер"
    " интервьюерка инт модератор"
    " q question interviewer int iv i host reporter moderator anchor journalist"
    " frage interviewerin pregunta entrevistador".split()
)
RESPONDENT_WORDS = frozenset(
    "ответ о отв респондент респондентка гость собеседник собеседница собес информант"
    " a answer respondent resp r guest interviewee informant antwort respuesta réponse".split()
)
NARRATOR_WORDS = frozenset("автор отавтора рассказчик диктор закадровыйголос narrator voiceover".split())
# Keys that look like names but head metadata or prose, never a speaker.
NOT_SPEAKERS = frozenset(
    "дата время место тема заголовок источник ссылка примечание примечания участники продолжительность"
    " длительность расшифровка транскрипт запись файл аудио видео теги рубрика фото автортекста"
    " например итак вовторых вопервых втретьих внимание важно вывод итог итоги кстати цитата пс ps"
    " date time place location topic subject title source link url http https note notes participants"
    " duration length transcript transcription recording file audio video tags photo eg ie"
    " example however summary warning caution".split()
)
# Words that make up a line of their own in speech, so a line holding one is not a name line.
INTERJECTIONS = frozenset(
    "да нет ага угу ну так хорошо ладно спасибо понятно конечно ок окей итак аплодисменты смех пауза"
    " музыка неразборчиво шум тишина перебивает"
    " yes no yeah ok okay right so well thanks applause laughter pause um uh hmm music crosstalk inaudible"
    " silence noise".split()
)
# Sounds and programme parts a transcript notes on a line of their own: narration, never a speaker.
NON_SPEECH = frozenset(
    "break перерыв music музыка jingle джингл laughs laughter laughing смеется смеются смех applause аплодисменты"
    " intro outro заставка отбивка реклама ad ads advert commercial sponsor".split()
)
# People in the room or on the line who are not the guests: questions from the floor, callers.
AUDIENCE_WORDS = frozenset(
    "audience floor caller listener viewer participant слушатель слушательница зритель зрительница звонок"
    " звонящий голосиззала иззала вопросиззала".split()
)
_ANONYMOUS = re.compile(
    r"(?:speaker|спикер|говорящий|участник|participant|person|голос|voice|респондент|respondent|"
    r"интервьюер|interviewer|информант|informant)[ _]?\d+",
    re.IGNORECASE,
)
_INITIAL_SPACE = re.compile(r"(?<=\b\w\.)(?=\w{2})")
_SHOUT = re.compile(r"\w{2,}")


@lru_cache(maxsize=4096)
def name_key(name: str) -> str:
    """The same for every spelling of one name: no spaces, dots or underscores, upper case, Е for Ё."""
    return re.sub(r"[\s._]+", "", name).upper().replace("Ё", "Е")


def word_role(name: str) -> str | None:
    """The role a name states by itself («Вопрос», «Журналист», «Q», «Speaker 1» states none)."""
    key = name_key(name).lower().replace("ё", "е")
    if key in INTERVIEWER_WORDS:
        return "interviewer"
    if key in RESPONDENT_WORDS:
        return "respondent"
    if key in NARRATOR_WORDS:
        return "narrator"
    if key.rstrip("0123456789") in AUDIENCE_WORDS:
        return "other"
    return None


def is_non_speech(name: str) -> bool:
    """``Break``, ``[music]``, ``Jingle``, ``AD BREAK``: a note about the recording, not a speaker."""
    words = [w.lower().replace("ё", "е") for w in re.findall(r"\w+", name)]
    return bool(words) and (name_key(name).lower().replace("ё", "е") in NON_SPEECH or words[-1] in NON_SPEECH)


def note_role(note: str | None) -> str | None:
    """A role named in a note beside the name: ``Иванов (ведущий)``."""
    if not note:
        return None
    for word in re.findall(r"\w+", note):
        role = word_role(word)
        if role:
            return role
    return None


def is_anonymous(name: str) -> bool:
    return bool(_ANONYMOUS.fullmatch(" ".join(name.split())))


def is_stop_word(name: str) -> bool:
    key = name_key(name).lower().replace("ё", "е")
    return key in NOT_SPEAKERS


def is_interjection(name: str) -> bool:
    return name_key(name).lower() in INTERJECTIONS


def is_shouted(name: str) -> bool:
    """Written in capitals: some word of two or more letters, and no lower-case letter."""
    return bool(_SHOUT.search(name)) and name == name.upper() and name != name.lower()


def _is_abbreviation(word: str) -> bool:
    """``BAG``, ``JT``, ``TV``: capitals of three letters or fewer stay as written."""
    return word.isalpha() and word.isupper() and len(word) <= 3


def _title(word: str) -> str:
    if _is_abbreviation(word):
        return word
    if "_" in word:
        head, _, tail = word.partition("_")
        return _title(head) + "_" + tail
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


def display_name(variants: Iterable[str]) -> str:
    """A readable form of one speaker's name from the ways the text writes it."""
    counted = Counter(" ".join(v.split()) for v in variants)
    quiet = [v for v, _ in counted.most_common() if not is_shouted(v)]
    if quiet:
        chosen = quiet[0]
    else:
        chosen = " ".join(_title(w) for w in counted.most_common(1)[0][0].split(" "))
        chosen = re.sub(r"(?<=\.)(\w+)", lambda m: _title(m.group(1)), chosen)
    return _INITIAL_SPACE.sub(" ", chosen)


def _tally(turns: list[Turn], text: str, narrator: str | None):
    order: list[str] = []
    asked: Counter[str] = Counter()
    count: Counter[str] = Counter()
    said: Counter[str] = Counter()
    for turn in turns:
        if turn.speaker == narrator:
            continue
        if turn.speaker not in count:
            order.append(turn.speaker)
        speech = text[turn.content_start : turn.end]
        count[turn.speaker] += 1
        said[turn.speaker] += len(speech)
        if "?" in speech:
            asked[turn.speaker] += 1
    return order, asked, count, said


def infer_roles(
    turns: list[Turn],
    text: str,
    stated: dict[str, str],
    narrator: str | None = None,
) -> dict[str, str]:
    """A role for every speaker of ``turns``.

    ``stated`` holds roles the names or notes give (audience members and callers
    are "other").  Of the others: when nobody is the interviewer yet, the one who
    asks most of the questions (then the larger share of questions, then the
    first) is; when nobody is the respondent yet, the one who says most is.  The
    rest are interviewers if they mostly ask questions or open the conversation
    (a co-host), "other" if heard once and briefly, and respondents otherwise.
    A speaker alone among the audience is the respondent: a talk's speaker.
    """
    order, asked, count, said = _tally(turns, text, narrator)
    roles = {name: stated[name] for name in order if name in stated}
    if narrator:
        roles[narrator] = "narrator"
    rest = [name for name in order if name not in roles]
    if not rest:
        return roles
    if "interviewer" not in roles.values() and len(rest) > 1:
        regular = [name for name in rest if count[name] >= 2] or rest  # callers ask once
        first = max(regular, key=lambda name: (asked[name], asked[name] / count[name], -order.index(name)))
        roles[first] = "interviewer"
        rest.remove(first)
    if rest and "respondent" not in roles.values():
        main = max(rest, key=lambda name: (said[name], -order.index(name)))
        roles[main] = "respondent"
        rest.remove(main)
    for name in rest:
        questions = asked[name] / count[name]
        if name == order[0] or (count[name] >= 2 and questions >= 0.5):
            roles[name] = "interviewer"
        elif count[name] == 1 and said[name] < 200:
            roles[name] = "other"  # a voice heard once: a caller, someone in the room
        else:
            roles[name] = "respondent"
    return roles


def weak_role_guess(turns: list[Turn], text: str, stated: dict[str, str], narrator: str | None = None) -> bool:
    """True when the interviewer was guessed from questions and the questions do not tell.

    Nobody's name states the interviewer, and the respondent asks as many
    questions as the interviewer (or nobody asks at all).
    """
    if "interviewer" in stated.values():
        return False
    order, asked, _count, _said = _tally(turns, text, narrator)
    roles = infer_roles(turns, text, stated, narrator)
    asking = [asked[n] for n in order if n not in stated and roles.get(n) == "interviewer"]
    answering = [asked[n] for n in order if n not in stated and roles.get(n) == "respondent"]
    if not asking or not answering:
        return False
    return max(asking) == 0 or max(answering) >= max(asking)
