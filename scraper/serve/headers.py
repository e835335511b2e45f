"""Security headers on every Datasette response: CSP with a per-page script nonce, framing, sniffing, referrer."""

from __future__ import annotations

import base64
import hashlib
import re
import secrets

# Datasette 0.65 and its plugins render inline scripts (menus, CodeMirror, the
# facet flag, datasette-leaflet's URLs, search-all, the dashboards' chart
# calls); two of them carry per-request URLs, so no fixed hash list fits.
# Every page gets a fresh nonce, put on the <script> elements of the rendered
# page. Stored data cannot add such an element: cells are escaped and bodies
# are nh3-cleaned (tests/test_datasette.py), so the nonce marks the templates'
# scripts; event-handler attributes, javascript: URLs and other origins stay blocked.
INLINE_SCRIPT = re.compile(rb"<script(?![^>]*\bsrc=)(?=[\s>])")
# datasette-dashboards' one inline handler: `<button onclick="toggleFullscreen()">`.
ALLOWED_HANDLERS = ("toggleFullscreen()",)
# Vega compiles chart expressions with `new Function`: dashboard pages only.
EVAL_PATHS = re.compile(r"/-/dashboards(/|$)")
# Stored copies of attachments (stored_files.py): whatever the bytes are, they
# get no scripts, no subresources and a unique origin if a browser renders them.
STORED_FILE_PATHS = re.compile(r"/[^/]+/-/files/")
STORED_FILE_POLICY = "sandbox; default-src 'none'"


def _source_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


def content_security_policy(nonce: str | None, path: str) -> str:
    """The CSP for a response: scripts only from this origin or carrying `nonce`; no framing, no plugins.

    A stored file gets the sandbox policy instead: nothing in it may run or load.
    """
    if STORED_FILE_PATHS.match(path):
        return STORED_FILE_POLICY
    script = ["'self'"]
    if nonce:
        script.append(f"'nonce-{nonce}'")
    script += ["'unsafe-hashes'", *map(_source_hash, ALLOWED_HANDLERS)]
    if EVAL_PATHS.match(path):
        script.append("'unsafe-eval'")
    return "; ".join(
        [
            "default-src 'self'",
            "script-src " + " ".join(script),
            # Datasette's templates and vega-embed set style attributes.
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


def with_security_headers(headers, csp: str) -> list[tuple[bytes, bytes]]:
    """`headers` plus those every response carries (nginx adds the same: deploy/nginx-kronika.conf).

    Datasette's stricter `Referrer-Policy: no-referrer` on SQL pages (which
    keeps queries out of other sites' logs) stays; the rest are replaced.
    """
    ours = {
        b"content-security-policy": csp.encode(),
        b"x-frame-options": b"DENY",
        b"x-content-type-options": b"nosniff",
        b"referrer-policy": b"strict-origin-when-cross-origin",
    }
    kept = [(name, value) for name, value in headers if name.lower() not in ours or name.lower() == b"referrer-policy"]
    if any(name.lower() == b"referrer-policy" for name, _ in kept):
        del ours[b"referrer-policy"]
    return kept + list(ours.items())


def with_nonce(html: bytes, nonce: str) -> bytes:
    """`html` with `nonce` on each inline <script> element."""
    return INLINE_SCRIPT.sub(b'<script nonce="' + nonce.encode() + b'"', html)


def _is_html(headers) -> bool:
    return any(name.lower() == b"content-type" and value.startswith(b"text/html") for name, value in headers)


def secured(app):
    """ASGI middleware: security headers on every HTTP response, the script nonce on HTML pages."""

    async def wrapped(scope, receive, send):
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        start, body = None, []

        async def send_secured(message):
            nonlocal start
            if message["type"] == "http.response.start":
                # HEAD has no page to put a nonce in (and keeps the length GET would have).
                if scope["method"] == "HEAD" or not _is_html(message.get("headers", [])):
                    headers = with_security_headers(
                        message.get("headers", []), content_security_policy(None, scope["path"])
                    )
                    await send({**message, "headers": headers})
                    return
                start = message  # HTML: held until the whole page is there to add the nonce
                return
            if start is None:
                await send(message)
                return
            body.append(message.get("body", b""))
            if message.get("more_body"):
                return
            nonce = secrets.token_urlsafe(16)
            page = with_nonce(b"".join(body), nonce)
            headers = [(name, value) for name, value in start.get("headers", []) if name.lower() != b"content-length"]
            headers = with_security_headers(
                headers + [(b"content-length", str(len(page)).encode())], content_security_policy(nonce, scope["path"])
            )
            await send({**start, "headers": headers})
            await send({"type": "http.response.body", "body": page})

        await app(scope, receive, send_secured)

    return wrapped
