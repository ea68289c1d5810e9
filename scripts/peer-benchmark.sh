#!/usr/bin/env bash
# Issue 5, part 3: PolynomialNetwork against Weka peers (MLPRegressor with a quadratic
# activation, LinearRegression, SMOreg with PolyKernel -E 2 -L) on planted data, in one JVM.
# Usage: scripts/peer-benchmark.sh [--sizes 100x10000,200x20000] [--r 5] [--test 2000]
#          [--cap 600] [--smo-always] [--no-shape-warm-up] [--repeats 3]
#          [--schemes PN,PN-1t,MLP-r,MLP-2r,LR,SMOreg]
# (a bare argument is taken as the scheme filter). Prints Markdown tables to stdout, progress to
# stderr. Takes ~20-30 minutes at the default sizes, mostly SMOreg's 10-minute cap.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile >&2
CPFILE=target/peer-benchmark.cp
mvn -q -B dependency:build-classpath -DincludeScope=test -Dmdep.outputFile="$CPFILE" >/dev/null
CP="target/classes:target/test-classes:$(cat "$CPFILE")"
JOPTS=(${PEER_JAVA_OPTS:-} -Xmx8g --add-modules jdk.incubator.vector -Djava.awt.headless=true
  -Dweka.packageManager.offline=true
  -Dcom.github.fommil.netlib.BLAS=com.github.fommil.netlib.F2jBLAS
  -Dcom.github.fommil.netlib.LAPACK=com.github.fommil.netlib.F2jLAPACK
  -Dcom.github.fommil.netlib.ARPACK=com.github.fommil.netlib.F2jARPACK)
MAIN=polynomialnetwork.bench.peers.PeerBenchmark
CMD="scripts/peer-benchmark.sh $*
  = java ${JOPTS[*]} -cp target/classes:target/test-classes:\$(cat $CPFILE) $MAIN $*"
GIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- src pom.xml 2>/dev/null || echo ' + uncommitted changes')"
exec java "${JOPTS[@]}" -Dbench.command="$CMD" -Dbench.git="$GIT" -cp "$CP" "$MAIN" "$@"
