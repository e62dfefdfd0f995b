#!/usr/bin/env bash
# The service target of issue 10: stages-api's GetStages and CreateStage throughput against bare
# axum handlers answering constant JSON bodies (bench/src/bin/axum_constant.rs: the same
# requests, answers of the same size — the ceiling of the HTTP stack) and against moto_server,
# with one load client (bench/src/bin/load.rs: one thread, CONNECTIONS keep-alive connections)
# in the same run, ROUNDS times over, servers interleaved. On 127.0.0.1 only; at most
# ROUNDS x 8 x SECONDS seconds of load (default 3 x 8 x 3 s = 72 s). For CreateStage, a second
# reference: the same axum server decoding each body with serde_json into plain serde structs
# before its constant answer (`axum_constant --decode`).
#
# Every server is pinned to CPU 1 and the client to CPU 0 (`taskset`), so that the two do not
# take each other's core; each server's tokio runtime therefore runs one worker thread. The
# client reports the server's CPU time per answer too, which other jobs on a shared machine move
# far less than throughput, and its own CPU time and sleeps per answer: each sleep is a wake-up
# the server pays for, and a client that is nearly as busy as the server sleeps less.
#
# SPIN=1 makes the client poll its connections without ever sleeping (`load --spin`): the
# server is then not charged for waking it (see bench/src/spin.rs).
#
# Installs moto[server] into target/load-venv on first use. Prints Markdown rows.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_PHASE=${SECONDS_PER_PHASE:-3}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-16}
PAGE=${PAGE:-25}
SERVER_CPU=${SERVER_CPU:-1}
CLIENT_CPU=${CLIENT_CPU:-0}
SPIN=${SPIN:-0}
venv=target/load-venv
bash bench/load/moto-venv.sh "$venv"
cargo build --quiet --release -p stages-api
cargo build --quiet --release -p stages-bench --bin load --bin axum_constant
bin=target/release

pids=()
data_dir=
trap 'for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true
    [ -n "$data_dir" ] && rm -rf "$data_dir"' EXIT

# Starts a server pinned to the server CPU; sets $url and $pid.
start() {
    local out
    out=$(mktemp)
    taskset -c "$SERVER_CPU" "$@" >"$out" 2>/dev/null &
    pid=$!
    pids+=("$pid")
    for _ in $(seq 100); do
        url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$out" | head -n 1 || true)
        [ -n "$url" ] && break
        sleep 0.1
    done
    rm -f "$out"
    [ -n "$url" ] || { echo "$1 did not start" >&2; exit 1; }
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

start "$bin/axum_constant" 0 "$PAGE"
axum_url=$url axum_pid=$pid
# The same, decoding each CreateStage body with serde_json first: a second reference.
start "$bin/axum_constant" 0 "$PAGE" --decode
decode_url=$url decode_pid=$pid
# The load creates many stages on one API: raise the stages-per-API quota (AWS: 10).
start "$bin/stages-api" --port 0 --max-stages-per-api 100000000
ours_url=$url ours_pid=$pid
data_dir=$(mktemp -d)
start "$bin/stages-api" --port 0 --max-stages-per-api 100000000 --data-dir "$data_dir"
durable_url=$url durable_pid=$pid
moto_port=$(free_port)
taskset -c "$SERVER_CPU" "$venv/bin/moto_server" -H 127.0.0.1 -p "$moto_port" >/dev/null 2>&1 &
moto_pid=$!
pids+=("$moto_pid")
moto_url="http://127.0.0.1:$moto_port"
for _ in $(seq 100); do
    python3 -c "import socket; socket.create_connection(('127.0.0.1', $moto_port), 0.2)" 2>/dev/null && break
    sleep 0.1
done

load() {
    local label=$1 pid=$2 workload=$3 url=$4 spin=()
    [ "$SPIN" = 1 ] && spin=(--spin)
    taskset -c "$CLIENT_CPU" "$bin/load" "$workload" "$url" --seconds "$SECONDS_PER_PHASE" \
        --connections "$CONNECTIONS" --page "$PAGE" --label "$label" --server-pid "$pid" "${spin[@]}"
}

echo "load: $(uptime)"
echo "| round | server | workload | requests/s | p50 ms | p99 ms | server CPU µs/answer | client CPU µs/answer | client sleeps/answer | non-2xx | broken |"
echo "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for round in $(seq "$ROUNDS"); do
    {
        load "axum constant" "$axum_pid" get-stages "$axum_url"
        load "stages-api" "$ours_pid" get-stages "$ours_url"
        load "axum constant" "$axum_pid" create-stage "$axum_url"
        load "axum + serde decode" "$decode_pid" create-stage "$decode_url"
        load "stages-api" "$ours_pid" create-stage "$ours_url"
        load "stages-api --data-dir" "$durable_pid" create-stage "$durable_url"
        load "moto_server" "$moto_pid" get-stages "$moto_url"
        load "moto_server" "$moto_pid" create-stage "$moto_url"
    } | sed "s/^/| $round /"
done
echo "load: $(uptime)"
