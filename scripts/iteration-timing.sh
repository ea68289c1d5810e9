#!/usr/bin/env bash
# Seconds per iteration of the three solvers for p = 100 ... maxP (default 1600), m = 10pr, r = 5.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile
CP=target/classes:target/test-classes:$(mvn -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
exec java -Xmx12g --add-modules jdk.incubator.vector -cp "$CP" polynomialnetwork.bench.IterationTiming "${1:-1600}"
