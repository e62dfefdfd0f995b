#!/usr/bin/env python3
"""A bounded load test of CreateStage and GetStages against one or more servers, on loopback.

For each server: create an API, then for SECONDS seconds WORKERS processes each send CreateStage
requests (unique stage names) back to back on one keep-alive connection, then the same for
GetStages (maxResults=25). Prints throughput and latency percentiles per server and operation.

Usage: load.py [--seconds 5] [--workers 4] NAME=URL [NAME=URL ...]   (URLs on 127.0.0.1 only)
"""

import argparse
import http.client
import json
import multiprocessing
import statistics
import time
import urllib.parse


def connect(url):
    parsed = urllib.parse.urlparse(url)
    if parsed.hostname not in ("127.0.0.1", "localhost"):
        raise SystemExit(f"refusing to load {url}: loopback only")
    return http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=10)


# moto_server picks the service from the credential scope of a SigV4 header; the signature is not
# checked. stages-api ignores the header.
AUTHORIZATION = ("AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/apigateway/aws4_request, "
                 "SignedHeaders=host, Signature=0")


def call(connection, method, path, body=None):
    headers = {"Authorization": AUTHORIZATION}
    if body is not None:
        headers["Content-Type"] = "application/json"
    started = time.perf_counter()
    connection.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    response = connection.getresponse()
    data = response.read()
    return response.status, data, time.perf_counter() - started


def worker(args):
    url, api_id, operation, seconds, worker_id = args
    connection = connect(url)
    latencies, errors, count = [], 0, 0
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        if operation == "CreateStage":
            status, _, elapsed = call(connection, "POST", f"/v2/apis/{api_id}/stages",
                                      {"stageName": f"w{worker_id}n{count}", "stageVariables": {"v": "x"}})
            ok = 200 <= status < 300
        else:
            status, _, elapsed = call(connection, "GET", f"/v2/apis/{api_id}/stages?maxResults=25")
            ok = 200 <= status < 300
        count += 1
        latencies.append(elapsed)
        errors += not ok
    connection.close()
    return latencies, errors


def measure(name, url, seconds, workers):
    connection = connect(url)
    status, data, _ = call(connection, "POST", "/v2/apis", {"name": "load", "protocolType": "HTTP"})
    if not 200 <= status < 300:  # AWS and stages-api answer 201; moto_server answers 200
        raise SystemExit(f"{name}: CreateApi answered {status}: {data[:200]!r}")
    api_id = json.loads(data)["apiId"]
    connection.close()
    rows = []
    for operation in ("CreateStage", "GetStages"):
        with multiprocessing.Pool(workers) as pool:
            results = pool.map(worker, [(url, api_id, operation, seconds, i) for i in range(workers)])
        latencies = sorted(latency for result in results for latency in result[0])
        errors = sum(result[1] for result in results)
        quantiles = statistics.quantiles(latencies, n=100)
        rows.append((name, operation, len(latencies) / seconds, quantiles[49] * 1000, quantiles[98] * 1000, errors))
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("servers", nargs="+", metavar="NAME=URL")
    args = parser.parse_args()
    if args.seconds * 2 * len(args.servers) > 30:
        raise SystemExit("the whole run must stay within 30 s of load")
    rows = []
    for server in args.servers:
        name, url = server.split("=", 1)
        rows.extend(measure(name, url, args.seconds, args.workers))
    print(f"| server | operation | requests/s | p50 ms | p99 ms | errors |")
    print(f"|---|---|---:|---:|---:|---:|")
    for name, operation, rate, p50, p99, errors in rows:
        print(f"| {name} | {operation} | {rate:,.0f} | {p50:.2f} | {p99:.2f} | {errors} |")


if __name__ == "__main__":
    main()
