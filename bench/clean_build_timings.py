#!/usr/bin/env python3
"""Where a clean build's time goes, from the HTML report of `cargo build --timings`.

Prints the critical path (the chain of units, each unblocked last by the one before it, that
ends with the last unit to finish) and the units that took longest. A unit waiting on a
library's metadata (pipelined builds) counts from the end of that library's frontend.

Usage: bench/clean_build_timings.py target/cargo-timings/cargo-timing.html [TOP]
"""
import json
import re
import sys


def units(html):
    start = html.index("const UNIT_DATA =") + len("const UNIT_DATA =")
    end = html.index("];", start) + 1
    return json.loads(html[start:end])


def label(unit):
    target = unit["target"].strip()
    return f"{unit['name']} {unit['version']}" + (f" ({target})" if target else "")


def critical_path(data):
    by_index = {unit["i"]: unit for unit in data}
    finish = {unit["i"]: unit["start"] + unit["duration"] for unit in data}
    rmeta = {}
    for unit in data:
        frontend = dict(unit["sections"] or []).get("frontend")
        rmeta[unit["i"]] = unit["start"] + frontend["end"] if frontend else finish[unit["i"]]
    blocker = {}
    for unit in data:
        for target, time in [(t, finish[unit["i"]]) for t in unit["unblocked_units"]] + [
            (t, rmeta[unit["i"]]) for t in unit["unblocked_rmeta_units"]
        ]:
            if target not in blocker or time > blocker[target][1]:
                blocker[target] = (unit["i"], time)
    last = max(data, key=lambda unit: finish[unit["i"]])
    path = [last]
    while path[-1]["i"] in blocker:
        path.append(by_index[blocker[path[-1]["i"]][0]])
    return list(reversed(path)), finish[last["i"]]


def main():
    html = open(sys.argv[1]).read()
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    data = units(html)
    path, total = critical_path(data)
    print(f"critical path ({total:.2f} s to the last unit's end):")
    for unit in path:
        print(f"  {unit['start']:6.2f} +{unit['duration']:5.2f} s  {label(unit)}")
    print(f"longest units (sum of all units {sum(u['duration'] for u in data):.2f} s):")
    for unit in sorted(data, key=lambda unit: -unit["duration"])[:top]:
        print(f"  {unit['duration']:5.2f} s  {label(unit)}")


if __name__ == "__main__":
    main()
