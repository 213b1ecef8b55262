"""Speaker names: one key for the ways a name is written, a readable display form, roles.

``А.ВЕНЕДИКТОВ``, ``А. ВЕНЕДИКТОВ`` and ``А. Венедиктов`` share the key
``АВЕНЕДИКТОВ`` and are shown as «А. Венедиктов».
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

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
_ANONYMOUS = re.compile(
    r"(?:speaker|спикер|говорящий|участник|participant|person|голос|voice|респондент|respondent|"
    r"интервьюер|interviewer|информант|informant)[ _]?\d+",
    re.IGNORECASE,
)
_INITIAL_SPACE = re.compile(r"(?<=\b\w\.)(?=\w{2})")
_SHOUT = re.compile(r"\w{2,}")


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
    return None


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


def _title(word: str) -> str:
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


def infer_roles(
    turns: list[Turn],
    text: str,
    stated: dict[str, str],
    narrator: str | None = None,
) -> dict[str, str]:
    """A role for every speaker of ``turns``.

    ``stated`` holds roles the names or notes give.  Of the others: when nobody
    is the interviewer yet, the one who asks questions most (the first, on a
    tie) is; when nobody is the respondent yet, the one who says most is.  The
    rest are interviewers if they mostly ask questions or open the conversation
    (a co-host), "other" if heard once and briefly, and respondents otherwise.
    """
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
    roles = {name: stated[name] for name in order if name in stated}
    if narrator:
        roles[narrator] = "narrator"
    rest = [name for name in order if name not in roles]
    if not rest:
        return roles
    if "interviewer" not in roles.values() and len(order) > 1:
        ratio = {name: asked[name] / count[name] for name in rest}
        first = max(rest, key=lambda name: (ratio[name], -order.index(name))) if any(ratio.values()) else rest[0]
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
