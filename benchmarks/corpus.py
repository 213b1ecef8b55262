"""A generated Russian interview transcript of any size, the same for a given size and seed.

The benchmarks and the output-identity test (tests/annotation/test_ner_identity.py)
share it.  The turns mix the sample's own sentences, shuffled, with sentences built
from templates that name people, places, organisations, dates and sums, so the text
has entities in many contexts rather than one paragraph repeated.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "resources" / "samples" / "interview_kz_ru.txt"

PEOPLE = [
    "Иван Петров",
    "Анна Смирнова",
    "Дмитрий Журавлёв",
    "Касым-Жомарт Токаев",
    "Ольга Кузнецова",
    "Сергей Лавров",
    "Мария Иванова",
    "Алексей Соколов",
    "Нурлан Абдиров",
    "Елена Морозова",
]
PLACES = [
    "Москве",
    "Казахстане",
    "Астане",
    "Душанбе",
    "Санкт-Петербурге",
    "Алма-Ате",
    "Ташкенте",
    "Новосибирске",
    "Центральной Азии",
    "Европе",
]
ORGS = [
    "ЕАЭС",
    "СНГ",
    "ООН",
    "Газпром",
    "Сбербанк",
    "Министерство финансов",
    "Финансовый университет",
    "Институт региональных проблем",
    "ШОС",
    "Росатом",
]
DATES = ["11 октября 2025 года", "в мае 2024 года", "12.03.2023", "2025-10-11", "1 января", "в 1991 году"]
MONEY = ["28 млрд долларов", "5 млн рублей", "300 тысяч евро", "1,5 трлн руб.", "десять долларов", "700 рублей"]
TEMPLATES = [
    "{per} рассказал об этом в {loc} {date}.",
    "По словам {per}, {org} выделит {money} на новые проекты.",
    "Встреча в {loc} прошла {date}, и {org} подтвердил договорённость.",
    "Мы говорили с {per} о том, как {org} работает в {loc}.",
    "Контракт на {money} подписали {date} в {loc}.",
    "— А что думает {org}? — спросил {per}.",
]


def _sentences() -> list[str]:
    text = SAMPLE.read_text(encoding="utf-8")
    body = text.split("\n\n", 2)[2]  # the turns, without the header and the lead
    found = re.split(r"(?<=[.!?])\s+", body.replace("\n", " "))
    return [s.strip(" –") for s in found if len(s.strip(" –")) > 20]


def transcript(chars: int = 1_000_000, seed: int = 14) -> str:
    """About ``chars`` characters of a dash-marked interview, with the sample's header and lead."""
    rng = random.Random(seed)
    head = "\n\n".join(SAMPLE.read_text(encoding="utf-8").split("\n\n", 2)[:2])
    pool = _sentences()
    out = [head]
    size = len(head)
    while size < chars:
        sentences = []
        for _ in range(rng.randint(1, 7)):
            if rng.random() < 0.35:
                sentences.append(
                    rng.choice(TEMPLATES).format(
                        per=rng.choice(PEOPLE),
                        loc=rng.choice(PLACES),
                        org=rng.choice(ORGS),
                        date=rng.choice(DATES),
                        money=rng.choice(MONEY),
                    )
                )
            else:
                sentences.append(rng.choice(pool))
        turn = "– " + " ".join(sentences)
        out.append(turn)
        size += len(turn) + 2
    return "\n\n".join(out) + "\n"


def write_transcript(path: Path, chars: int = 1_000_000, seed: int = 14) -> Path:
    path.write_text(transcript(chars, seed), encoding="utf-8")
    return path
