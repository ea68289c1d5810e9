#!/usr/bin/env bash
# Passes over the data per fit, by kind, on planted problems (r = 5, Weka defaults, 2 threads).
# Usage: scripts/pass-probe.sh [p m noise seed ...]      (default 200 20000 0 1 2 3)
#        PROBE_OPTS=-DheadSteps=0 scripts/pass-probe.sh  (AP-ROM's head at every step)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/test.classpath \
  -Dmdep.includeScope=test >&2
CP=target/classes:target/test-classes:$(cat target/test.classpath)
exec java -Xmx4g ${PROBE_OPTS:-} -Dcom.github.fommil.netlib.BLAS=com.github.fommil.netlib.F2jBLAS \
  -Dcom.github.fommil.netlib.LAPACK=com.github.fommil.netlib.F2jLAPACK \
  -Dcom.github.fommil.netlib.ARPACK=com.github.fommil.netlib.F2jARPACK \
  -cp "$CP" polynomialnetwork.bench.PassProbe "$@"
