#!/usr/bin/env bash
# Clean build, dependencies included, of a crate that declares the Stages shapes with the derive
# (stages-model itself) against a crate with the same types and plain serde derives
# (bench/clean-build/serde-stages: serde with `derive`, serde_json and chrono with `serde`, the
# versions of the root Cargo.lock). Issue 10's figure.
#
# Each run builds each side from an empty target directory (`cargo build --timings`, dev
# profile, CARGO_INCREMENTAL=0, offline), alternating sides so that a change of load hits both;
# it prints every run's wall-clock seconds and CPU seconds (user + system of cargo and the
# compilers it ran), the medians and their ratios, then the critical path and the longest units
# of each side's last run (bench/clean_build_timings.py). On a shared machine, CPU seconds vary
# much less than wall-clock ones. The HTML reports are kept under $OUT (default: a fresh
# directory under /tmp, printed at the end).
#
# Usage: nice -n 10 bench/clean-build.sh               (RUNS=3 by default)
#        RUNS=5 SIDES="model serde runtime" FEATURES=regex bench/clean-build.sh
#   SIDES    any of: model (stages-model), serde (serde-stages), runtime (stages-runtime alone:
#            what a crate modelling another resource builds besides its own code)
#   FEATURES cargo features of stages-runtime for the model and runtime sides (e.g. `regex`)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${RUNS:-3}
SIDES=${SIDES:-model serde}
FEATURES=${FEATURES:-}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/clean-build.XXXXXX")
OUT=${OUT:-$WORK/timings}
trap 'rm -rf "$WORK"/target-* "$WORK/serde-stages"' EXIT
export CARGO_INCREMENTAL=0
mkdir -p "$OUT"

cp -r "$ROOT/bench/clean-build/serde-stages" "$WORK/serde-stages"
cp "$ROOT/Cargo.lock" "$WORK/serde-stages/Cargo.lock"

features() { [ -z "$FEATURES" ] || echo "--features stages-runtime/$FEATURES"; }

build() { # side
    local dir=$ROOT package=()
    case $1 in
    model) package=(-p stages-model $(features)) ;;
    runtime) package=(-p stages-runtime $(features)) ;;
    serde) dir=$WORK/serde-stages ;;
    *) echo "unknown side $1" >&2; exit 2 ;;
    esac
    rm -rf "$WORK/target-$1"
    (cd "$dir" && CARGO_TARGET_DIR="$WORK/target-$1" cargo build --offline --quiet --timings "${package[@]}")
}

measure() { # side: "wall cpu" seconds of a clean build
    local TIMEFORMAT='%R %U %S' times
    times=$( { time build "$1" >"$WORK/$1.log" 2>&1; } 2>&1 )
    echo "$times" | awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }'
}

median() {
    sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "clean builds, deps included, dev profile, $RUNS runs per side"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(rustc --version)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A walls cpus
for run in $(seq 1 "$RUNS"); do
    for side in $SIDES; do
        read -r wall cpu < <(measure "$side")
        walls[$side]="${walls[$side]:-} $wall"
        cpus[$side]="${cpus[$side]:-} $cpu"
        cp "$WORK/target-$side/cargo-timings/cargo-timing.html" "$OUT/$side-$run.html"
        printf 'run %d %-8s wall %6.2f s   cpu %6.2f s   (load %s)\n' "$run" "$side" "$wall" "$cpu" "$(cut -d' ' -f1 /proc/loadavg)"
    done
done
declare -A wall_median cpu_median
for side in $SIDES; do
    wall_median[$side]=$(echo "${walls[$side]}" | tr ' ' '\n' | grep . | median)
    cpu_median[$side]=$(echo "${cpus[$side]}" | tr ' ' '\n' | grep . | median)
    printf '%-8s wall:%s   median %.2f s\n' "$side" "${walls[$side]}" "${wall_median[$side]}"
    printf '%-8s cpu: %s   median %.2f s\n' "$side" "${cpus[$side]}" "${cpu_median[$side]}"
done
if [ -n "${wall_median[model]:-}" ] && [ -n "${wall_median[serde]:-}" ]; then
    printf 'ratio model/serde (medians): wall %.2fx, cpu %.2fx\n' \
        "$(echo "${wall_median[model]} / ${wall_median[serde]}" | bc -l)" \
        "$(echo "${cpu_median[model]} / ${cpu_median[serde]}" | bc -l)"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
for side in $SIDES; do
    echo
    echo "== $side, run $RUNS"
    python3 "$ROOT/bench/clean_build_timings.py" "$OUT/$side-$RUNS.html" 10
done
echo
echo "timing reports: $OUT"
