"""Safe fetching: refused addresses, pinned connections, checked redirects, deadline and caps.

Only 127.0.0.1 is ever contacted: the server below runs there. Other addresses are checked
by the pure address rules, or refused before any connection is made. A public host is
played by ``news.example``: an injected resolver points it at 127.0.0.1 and an injected guard
lets it through, while the default rules still judge every other host.
"""

from __future__ import annotations

import gzip
import http.server
import ipaddress
import re
import threading
import time
import zlib
from urllib.parse import parse_qs, urlparse

import pytest

from framing.errors import FetchError, InputTooLargeError
from framing.fetch import MAX_BYTES, _Inflater, fetch, refusal, resolve_host

PAGE = (b"<html><head><title>Bridge reopens</title></head><body><article><p>"
        + b"The bridge over the river reopened to traffic on Monday after repairs. " * 20
        + b"</p></article></body></html>")
PUBLIC = "news.example"  # stands in for a public host; .example never resolves for real


@pytest.fixture(scope="module")
def server():
    stop = threading.Event()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"  # a body without Content-Length ends when we close

        def log_message(self, *args):
            pass

        def _head(self, status=200, content_type="text/html; charset=utf-8", headers=()):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            for key, value in headers:
                self.send_header(key, value)
            self.end_headers()

        def _send(self, body, content_type="text/html; charset=utf-8", headers=()):
            self._head(200, content_type, (("Content-Length", str(len(body))), *headers))
            self.wfile.write(body)

        def _redirect(self, location):
            self._head(302, headers=(("Location", location),))

        def do_GET(self):  # noqa: N802 - http.server's name
            parsed = urlparse(self.path)
            path, query = parsed.path, parse_qs(parsed.query)
            size = int(query.get("size", ["0"])[0])
            try:
                if path == "/page":
                    self._send(PAGE)
                elif path == "/host":
                    self._send(self.headers["Host"].encode(), "text/plain")
                elif path.startswith("/chain/"):  # /chain/N: N redirects, then the page
                    left = int(path.removeprefix("/chain/"))
                    self._redirect(f"/chain/{left - 1}" if left > 1 else "/page")
                elif path == "/to":
                    self._redirect(query["url"][0])
                elif path == "/gzip":
                    self._send(gzip.compress(PAGE), headers=(("Content-Encoding", "gzip"),))
                elif path == "/deflate":  # raw deflate, as some servers send it
                    packer = zlib.compressobj(wbits=-zlib.MAX_WBITS)
                    body = packer.compress(PAGE) + packer.flush()
                    self._send(body, headers=(("Content-Encoding", "deflate"),))
                elif path == "/bomb":  # a small body that inflates to `size` bytes
                    self._send(gzip.compress(b" " * size, 9),
                               headers=(("Content-Encoding", "gzip"),))
                elif path == "/big":  # no Content-Length: the size shows only as it arrives
                    self._head()
                    self.wfile.write(b"<p>" + b"x" * size)
                elif path == "/declared-big":
                    self._head(headers=(("Content-Length", "50000000"),))
                    self.wfile.write(b"<p>x")
                elif path == "/drip":  # one byte every 0.1 s for 10 s: no read times out
                    self._head()
                    for _ in range(100):
                        if stop.wait(0.1):
                            break
                        self.wfile.write(b"x")
                        self.wfile.flush()
                elif path == "/stall":  # one byte, then nothing
                    self._head()
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    stop.wait(12)
                elif path == "/slow-headers":
                    stop.wait(12)
                elif path == "/no-location":
                    self._head(302)
                elif path == "/pdf":
                    self._send(b"%PDF-1.4 fake", "application/pdf")
                else:
                    self._head(404, "text/plain")
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up, as it should

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_address[1]
    stop.set()
    httpd.shutdown()
    httpd.server_close()


def local(port: int, path: str) -> str:
    return f"http://127.0.0.1:{port}{path}"


def public(port: int, path: str) -> str:
    return f"http://{PUBLIC}:{port}{path}"


class FakeDNS:
    """A resolver that sends ``news.example`` to 127.0.0.1 and counts its lookups."""

    def __init__(self):
        self.lookups = []

    def __call__(self, host, port, timeout):
        self.lookups.append(host)
        if host == PUBLIC:
            return [ipaddress.ip_address("127.0.0.1")]
        return resolve_host(host, port, timeout)


def public_guard(host, address):
    """The default rules, except that news.example counts as a public host."""
    return "" if host == PUBLIC else refusal(address)


def fetch_public(url, **options):
    options.setdefault("resolve", FakeDNS())
    return fetch(url, guard=public_guard, **options)


# --------------------------------------------------------------------------- address rules


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "a loopback address"),
        ("::1", "a loopback address"),
        ("::ffff:127.0.0.1", "a loopback address (127.0.0.1 inside an IPv6 address)"),
        ("::ffff:10.1.2.3", "a private address (10.1.2.3 inside an IPv6 address)"),
        ("64:ff9b::a9fe:a9fe", "a link-local address (169.254.169.254 inside an IPv6 address)"),
        ("2002:7f00:1::", "a loopback address (127.0.0.1 inside an IPv6 address)"),
        ("169.254.169.254", "a link-local address"),
        ("fe80::1", "a link-local address"),
        ("100.64.1.1", "a carrier-grade NAT address"),
        ("10.0.0.1", "a private address"),
        ("172.16.5.4", "a private address"),
        ("192.168.1.1", "a private address"),
        ("fd12:3456::1", "a private (unique local) address"),
        ("0.0.0.0", "an unspecified address"),
        ("::", "an unspecified address"),
        ("224.0.0.1", "a multicast address"),
        ("ff02::1", "a multicast address"),
        ("240.0.0.1", "a reserved address"),
        ("255.255.255.255", "a broadcast address"),
        ("93.184.215.14", ""),
        ("2606:4700::1111", ""),
        ("2002:5db8:d70e::", ""),  # 6to4 around a public address
        ("64:ff9b::5db8:d70e", ""),  # NAT64 around a public address
        ("64:ff9b:1::5db8:d70e", "a reserved address"),  # the local-use NAT64 prefix
    ],
)
def test_address_rules(address, reason):
    assert refusal(ipaddress.ip_address(address)) == reason


@pytest.mark.parametrize(
    ("address", "allowed"),
    [("127.0.0.1", True), ("10.0.0.1", True), ("169.254.169.254", True), ("fe80::1", True),
     ("100.64.1.1", True), ("::ffff:192.168.0.1", True), ("0.0.0.0", False),
     ("224.0.0.1", False), ("240.0.0.1", False)],
)
def test_opt_in_allows_local_networks_but_not_multicast_or_unspecified(address, allowed):
    assert (refusal(ipaddress.ip_address(address), allow_private=True) == "") is allowed


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://[::ffff:127.0.0.1]/", r"::ffff:127\.0\.0\.1 is a loopback address"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"),
        ("http://100.64.1.1/", "100.64.1.1 is a carrier-grade NAT address"),
        ("http://[fe80::1]/", "fe80::1 is a link-local address"),
        ("http://0.0.0.0/", "0.0.0.0 is an unspecified address"),
        ("http://224.0.0.1/", "224.0.0.1 is a multicast address"),
        ("http://2130706433/", r"2130706433 \(127\.0\.0\.1\) is a loopback address"),
    ],
)
def test_refused_before_any_connection(url, message):
    with pytest.raises(FetchError, match=message):
        fetch(url, timeout=0.5)


def test_the_refusal_says_how_to_allow_private_hosts_where_the_reader_can():
    with pytest.raises(FetchError, match=r"only when allowed \(--allow-private-hosts; "
                                         r"in Python allow_private_hosts=True\)$"):
        fetch("http://10.0.0.1/", timeout=0.5)
    with pytest.raises(FetchError, match=r"10\.0\.0\.1 is a private address; local and "
                                         r"private networks are not fetched here$"):
        fetch("http://10.0.0.1/", timeout=0.5, allow_hint="")


@pytest.mark.parametrize("value", ["no", "0", 1, None])
def test_the_opt_in_to_private_hosts_is_true_or_false_only(value):
    from framing import load_article

    # ("0" or "no" from an environment variable must not open the inner network)
    with pytest.raises(TypeError, match="^allow_private_hosts must be True or False, not "):
        load_article("http://127.0.0.1:9/story", allow_private_hosts=value)


def test_refused_when_any_address_of_the_host_is_local():
    def resolve(host, port, timeout):
        return [ipaddress.ip_address("93.184.215.14"), ipaddress.ip_address("10.0.0.1")]

    with pytest.raises(FetchError, match=r"refused: mixed\.example \(10\.0\.0\.1\) is a private"):
        fetch("https://mixed.example/story", resolve=resolve)


def test_inflation_is_bounded():
    bomb = gzip.compress(b"\0" * 5_000_000)
    inflater = _Inflater("gzip", "page")
    assert len(inflater.feed(bomb, 1000)) == 1001  # one byte over the room: refused upstream


# --------------------------------------------------------------------------- fetching


def test_local_address_is_refused_by_default(server):
    with pytest.raises(FetchError, match=r"refused: 127\.0\.0\.1 is a loopback address"):
        fetch(local(server, "/page"))


def test_local_address_is_fetched_with_the_opt_in(server):
    page = fetch(local(server, "/page"), allow_private=True)
    assert page.content == PAGE
    assert (page.media_type, page.charset) == ("text/html", "utf-8")


def test_connects_to_the_checked_address_with_the_original_host(server):
    dns = FakeDNS()
    page = fetch_public(public(server, "/host"), resolve=dns)
    assert page.content == f"{PUBLIC}:{server}".encode()  # the Host header the server saw
    assert page.url == public(server, "/host")
    assert dns.lookups == [PUBLIC]  # one lookup: no second one that could answer otherwise


def test_redirects_are_followed_and_each_hop_resolved(server):
    dns = FakeDNS()
    page = fetch_public(public(server, "/chain/2"), resolve=dns)
    assert page.content == PAGE and page.url == public(server, "/page")
    assert dns.lookups == [PUBLIC] * 3


@pytest.mark.parametrize(
    "target",
    ["http://10.0.0.1/admin", "http://127.0.0.1:{port}/page", "http://169.254.169.254/latest/",
     "http://[::1]:{port}/page", "http://[::ffff:7f00:1]:{port}/page"],
)
def test_redirect_to_a_local_address_is_refused(server, target):
    target = target.format(port=server)
    with pytest.raises(FetchError, match=r"redirected to .*refused: .* is a (loopback|private|"
                       "link-local) address"):
        fetch_public(public(server, "/to") + "?url=" + target)


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://news.example/x", "gopher://x/"])
def test_redirect_to_another_scheme_is_refused(server, target):
    with pytest.raises(FetchError, match="redirected to .*only http:// and https://"):
        fetch_public(public(server, "/to") + "?url=" + target)


def test_at_most_five_redirects(server):
    assert fetch_public(public(server, "/chain/5")).content == PAGE
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetch_public(public(server, "/chain/6"))


@pytest.mark.parametrize(
    "url", ["ftp://example.org/file", "file:///etc/passwd", "javascript:alert(1)",
            "gopher://example.org/"],
)
def test_only_http_and_https(url):
    with pytest.raises(FetchError, match="only http:// and https://"):
        fetch(url)


@pytest.mark.parametrize("url", ["http://", "https:///path/only"])
def test_an_address_without_a_host_says_so(url):
    with pytest.raises(FetchError, match=f"^{re.escape(url)}: the address names no host$"):
        fetch(url)


def test_other_ports_refused_when_asked(server):
    with pytest.raises(FetchError, match=f"refused: port {server} is not a default web port"):
        fetch(local(server, "/page"), allow_private=True, default_ports_only=True)


def test_a_dripping_server_is_cut_at_the_deadline(server):
    started = time.monotonic()
    with pytest.raises(FetchError, match="took longer than 1 second"):
        fetch(local(server, "/drip"), allow_private=True, timeout=5, deadline=1)
    assert time.monotonic() - started < 4  # the server drips for 10 s


@pytest.mark.parametrize("path", ["/stall", "/slow-headers"])
def test_the_deadline_ends_a_read_before_its_own_timeout(server, path):
    started = time.monotonic()
    with pytest.raises(FetchError, match="took longer than 1 second"):
        fetch(local(server, path), allow_private=True, timeout=10, deadline=1)
    assert time.monotonic() - started < 4  # the per-read timeout alone would wait 10 s


@pytest.mark.parametrize("path", ["/gzip", "/deflate"])
def test_compressed_pages_are_inflated(server, path):
    assert fetch(local(server, path), allow_private=True).content == PAGE


def test_a_gzip_bomb_is_refused(server):
    with pytest.raises(InputTooLargeError, match="over the 0.1 MB limit when decompressed"):
        fetch(local(server, "/bomb?size=2000000"), allow_private=True, max_bytes=100_000)


def test_a_gzip_bomb_is_refused_at_the_real_cap(server):
    url = local(server, f"/bomb?size={MAX_BYTES + 1_000_000}")
    with pytest.raises(InputTooLargeError, match="over the 10 MB limit when decompressed"):
        fetch(url, allow_private=True)


def test_a_page_over_the_cap_is_refused_as_it_arrives(server):
    with pytest.raises(InputTooLargeError, match="over the 0.1 MB limit"):
        fetch(local(server, "/big?size=200000"), allow_private=True, max_bytes=100_000)
    assert len(fetch(local(server, "/big?size=90000"), allow_private=True,
                     max_bytes=100_000).content) == 90_003


def test_a_declared_length_over_the_cap_is_refused_at_once(server):
    with pytest.raises(InputTooLargeError, match="page is 50.0 MB; the limit is 10 MB"):
        fetch(local(server, "/declared-big"), allow_private=True)


def test_not_a_web_page_and_http_errors(server):
    with pytest.raises(FetchError, match="not a web page .content type application/pdf"):
        fetch(local(server, "/pdf"), allow_private=True)
    with pytest.raises(FetchError, match="HTTP error 404"):
        fetch(local(server, "/nothing"), allow_private=True)
    with pytest.raises(FetchError, match="HTTP error 302"):
        fetch(local(server, "/no-location"), allow_private=True)


def test_an_international_name_is_resolved_and_sent_in_its_idna_form(server):
    idna = "xn--bcher-kva.example"
    seen = []

    def resolve(host, port, timeout):
        seen.append(host)
        return [ipaddress.ip_address("127.0.0.1")]

    page = fetch(f"http://b\u00fccher.example:{server}/host", resolve=resolve,
                 guard=lambda host, address: "" if host == idna else refusal(address))
    assert seen == [idna] and page.content == f"{idna}:{server}".encode()


def test_unknown_host_is_a_clean_error():
    def nowhere(host, port, timeout):
        import socket

        raise socket.gaierror("no such host")

    with pytest.raises(FetchError, match="could not connect .host not found"):
        fetch("https://nowhere.example/", resolve=nowhere)


# --------------------------------------------------------------------------- TLS


@pytest.fixture(scope="module")
def tls_server():
    """An HTTPS server on 127.0.0.1 whose certificate names news.example, and a client
    context that trusts its authority."""
    trustme = pytest.importorskip("trustme")
    import ssl

    authority = trustme.CA()
    certificate = authority.issue_cert(PUBLIC)

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):  # noqa: N802 - http.server's name
            body = self.headers["Host"].encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    certificate.configure_cert(server_context)
    httpd.socket = server_context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    client_context = ssl.create_default_context()
    authority.configure_trust(client_context)
    yield httpd.server_address[1], client_context
    httpd.shutdown()
    httpd.server_close()


def test_https_to_the_checked_address_verifies_the_host_name(tls_server):
    port, trust = tls_server
    page = fetch_public(f"https://{PUBLIC}:{port}/", verify=trust)
    assert page.content == f"{PUBLIC}:{port}".encode()


def test_https_certificate_for_another_name_is_refused(tls_server):
    port, trust = tls_server

    def resolve(host, port, timeout):
        return [ipaddress.ip_address("127.0.0.1")]

    with pytest.raises(FetchError, match="could not connect .the site's certificate is not "
                       "valid: Hostname mismatch"):
        fetch(f"https://impostor.example:{port}/", resolve=resolve,
              guard=lambda host, address: "", verify=trust)


# --------------------------------------------------------------------------- batches


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_opt_in_reaches_the_batch_workers(analyzer, web_server, jobs):
    from framing.batch import analyze_many

    # Plain-text pages: extracting the same HTML page again in this process would feed
    # trafilatura's process-wide duplicate filter and change what later tests extract.
    urls = [f"{web_server}/plain.txt", f"{web_server}/plain.txt?copy=2"]
    refused = list(analyze_many(urls, "article", "csv", analyzer, jobs))
    assert all("127.0.0.1 is a loopback address" in o.error for o in refused)
    allowed = list(analyze_many(urls, "article", "csv", analyzer, jobs, allow_private_hosts=True))
    assert [o.error for o in allowed] == ["", ""]
    assert all(o.rows[0]["url"].startswith(web_server) for o in allowed)
