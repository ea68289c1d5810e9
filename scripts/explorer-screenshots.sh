#!/usr/bin/env bash
# Starts the real Weka Explorer under Xvfb with the package installed offline into a temporary
# WEKA_HOME, loads test-data/cpu.arff, chooses PolynomialNetwork in the class chooser, opens its
# property sheet, runs it (10-fold CV), opens the result-list popup -> Plugins -> "PolynomialNetwork:
# network and training curve", and saves PNG screenshots of each step (scripts/gui/ExplorerScreenshots.java
# drives the Explorer's Swing components inside the same JVM; java.awt.Robot captures the screen).
# Fails if any step does not work, in particular if the trained model's output does not appear.
#
# Usage: scripts/explorer-screenshots.sh [--ci] [--rebuild] [output dir, default target/screenshots]
#   --ci       stop after the model output (screenshots 01-04), for CI
#   --rebuild  rebuild the package zip even if it exists
# Needs Xvfb (Debian: apt-get install xvfb) unless DISPLAY names a running X server and
# PN_USE_DISPLAY=1 is set.
set -euo pipefail
cd "$(dirname "$0")/.."

UPTO=all
REBUILD=0
OUT=target/screenshots
for a in "$@"; do
  case "$a" in
    --ci) UPTO=output ;;
    --rebuild) REBUILD=1 ;;
    -*) echo "usage: $0 [--ci] [--rebuild] [output dir]" >&2; exit 2 ;;
    *) OUT="$a" ;;
  esac
done
fail() { echo "EXPLORER SCREENSHOTS FAILED: $*" >&2; exit 1; }

VERSION=$(sed -n 's|^  <version>\(.*\)</version>.*|\1|p' pom.xml | head -1)
ZIP="target/polynomialNetwork-$VERSION.zip"
if [ "$REBUILD" = 1 ] || [ ! -f "$ZIP" ]; then
  mvn -B -q package -DskipTests
fi
[ -f "$ZIP" ] || fail "$ZIP was not built"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/pn-explorer.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
# Weka and its runtime dependencies only: our classes come from the package.
scripts/weka-classpath.sh "$WORK/cp.txt"
CP=$(cat "$WORK/cp.txt")
export WEKA_HOME="$WORK/wekahome"
JOPTS=(-Dweka.packageManager.offline=true
  -Dcom.github.fommil.netlib.BLAS=com.github.fommil.netlib.F2jBLAS
  -Dcom.github.fommil.netlib.LAPACK=com.github.fommil.netlib.F2jLAPACK
  -Dcom.github.fommil.netlib.ARPACK=com.github.fommil.netlib.F2jARPACK)

echo ">> installing $ZIP into WEKA_HOME=$WEKA_HOME"
java -Djava.awt.headless=true "${JOPTS[@]}" -cp "$CP" weka.core.WekaPackageManager -offline \
  -install-package "$ZIP" > "$WORK/install.log" 2>&1 || { cat "$WORK/install.log"; fail "install"; }

echo ">> compiling the Explorer driver"
mkdir -p "$WORK/driver"
javac -nowarn -cp "$CP" -d "$WORK/driver" scripts/gui/ExplorerScreenshots.java \
  || fail "compiling scripts/gui/ExplorerScreenshots.java"

mkdir -p "$OUT"
rm -f "$OUT"/0*.png "$OUT"/failure.png "$OUT"/output.txt
DATA="$WEKA_HOME/packages/polynomialNetwork/test-data/cpu.arff"
RUN=(java "${JOPTS[@]}" -Xmx1g -cp "$CP:$WORK/driver" ExplorerScreenshots "$OUT" "$DATA" "$UPTO")
echo ">> starting the Weka Explorer on $DATA"
if [ "${PN_USE_DISPLAY:-0}" = 1 ] && [ -n "${DISPLAY:-}" ]; then
  "${RUN[@]}"
else
  command -v xvfb-run >/dev/null || fail "xvfb-run not found (Debian: apt-get install xvfb)"
  xvfb-run -a -s "-screen 0 1200x820x24" "${RUN[@]}"
fi
grep -q '^=== Cross-validation ===' "$OUT/output.txt" || fail "no cross-validation in the output"
echo ">> screenshots in $OUT:"
ls -1 "$OUT"
