"""The label schema dialog's OK as one change (the rules of :mod:`annotation.edits`, for labels)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from .changes import AddLabel, Batch, Change, DeleteLabel, UpdateLabel
from .edits import Plan, Refusal, Title
from .model import Label


def plan_labels(before: Sequence[Label], after: Sequence[tuple[Label | None, Label]], deleted: Iterable[tuple]) -> Plan:
    """The label schema dialog's OK as one change.

    ``after`` pairs each row's original label (None for a new row) with the label it
    now describes; ``deleted`` holds ``(label, spans, relabel_to)`` for removed rows,
    with ``spans`` one of refuse, delete, relabel.  Deletions go first (so a name or
    a hotkey can be reused), then edits, then additions.
    """
    names = [new.name for _, new in after]
    if len(set(names)) != len(names):
        return Refusal("Label names must be different.")
    keys = [new.hotkey for _, new in after if new.hotkey]
    if len(set(keys)) != len(keys):
        return Refusal("Two labels share a hotkey.")
    changes: list[Change] = []
    for label, spans, relabel_to in deleted:
        changes.append(DeleteLabel(label, spans, relabel_to, Title("Delete label {name}", name=label.name)))
    edits = [(old, new) for old, new in after if old is not None and old != new]
    # Two labels that swap names or hotkeys would clash half-way: park them under temporary names first.
    parked = []
    for old, new in edits:
        taken = [o for o, _ in edits if o.name != old.name]
        if any(o.name == new.name or (new.hotkey and o.hotkey == new.hotkey) for o in taken):
            temp = replace(old, name=f"{old.name}__", hotkey="")
            changes.append(UpdateLabel(old, temp))
            parked.append((temp, new))
        else:
            changes.append(UpdateLabel(old, new, Title("Edit label {name}", name=old.name)))
    changes.extend(UpdateLabel(temp, new, Title("Edit label {name}", name=new.name)) for temp, new in parked)
    changes.extend(AddLabel(new, None, Title("Add label {name}", name=new.name)) for old, new in after if old is None)
    if not changes:
        return Refusal("The labels are as they were.")
    if len(changes) == 1:
        return changes[0]
    return Batch(tuple(changes), text=Title("Edit the label schema"))
