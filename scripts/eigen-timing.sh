#!/usr/bin/env bash
# Time and accuracy of the p×p symmetric eigendecomposition (hand-written, commons-math3, MTJ,
# LAPACK partial), default p = 100 400 800 1600; LAPACK in pure Java (F2J), one thread.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile
# the class path goes to a file: written to /dev/stdout it comes with Maven's colour codes
# glued to its first and last entries, which then do not load
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/test.classpath \
  -Dmdep.includeScope=test >&2
CP=target/classes:target/test-classes:$(cat target/test.classpath)
exec java -Xmx4g -Dcom.github.fommil.netlib.BLAS=com.github.fommil.netlib.F2jBLAS \
  -Dcom.github.fommil.netlib.LAPACK=com.github.fommil.netlib.F2jLAPACK \
  -Dcom.github.fommil.netlib.ARPACK=com.github.fommil.netlib.F2jARPACK \
  -cp "$CP" polynomialnetwork.engine.linalg.EigenTiming "$@"
