"""The app in a browser: textual-serve's server, adapted for a training room.

``simulador serve`` (``simulator/commands/serve.py``) checks the address and port and prints the
Spanish lines; this module holds what imports textual-serve, which belongs to the TUI side.
"""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Any

_WEB_FONT_LINK = re.compile(r"<link[^>]*fonts\.googleapis\.com[^>]*>", re.S)
_LOCAL_FONT = """<link rel="preload" href="{static}fonts/RobotoMono-VariableFont_wght.ttf" as="font"
      type="font/ttf" crossorigin />
    <style>
      @font-face {{
        font-family: "Roboto Mono";
        src: url("{static}fonts/RobotoMono-VariableFont_wght.ttf") format("truetype");
      }}
    </style>"""


def offline_page(html: str, static_url: str) -> str:
    """textual-serve's page with its web font taken from the font it ships instead of the Internet.

    The simulator makes no network traffic of its own (a training room may have no Internet).
    """
    return _WEB_FONT_LINK.sub(lambda _match: _LOCAL_FONT.format(static=static_url), html, count=1)


def make_server(command: str, host: str, port: int, lines: list[str], title: str) -> Any:
    """textual-serve's server with Spanish start-up lines, per-request page addresses, no web
    font from the Internet, and open seats ended at once on Ctrl+C."""
    from aiohttp import web
    from textual_serve.server import Server

    class RoomServer(Server):
        """textual-serve's server with Spanish start-up lines and per-request page addresses."""

        sessions: set[asyncio.Task[Any]] = set()  # one class per server: not shared

        def initialize_logging(self) -> None:
            super().initialize_logging()
            # One line per file a browser fetches is noise in a training room; errors still show.
            logging.getLogger("aiohttp.access").setLevel(logging.WARNING)

        async def on_startup(self, app: Any) -> None:
            for line in lines:
                self.console.print(line, highlight=False, markup=False)

        async def on_shutdown(self, app: Any) -> None:
            # Ctrl+C with seats still open: end their sessions now (each app is sent "quit" and
            # waited for) instead of letting the web server wait for every browser to leave.
            for task in list(self.sessions):
                task.cancel()

        async def handle_websocket(self, request: Any) -> Any:
            task = asyncio.current_task()
            if task is None:  # not run by aiohttp's request handler: nothing to end at shutdown
                return await super().handle_websocket(request)
            self.sessions.add(task)
            try:
                return await super().handle_websocket(request)
            finally:
                self.sessions.discard(task)

        async def handle_index(self, request: Any) -> Any:
            # The page tells the browser where the app's websocket is. With --host 0.0.0.0 the
            # configured address is no address a seat can open, so use the one the seat used.
            self.public_url = f"{request.scheme}://{request.host}"
            response = await super().handle_index(request)
            if isinstance(response, web.Response) and response.text is not None:
                response.text = offline_page(response.text, f"{self.public_url}/static/")
            return response

    return RoomServer(command, host=host, port=port, title=title)
