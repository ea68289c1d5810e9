#!/usr/bin/env bash
# PolynomialNetwork against Weka peers, fair by construction: every scheme gets the same cores
# (PolynomialNetwork its default thread count = all cores; MLPRegressor -P and -E = cores), and
# every (size, scheme, repeat) runs in a fresh JVM started as Weka starts it -- plain
# `java -Xmx.. -cp <Weka + multiLayerPerceptrons + this package>` with the headless/netlib
# properties, no --add-modules, no -XX flags -- where one small warm-up fit (p = 20, m = 1000) is
# followed by the timed first fit at the size, then a few warm fits; the same again in JVMs started
# with --add-modules jdk.incubator.vector ("Vector API" columns). Ratios MLP/PN of the same run.
# Usage: scripts/peer-benchmark.sh [--sizes 100x10000,200x20000] [--r 5] [--test 5000]
#          [--repeats 3] [--warm 2] [--xmx 4g] [--schemes PN,MLP-2r,LR] [--cap 600]
#          [--smo-always] [--no-vector] [--profile] [--classification]
# Schemes: PN, PN-1t, MLP-r, MLP-2r, LR, SMOreg (SMOreg: plain JVM, one fit, killed after --cap s).
# (a bare argument is taken as the scheme filter). Markdown on stdout, progress on stderr.
# PEER_PN_OPTIONS=-validation,0 adds options to PolynomialNetwork (commas for spaces).
# --classification: planted two-class data (PlantedClassification, Bayes accuracy ~89 %), schemes
# PN and MLPC (MLPClassifier -N 6 -P cores -E cores), default size 30x20000, r = 3, warm-up at
# p = 10, m = 1000; test accuracy % instead of RRSE %.
# About 10 minutes at the defaults on 2 cores (MLPRegressor at p = 200, m = 20 000: ~20 s a fit).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile >&2
# The class path of a Weka user who installed multiLayerPerceptrons and this package: weka-stable
# and its run-time dependencies (scripts/weka-classpath.sh; no Spark), the multiLayerPerceptrons
# jar, this package's classes and its one run-time dependency (commons-math3), and the test classes
# (the benchmark program, the planted data, the Quadratic activation).
WEKA_CP=target/peer-benchmark-weka.cp
[ -s "$WEKA_CP" ] && [ "$WEKA_CP" -nt pom.xml ] || scripts/weka-classpath.sh "$PWD/$WEKA_CP"
DEPS=target/peer-benchmark-deps.cp
[ -s "$DEPS" ] && [ "$DEPS" -nt pom.xml ] || mvn -q -B dependency:build-classpath \
  -DincludeScope=test -Dmdep.outputFile="$PWD/$DEPS" >/dev/null
extra=$(tr ':' '\n' < "$DEPS" | grep -E '/(multiLayerPerceptrons|commons-math3)-[0-9.]+\.jar$' \
  | paste -sd: -)
CP="target/classes:target/test-classes:$extra:$(cat "$WEKA_CP")"
MAIN=polynomialnetwork.bench.peers.PeerBenchmark
# The driver only starts the child JVMs (with its own java and class path) and prints the tables.
CMD="scripts/peer-benchmark.sh $*"
GIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- src pom.xml 2>/dev/null || echo ' + uncommitted changes')"
exec java -Xmx256m -Djava.awt.headless=true ${PEER_PN_OPTIONS:+-Dpeer.pnOptions=$PEER_PN_OPTIONS} -Dbench.command="$CMD" -Dbench.git="$GIT" \
  -cp "$CP" "$MAIN" "$@"
