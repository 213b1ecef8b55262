"""Actions keyed by an enum, each handler registered where it is written.

A mixin method decorated with ``@handles(Action.X)`` is the handler of X;
:func:`build_menus` makes one ``QAction`` per row of the shortcut table and binds
it to its handler.  :func:`with_document` is the guard that handlers which need an
open document share.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from ..shortcuts import MENUS, SHORTCUTS, Action, tr
from ..translations import translate

_HANDLERS: dict[Action, tuple[str, tuple]] = {}


def handles(action: Action, *args: Any) -> Callable:
    """Register the decorated method as the handler of ``action`` (called with ``args``)."""

    def register(method: Callable) -> Callable:
        if action in _HANDLERS and _HANDLERS[action][0] != method.__name__:
            raise RuntimeError(f"{action} has two handlers")
        _HANDLERS[action] = (method.__name__, args)
        return method

    return register


def handler(window: Any, action: Action) -> Callable[[], None]:
    name, args = _HANDLERS[action]
    method = getattr(window, name)
    return functools.partial(method, *args) if args else method


def with_document(method: Callable) -> Callable:
    """Call ``method(self, doc, …)`` with the open document; without one, say so and do nothing."""

    @functools.wraps(method)
    def guarded(self, *args: Any, **kwargs: Any) -> Any:
        doc = self.session.current.doc
        if doc is None:
            self.statusBar().showMessage(translate("Actions", "Open a document first."), 4000)
            return None
        return method(self, doc, *args, **kwargs)

    return guarded


def build_menus(window: QMainWindow, view: Any) -> tuple[dict[str, QMenu], dict[Action, QAction], dict]:
    """The menus and actions of the shortcut table; returns menus, actions by id and family anchors."""
    menus: dict[str, QMenu] = {name: window.menuBar().addMenu("&" + tr(name)) for name in MENUS}
    actions: dict[Action, QAction] = {}
    anchors: dict[Action, QAction] = {}
    for shortcut in SHORTCUTS:
        if shortcut.window != "main":
            continue  # bound by the window it belongs to
        menu = menus[shortcut.menu]
        if shortcut.family:  # digits for labels, Alt+digits for speakers: bound by the window
            menu.addSeparator()
            anchors[shortcut.action] = menu.addSeparator()
            continue
        action = QAction(tr(shortcut.text), window)
        action.setShortcut(QKeySequence(shortcut.keys))
        action.setStatusTip(tr(shortcut.help))
        action.setToolTip(tr(shortcut.help))
        bound = handler(window, shortcut.action)
        action.triggered.connect(lambda _checked=False, bound=bound: bound())
        if shortcut.in_view:
            # Keys such as Return, Delete and the digits belong to the transcript
            # alone: in a text box elsewhere they must keep their usual meaning.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            view.addAction(action)
        else:
            window.addAction(action)
        menu.addAction(action)
        actions[shortcut.action] = action
    missing = {s.action for s in SHORTCUTS if not s.family and s.window == "main"} - set(_HANDLERS)
    if missing:
        raise RuntimeError(f"no handler for {', '.join(sorted(missing))}")
    return menus, actions, anchors
