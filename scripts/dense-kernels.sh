#!/usr/bin/env bash
# The O(n·p²) kernels of EP-ROM / AP-ROM-BK on one row block (form G; x_iᵀGx_i): untiled,
# tiled, F2J BLAS; default p = 400 800 1600, one thread, Vector API kernel.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile
# the class path goes to a file: written to /dev/stdout it comes with Maven's colour codes
# glued to its first and last entries, which then do not load
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/test.classpath \
  -Dmdep.includeScope=test >&2
CP=target/classes:target/test-classes:$(cat target/test.classpath)
exec java -Xmx4g --add-modules jdk.incubator.vector -cp "$CP" polynomialnetwork.engine.objective.DenseKernelTiming "$@"
