#!/usr/bin/env bash
# 10 x 10-fold CV of PolynomialNetwork (defaults and -N 0) against LinearRegression,
# SMOreg and GaussianProcesses (PolyKernel -E 2 -L) and MLPRegressor (quadratic activation,
# N = 1..5) on test-data/, with the corrected resampled t-test. Usage: [runs, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile >&2
# (weka-stable pulls a pom-only netlib artifact; a .pom on the classpath breaks Weka's class
# discovery, hence the filter below)
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/real-data.cp >&2
exec java -Xmx4g -Djava.awt.headless=true -Dweka.packageManager.offline=true \
  -Dcom.github.fommil.netlib.BLAS=com.github.fommil.netlib.F2jBLAS \
  -Dcom.github.fommil.netlib.LAPACK=com.github.fommil.netlib.F2jLAPACK \
  -Dcom.github.fommil.netlib.ARPACK=com.github.fommil.netlib.F2jARPACK \
  -cp "target/classes:target/test-classes:$(tr ':' '\n' < target/real-data.cp | grep -v '\.pom$' | paste -sd:)" \
  polynomialnetwork.bench.peers.RealDataExperiment "${1:-10}"
