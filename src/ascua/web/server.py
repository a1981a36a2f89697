"""Serving the dashboard from a background thread of the radar process (uvicorn)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable

import uvicorn

from ascua.config import Workspace
from ascua.store.database import Database


class WebServerError(RuntimeError):
    """The dashboard cannot listen where it was asked to."""


class WebServer:
    def __init__(
        self,
        workspace: Workspace,
        database: Database,
        host: str,
        port: int,
        shown: Callable[[list[int]], object] | None = None,
    ):
        from ascua.web.app import create_app

        self.app = create_app(workspace, database, shown)
        self.host = host
        self.port = port
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> str:
        """Bind, start serving in a thread, and return the dashboard's URL."""
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((self.host, self.port))
        except OSError as error:
            sock.close()
            raise WebServerError(
                f"the dashboard cannot listen on {self.host}:{self.port} ({error.strerror}); "
                "choose another with --port or web.port in ascua.yaml"
            ) from None
        sock.listen(128)
        port = sock.getsockname()[1]
        config = uvicorn.Config(self.app, log_level="warning", access_log=False, lifespan="off")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [sock]}, name="web", daemon=True)
        self._thread.start()
        self.app.state.site.index_text()  # the mentions stored since the last time, in the background
        shown = "127.0.0.1" if self.host in ("0.0.0.0", "") else self.host  # noqa: S104 - a comparison
        if ":" in shown:
            shown = f"[{shown}]"
        return f"http://{shown}:{port}/"

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
