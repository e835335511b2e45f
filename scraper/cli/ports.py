"""Check, before any work, that the port a command will listen on is free, and say which option picks another."""

from __future__ import annotations

import errno
import socket

import click


class PortUnavailable(click.ClickException):
    """A port a command needs is taken (or not ours to take): the group's one-line error, exit 1."""


def ensure_port_free(host: str, port: int, option: str) -> None:
    """Raise PortUnavailable if nothing could listen on `host:port`; `option` is the flag that changes the port.

    Binds and closes a socket as the servers will (SO_REUSEADDR, like
    uvicorn and http.server): a port left in TIME_WAIT counts as free, one
    another process listens on does not. Port 0 (any free port) always passes.
    """
    if port == 0:
        return
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise PortUnavailable(f"port {port} on {host} is in use; choose another with {option} N") from None
        reason = error.strerror or str(error)
        raise PortUnavailable(f"cannot listen on {host}:{port} ({reason}); choose another with {option} N") from None
