#!/usr/bin/env bash
# End-to-end test of the Weka package zip, as a Weka user would meet it:
#   1. build target/polynomialNetwork-<version>.zip (unless it is there already; --rebuild forces it)
#   2. install it offline into a fresh temporary WEKA_HOME with Weka's package manager
#   3. check it is listed as installed and loaded
#   4. 10-fold CV through weka.Run on the installed test-data/cpu.arff, every solver
#   5. train/test on the planted pair, every solver: test RRSE must be < 0.01 %
#   6. save a model (-d), reload it in a new JVM (-l ... -T ...): identical predictions and summary;
#      the same for a nominal class (iris): identical class distributions
#   7. -package-info archive / installed; PluginManager.props installed
#   8. uninstall (gone from the list, class no longer loads), reinstall (listed, loaded, trains,
#      NetworkPictureWriter draws the saved model), uninstall again
# Weka runs from weka-stable and its runtime dependencies only: our jar is not on the class path,
# so the classifier must come from the package, and it must need nothing Weka lacks.
# Exits non-zero on any failure. Usage: scripts/e2e-package.sh [--rebuild] [--keep]
set -euo pipefail
cd "$(dirname "$0")/.."

REBUILD=0
KEEP=0
for a in "$@"; do
  case "$a" in
    --rebuild) REBUILD=1 ;;
    --keep) KEEP=1 ;;
    *) echo "usage: $0 [--rebuild] [--keep]" >&2; exit 2 ;;
  esac
done

fail() { echo "E2E FAILED: $*" >&2; exit 1; }
step() { echo; echo "=== e2e: $*"; }

VERSION=$(sed -n 's|^  <version>\(.*\)</version>.*|\1|p' pom.xml | head -1)
[ -n "$VERSION" ] || fail "cannot read the project version from pom.xml"
ZIP="target/polynomialNetwork-$VERSION.zip"

step "package zip $ZIP"
if [ "$REBUILD" = 1 ] || [ ! -f "$ZIP" ]; then
  mvn -B -q package -DskipTests
fi
[ -f "$ZIP" ] || fail "$ZIP was not built"
LISTING=$(unzip -l "$ZIP")
grep -q ' polynomialNetwork.jar$' <<<"$LISTING" || fail "no polynomialNetwork.jar at the zip root"
grep -q ' Description.props$' <<<"$LISTING" || fail "no Description.props at the zip root"
if grep -q ' lib/.*\.jar$' <<<"$LISTING"; then fail "jars in lib/: the package needs none beyond Weka"; fi
grep -q "^Version=$VERSION\$" <<<"$(unzip -p "$ZIP" Description.props)" || fail "Description.props Version is not $VERSION"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/pn-e2e.XXXXXX")
cleanup() { if [ "$KEEP" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi; }
trap cleanup EXIT

step "class path: weka-stable and its runtime dependencies, without our jar"
scripts/weka-classpath.sh "$WORK/cp.txt"
CP=$(cat "$WORK/cp.txt")
case ":$CP:" in *weka-stable-*.jar*) ;; *) fail "weka-stable is not on the class path" ;; esac
if tr ':' '\n' <<<"$CP" | grep -E 'commons-math3|polynomialNetwork|target/classes'; then
  fail "the class path must not contain our classes or commons-math3 (the package must not need it)"
fi
echo "$(tr ':' '\n' <<<"$CP" | wc -l) jars"

export WEKA_HOME="$WORK/wekahome"
mkdir -p "$WEKA_HOME"
JOPTS=(-Djava.awt.headless=true -Dweka.packageManager.offline=true
  -Dcom.github.fommil.netlib.BLAS=com.github.fommil.netlib.F2jBLAS
  -Dcom.github.fommil.netlib.LAPACK=com.github.fommil.netlib.F2jLAPACK
  -Dcom.github.fommil.netlib.ARPACK=com.github.fommil.netlib.F2jARPACK)
pm() { java "${JOPTS[@]}" -cp "$CP" weka.core.WekaPackageManager -offline "$@"; }
run() { java "${JOPTS[@]}" -cp "$CP" weka.Run -no-scan weka.classifiers.functions.PolynomialNetwork "$@"; }

step "install offline into WEKA_HOME=$WEKA_HOME"
pm -install-package "$ZIP" > "$WORK/install.log" 2>&1 || { cat "$WORK/install.log"; fail "install"; }
grep -F '**** Special installation message ****' "$WORK/install.log" >/dev/null \
  || fail "no installation message"
PKG="$WEKA_HOME/packages/polynomialNetwork"
[ -f "$PKG/polynomialNetwork.jar" ] && [ -f "$PKG/Description.props" ] \
  || fail "package files missing in $PKG"

step "listed as installed and loaded"
pm -list-packages installed | tee "$WORK/list.txt"
grep -E "^$VERSION[[:space:]]+.*[[:space:]]Yes[[:space:]]+polynomialNetwork:" "$WORK/list.txt" >/dev/null \
  || fail "polynomialNetwork $VERSION is not listed as installed and loaded"

DATA="$PKG/test-data"

step "10-fold CV on the installed test-data/cpu.arff, every solver"
for s in EP-ROM AP-ROM-BK AP-ROM-MBK; do
  run -solver "$s" -t "$DATA/cpu.arff" > "$WORK/cv-$s.txt" 2> "$WORK/cv-$s.err" \
    || { cat "$WORK/cv-$s.txt" "$WORK/cv-$s.err"; fail "10-fold CV with $s"; }
  grep -q '^=== Stratified cross-validation ===\|^=== Cross-validation ===' "$WORK/cv-$s.txt" \
    || fail "$s: no cross-validation section"
  grep -q "^Solver: $s" "$WORK/cv-$s.txt" || fail "$s: the model output does not name the solver"
  grep -q '^  unit 1: alpha = ' "$WORK/cv-$s.txt" || fail "$s: alpha and W not printed"
  grep -q '^  column .* w_1 ' "$WORK/cv-$s.txt" || fail "$s: weight table not printed"
  if java -XshowSettings:properties -version 2>&1 | grep -qE 'java.specification.version = (1[6-9]|[2-9][0-9])'; then
    # Weka starts Java without jdk.incubator.vector: the model output says how to switch it on
    grep -q '^Speed: this fit ran on the portable kernel' "$WORK/cv-$s.txt" \
      || fail "$s: no hint on the Vector API kernel in the model output"
  fi
  echo "$s: $(sed -n '/=== Cross-validation ===/,$p' "$WORK/cv-$s.txt" \
    | grep -E '^(Correlation|Root mean|Root relative)' | tr -s ' ' | paste -sd ';' -)"
done

step "planted train/test pair, every solver: test RRSE < 0.01 %"
for s in EP-ROM AP-ROM-BK AP-ROM-MBK; do
  run -solver "$s" -t "$DATA/planted-p20-r3-train.arff" -T "$DATA/planted-p20-r3-test.arff" \
    > "$WORK/planted-$s.txt" 2> "$WORK/planted-$s.err" \
    || { cat "$WORK/planted-$s.txt" "$WORK/planted-$s.err"; fail "planted with $s"; }
  RRSE=$(sed -n '/=== Error on test data ===/,$p' "$WORK/planted-$s.txt" \
    | sed -n 's/^Root relative squared error *\([0-9.eE+-]*\) *%.*/\1/p' | head -1)
  [ -n "$RRSE" ] || fail "$s: no test RRSE in the output"
  awk -v v="$RRSE" 'BEGIN { exit !(v < 0.01) }' || fail "$s: test RRSE $RRSE % is not < 0.01 %"
  echo "$s: test RRSE $RRSE %"
done

step "save (-d) and reload (-l) in a new JVM: identical predictions and summary"
PRED="weka.classifiers.evaluation.output.prediction.CSV -decimals 16"
run -t "$DATA/cpu.with.vendor.arff" -T "$DATA/cpu.with.vendor.arff" -d "$WORK/pn.model" \
  -classifications "$PRED -file $WORK/pred-trained.csv" > "$WORK/trained.txt" 2>&1 \
  || { cat "$WORK/trained.txt"; fail "training and saving the model"; }
[ -s "$WORK/pn.model" ] || fail "no model file written"
run -l "$WORK/pn.model" -T "$DATA/cpu.with.vendor.arff" \
  -classifications "$PRED -file $WORK/pred-loaded.csv" > "$WORK/loaded.txt" 2>&1 \
  || { cat "$WORK/loaded.txt"; fail "loading the model"; }
[ "$(wc -l < "$WORK/pred-trained.csv")" -gt 200 ] || fail "too few predictions written"
cmp "$WORK/pred-trained.csv" "$WORK/pred-loaded.csv" || fail "predictions of the reloaded model differ"
diff <(grep -v -i 'time taken' "$WORK/trained.txt") <(grep -v -i 'time taken' "$WORK/loaded.txt") \
  || fail "prediction output of the trained and reloaded model differs"
# (-classifications suppresses the summary: compare the summaries in two more runs)
run -t "$DATA/cpu.with.vendor.arff" -T "$DATA/cpu.with.vendor.arff" > "$WORK/trained-summary.txt" 2>&1 \
  || { cat "$WORK/trained-summary.txt"; fail "training for the summary"; }
run -l "$WORK/pn.model" -T "$DATA/cpu.with.vendor.arff" > "$WORK/loaded-summary.txt" 2>&1 \
  || { cat "$WORK/loaded-summary.txt"; fail "loading the model for the summary"; }
# (a loaded model has no training-set priors, so Weka prints no relative errors: compare the rest)
summary() {
  sed -n '/=== Error on test data ===/,$p' "$1" \
    | grep -E '^(Correlation coefficient|Mean absolute error|Root mean squared error|Total Number)' \
    || true
}
S_TRAINED=$(summary "$WORK/trained-summary.txt")
S_LOADED=$(summary "$WORK/loaded-summary.txt")
[ "$(grep -c . <<<"$S_LOADED")" = 4 ] || fail "incomplete test summary after reloading: $S_LOADED"
[ "$S_TRAINED" = "$S_LOADED" ] || fail "test summaries differ:
$S_TRAINED
---
$S_LOADED"
echo "$S_LOADED"
echo "$(grep -c "^[0-9]" "$WORK/pred-loaded.csv") predictions identical; summary identical"

step "nominal class: save (-d) and reload (-l) in a new JVM: identical class distributions"
IRIS="$DATA/classification/iris.arff"
[ -s "$IRIS" ] || fail "no $IRIS in the package"
DIST="weka.classifiers.evaluation.output.prediction.CSV -decimals 16 -distribution"
run -t "$IRIS" -T "$IRIS" -d "$WORK/pn-nominal.model" \
  -classifications "$DIST -file $WORK/dist-trained.csv" > "$WORK/nominal-trained.txt" 2>&1 \
  || { cat "$WORK/nominal-trained.txt"; fail "training a nominal-class model"; }
run -l "$WORK/pn-nominal.model" -T "$IRIS" \
  -classifications "$DIST -file $WORK/dist-loaded.csv" > "$WORK/nominal-loaded.txt" 2>&1 \
  || { cat "$WORK/nominal-loaded.txt"; fail "loading the nominal-class model"; }
[ "$(grep -c "^[0-9]" "$WORK/dist-loaded.csv")" = 150 ] || fail "expected 150 distributions"
cmp "$WORK/dist-trained.csv" "$WORK/dist-loaded.csv" \
  || fail "class distributions of the reloaded nominal-class model differ"
echo "150 class distributions identical after reloading"

step "package info from the archive and of the installed package"
pm -package-info archive "$ZIP" > "$WORK/info-archive.txt" 2>&1 || { cat "$WORK/info-archive.txt"; fail "-package-info archive"; }
grep -v -E 'netlib|^WARNING|^[A-Z][a-z]{2} [0-9]+, ' "$WORK/info-archive.txt"
for key in PackageName Version Title Description Maintainer License PackageURL Depends; do
  grep -Eq "^ *$key:" "$WORK/info-archive.txt" || fail "-package-info archive lacks $key"
done
grep -q 'example.org' "$WORK/info-archive.txt" && fail "placeholder address in Description.props"
pm -package-info installed polynomialNetwork > "$WORK/info-installed.txt" 2>&1 \
  || fail "-package-info installed"
grep -q "^ *Version:.*$VERSION" "$WORK/info-installed.txt" || fail "installed package info lacks the version"
grep -q 'weka.gui.visualize.plugins.VisualizePlugin=polynomialnetwork.weka.NetworkPicturePlugin' \
  "$PKG/PluginManager.props" || fail "PluginManager.props (Explorer plugin) not installed"

step "uninstall"
pm -uninstall-package polynomialNetwork > "$WORK/uninstall.log" 2>&1 || fail "uninstall"
[ ! -d "$PKG" ] || fail "package directory left after uninstall"
pm -list-packages installed > "$WORK/list-after-uninstall.txt" 2>&1 || true
if grep -q 'polynomialNetwork:' "$WORK/list-after-uninstall.txt"; then
  fail "still listed after uninstall"
fi
# (the repository's copy of the data: the package's copy went with the package)
# (weka.Run says "... is not runnable!" and exits 0 when it cannot load the class)
run -t test-data/cpu.arff -no-cv > "$WORK/after-uninstall.txt" 2>&1 || true
if grep -q 'unit 1: alpha = ' "$WORK/after-uninstall.txt"; then
  fail "the classifier still runs after uninstall"
fi
grep -q 'PolynomialNetwork is not runnable' "$WORK/after-uninstall.txt" \
  || { cat "$WORK/after-uninstall.txt"; fail "unexpected output after uninstall"; }
echo "not listed and not loadable after uninstall"

step "reinstall from the zip: listed, loaded, runs"
pm -install-package "$ZIP" > "$WORK/reinstall.log" 2>&1 || { cat "$WORK/reinstall.log"; fail "reinstall"; }
pm -list-packages installed > "$WORK/list2.txt"
grep -E "^$VERSION[[:space:]]+.*[[:space:]]Yes[[:space:]]+polynomialNetwork:" "$WORK/list2.txt" >/dev/null \
  || { cat "$WORK/list2.txt"; fail "not listed as installed and loaded after reinstalling"; }
run -t "$DATA/cpu.arff" -no-cv > "$WORK/reinstalled.txt" 2>&1 || { cat "$WORK/reinstalled.txt"; fail "run after reinstall"; }
grep -q '^  unit 1: alpha = ' "$WORK/reinstalled.txt" || fail "no model output after reinstall"
java "${JOPTS[@]}" -cp "$CP" weka.Run -no-scan polynomialnetwork.weka.NetworkPictureWriter \
  -l "$WORK/pn.model" -o "$WORK/pn.png" > "$WORK/picture.txt" 2>&1 \
  || { cat "$WORK/picture.txt"; fail "NetworkPictureWriter from the package"; }
[ "$(head -c 4 "$WORK/pn.png" | od -An -c | tr -d ' ')" = '211PNG' ] || fail "no PNG written"
echo "reinstalled: listed, loaded, trains, writes the picture of a saved model ($(wc -c < "$WORK/pn.png") bytes)"
pm -uninstall-package polynomialNetwork > "$WORK/uninstall2.log" 2>&1 || fail "second uninstall"
[ ! -d "$PKG" ] || fail "package directory left after the second uninstall"

echo
echo "E2E PASSED"
