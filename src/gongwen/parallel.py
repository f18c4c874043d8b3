"""Run one function over many inputs in worker processes: results in input order, streamed.

A small pool of our own rather than `concurrent.futures`: a worker that overruns the time
limit (a pathological file deep inside a parser) is terminated and replaced, and its input
gets a fallback result; the pool goes on. At most `window` inputs are in flight or waiting
to be yielded, so memory does not grow with the number of inputs, and the first result is
yielded while later inputs are still unread. Each worker builds its work function once (for
`check`: loads the rule set once per process).
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.connection import Connection, wait
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

Work = Callable[[T], R]
_DEPTH = 2  # inputs given to a worker at a time: the one it works on and the next
Fallback = Callable[[T, str], R]  # (input, "timeout" | "crashed") → the input's result


def cpu_count() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class Timeout(BaseException):
    """Raised in-process when one input overruns its time (BaseException: no handler eats it)."""


def run(
    items: Sequence[T],
    setup: Callable[[], Work[T, R]],
    fallback: Fallback[T, R],
    *,
    jobs: int = 1,
    timeout: float | None = None,
    window: int | None = None,
) -> Iterator[R]:
    """`setup()(item)` for every item, yielded in the order of `items`.

    `jobs` <= 1 runs in this process, the time limit enforced by a timer signal where one
    can be used (the main thread on POSIX); more jobs start the worker processes now, before
    the first result is asked for, so no thread the caller starts later is forked with them.
    """
    if jobs <= 1 or len(items) <= 1:
        return _serial(items, setup, fallback, timeout)
    return iter(_Pool(items, setup, fallback, min(jobs, len(items)), timeout, window))


def _serial(
    items: Sequence[T], setup: Callable[[], Work[T, R]], fallback: Fallback[T, R],
    timeout: float | None,
) -> Iterator[R]:  # fmt: skip
    work = setup()
    alarm = (
        timeout is not None
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    for item in items:
        if not alarm:
            yield _guarded(work, fallback, item)
            continue
        previous = signal.signal(signal.SIGALRM, _raise_timeout)
        try:
            signal.setitimer(signal.ITIMER_REAL, timeout)  # type: ignore[arg-type]
            result = _guarded(work, fallback, item)
        except Timeout:
            result = fallback(item, "timeout")
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        yield result


def _guarded(work: Work[T, R], fallback: Fallback[T, R], item: T) -> R:
    """`work(item)`; an exception gives the fallback result, as a worker's would."""
    try:
        return work(item)
    except Exception:  # a bug met on one input must not end the run (no traceback)
        return fallback(item, "crashed")


def _raise_timeout(signum: int, frame: object) -> None:
    raise Timeout


def _context() -> mp.context.ForkContext | mp.context.SpawnContext:
    # fork: a worker starts in milliseconds with the modules and rule set already loaded;
    # elsewhere spawn, the only safe method there.
    if sys.platform.startswith("linux"):
        return mp.get_context("fork")
    return mp.get_context("spawn")


def _worker(conn: Connection, setup: Callable[[], Work[T, R]]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    work = setup()
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        if message is None:
            return
        index, item = message
        try:
            conn.send((index, True, work(item)))
        except Exception:  # the parent gives the input its fallback result; no traceback
            conn.send((index, False, None))


class _Slot:
    """One worker process, its pipe, and the inputs given to it, the first being worked on.

    A worker is given its next input before it finishes the current one, so it never waits
    for the parent between inputs; the clock of the first input starts when the worker is
    free for it.
    """

    def __init__(
        self, ctx: mp.context.ForkContext | mp.context.SpawnContext, setup: Callable[[], object]
    ) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker, args=(child, setup), daemon=True)
        self.process.start()
        child.close()
        self.tasks: deque[int] = deque()
        self.started = 0.0

    def give(self, index: int, item: object) -> None:
        if not self.tasks:
            self.started = time.monotonic()
        self.tasks.append(index)
        # a worker that died since its last result cannot take it: the input stays queued
        # here, the parent sees the pipe closed, and a fresh worker gets it
        with contextlib.suppress(OSError):
            self.conn.send((index, item))

    def finished(self) -> int:
        """The first input is done: the worker has moved on to the next."""
        self.started = time.monotonic()
        return self.tasks.popleft()

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            with contextlib.suppress(OSError):
                self.conn.send(None)
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


class _Pool(Generic[T, R]):
    def __init__(
        self,
        items: Sequence[T],
        setup: Callable[[], Work[T, R]],
        fallback: Fallback[T, R],
        jobs: int,
        timeout: float | None,
        window: int | None,
    ) -> None:
        self.items, self.setup, self.fallback, self.timeout = items, setup, fallback, timeout
        self.window = max(window or 4 * jobs, jobs)
        self.ctx = _context()
        self.slots = [_Slot(self.ctx, setup) for _ in range(jobs)]
        self.closed = False

    def close(self) -> None:
        """Stop every worker (killing one still at work); safe to call twice."""
        if not self.closed:
            self.closed = True
            for slot in self.slots:
                slot.stop(kill=bool(slot.tasks))

    def __del__(self) -> None:  # an iterator dropped before it was started
        self.close()

    def __iter__(self) -> Iterator[R]:
        done: dict[int, R] = {}
        sent = 0
        try:
            for index in range(len(self.items)):
                while index not in done:
                    sent = self._dispatch(sent, index)
                    self._collect(done)
                yield done.pop(index)
        finally:
            self.close()

    def _dispatch(self, sent: int, first: int) -> int:
        """Keep each worker `_DEPTH` inputs deep, at most `window` past the first unyielded.

        Idle workers are served first, so no worker waits while another holds two inputs.
        """
        end = min(len(self.items), first + self.window)
        for depth in range(1, _DEPTH + 1):
            for slot in self.slots:
                if len(slot.tasks) < depth and sent < end:
                    slot.give(sent, self.items[sent])
                    sent += 1
        return sent

    def _collect(self, done: dict[int, R]) -> None:
        """Wait for a result, a crash or the nearest deadline."""
        busy = [s for s in self.slots if s.tasks]
        wait_for = None
        if self.timeout is not None:
            nearest = min(s.started for s in busy) + self.timeout
            wait_for = max(0.0, nearest - time.monotonic())
        ready = wait([s.conn for s in busy], timeout=wait_for)
        for slot in busy:
            if slot.conn in ready:
                try:
                    index, ok, result = slot.conn.recv()
                except (EOFError, OSError):
                    self._replace(slot, done, "crashed")
                    continue
                slot.finished()
                done[index] = result if ok else self.fallback(self.items[index], "crashed")
            elif self.timeout is not None and time.monotonic() - slot.started >= self.timeout:
                self._replace(slot, done, "timeout")

    def _replace(self, slot: _Slot, done: dict[int, R], reason: str) -> None:
        """Put a fallback result in place of the worker's input and start a fresh worker.

        The inputs queued behind it were not started: the fresh worker gets them.
        """
        index, *queued = slot.tasks
        slot.stop(kill=True)
        done[index] = self.fallback(self.items[index], reason)
        fresh = _Slot(self.ctx, self.setup)
        self.slots[self.slots.index(slot)] = fresh
        for waiting in queued:
            fresh.give(waiting, self.items[waiting])
