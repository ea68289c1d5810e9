#!/usr/bin/env bash
# Multi-seed acceptance sweeps of the engine: 10 seeds per configuration.
# Usage: scripts/acceptance-sweep.sh [all|exact|small|noise|linear|kappa|nongauss|rank]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile
# the class path goes to a file: written to /dev/stdout it comes with Maven's colour codes
# glued to its first and last entries, which then do not load
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/test.classpath \
  -Dmdep.includeScope=test >&2
CP=target/classes:target/test-classes:$(cat target/test.classpath)
exec java -Xmx4g -cp "$CP" polynomialnetwork.bench.AcceptanceSweep "${1:-all}"
