#!/usr/bin/env bash
# Runs each fuzz target for SECONDS (default 60) one after another, from the committed seeds.
#
#   fuzz/run.sh [SECONDS] [TARGET...]
#
# Installs cargo-fuzz if it is missing. Only a stable toolchain is needed: RUSTC_BOOTSTRAP=1 lets
# it take the -Z flags cargo-fuzz passes. What a target finds is written to
# fuzz/artifacts/TARGET/ and the script exits non-zero; new inputs go to fuzz/corpus/TARGET/
# (not committed). FUZZ_SANITIZER=address turns AddressSanitizer on (off by default: the only
# unsafe code is ByteClass's SSSE3/AVX2 test, whose intrinsics read no memory, and the sanitizer
# cuts the executions per second several times over; run `byte_class` under it now and then).
set -euo pipefail

seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(create_stage_input stage stages byte_class)
fi
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"

if ! cargo fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked
fi
export RUSTC_BOOTSTRAP=1
sanitizer="${FUZZ_SANITIZER:-none}"

for target in "${targets[@]}"; do
    mkdir -p "corpus/$target"
    echo "== $target for ${seconds}s"
    cargo fuzz run --sanitizer "$sanitizer" --debug-assertions "$target" \
        "corpus/$target" "seeds/$target" -- \
        -max_total_time="$seconds" -timeout=10 -max_len=16384 -dict=json.dict \
        -print_final_stats=1
done
