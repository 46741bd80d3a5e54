"""A real Radicale CalDAV server on loopback for the calendar tests: each feed is PUT whole to
its own collection, and the test reads back what Radicale serves (displayname and events)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

DAV = "{DAV:}"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RadicaleServer:
    def __init__(self, folder: Path):
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        config = folder / "config"
        config.write_text(
            "[server]\nhosts = 127.0.0.1:%d\n[auth]\ntype = none\n[rights]\ntype = authenticated\n"
            "[storage]\nfilesystem_folder = %s\n[logging]\nlevel = warning\n"
            % (self.port, folder / "collections"), encoding="utf-8")
        self.log = (folder / "radicale.log").open("w")
        self.process = subprocess.Popen([sys.executable, "-m", "radicale", "--config", str(config)],
                                        stdout=self.log, stderr=subprocess.STDOUT)
        for _ in range(200):  # up to 20 s
            if self.process.poll() is not None:
                raise RuntimeError((folder / "radicale.log").read_text())
            try:
                urllib.request.urlopen(self.base + "/", timeout=2).close()
                return
            except urllib.error.HTTPError:
                return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("Radicale antwoordt niet")

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: dict[str, str] | None = None) -> tuple[int, bytes]:
        req = urllib.request.Request(self.base + path, data=body, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=30) as answer:
                return answer.status, answer.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def put_calendar(self, path: str, text: str) -> int:
        return self.request("PUT", path, text.encode("utf-8"),
                            {"Content-Type": "text/calendar; charset=utf-8"})[0]

    def displayname(self, path: str) -> str | None:
        body = (b'<?xml version="1.0" encoding="utf-8"?><D:propfind xmlns:D="DAV:">'
                b"<D:prop><D:displayname/></D:prop></D:propfind>")
        status, answer = self.request("PROPFIND", path, body,
                                      {"Depth": "0", "Content-Type": "application/xml; charset=utf-8"})
        assert status == 207, (status, answer[:500])
        found = ET.fromstring(answer).find(f".//{DAV}displayname")
        return None if found is None else found.text

    def get(self, path: str) -> str:
        status, answer = self.request("GET", path)
        assert status == 200, (status, answer[:500])
        return answer.decode("utf-8")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        self.log.close()
