#!/usr/bin/env python3
"""Memory and service under many held connections: the slowloris shape.

Usage: python3 bench/held_connections.py target/release/stages-api [COUNT] [HEAD_BYTES]

Starts the binary on 127.0.0.1 (header timeout 60 s, so nothing times out during the run),
opens COUNT connections (default 500) that each send HEAD_BYTES (default 17,000: just under the
largest head hyper buffers) of a request head and stop, then prints the service's RSS before
and after, and how long a normal request takes meanwhile. Linux only (reads /proc).
"""
import socket
import subprocess
import sys
import time


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        return int(next(line for line in status if line.startswith("VmRSS")).split()[1])


def main():
    binary = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    head = int(sys.argv[3]) if len(sys.argv) > 3 else 17_000
    server = subprocess.Popen([binary, "--port", "0", "--header-timeout", "60"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        host, port = server.stdout.readline().decode().strip().rsplit("http://")[1].split(":")
        before = rss_kib(server.pid)
        held = []
        for _ in range(count):
            sock = socket.create_connection((host, int(port)))
            sock.sendall(b"GET / HTTP/1.1\r\nX-Pad: " + b"a" * (head - 24))
            held.append(sock)
        time.sleep(1)
        after = rss_kib(server.pid)
        started = time.perf_counter()
        client = socket.create_connection((host, int(port)))
        client.settimeout(10)
        client.sendall(b"GET /v2/apis/none HTTP/1.1\r\nHost: b\r\nConnection: close\r\n\r\n")
        status = client.recv(12).decode()
        waited = (time.perf_counter() - started) * 1000
        print(f"{count} connections holding {head}-byte partial heads: RSS {before} KiB -> "
              f"{after} KiB ({(after - before) / count:.1f} KiB each); a normal request "
              f"meanwhile: {status.split(' ')[1]} in {waited:.1f} ms")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
