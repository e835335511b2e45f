"""Served connections have Nagle's algorithm off, also on a listening socket bound as `--workers` binds it."""

import asyncio
import socket

import uvicorn

from scraper.serve.nodelay import NO_DELAY_PROTOCOL


async def plain_text(scope, receive, send):
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
    await send({"type": "http.response.body", "body": b"ok"})


async def nodelay_of_served_connections(http: str) -> list[int]:
    config = uvicorn.Config(plain_text, host="127.0.0.1", port=0, http=http, lifespan="off", log_level="warning")
    listening = config.bind_socket()  # uvicorn's multi-worker path: socket.socket(family), protocol 0
    server = uvicorn.Server(config)
    serving = asyncio.create_task(server.serve(sockets=[listening]))
    try:
        while not server.started:
            await asyncio.sleep(0.01)
        reader, writer = await asyncio.open_connection(*listening.getsockname()[:2])
        writer.write(b"GET / HTTP/1.1\r\nHost: test\r\n\r\n")
        await writer.drain()
        assert (await reader.readline()).startswith(b"HTTP/1.1 200")
        options = [
            connection.transport.get_extra_info("socket").getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
            for connection in server.server_state.connections
        ]
        writer.close()
        return options
    finally:
        server.should_exit = True
        await serving


def test_served_connections_have_tcp_nodelay_set():
    options = asyncio.run(nodelay_of_served_connections(NO_DELAY_PROTOCOL))
    assert options and all(options)


def test_uvicorn_alone_leaves_nagle_on_there():
    # Why the protocol class exists; when uvicorn sets TCP_NODELAY itself this fails and the class can go.
    assert asyncio.run(nodelay_of_served_connections("auto")) == [0]
