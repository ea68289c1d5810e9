#!/usr/bin/env bash
# Seconds per iteration (min and median over the iterations after the first) of EP-ROM,
# AP-ROM-BK and AP-ROM-MBK at the given p, m = 10pr, r = 5.
# Usage: scripts/dense-iteration-timing.sh [threads] [iterations] [p ...]  (default 1 3 800 1600)
set -euo pipefail
cd "$(dirname "$0")/.."
THREADS=${1:-1}
ITERS=${2:-3}
shift $(( $# < 2 ? $# : 2 ))
if [ $# -eq 0 ]; then set -- 800 1600; fi
mvn -q -B test-compile
# the class path goes to a file: written to /dev/stdout it comes with Maven's colour codes
# glued to its first and last entries, which then do not load
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/test.classpath \
  -Dmdep.includeScope=test >&2
CP=target/classes:target/test-classes:$(cat target/test.classpath)
exec java -Xmx12g --add-modules jdk.incubator.vector -cp "$CP" \
  polynomialnetwork.bench.DenseIterationTiming "$THREADS" "$ITERS" "$@"
