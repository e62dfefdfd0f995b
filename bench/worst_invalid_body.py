#!/usr/bin/env python3
"""Worst-case invalid bodies at the largest size the service allows: time to answer, error size.

Usage: python3 bench/worst_invalid_body.py target/release/stages-api [--max-body BYTES]

Starts the binary on 127.0.0.1 (port 0), creates an API, then POSTs CreateStage bodies of
exactly --max-body bytes (default 65536, the service's default) built to carry as many
violations per byte as the rules allow, each 7 times on one kept-alive connection, and prints
the median and worst time to the answer and the size of the answer's body. Meanwhile another
connection sends GetStages on another API in a loop: the slowest of those answers is printed too
(does a hostile body stall other clients?).
"""
import http.client
import json
import statistics
import subprocess
import sys
import threading
import time


def fill(prefix, entry, suffix, size):
    """prefix + entry(0) + "," + entry(1) ... + suffix, padded with spaces to `size` bytes."""
    parts, length, n = [], len(prefix) + len(suffix), 0
    while True:
        item = entry(n) + ","
        if length + len(item) > size - 16:
            break
        parts.append(item)
        length += len(item)
        n += 1
    body = prefix + "".join(parts).rstrip(",") + suffix
    return body + " " * (size - len(body)), n


def shapes(size):
    yield "routeSettings: invalid loggingLevel in each", *fill(
        '{"stageName":"prod","routeSettings":{', lambda n: f'"{n}":{{"loggingLevel":"x"}}', "}}", size)
    yield "stageVariables: empty value in each", *fill(
        '{"stageName":"prod","stageVariables":{', lambda n: f'"{n}":""', "}}", size)
    yield "stageVariables: one key repeated", *fill(
        '{"stageName":"prod","stageVariables":{', lambda n: '"a":""', "}}", size)
    yield "tags: reserved aws: keys", *fill(
        '{"stageName":"prod","tags":{', lambda n: f'"aws:{n}":""', "}}", size)
    yield "routeSettings: wrong type in each", *fill(
        '{"stageName":"prod","routeSettings":{', lambda n: f'"{n}":1', "}}", size)


def main():
    binary = sys.argv[1]
    size = int(sys.argv[sys.argv.index("--max-body") + 1]) if "--max-body" in sys.argv else 65536
    server = subprocess.Popen([binary, "--port", "0", "--max-body", str(size)],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        host, port = server.stdout.readline().decode().strip().rsplit("http://")[1].split(":")
        conn = http.client.HTTPConnection(host, int(port), timeout=600)
        headers = {"Content-Type": "application/json"}
        conn.request("POST", "/v2/apis", json.dumps({"name": "b", "protocolType": "HTTP"}), headers)
        api = json.loads(conn.getresponse().read())["apiId"]
        other = http.client.HTTPConnection(host, int(port), timeout=600)
        other.request("POST", "/v2/apis", json.dumps({"name": "o", "protocolType": "HTTP"}), headers)
        other_api = json.loads(other.getresponse().read())["apiId"]
        slowest, done = [0.0], threading.Event()

        def get_stages_meanwhile():
            while not done.is_set():
                started = time.perf_counter()
                other.request("GET", f"/v2/apis/{other_api}/stages")
                other.getresponse().read()
                slowest[0] = max(slowest[0], (time.perf_counter() - started) * 1000)

        meanwhile = threading.Thread(target=get_stages_meanwhile)
        meanwhile.start()
        print(f"body size {size} bytes; 7 runs each\n")
        print("| body | entries | status | median ms | worst ms | error body bytes |")
        print("|---|---|---|---|---|---|")
        for name, body, entries in shapes(size):
            assert len(body) == size, (name, len(body))
            times, reply, status = [], b"", 0
            for _ in range(7):
                started = time.perf_counter()
                conn.request("POST", f"/v2/apis/{api}/stages", body, headers)
                response = conn.getresponse()
                reply = response.read()
                times.append((time.perf_counter() - started) * 1000)
                status = response.status
            print(f"| {name} | {entries} | {status} | {statistics.median(times):.1f} "
                  f"| {max(times):.1f} | {len(reply)} |")
        done.set()
        meanwhile.join()
        print(f"\nslowest GetStages on another API meanwhile: {slowest[0]:.1f} ms")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
