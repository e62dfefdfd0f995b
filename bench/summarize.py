#!/usr/bin/env python3
"""Summarise the last `cargo bench -p stages-bench --bench validation` run as Markdown.

Reads criterion's `target/criterion/<group>/<bench>/new/estimates.json` (medians of the
per-iteration time) and prints the tables BENCHMARKS.md quotes: medians, ratios within a group
(so within one run), and growth per map entry.

Usage: python3 bench/summarize.py [target-dir]
"""

import json
import pathlib
import sys

TARGET = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "target") / "criterion"
GROWTH = (45, 4_500, 45_000)  # map entries, as in bench/src/documents.rs


def median(*parts):
    path = TARGET.joinpath(*parts, "new", "estimates.json")
    estimate = json.loads(path.read_text())["median"]
    return estimate["point_estimate"], estimate["confidence_interval"]


def fmt(ns):
    if ns >= 1_000_000:
        return f"{ns / 1_000_000:.2f} ms"
    return f"{ns / 1000:.2f} µs" if ns >= 1000 else f"{ns:.0f} ns"


def group(name, benches, base):
    print(f"\n**{name}** (median, 95% CI of the median; ratio = median / median of `{base}`)\n")
    print("| implementation | median | 95% CI | ratio |")
    print("|---|---:|---:|---:|")
    base_ns = median(name.replace("/", "_"), base)[0]
    for bench in benches:
        ns, ci = median(name.replace("/", "_"), bench)
        low, high = ci["lower_bound"], ci["upper_bound"]
        print(f"| {bench} | {fmt(ns)} | {fmt(low)} – {fmt(high)} | {ns / base_ns:.2f}× |")


def ratios():
    valid = {b: median("validate_valid", b)[0] for b in ("ours", "hand", "garde", "validator")}
    invalid = {b: median("validate_invalid", b)[0] for b in ("ours", "hand", "garde", "validator")}
    decode = {
        b: median("decode_valid", b)[0]
        for b in ("serde-only", "ours-from_json", "ours-serde_json", "serde+hand", "garde", "validator")
    }
    print("\n**Headline ratios** (medians from the same run)\n")
    print("| ratio | valid doc | invalid doc |")
    print("|---|---:|---:|")
    for peer in ("hand", "garde", "validator"):
        print(
            f"| validate: ours / {peer} | {valid['ours'] / valid[peer]:.2f}× "
            f"| {invalid['ours'] / invalid[peer]:.2f}× |"
        )
    print()
    print("| decode + validate, typical valid doc | ratio to serde-only decode |")
    print("|---|---:|")
    for bench in ("ours-from_json", "ours-serde_json", "serde+hand", "garde", "validator"):
        print(f"| {bench} | {decode[bench] / decode['serde-only']:.2f}× |")


def growth():
    print("\n**Growth** (median per document, and per map entry)\n")
    print("| benchmark | " + " | ".join(f"{n:,} entries" for n in GROWTH) + " |")
    print("|---|" + "---:|" * len(GROWTH))
    for kind, benches in (
        ("validate", ("ours", "hand")),
        ("decode", ("serde-only", "ours-from_json", "serde+hand")),
    ):
        for grown in ("routes", "variables"):
            for bench in benches:
                cells = []
                for entries in GROWTH:
                    ns = median(f"growth_{kind}", bench, f"{grown}-{entries}")[0]
                    cells.append(f"{fmt(ns)} = {ns / entries:.1f} ns/entry")
                print(f"| {kind} {bench}, {grown} | " + " | ".join(cells) + " |")


group("validate/valid", ("ours", "hand", "garde", "validator"), "hand")
group("validate/invalid", ("ours", "hand", "garde", "validator"), "hand")
group(
    "decode/valid",
    ("serde-only", "ours-from_json", "ours-serde_json", "serde+hand", "garde", "validator"),
    "serde-only",
)
group(
    "decode/invalid",
    ("serde-only", "ours-from_json", "ours-serde_json", "serde+hand", "garde", "validator"),
    "serde-only",
)
ratios()
growth()
