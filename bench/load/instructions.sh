#!/usr/bin/env bash
# Instructions per answer of stages-api (user space, system calls not counted) for one load
# workload: the server runs under callgrind with counting off, counting is switched on just
# before `load` runs SECONDS of WORKLOAD and dumped right after; answers are counted from the
# access log. Deterministic to within ~0.2% between runs, unlike wall-clock on a shared machine.
#
#   bash bench/load/instructions.sh [create-stage|get-stages] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
workload="${1:-create-stage}"
seconds="${2:-4}"
cargo build --quiet --release -p stages-api
cargo build --quiet --release -p stages-bench --bin load
work="$(mktemp -d)"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$work/out.%p" \
    target/release/stages-api --port "$port" --max-stages-per-api 100000000 \
    >/dev/null 2>"$work/log" &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
    python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null && break
    sleep 0.2
done
callgrind_control -i on "$pid" >/dev/null 2>&1
target/release/load "$workload" "http://127.0.0.1:$port" --seconds "$seconds" --connections 16 --label stages-api
callgrind_control -d "$pid" >/dev/null 2>&1
kill "$pid"
wait "$pid" 2>/dev/null || true
case "$workload" in
    create-stage) pattern='^POST /v2/apis/[^ ]*/stages 2' ;;
    get-stages) pattern='^GET /v2/apis/[^ ]*/stages' ;;
    *) echo "unknown workload $workload" >&2; exit 2 ;;
esac
answers=$(grep -c "$pattern" "$work/log" || true)
if [ "$answers" = 0 ]; then
    echo "no $workload answer in the access log; the server said:" >&2
    tail -n 5 "$work/log" >&2
    exit 1
fi
total=$(callgrind_annotate "$(ls "$work"/out.*.1)" 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}')
echo "$workload: $answers answers, $((total / answers)) instructions per answer"
