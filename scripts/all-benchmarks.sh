#!/usr/bin/env bash
# Every benchmark, one after another, into one report (markdown on stdout, also saved to
# target/benchmarks/report-<date>.md): the data pass (with the C ceiling and the core's FMA peak
# beside it), seconds per iteration of EP-ROM / AP-ROM-BK / AP-ROM-MBK, the end-to-end comparison
# with Weka's peers, and the scale run. About 36 minutes on 2 cores (2141 s on 2026-11-23); not part of the tests.
# Usage: scripts/all-benchmarks.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/benchmarks
REPORT=target/benchmarks/report-$(date +%Y%m%d-%H%M).md
{
  echo "# polynomialNetwork benchmarks, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  for step in "scripts/data-pass-benchmark.sh" "scripts/c-reference-pass.sh" \
      "scripts/iteration-timing.sh 1600" \
      "scripts/peer-benchmark.sh --sizes 100x10000,200x20000 --schemes PN,MLP-2r,LR,SMOreg" \
      "scripts/scale-run.sh"; do
    echo
    echo "## \`$step\`"
    echo
    start=$(date +%s)
    # Maven's colour codes, its [INFO] lines and the JVM's incubator and netlib chatter are noise here.
    $step 2>&1 | sed -E 's/\x1b\[[0-9;]*m//g; s/^WARNING: Using incubator modules: jdk.incubator.vector//' \
      | grep -v -E '^\[(INFO|WARNING|ERROR)\]|^[A-Z][a-z]{2} [0-9]+, [0-9]{4} .*com\.github\.fommil|^(INFO|WARNING): Failed to load implementation'
    echo
    echo "($(( $(date +%s) - start )) s)"
  done
} | tee "$REPORT"
