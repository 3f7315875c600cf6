"""Fetch a web page safely: public addresses only, a deadline, a size cap, checked redirects.

Anyone who can type a URL into the app can make the server fetch it, so a fetch must not
become a way into the server's own network. Every hop of a fetch:

1. takes http and https only, and with ``default_ports_only`` ports 80 and 443 only;
2. resolves the host once and refuses it when any of its addresses is loopback, private,
   link-local (169.254.169.254, the cloud metadata address, is one), carrier-grade NAT,
   multicast, reserved or unspecified, also when wrapped in IPv6 (``::ffff:127.0.0.1``, NAT64,
   6to4); ``allow_private`` lets the local and private networks through;
3. connects to the address it checked, not to the name (a second lookup could answer
   differently: DNS rebinding), sending the original ``Host`` header and using the original
   name for TLS (SNI and certificate verification);
4. follows at most ``MAX_REDIRECTS`` redirects itself, checking each target the same way.

A download ends at an overall deadline (``FETCH_DEADLINE``) however slowly the server sends,
besides the per-read timeout, and at ``MAX_BYTES`` of decompressed body: gzip and deflate are
inflated here with a bounded output, so a small body that would inflate to gigabytes is
refused once it passes the cap.

httpx does the HTTP (per-phase timeouts, streaming, its ``sni_hostname`` and ``trace``
request extensions, which pin the address and let the deadline close the socket); the
address rules are ours, over :mod:`ipaddress`. Proxy settings from the environment are not
used: a proxy would resolve the name itself, after our check.
"""

from __future__ import annotations

import contextlib
import functools
import ipaddress
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from .errors import FetchError, InputTooLargeError, printable, shown_path

MAX_BYTES = 10_000_000  # 10 MB of (decompressed) body
FETCH_TIMEOUT = 15.0  # seconds for each phase: connecting, and each read
FETCH_DEADLINE = 20.0  # seconds for the whole fetch, redirects included
MAX_REDIRECTS = 5
DEFAULT_PORTS = (80, 443)
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
HEADERS = {
    "User-Agent": "framing/0.1 (+https://example.org/framing; media analysis)",
    "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8",
    "Accept-Encoding": "gzip, deflate",  # the encodings we inflate with a bounded output
}
REDIRECT_STATUSES = (301, 302, 303, 307, 308)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int, float], Sequence[IPAddress]]
Guard = Callable[[str, IPAddress], str]

_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")  # the well-known prefix: IPv4 in the last 32 bits
_THIS_NETWORK = ipaddress.ip_network("0.0.0.0/8")
_UNIQUE_LOCAL = ipaddress.ip_network("fc00::/7")


@dataclass(frozen=True)
class Page:
    """A fetched page: its final address, decompressed body and declared type."""

    url: str  # the address after redirects, with the host name as given (not the address)
    content: bytes
    media_type: str  # e.g. text/html; "" when the server named none
    charset: str  # as declared in Content-Type, or ''


# --------------------------------------------------------------------------- address rules


def refusal(address: IPAddress, allow_private: bool = False) -> str:
    """Why ``address`` must not be fetched ('' when it may be): e.g. 'a loopback address'.

    With ``allow_private``, loopback, private, link-local and carrier-grade NAT addresses are
    allowed; multicast, unspecified and reserved addresses never are (no web server is there).
    """
    embedded = _embedded_ipv4(address)
    if embedded is not None:
        reason = refusal(embedded, allow_private)
        return f"{reason} ({embedded} inside an IPv6 address)" if reason else ""
    if address.is_unspecified or (address.version == 4 and address in _THIS_NETWORK):
        return "an unspecified address"
    if address.is_multicast:
        return "a multicast address"
    if address.version == 4 and address == ipaddress.IPv4Address("255.255.255.255"):
        return "a broadcast address"
    local = _local_kind(address)
    if local:
        return "" if allow_private else local
    if address.is_reserved:
        return "a reserved address"
    if address.is_private:
        return "" if allow_private else "a private address"
    if not address.is_global:
        return "" if allow_private else "not a public address"
    return ""


def _local_kind(address: IPAddress) -> str:
    if address.is_loopback:
        return "a loopback address"
    if address.is_link_local:
        return "a link-local address"
    if address.version == 4 and address in _CGNAT:
        return "a carrier-grade NAT address"
    if address.version == 6 and address.is_site_local:
        return "a site-local address"
    if address.version == 6 and address in _UNIQUE_LOCAL:
        return "a private (unique local) address"
    if address.version == 4 and address.is_private and not address.is_reserved:
        return "a private address"
    return ""


def _embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries: IPv4-mapped, NAT64 or 6to4."""
    if address.version == 4:
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def resolve_host(host: str, port: int, timeout: float) -> list[IPAddress]:
    """Every address of ``host`` (an address literal is returned as it is, without a lookup).

    The system resolver has no timeout of its own, so the lookup runs in a thread that is
    abandoned after ``timeout`` seconds.
    """
    literal = _literal(host)
    if literal is not None:
        return [literal]
    found: list = []
    failure: list = []

    def lookup() -> None:
        try:
            found.extend(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except (OSError, UnicodeError) as error:
            failure.append(error)

    thread = threading.Thread(target=lookup, daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        raise TimeoutError
    if failure or not found:
        raise socket.gaierror(f"host not found: {host}")
    addresses = []
    for *_, sockaddr in found:
        address = ipaddress.ip_address(str(sockaddr[0]).split("%")[0])
        if address not in addresses:
            addresses.append(address)
    return addresses


def _literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host.strip("[]").split("%")[0])
    except ValueError:
        return None


# --------------------------------------------------------------------------- fetching

# How a refused private address is allowed, for the readers of the command line and of the
# Python API both (the app names none)
ALLOW_HINT = "--allow-private-hosts; in Python allow_private_hosts=True"


def fetch(
    url: str,
    *,
    allow_private: bool = False,
    default_ports_only: bool = False,
    timeout: float = FETCH_TIMEOUT,
    deadline: float = FETCH_DEADLINE,
    max_bytes: int = MAX_BYTES,
    max_redirects: int = MAX_REDIRECTS,
    resolve: Resolver = resolve_host,
    guard: Guard | None = None,
    verify: ssl.SSLContext | bool = True,
    media_types: Collection[str] = PAGE_TYPES,
    allow_hint: str = ALLOW_HINT,
) -> Page:
    """Fetch an http(s) page under the rules of this module.

    Parameters
    ----------
    url : the address; http and https only.
    allow_private : fetch from loopback, private, link-local and carrier-grade NAT addresses.
    default_ports_only : refuse ports other than 80 and 443 (the app sets it).
    timeout : seconds allowed for connecting and for each read.
    deadline : seconds allowed for the whole fetch, redirects included.
    max_bytes : the cap on the decompressed body.
    max_redirects : redirects followed before giving up.
    resolve : ``(host, port, timeout) -> addresses``; the default asks the system resolver.
    guard : ``(host, address) -> reason`` ('' to allow); the default is :func:`refusal`
        with ``allow_private``. Tests inject both to stand a public host in for a local one.
    verify : TLS certificate verification: True (the certifi bundle, or the one named by
        SSL_CERT_FILE or SSL_CERT_DIR), or an ``ssl.SSLContext`` that trusts other
        authorities.
    media_types : the content types accepted (default: web pages; feeds pass their own).
    allow_hint : how the refusal of a private address says it can be allowed; "" where the
        reader cannot allow it (the app's visitors), and the refusal says so.

    Raises
    ------
    FetchError : refused, unreachable, timed out, an HTTP error, or not a web page.
    InputTooLargeError : a body over ``max_bytes``.
    """
    import httpx  # imported here: only fetching needs it

    if not isinstance(allow_private, bool):  # (the guard against reaching inner networks:
        # "no", "0" from an environment variable, must not open it)
        raise TypeError(f"allow_private_hosts must be True or False, not "
                        f"{type(allow_private).__name__} {allow_private!r}")
    if guard is None:
        def guard(host: str, address: IPAddress) -> str:
            return refusal(address, allow_private)

    address = url.strip()
    original = shown_path(address)  # (as messages show it: a long address cut to its ends)
    client = httpx.Client(
        headers=HEADERS, follow_redirects=False, trust_env=False,
        verify=_default_tls() if verify is True else verify,
        limits=httpx.Limits(max_keepalive_connections=0),  # a new connection for every hop
    )
    started = time.monotonic()  # the deadline counts the network, not the first imports
    watchdog = _Watchdog(deadline)
    try:
        current = _parse(original, address)
        for hop in range(max_redirects + 1):
            response = _request(client, httpx, original, current, hop, resolve, guard,
                                default_ports_only, timeout, started, deadline, watchdog,
                                allow_hint)
            if response.status_code in REDIRECT_STATUSES:
                location = response.headers["Location"]
                response.close()
                try:
                    current = _parse(original, current.join(location.strip()), True)
                except httpx.InvalidURL:
                    raise FetchError(f"{original}: redirected to an invalid address") from None
                continue
            try:
                return _read(response, original, current, max_bytes, watchdog, media_types)
            finally:
                response.close()
        raise FetchError(f"{original}: more than {max_redirects} redirects")
    except (httpx.TimeoutException, TimeoutError):
        if watchdog.fired or time.monotonic() - started >= deadline:
            raise FetchError(f"{original}: timed out: the download took longer than "
                             f"{_seconds(deadline)}") from None
        raise FetchError(f"{original}: timed out after {_seconds(timeout)}") from None
    except httpx.HTTPError as error:
        if watchdog.fired:
            raise FetchError(f"{original}: timed out: the download took longer than "
                             f"{_seconds(deadline)}") from None
        raise FetchError(f"{original}: could not fetch the page ({_reason(error)})") from None
    finally:
        watchdog.cancel()
        client.close()


@functools.lru_cache(maxsize=1)
def _default_tls() -> ssl.SSLContext:
    """The certifi bundle (or SSL_CERT_FILE / SSL_CERT_DIR), loaded once: building it takes
    tens of milliseconds, more than fetching a page from a nearby server."""
    import httpx

    return httpx.create_ssl_context(trust_env=True)


def _parse(original: str, url, redirected: bool = False):
    """An httpx URL, refused unless it is http(s) with a host; ``original`` is the address
    asked for as messages show it."""
    import httpx

    try:
        parsed = httpx.URL(url)
        _ = parsed.host  # (decoded from IDNA here: "xn--n3h" is no valid name)
    except (httpx.InvalidURL, TypeError, UnicodeError) as error:
        parsed, invalid = None, str(error)
    where = f"redirected to {shown_path(str(url))}: " if redirected else ""
    if parsed is None and str(url).lower().startswith(("http://", "https://")):
        # "http://[::1/", "http://example.com:abc/": a web address, but not a valid one
        raise FetchError(f"{original}: {where}not a valid address ({printable(invalid)[:80]})")
    if parsed is None or parsed.scheme not in ("http", "https"):
        raise FetchError(f"{original}: {where}only http:// and https:// addresses can be "
                         "fetched")
    if not parsed.host:
        raise FetchError(f"{original}: {where}the address names no host")
    return parsed


def _request(client, httpx, original: str, url, hop: int, resolve: Resolver, guard: Guard,
             default_ports_only: bool, timeout: float, started: float, deadline: float,
             watchdog: _Watchdog, allow_hint: str):
    """Send one GET to a checked address of ``url``'s host; return the streamed response."""
    where = f"{original}: " + (f"redirected to {url}: " if hop else "")
    port = url.port or (443 if url.scheme == "https" else 80)
    if default_ports_only and port not in DEFAULT_PORTS:
        raise FetchError(f"{where}refused: port {port} is not a default web port (80 or 443)")
    host = url.raw_host.decode("ascii")  # an international name in its IDNA (xn--) form
    try:
        addresses = resolve(host, port, _left(started, deadline, timeout))
    except socket.gaierror:
        raise FetchError(f"{where}could not connect (host not found)") from None
    if not addresses:
        raise FetchError(f"{where}could not connect (host not found)")
    for address in addresses:
        reason = guard(host, address)
        if reason:
            shown = host if _literal(host) == address else f"{host} ({address})"
            allowed = (f"are fetched only when allowed ({allow_hint})" if allow_hint
                       else "are not fetched here")
            raise FetchError(f"{where}refused: {shown} is {reason}; local and private "
                             f"networks {allowed}")
    last_error: Exception | None = None
    for address in addresses:
        left = _left(started, deadline, timeout)
        request = client.build_request(
            "GET", url.copy_with(host=str(address)),
            headers={"Host": url.netloc.decode("ascii")},
            timeout=httpx.Timeout(left),
            extensions={"sni_hostname": host, "trace": watchdog.trace},
        )
        try:
            response = client.send(request, stream=True)
        except httpx.ConnectError as error:
            last_error = error
            continue
        if response.status_code >= 300 and not (
            response.status_code in REDIRECT_STATUSES and response.headers.get("Location")
        ):
            response.close()
            raise FetchError(f"{where}HTTP error {response.status_code} "
                             f"{response.reason_phrase}".rstrip())
        return response
    raise FetchError(f"{where}could not connect ({_reason(last_error)})")


def _left(started: float, deadline: float, timeout: float) -> float:
    """Seconds a phase may take: the per-phase timeout, or what is left of the deadline."""
    left = deadline - (time.monotonic() - started)
    if left <= 0:
        raise TimeoutError
    return min(timeout, left)


def _read(response, original: str, url, max_bytes: int, watchdog: _Watchdog,
          media_types: Collection[str] = PAGE_TYPES) -> Page:
    """The response's body, decompressed and counted as it arrives."""
    # (a server that names no type: "", the page read as what it looks like)
    media_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if media_type and media_type not in media_types:
        raise FetchError(f"{original}: not a web page (content type {media_type})")
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise InputTooLargeError(f"{original}: page is {int(declared) / 1e6:.1f} MB; the limit "
                                 f"is {_mb(max_bytes)} MB")
    inflater = _Inflater(response.headers.get("Content-Encoding", ""), original)
    chunks: list[bytes] = []
    received = size = 0
    for raw in response.iter_raw():
        received += len(raw)
        data = inflater.feed(raw, max_bytes - size)
        size += len(data)
        if size > max_bytes or received > max_bytes:
            raise InputTooLargeError(f"{original}: page is over the {_mb(max_bytes)} MB limit"
                                     + (" when decompressed" if inflater.active else ""))
        chunks.append(data)
        if watchdog.fired:
            raise TimeoutError
    if watchdog.fired:  # the shut socket may read as the end of the body
        raise TimeoutError
    tail = inflater.flush()
    if size + len(tail) > max_bytes:
        raise InputTooLargeError(f"{original}: page is over the {_mb(max_bytes)} MB limit "
                                 "when decompressed")
    chunks.append(tail)
    return Page(str(url), b"".join(chunks), media_type, response.charset_encoding or "")


def _seconds(count: float) -> str:
    return f"{count:g} second" + ("" if count == 1 else "s")


def _mb(count: int) -> str:
    return f"{count / 1e6:g}"


class _Inflater:
    """Undo a gzip or deflate Content-Encoding with a bounded output.

    httpx's own decoders inflate a whole network read at once, so 64 KB of a gzip bomb
    become 64 MB before anything can count them; ``max_length`` stops at the cap instead.
    """

    def __init__(self, encoding: str, original: str) -> None:
        encoding = encoding.strip().lower()
        self.active = encoding not in ("", "identity")
        self.raw_deflate_tried = encoding != "deflate"
        if encoding in ("gzip", "x-gzip"):
            self._inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._inflate = zlib.decompressobj()
        elif not self.active:
            self._inflate = None
        else:
            raise FetchError(f"{original}: the page is sent with an encoding we do not read "
                             f"({encoding})")
        self._original = original

    def feed(self, data: bytes, room: int) -> bytes:
        """Inflate ``data``, returning at most ``room + 1`` bytes (one more means: too big)."""
        if self._inflate is None:
            return data
        try:
            return self._inflate.decompress(data, max(room, 0) + 1)
        except zlib.error:
            if not self.raw_deflate_tried:  # 'deflate' sent without its zlib header
                self.raw_deflate_tried = True
                self._inflate = zlib.decompressobj(-zlib.MAX_WBITS)
                return self.feed(data, room)
            raise FetchError(f"{self._original}: the compressed page is corrupt") from None

    def flush(self) -> bytes:
        return self._inflate.flush() if self._inflate is not None else b""


class _Watchdog:
    """Shuts down the fetch's sockets when the deadline passes, which ends a read that is
    waiting on a server sending a byte now and then (each read alone is within its timeout)."""

    def __init__(self, deadline: float) -> None:
        self.fired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(deadline, self._fire)
        self._timer.daemon = True
        self._timer.start()

    def trace(self, event: str, info: dict) -> None:
        """httpcore's ``trace`` extension: note each socket as soon as it is connected."""
        if event in ("connection.connect_tcp.complete", "connection.start_tls.complete"):
            stream = info.get("return_value")
            sock = stream.get_extra_info("socket") if stream is not None else None
            if sock is not None:
                with self._lock:
                    self._sockets.append(sock)
                    if self.fired:
                        _shut(sock)

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            for sock in self._sockets:
                _shut(sock)

    def cancel(self) -> None:
        self._timer.cancel()


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed
        # the plain socket call, also for a TLS socket: it wakes a read blocked on it
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


def _reason(error: Exception | None) -> str:
    """A short cause for a connection failure."""
    seen = error
    while seen is not None:
        if isinstance(seen, ConnectionRefusedError):
            return "connection refused"
        if isinstance(seen, socket.gaierror):
            return "host not found"
        if isinstance(seen, (TimeoutError, socket.timeout)):
            return "timed out"
        if isinstance(seen, ssl.SSLCertVerificationError):
            return f"the site's certificate is not valid: {seen.verify_message}"
        seen = seen.__cause__ or seen.__context__
    text = str(error) if error is not None else "no address"
    if "Connection refused" in text:
        return "connection refused"
    return text or type(error).__name__
