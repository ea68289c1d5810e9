#!/usr/bin/env bash
# Seconds per iteration of the three solvers for p = 100 ... maxP (default 1600), m = 10pr, r = 5.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile
# the class path goes to a file: written to /dev/stdout it comes with Maven's colour codes
# glued to its first and last entries, which then do not load
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/test.classpath \
  -Dmdep.includeScope=test >&2
CP=target/classes:target/test-classes:$(cat target/test.classpath)
exec java -Xmx12g --add-modules jdk.incubator.vector -cp "$CP" polynomialnetwork.bench.IterationTiming "${1:-1600}"
