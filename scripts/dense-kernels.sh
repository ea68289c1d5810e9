#!/usr/bin/env bash
# The O(n·p²) kernels of EP-ROM / AP-ROM-BK on one row block (form G; x_iᵀGx_i): untiled,
# tiled, F2J BLAS; default p = 400 800 1600, one thread, Vector API kernel.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile
CP=target/classes:target/test-classes:$(mvn -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
exec java -Xmx4g --add-modules jdk.incubator.vector -cp "$CP" polynomialnetwork.engine.objective.DenseKernelTiming "$@"
