#!/usr/bin/env bash
# Runs the saved Experimenter configuration doc/experimenter/compare-classifiers.xml with Weka's own
# command-line Experimenter and prints the corrected resampled t-test tables (PairedCorrectedTTester,
# 5 %) on percent correct and on the area under ROC (Weighted_avg_area_under_ROC: the class-weighted
# mean of the one-vs-rest AUCs, which for two classes is the AUC), baseline PolynomialNetwork
# (defaults), then the mean training seconds:
#
#   PolynomialNetwork (defaults) vs Logistic, SMO (PolyKernel -E 2, -M), MLPClassifier and
#   RandomForest, 10 x 10-fold CV on test-data/classification/*.arff
#
# The classification sibling of scripts/experimenter.sh, set up the same way: the package zip is
# installed offline into a temporary WEKA_HOME (weka.experiment.Experiment loads packages);
# MLPClassifier comes from the multiLayerPerceptrons jar (Maven, test scope) on the class path.
# Results: target/experimenter-classification/results.arff and experiment.log.
#
# Usage: scripts/experimenter-classification.sh [--runs N] [--rebuild] [--write-config]
#                                               [--results FILE]
#   --runs N        run N x 10-fold CV instead of the saved 10 (a copy of the config is changed)
#   --results FILE  run no experiment: print the tables of a results ARFF written before
#   --write-config  regenerate doc/experimenter/compare-classifiers.xml
#                   (ClassificationExperimenterConfig) and exit
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
RUNS=""
REBUILD=0
WRITE=0
ANALYSE=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift ;;
    --rebuild) REBUILD=1 ;;
    --write-config) WRITE=1 ;;
    --results) ANALYSE=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift ;;
    *) echo "usage: $0 [--runs N] [--rebuild] [--write-config] [--results FILE]" >&2; exit 2 ;;
  esac
  shift
done
fail() { echo "EXPERIMENTER FAILED: $*" >&2; exit 1; }
CONFIG=doc/experimenter/compare-classifiers.xml
GENERATOR=polynomialnetwork.weka.ClassificationExperimenterConfig
JOPTS=(-Djava.awt.headless=true -Dweka.packageManager.offline=true
  -Dcom.github.fommil.netlib.BLAS=com.github.fommil.netlib.F2jBLAS
  -Dcom.github.fommil.netlib.LAPACK=com.github.fommil.netlib.F2jLAPACK
  -Dcom.github.fommil.netlib.ARPACK=com.github.fommil.netlib.F2jARPACK)

WORK=$(mktemp -d "${TMPDIR:-/tmp}/pn-experimenter.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

if [ "$WRITE" = 1 ] || [ -n "$RUNS" ]; then
  # the generator (src/test/java/polynomialnetwork/weka/ClassificationExperimenterConfig.java)
  # needs the test class path
  mvn -B -q test-compile
  mvn -B -q dependency:build-classpath -Dmdep.outputFile="$WORK/testcp.txt" >/dev/null
  TESTCP="target/classes:target/test-classes:$(tr ':' '\n' < "$WORK/testcp.txt" | grep -v '\.pom$' | paste -sd:)"
  if [ "$WRITE" = 1 ]; then
    java "${JOPTS[@]}" -cp "$TESTCP" "$GENERATOR" "$CONFIG" 10
    exit 0
  fi
  java "${JOPTS[@]}" -cp "$TESTCP" "$GENERATOR" "$WORK/config.xml" "$RUNS" >/dev/null
  CONFIG="$WORK/config.xml"
fi
CONFIG=$(cd "$(dirname "$CONFIG")" && pwd)/$(basename "$CONFIG")

if [ -n "$ANALYSE" ]; then
  [ -s "$ANALYSE" ] || fail "no results file $ANALYSE"
  scripts/weka-classpath.sh "$WORK/cp.txt"
  CP=$(cat "$WORK/cp.txt")
  RESULTS=$ANALYSE
else
  VERSION=$(sed -n 's|^  <version>\(.*\)</version>.*|\1|p' pom.xml | head -1)
  ZIP="target/polynomialNetwork-$VERSION.zip"
  if [ "$REBUILD" = 1 ] || [ ! -f "$ZIP" ]; then
    mvn -B -q package -DskipTests
  fi
  scripts/weka-classpath.sh "$WORK/cp.txt"
  mvn -B -q dependency:build-classpath -DincludeArtifactIds=multiLayerPerceptrons \
    -Dmdep.outputFile="$WORK/mlp.txt" >/dev/null
  CP="$(cat "$WORK/cp.txt"):$(cat "$WORK/mlp.txt")"
  export WEKA_HOME="$WORK/wekahome"
  java "${JOPTS[@]}" -cp "$CP" weka.core.WekaPackageManager -offline -install-package "$ZIP" \
    > "$WORK/install.log" 2>&1 || { cat "$WORK/install.log"; fail "install"; }

  # the configuration names test-data/classification/*.arff and experimenter-results.arff relative
  # to the working directory
  mkdir -p "$WORK/run"
  ln -s "$REPO/test-data" "$WORK/run/test-data"
  echo ">> java weka.experiment.Experiment -l $CONFIG -r   (in a directory holding test-data/)"
  START=$(date +%s)
  (cd "$WORK/run" && java "${JOPTS[@]}" -cp "$CP" weka.experiment.Experiment -l "$CONFIG" -r) \
    > "$WORK/experiment.log" 2>&1 || { tail -30 "$WORK/experiment.log"; fail "the experiment failed"; }
  echo ">> experiment finished in $(( $(date +%s) - START )) s"
  RESULTS="$WORK/run/experimenter-results.arff"
  [ -s "$RESULTS" ] || { tail -30 "$WORK/experiment.log"; fail "no results file (see the log above)"; }
  OUT=target/experimenter-classification
  mkdir -p "$OUT"
  cp "$RESULTS" "$OUT/results.arff"
  cp "$WORK/experiment.log" "$OUT/experiment.log"
  RESULTS="$OUT/results.arff"
fi

col() { grep -i '^@attribute' "$RESULTS" | awk -v n="$1" '$2 == n { print NR; exit }'; }
ROWS=$(sed -n '/^@data/,$p' "$RESULTS" | tail -n +2 | grep -c .)
echo ">> $(sed -n '/^@data/,$p' "$RESULTS" | grep -c "PolynomialNetwork") PolynomialNetwork result rows of $ROWS"
TT=(java "${JOPTS[@]}" -cp "$CP" weka.experiment.PairedCorrectedTTester -t "$RESULTS"
  -D 1 -R 2 -F 3 -G 4,5,6 -b 1 -S 0.05)
for m in Percent_correct:2 Weighted_avg_area_under_ROC:4; do
  prec=${m#*:}
  m=${m%:*}
  c=$(col "$m")
  [ -n "$c" ] || fail "no $m column in the results"
  echo
  echo ">> corrected resampled t-test on $m (column $c), baseline PolynomialNetwork; v / * ="
  echo "   significantly higher (better) / lower (worse) than the baseline at 5 %:"
  "${TT[@]}" -c "$c" -V -result-matrix \
    "weka.experiment.ResultMatrixPlainText -mean-prec $prec -stddev-prec $prec -show-stddev -print-col-names -print-row-names -enum-col-names"
done
c=$(col Elapsed_Time_training)
echo
echo ">> Elapsed_Time_training, seconds per fold (column $c; the machine is shared, for orientation only):"
"${TT[@]}" -c "$c" -result-matrix \
  "weka.experiment.ResultMatrixPlainText -mean-prec 3 -print-col-names -print-row-names -enum-col-names -col-name-width 12" \
  2>&1 | awk '/^Dataset / { on = 1 } on && /^$/ { exit } on' || true
