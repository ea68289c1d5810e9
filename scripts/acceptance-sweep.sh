#!/usr/bin/env bash
# Multi-seed acceptance sweeps of the engine: 10 seeds per configuration.
# Usage: scripts/acceptance-sweep.sh [all|exact|small|noise|linear|kappa|nongauss|rank]
#        scripts/acceptance-sweep.sh classification   (not part of "all"; also the single parts
#          classification-table, classification-boundary, classification-scale,
#          classification-probe; -Dsweep.seeds / -Dsweep.scale / -Dsweep.probe via SWEEP_OPTS)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile
# the class path goes to a file: written to /dev/stdout it comes with Maven's colour codes
# glued to its first and last entries, which then do not load
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/test.classpath \
  -Dmdep.includeScope=test >&2
CP=target/classes:target/test-classes:$(cat target/test.classpath)
exec java -Xmx4g ${SWEEP_OPTS:-} -cp "$CP" polynomialnetwork.bench.AcceptanceSweep "${1:-all}"
