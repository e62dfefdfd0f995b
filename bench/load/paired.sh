#!/usr/bin/env bash
# One workload against stages-api and bare axum in turn, ROUNDS times, each server started
# afresh for its phase and pinned as in service.sh (server CPU 1, client CPU 0): paired rounds,
# so that a slow stretch of a shared machine hits both sides of a ratio. Prints the rows of
# `load` and the ratio of each pair.
#
#   ROUNDS=10 SECONDS_PER_PHASE=2 bash bench/load/paired.sh [create-stage|get-stages] [--decode]
#
# `--decode` makes the axum side decode each CreateStage body with serde_json first
# (`axum_constant --decode`).
set -euo pipefail
cd "$(dirname "$0")/../.."
workload="${1:-create-stage}"
decode=("${@:2}")
ROUNDS=${ROUNDS:-10}
SECONDS_PER_PHASE=${SECONDS_PER_PHASE:-2}
PAGE=${PAGE:-25}
cargo build --quiet --release -p stages-api
cargo build --quiet --release -p stages-bench --bin load --bin axum_constant
bin=target/release
out=$(mktemp)
trap 'rm -f "$out"' EXIT

# Runs the load against a fresh server (the command given) and prints the row.
phase() {
    local label=$1 pid url=""
    shift
    taskset -c 1 "$@" >"$out" 2>/dev/null &
    pid=$!
    for _ in $(seq 100); do
        url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$out" | head -n 1 || true)
        [ -n "$url" ] && break
        sleep 0.1
    done
    [ -n "$url" ] || { echo "$1 did not start" >&2; kill "$pid"; exit 1; }
    taskset -c 0 "$bin/load" "$workload" "$url" --seconds "$SECONDS_PER_PHASE" \
        --connections 16 --page "$PAGE" --label "$label" --server-pid "$pid"
    kill "$pid"
    wait "$pid" 2>/dev/null || true
}

echo "load: $(uptime)"
for round in $(seq "$ROUNDS"); do
    ours=$(phase stages-api "$bin/stages-api" --port 0 --max-stages-per-api 100000000)
    axum=$(phase "axum constant${decode:+ --decode}" "$bin/axum_constant" 0 "$PAGE" "${decode[@]}")
    echo "$ours"
    echo "$axum"
    # Column 4 is requests/s.
    echo "round $round: stages-api ÷ axum = $(awk -F'|' -v a="$ours" -v b="$axum" 'BEGIN {
        split(a, x, "|"); split(b, y, "|"); printf "%.2f", x[4] / y[4] }')"
done
echo "load: $(uptime)"
