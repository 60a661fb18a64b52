"""Nagle's algorithm is off on the server's connections (pages/common.py: no_nagle).

Streamlit binds its listening socket with protocol 0, as this test does, and asyncio then leaves
Nagle on for every connection: a page's last small messages waited for the browser's delayed
acknowledgement (about 40 ms per page load, measured with bench/load.py)."""
from __future__ import annotations

import os
import socket

from pages import common


def nodelay(sock: socket.socket) -> int:
    return sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)


def test_connections_accepted_after_the_change_have_nagle_off(tmp_path):
    listener = socket.socket(family=socket.AF_INET)          # as Streamlit 1.67 binds it: protocol 0
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    early = socket.create_connection(listener.getsockname())
    early_server, _ = listener.accept()
    other = open(tmp_path / "kept.txt", "w+")                 # a descriptor that is not a socket
    try:
        assert nodelay(early_server) == 0                     # what asyncio would have left
        assert common.no_nagle() >= 3
        assert nodelay(listener) != 0 and nodelay(early_server) != 0
        late = socket.create_connection(listener.getsockname())
        late_server, _ = listener.accept()
        assert nodelay(late_server) != 0                      # inherited from the listening socket
        other.write("still open")                             # borrowed descriptors were not closed
        other.seek(0)
        assert other.read() == "still open"
        early.sendall(b"ping")
        assert early_server.recv(4) == b"ping"
        late_server.close()
        late.close()
    finally:
        other.close()
        for s in (early_server, early, listener):
            s.close()


def test_descriptor_count_is_unchanged():
    before = len(os.listdir("/proc/self/fd"))
    common.no_nagle()
    assert len(os.listdir("/proc/self/fd")) == before
