"""Text for people that a front door can translate: English, remembering its template and parameters."""

from __future__ import annotations


class Phrase(str):
    """The English text, which also keeps ``template`` and ``params`` so a front door may translate and refill it.

    Each ``Phrase("…")``, ``Title("…")`` or ``Refusal("…")`` literal is extracted for
    translation (``pyside6-lupdate`` reads them as no-op markers; see gui/translations.py).
    """

    template: str
    params: tuple[tuple[str, object], ...]

    def __new__(cls, template: str, **params: object) -> Phrase:
        phrase = super().__new__(cls, template.format(**params) if params else template)
        phrase.template, phrase.params = template, tuple(params.items())
        return phrase
