#!/usr/bin/env bash
# One workload against stages-api and bare axum in turn, ROUNDS times, each server started
# afresh for its phase and pinned as in service.sh (SERVER_CPU, CLIENT_CPU): paired rounds, so
# that a slow stretch of a shared machine hits both sides of a ratio. Which side goes first
# alternates from round to round. Prints the rows of `load` and the ratio of each pair.
#
#   ROUNDS=10 SECONDS_PER_PHASE=2 bash bench/load/paired.sh [create-stage|get-stages] [--decode]
#
# `--decode` makes the axum side decode each CreateStage body with serde_json first
# (`axum_constant --decode`).
set -euo pipefail
cd "$(dirname "$0")/../.."
workload="${1:-create-stage}"
decode=()
case "${2:-}" in
    "") ;;
    --decode) decode=(--decode) ;;
    *) echo "unknown option $2 (expected --decode)" >&2; exit 2 ;;
esac
ROUNDS=${ROUNDS:-10}
SECONDS_PER_PHASE=${SECONDS_PER_PHASE:-2}
PAGE=${PAGE:-25}
SERVER_CPU=${SERVER_CPU:-1}
CLIENT_CPU=${CLIENT_CPU:-0}
cargo build --quiet --release -p stages-api
cargo build --quiet --release -p stages-bench --bin load --bin axum_constant
bin=target/release
out=$(mktemp) ours=$(mktemp) axum=$(mktemp)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -f "$out" "$ours" "$axum"' EXIT

# Runs the load against a fresh server (the command given) into the file named by $row.
phase() {
    local label=$1 url=""
    shift
    taskset -c "$SERVER_CPU" "$@" >"$out" 2>/dev/null &
    pid=$!
    for _ in $(seq 100); do
        url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$out" | head -n 1 || true)
        [ -n "$url" ] && break
        sleep 0.1
    done
    [ -n "$url" ] || { echo "$1 did not start" >&2; exit 1; }
    taskset -c "$CLIENT_CPU" "$bin/load" "$workload" "$url" --seconds "$SECONDS_PER_PHASE" \
        --connections 16 --page "$PAGE" --label "$label" --server-pid "$pid" >"$row"
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    pid=
}

# Column 4 of a row is requests/s.
rate() { awk -F'|' '{ print $4 }' "$1"; }

echo "load: $(uptime)"
for round in $(seq "$ROUNDS"); do
    for side in $([ $((round % 2)) = 1 ] && echo "ours axum" || echo "axum ours"); do
        if [ "$side" = ours ]; then
            row=$ours phase stages-api "$bin/stages-api" --port 0 --max-stages-per-api 100000000
        else
            row=$axum phase "axum constant${decode[*]:+ --decode}" "$bin/axum_constant" 0 "$PAGE" \
                ${decode[@]+"${decode[@]}"}
        fi
    done
    cat "$ours" "$axum"
    echo "round $round: stages-api ÷ axum = $(awk -v a="$(rate "$ours")" -v b="$(rate "$axum")" \
        'BEGIN { printf "%.2f", a / b }')"
done
echo "load: $(uptime)"
