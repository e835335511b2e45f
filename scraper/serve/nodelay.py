"""uvicorn's HTTP protocol with Nagle's algorithm off on every connection, whatever made the listening socket."""

from __future__ import annotations

import socket

from uvicorn.protocols.http.auto import AutoHTTPProtocol

# uvicorn's import string for the class below (worker processes import it by name).
NO_DELAY_PROTOCOL = "scraper.serve.nodelay:NoDelayHTTPProtocol"


class NoDelayHTTPProtocol(AutoHTTPProtocol):
    """uvicorn's HTTP protocol, with TCP_NODELAY set on each accepted connection.

    With `--workers`, uvicorn binds the listening socket itself as
    `socket.socket(family)`, protocol 0, and asyncio sets TCP_NODELAY only
    on sockets whose protocol is IPPROTO_TCP. A response written in two
    sends (headers, then body) then waits for the browser's delayed ACK:
    40 ms on every keep-alive request after the first.
    """

    def connection_made(self, transport) -> None:
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)
