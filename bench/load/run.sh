#!/usr/bin/env bash
# Loads the stages-api service (in memory, and with --data-dir: every change on disk before it is
# answered) and moto_server (the emulator most people use) in one run, on 127.0.0.1 only, for at
# most 3 x 2 x SECONDS seconds of load (default 5 s per phase: 30 s).
# Installs moto[server] into a virtual environment under target/. Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_PHASE=${SECONDS_PER_PHASE:-5}
WORKERS=${WORKERS:-4}
venv=target/load-venv
bash bench/load/moto-venv.sh "$venv"
cargo build --quiet --release -p stages-api

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
ours_port=$(free_port)
durable_port=$(free_port)
moto_port=$(free_port)
data_dir=target/load-data
rm -rf "$data_dir"
# The load creates thousands of stages on one API: raise the stages-per-API quota (AWS: 10).
target/release/stages-api --port "$ours_port" --max-stages-per-api 10000000 \
    >/dev/null 2>target/load-stages-api.log &
ours=$!
target/release/stages-api --port "$durable_port" --max-stages-per-api 10000000 --data-dir "$data_dir" \
    >/dev/null 2>target/load-stages-api-durable.log &
durable=$!
"$venv/bin/moto_server" -H 127.0.0.1 -p "$moto_port" >target/load-moto.log 2>&1 &
moto=$!
trap 'kill $ours $durable $moto 2>/dev/null || true; wait 2>/dev/null || true' EXIT
for port in "$ours_port" "$durable_port" "$moto_port"; do
    for _ in $(seq 100); do
        python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null && break
        sleep 0.1
    done
done
python3 bench/load/load.py --seconds "$SECONDS_PER_PHASE" --workers "$WORKERS" \
    "stages-api=http://127.0.0.1:$ours_port" \
    "stages-api --data-dir=http://127.0.0.1:$durable_port" \
    "moto_server=http://127.0.0.1:$moto_port"
