#!/usr/bin/env python3
"""Memory per stored stage, and whether listings of one API hold up another, on loopback.

Starts the given stages-api binary (with the options after `--`: raise --max-stages-per-api),
creates COUNT stages whose bodies are the largest allowed (64 KiB) on one API, and reports the
growth of the process's resident set (VmRSS) per stage against the size of the JSON sent. Then four
clients list that API with maxResults=500 over and over while another client times GetStages on a
second, small API. Bounded: COUNT requests, then 5 s of listings.

Usage: memory.py BINARY SHAPE COUNT [-- extra options for the binary]
SHAPE: routes-empty (empty route settings, 6,984 of them: needs --max-routes-per-api 7000),
       routes-300 (300 route settings with long keys, within the default quota),
       variables (100 stage variables of 640 characters).
"""

import http.client
import json
import statistics
import subprocess
import sys
import threading
import time

MAX_BODY = 64 * 1024


def body_of(shape, name):
    if shape == "routes-empty":
        routes, index = {}, 0
        while True:
            routes[f"GET /r{index}"] = {}
            if len(json.dumps({"stageName": name, "routeSettings": routes}, separators=(",", ":"))) > MAX_BODY:
                del routes[f"GET /r{index}"]
                break
            index += 1
        document = {"stageName": name, "routeSettings": routes}
    elif shape == "routes-300":
        pad = "x" * 204
        document = {"stageName": name, "routeSettings": {f"GET /{index:03d}{pad}": {} for index in range(300)}}
    elif shape == "variables":
        document = {"stageName": name, "stageVariables": {f"v{index}": "y" * 640 for index in range(100)}}
    else:
        raise SystemExit(f"unknown shape {shape}")
    text = json.dumps(document, separators=(",", ":"))
    assert len(text) <= MAX_BODY, len(text)
    return text


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise SystemExit("no VmRSS")


def call(connection, method, path, body=None):
    headers = {"Content-Type": "application/json"} if body is not None else {}
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    return response.status, response.read()


def main():
    binary, shape, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    extra = sys.argv[sys.argv.index("--") + 1:] if "--" in sys.argv else []
    server = subprocess.Popen([binary, "--port", "0", *extra],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        port = int(server.stdout.readline().strip().rsplit(":", 1)[1])
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        make_api = json.dumps({"name": "memory", "protocolType": "HTTP"})
        big = json.loads(call(connection, "POST", "/v2/apis", make_api)[1])["apiId"]
        small = json.loads(call(connection, "POST", "/v2/apis", make_api)[1])["apiId"]
        call(connection, "POST", f"/v2/apis/{small}/stages", json.dumps({"stageName": "only"}))
        template = body_of(shape, "s000000")
        before = rss_kib(server.pid)
        for index in range(count):
            status, data = call(connection, "POST", f"/v2/apis/{big}/stages", template.replace("s000000", f"s{index:06d}"))
            assert status == 201, (status, data[:300])
        after = rss_kib(server.pid)
        per_stage = (after - before) * 1024 / count
        print(f"shape={shape} options={' '.join(extra) or '-'} stages={count} body={len(template)} B "
              f"RSS {before / 1024:.0f} -> {after / 1024:.0f} MiB: {per_stage:,.0f} B per stage = {per_stage / len(template):.2f}x the body")

        stop = threading.Event()
        listed = [0]

        def lister():
            mine = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            while not stop.is_set():
                status, _ = call(mine, "GET", f"/v2/apis/{big}/stages?maxResults=500")
                assert status == 200
                listed[0] += 1

        threads = [threading.Thread(target=lister) for _ in range(4)]
        for thread in threads:
            thread.start()
        latencies, peak = [], after
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            started = time.perf_counter()
            status, _ = call(connection, "GET", f"/v2/apis/{small}/stages")
            latencies.append(time.perf_counter() - started)
            assert status == 200
            peak = max(peak, rss_kib(server.pid))
            time.sleep(0.01)
        stop.set()
        for thread in threads:
            thread.join()
        latencies.sort()
        print(f"  4 clients listing 500 stages ({listed[0]} pages in 5 s) while GetStages on another API: "
              f"p50 {statistics.median(latencies) * 1000:.1f} ms, max {latencies[-1] * 1000:.1f} ms over {len(latencies)} calls; "
              f"peak RSS {peak / 1024:.0f} MiB")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
