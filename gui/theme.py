"""Every colour and text format of the window, in one place.

Spans are drawn with ``QTextCharFormat``s (never HTML): accepted spans solid in
their label's colour, model suggestions pale with a dotted underline, and a span
drawn over another with an overline so that nesting stays visible.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QTextCharFormat

# Speakers in the gutter, by role.
ROLE_COLORS = {
    "interviewer": "#1f5fa8",
    "respondent": "#9a3d12",
    "narrator": "#666666",
    "other": "#5b3a8c",
}
UNKNOWN_ROLE = "#333333"
GUTTER_BACKGROUND = "#f3f1ec"
GUTTER_RULE = "#d8d4ca"

# Labels: a label the schema lacks, and the colours offered for new labels.
LABEL_FALLBACK = "#9e9e9e"
PALETTE = ("#e8a33d", "#4f9dde", "#5fb760", "#b07cd8", "#d9646b", "#45b5aa", "#c9b037", "#8c8c8c", "#e377c2")

# The speaker mark left in the text (``– ``, ``**Natalie:**``): the gutter names the speaker already.
SPEAKER_MARK = "#a0a0a0"

# Transient layers over the text.
CURRENT_SPAN = "#202020"
SEARCH_HIT = "#ffe066"
SEARCH_HIT_TEXT = "#000000"
DISAGREEMENT = "#ffb3b3"  # the disagreement in hand, in both layers of the Review window

# Panels and the banner above the text.
BANNER_BACKGROUND = "#fff4d6"
LOW_CONFIDENCE = "#9a5b00"
MUTED_TEXT = "#555555"

SUGGESTION_ALPHA = 70
ACCEPTED_ALPHA = 170


def span_format(color: str, status: str, nested: bool = False) -> QTextCharFormat:
    """How a span looks: pale and dotted while suggested, solid once accepted; overlined when nested."""
    fmt = QTextCharFormat()
    base = QColor(color)
    background = QColor(base)
    if status == "suggested":
        background.setAlpha(SUGGESTION_ALPHA)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(base.darker(140))
    else:
        background.setAlpha(ACCEPTED_ALPHA)
        fmt.setFontWeight(QFont.Weight.DemiBold)
    fmt.setBackground(background)
    if nested:
        fmt.setFontOverline(True)
    return fmt


def mark_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(SPEAKER_MARK))
    return fmt


def role_color(role: str) -> QColor:
    return QColor(ROLE_COLORS.get(role, UNKNOWN_ROLE))
