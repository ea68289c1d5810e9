#!/usr/bin/env bash
# R x 10-fold CV of several schemes on ARFF files, with the corrected resampled t-test against
# the first scheme and a count of non-finite/absurd predictions (CvSweep). Usage:
#   scripts/cv-sweep.sh RUNS file1.arff[,file2.arff] "weka.classifiers.X -opts" ["..." ...]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile >&2
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/cv-sweep.cp >&2
exec java -Xmx4g ${CVSWEEP_OPTS:-} -Djava.awt.headless=true -Dweka.packageManager.offline=true \
  -Dcom.github.fommil.netlib.BLAS=com.github.fommil.netlib.F2jBLAS \
  -Dcom.github.fommil.netlib.LAPACK=com.github.fommil.netlib.F2jLAPACK \
  -Dcom.github.fommil.netlib.ARPACK=com.github.fommil.netlib.F2jARPACK \
  -cp "target/classes:target/test-classes:$(tr ':' '\n' < target/cv-sweep.cp | grep -v '\.pom$' | paste -sd:)" \
  polynomialnetwork.bench.peers.CvSweep "$@"
