#!/usr/bin/env bash
# GFLOP/s and GB/s of the fused data pass, portable and Vector API kernels, 1 and 2 threads.
# Usage: scripts/data-pass-benchmark.sh [m,p,k ...]   (default: 20000,500,10 100000,1000,20)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile
# the class path goes to a file: written to /dev/stdout it comes with Maven's colour codes
# glued to its first and last entries, which then do not load
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/test.classpath \
  -Dmdep.includeScope=test >&2
CP=target/classes:target/test-classes:$(cat target/test.classpath)
exec java -Xmx4g --add-modules jdk.incubator.vector -cp "$CP" polynomialnetwork.bench.DataPassBenchmark "$@"
