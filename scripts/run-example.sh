#!/usr/bin/env bash
# Builds the Weka package zip, installs it offline into a temporary WEKA_HOME and runs
# PolynomialNetwork by 10-fold cross-validation on a bundled dataset through Weka's own command
# line, printing the learned network (alpha and W by attribute) and the CV summary.
# Usage: scripts/run-example.sh [dataset.arff] [PolynomialNetwork options...]
#   default dataset: test-data/cpu.arff of the installed package
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=$(sed -n 's|^  <version>\(.*\)</version>.*|\1|p' pom.xml | head -1)
ZIP="target/polynomialNetwork-$VERSION.zip"
echo ">> building $ZIP" >&2
mvn -B -q package -DskipTests

WORK=$(mktemp -d "${TMPDIR:-/tmp}/pn-example.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
# Weka and its runtime dependencies only: our classes come from the package.
scripts/weka-classpath.sh "$WORK/cp.txt"
CP=$(cat "$WORK/cp.txt")
export WEKA_HOME="$WORK/wekahome"
JOPTS=(-Djava.awt.headless=true -Dweka.packageManager.offline=true
  -Dcom.github.fommil.netlib.BLAS=com.github.fommil.netlib.F2jBLAS
  -Dcom.github.fommil.netlib.LAPACK=com.github.fommil.netlib.F2jLAPACK
  -Dcom.github.fommil.netlib.ARPACK=com.github.fommil.netlib.F2jARPACK)

echo ">> installing into temporary WEKA_HOME=$WEKA_HOME" >&2
java "${JOPTS[@]}" -cp "$CP" weka.core.WekaPackageManager -offline -install-package "$ZIP" >&2
java "${JOPTS[@]}" -cp "$CP" weka.core.WekaPackageManager -offline -list-packages installed >&2

DATA="${1:-$WEKA_HOME/packages/polynomialNetwork/test-data/cpu.arff}"
shift || true
echo ">> weka.Run PolynomialNetwork $* -t $DATA   (10-fold cross-validation)" >&2
java "${JOPTS[@]}" -cp "$CP" weka.Run -no-scan weka.classifiers.functions.PolynomialNetwork \
  "$@" -t "$DATA"
