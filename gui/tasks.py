"""Long work off the UI thread, with the result handed back to it.

Every background job goes through :class:`TaskRunner.submit`: the function runs
in a thread pool, and its result (or exception) comes back as a call on the UI
thread.  Functions given to it must not touch Qt widgets or the project (a
SQLite connection stays on the thread that opened it).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Relay(QObject):
    finished = Signal(int, bool, object)


class _Job(QRunnable):
    def __init__(self, job_id: int, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.job_id, self.fn, self.relay = job_id, fn, relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # handed to the UI thread, which shows it
            self.relay.finished.emit(self.job_id, False, exc)
        else:
            self.relay.finished.emit(self.job_id, True, result)


class TaskRunner(QObject):
    """Runs functions in a thread pool and calls back on the thread that owns the runner."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._finished)
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Callable[[Any], None], Callable[[BaseException], None] | None]] = {}

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        job_id = next(self._ids)
        self._callbacks[job_id] = (on_done, on_error)
        self._pool.start(_Job(job_id, fn, self._relay))

    @Slot(int, bool, object)
    def _finished(self, job_id: int, ok: bool, value: object) -> None:
        on_done, on_error = self._callbacks.pop(job_id)
        if ok:
            on_done(value)
        elif on_error is not None:
            on_error(value)  # type: ignore[arg-type]
        else:
            raise value  # type: ignore[misc]

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)


class ImmediateRunner(TaskRunner):
    """Runs each function at once, on the calling thread, and calls back before ``submit`` returns.

    Tests use it (as Picard's do) so that background work needs no waiting; the
    window behaves the same, only without threads.
    """

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        try:
            result = fn()
        except Exception as exc:
            if on_error is None:
                raise
            on_error(exc)
        else:
            on_done(result)

    def wait(self, msecs: int = -1) -> bool:
        return True
