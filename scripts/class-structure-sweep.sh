#!/usr/bin/env bash
# How the k class scores of the multinomial log-loss share structure (doc/algorithms.md §13):
# planted 3-class data (p = 20, r = 2, m = 20 000, 5 000 test rows) whose class networks have
# their own hidden weights or share them, fitted with the lifted rank R = r and R = k r.
# Usage: scripts/class-structure-sweep.sh [seeds]   (default 3; about 2 minutes per seed on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile >&2
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/test.classpath \
  -Dmdep.includeScope=test >&2
CP=target/classes:target/test-classes:$(cat target/test.classpath)
exec java -Xmx4g -cp "$CP" polynomialnetwork.bench.ClassStructureSweep "${1:-3}"
