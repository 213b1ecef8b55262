"""Who is annotating: the name recorded on every span a person touches."""

from __future__ import annotations

import getpass
import os


def default_annotator() -> str:
    """The OS user name, unless RAZMETKA_ANNOTATOR names someone else."""
    name = os.environ.get("RAZMETKA_ANNOTATOR", "").strip()
    if name:
        return name
    try:
        return getpass.getuser() or "annotator"
    except (KeyError, OSError):
        return "annotator"
