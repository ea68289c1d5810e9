#!/usr/bin/env bash
# Machine ceiling for the data pass: the fused pass in C with AVX2/FMA intrinsics (scripts/c-reference/),
# one thread, untiled and tiled, to put DataPassBenchmark's Java numbers next to.
# Usage: scripts/c-reference-pass.sh [m p k]   (default 100000 1000 20). Needs gcc.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
gcc -O3 -mavx2 -mfma -o target/fused_pass scripts/c-reference/fused_pass.c
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); gcc $(gcc -dumpfullversion)"
echo
exec target/fused_pass "$@"
