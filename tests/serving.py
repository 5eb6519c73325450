"""A real `mkdocs serve` (or any host's serve) on a free loopback port, for tests."""

from __future__ import annotations

import os
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from bs4 import BeautifulSoup

WAIT = 90.0  # seconds a rebuild may take on a loaded machine before the test gives up


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """`mkdocs serve` in a subprocess; its terminal output is collected line by line."""

    def __init__(self, command: list[str], root: Path) -> None:
        self.port = free_port()
        self.lines: list[str] = []
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [*command, "serve", "--dev-addr", f"127.0.0.1:{self.port}"],  # default reload
            cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def output(self) -> str:
        return "\n".join(self.lines)

    def wait_for(self, what: str, condition: Callable[[], bool]) -> None:
        """Poll `condition` until it holds; fail with the server's output if it never does."""
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            if condition():
                return
            assert self.process.poll() is None, f"the server stopped:\n{self.output()}"
            time.sleep(0.3)
        raise AssertionError(f"never saw {what}; server output:\n{self.output()}")

    def fetch(self, path: str) -> BeautifulSoup | None:
        try:
            with urllib.request.urlopen(self.url + path.lstrip("/"), timeout=10) as response:
                return BeautifulSoup(response.read().decode("utf-8"), "html5lib")
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return None

    def builds(self) -> int:
        """Rebuilds finished so far. Not "Documentation built in N seconds": MkDocs' duplicate
        filter drops that line when N repeats, so a rebuild can finish without it."""
        return self.output().count("Reloading browsers")

    def builds_after(self, count: int) -> bool:
        """True once more than `count` rebuilds have finished."""
        return self.builds() > count

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
