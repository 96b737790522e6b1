"""A process that forks a child per job, for tests that kill a child at a random moment
(SIGKILL) while it saves, backs up, restores or merges.

The server imports boothapp once, so a fork costs milliseconds and the kill moments can
be spread over a job's whole run. The test module runs itself as the server
(``python test_x.py serve``) with its jobs: ``serve({"name": function, ...})`` reads one
job per line (JSON: ``[name, arguments...]``), forks a child that runs it (the child's
lines on stdout are what it says), says ``pid N``, and ``exit N`` once the child is gone.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any


def say(line: str) -> None:
    """A line of the child, straight to stdout (no buffer a kill could lose)."""
    os.write(1, (line + "\n").encode())


def serve(jobs: Mapping[str, Callable[..., None]]) -> None:
    for line in sys.stdin:
        name, *arguments = json.loads(line)
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                jobs[name](*arguments)
            except BaseException as exc:
                say(f"error {type(exc).__name__}: {exc}")
                code = 1
            os._exit(code)
        say(f"pid {pid}")
        os.waitpid(pid, 0)
        say(f"exit {pid}")


class ForkServer:
    """The server, seen from the test."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        assert process.stdin is not None and process.stdout is not None
        self._in: IO[str] = process.stdin
        self._out: IO[str] = process.stdout

    def run(self, job: list[Any], kill_after: float | None = None) -> list[str]:
        """Runs ``job`` in a new child, killed ``kill_after`` seconds after it started
        (None: left to finish); the lines the child said."""
        self._in.write(json.dumps(job) + "\n")
        self._in.flush()
        said: list[str] = []
        pid = 0
        while not pid:
            line = self._out.readline().strip()
            if line.startswith("pid "):
                pid = int(line.split()[1])
            elif line:
                said.append(line)
        if kill_after is not None:
            time.sleep(kill_after)
            with suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        while True:
            line = self._out.readline()
            if not line:
                raise RuntimeError("the fork server died")
            if line.strip() == f"exit {pid}":
                return said
            said.append(line.strip())


def _with_tests() -> str:
    """The PYTHONPATH under which the server imports this module, as pytest does."""
    tests = str(Path(__file__).resolve().parent)
    inherited = os.environ.get("PYTHONPATH")
    return os.pathsep.join([tests, inherited]) if inherited else tests


@contextmanager
def fork_server(
    module: str | Path, environment: Mapping[str, str] | None = None
) -> Iterator[ForkServer]:
    """Starts ``module`` (a test file ending in ``serve(jobs)`` when run with ``serve``)
    as the server; stops it on leaving."""
    process = subprocess.Popen(
        [sys.executable, str(module), "serve"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        bufsize=1,
        env={**os.environ, "PYTHONPATH": _with_tests(), **(environment or {})},
    )
    try:
        yield ForkServer(process)
    finally:
        assert process.stdin is not None and process.stdout is not None
        process.stdin.close()
        process.wait(timeout=60)
        process.stdout.close()
