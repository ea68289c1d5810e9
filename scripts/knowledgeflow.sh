#!/usr/bin/env bash
# Runs the example KnowledgeFlow doc/knowledgeflow/polynomialnetwork-cv.kf headless with Weka's
# weka.knowledgeflow.FlowRunner, the package installed offline into a temporary WEKA_HOME:
#   ArffLoader (test-data/cpu.arff) -> ClassAssigner -> CrossValidationFoldMaker (10 folds)
#   -> PolynomialNetwork -> ClassifierPerformanceEvaluator -> TextViewer (+ TextSaver)
# The flow reads ${user.dir}/test-data/cpu.arff and appends its text results to
# ${user.dir}/polynomialnetwork-kf-results.txt, so it runs in a scratch directory holding a link to
# test-data/. Prints the evaluation summary; fails if it is missing.
# Then the same flow on a nominal class, doc/knowledgeflow/polynomialnetwork-cv-classification.kf
# (test-data/classification/iris.arff): the evaluation must report the classification summary.
# Usage: scripts/knowledgeflow.sh [--rebuild]
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
fail() { echo "KNOWLEDGEFLOW FAILED: $*" >&2; exit 1; }
VERSION=$(sed -n 's|^  <version>\(.*\)</version>.*|\1|p' pom.xml | head -1)
ZIP="target/polynomialNetwork-$VERSION.zip"
if [ "${1:-}" = --rebuild ] || [ ! -f "$ZIP" ]; then
  mvn -B -q package -DskipTests
fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/pn-kf.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
scripts/weka-classpath.sh "$WORK/cp.txt"
CP=$(cat "$WORK/cp.txt")
export WEKA_HOME="$WORK/wekahome"
JOPTS=(-Djava.awt.headless=true -Dweka.packageManager.offline=true
  -Dcom.github.fommil.netlib.BLAS=com.github.fommil.netlib.F2jBLAS
  -Dcom.github.fommil.netlib.LAPACK=com.github.fommil.netlib.F2jLAPACK
  -Dcom.github.fommil.netlib.ARPACK=com.github.fommil.netlib.F2jARPACK)
java "${JOPTS[@]}" -cp "$CP" weka.core.WekaPackageManager -offline -install-package "$ZIP" \
  > "$WORK/install.log" 2>&1 || { cat "$WORK/install.log"; fail "install"; }

mkdir -p "$WORK/run"
ln -s "$REPO/test-data" "$WORK/run/test-data"
FLOW="$REPO/doc/knowledgeflow/polynomialnetwork-cv.kf"
echo ">> java weka.knowledgeflow.FlowRunner $FLOW"
START=$(date +%s)
(cd "$WORK/run" && java "${JOPTS[@]}" -cp "$CP" weka.knowledgeflow.FlowRunner "$FLOW") \
  > "$WORK/flow.log" 2>&1 || { cat "$WORK/flow.log"; fail "FlowRunner exited with an error"; }
if grep -q '\[ERROR\]' "$WORK/flow.log"; then cat "$WORK/flow.log"; fail "the flow logged an error"; fi
OUT="$WORK/run/polynomialnetwork-kf-results.txt"
[ -s "$OUT" ] || { cat "$WORK/flow.log"; fail "no results written by the flow"; }
MODELS=$(grep -c '^=== Classifier model ===' "$OUT" || true)
echo ">> flow finished in $(( $(date +%s) - START )) s: $MODELS fold models (PolynomialNetwork text), evaluation:"
sed -n '/^=== Evaluation result ===/,$p' "$OUT"
grep -q '^Scheme: PolynomialNetwork' "$OUT" || fail "no PolynomialNetwork evaluation in the results"
grep -q '^Root relative squared error' "$OUT" || fail "no RRSE in the evaluation"
[ "$MODELS" -ge 10 ] || fail "expected a model for each of the 10 folds, got $MODELS"
mkdir -p target/knowledgeflow
cp "$OUT" "$WORK/flow.log" target/knowledgeflow/

FLOW="$REPO/doc/knowledgeflow/polynomialnetwork-cv-classification.kf"
echo ">> java weka.knowledgeflow.FlowRunner $FLOW"
(cd "$WORK/run" && java "${JOPTS[@]}" -cp "$CP" weka.knowledgeflow.FlowRunner "$FLOW") \
  > "$WORK/flow-classification.log" 2>&1 \
  || { cat "$WORK/flow-classification.log"; fail "FlowRunner exited with an error (nominal class)"; }
if grep -q '\[ERROR\]' "$WORK/flow-classification.log"; then
  cat "$WORK/flow-classification.log"; fail "the nominal-class flow logged an error"
fi
OUT="$WORK/run/polynomialnetwork-kf-classification-results.txt"
[ -s "$OUT" ] || { cat "$WORK/flow-classification.log"; fail "no results written by the nominal-class flow"; }
MODELS=$(grep -c '^=== Classifier model ===' "$OUT" || true)
echo ">> nominal class: $MODELS fold models, evaluation:"
sed -n '/^=== Evaluation result ===/,$p' "$OUT" | head -20
grep -q '^Correctly Classified Instances' "$OUT" || fail "no classification summary for the nominal class"
grep -q 'P(class = c | z)' "$OUT" || fail "the fold models are not classifiers' reports"
[ "$MODELS" -ge 10 ] || fail "expected a model for each of the 10 folds, got $MODELS"
cp "$OUT" "$WORK/flow-classification.log" target/knowledgeflow/
