#!/usr/bin/env bash
# The scale run. m = 1 000 000, p = 100, r = 5 planted data (seeded, streamed to
# target/scale/ as ARFF, ~0.9 GB, not committed), trained through Weka's own command line
# (weka.Run, -Xmx8g, training only) under /usr/bin/time -v: wall time, maximum resident set size
# and peak Java heap (from a GC log). Then the same fit split into ARFF load and buildClassifier
# (polynomialnetwork.bench.peers.ScaleFit) to show where the time goes.
# Usage: scripts/scale-run.sh        (env: M=1000000 P=100 R=5 N=5 ITERS=30 HEAP=8g)
set -euo pipefail
cd "$(dirname "$0")/.."
M=${M:-1000000}; P=${P:-100}; R=${R:-5}; N=${N:-5}; ITERS=${ITERS:-30}; HEAP=${HEAP:-8g}

if [ ! -x /usr/bin/time ]; then
  echo ">> installing GNU time" >&2
  apt-get update -qq >&2 && apt-get install -y -qq time >&2
fi

mvn -q -B test-compile >&2
OUT=target/scale
mkdir -p "$OUT"
rm -f "$OUT"/gc-*.log*
# Weka and its runtime dependencies (what a user has), then our classes.
scripts/weka-classpath.sh "$OUT/weka.cp"
WEKACP="$(cat "$OUT/weka.cp"):target/classes"
JOPTS=(-Xmx"$HEAP" -Djava.awt.headless=true -Dweka.packageManager.offline=true
  --add-modules jdk.incubator.vector
  -Dcom.github.fommil.netlib.BLAS=com.github.fommil.netlib.F2jBLAS
  -Dcom.github.fommil.netlib.LAPACK=com.github.fommil.netlib.F2jLAPACK
  -Dcom.github.fommil.netlib.ARPACK=com.github.fommil.netlib.F2jARPACK)

DATA="$OUT/planted-p$P-r$R-m$M.arff"
if [ ! -s "$DATA" ]; then
  echo ">> generating $DATA" >&2
  java -cp "target/classes:target/test-classes:$WEKACP" \
    polynomialnetwork.bench.peers.PlantedArffStream "$DATA.tmp" "$M" "$P" "$R"
  mv "$DATA.tmp" "$DATA"
fi

# Peak heap from a GC log: the largest "used before GC" of any collection, and the heap in use
# at exit (after the last collection); the larger of the two is a lower bound on the true peak.
peak_heap() { # $1 = gc log
  awk '
    function mib(s,  u, v) { u = substr(s, length(s)); v = substr(s, 1, length(s) - 1) + 0;
      return u == "K" ? v / 1024 : u == "G" ? v * 1024 : v }
    /Pause|Full/ && match($0, /[0-9]+[KMG]->[0-9]+[KMG]\([0-9]+[KMG]\)/) {
      s = substr($0, RSTART, RLENGTH); split(s, a, /->|\(|\)/);
      b = mib(a[1]); f = mib(a[2]); if (b > maxb) maxb = b; if (f > maxa) maxa = f; n++ }
    /garbage-first heap/ && match($0, /used [0-9]+K/) { e = substr($0, RSTART + 5, RLENGTH - 6) / 1024 }
    END { pk = maxb > e ? maxb : e;
      printf "%d collections; max heap used before a GC %.0f MiB, max live after a GC %.0f MiB, used at exit %.0f MiB => peak heap >= %.2f GiB\n", n, maxb, maxa, e, pk / 1024 }' "$1"
}

field() { sed -n "s/^[[:space:]]*$1: //p" "$2"; }

echo "# Scale run"
echo
echo "- machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(java -version 2>&1 | head -1)"
echo "- commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo ' + uncommitted changes')"
echo "- data: $DATA, $(du -h "$DATA" | cut -f1), m = $M, p = $P, r = $R (seeded; y noiseless)"
echo

CMD=(java "${JOPTS[@]}" -Xlog:gc,gc+heap+exit:file="$OUT/gc-weka-run.log" -cp "$WEKACP"
  weka.Run -no-scan -no-load weka.classifiers.functions.PolynomialNetwork
  -t "$DATA" -no-cv -N "$N" -I "$ITERS")
echo "## 1. Through weka.Run (training only, -no-cv; Weka then also evaluates on the training set)"
echo
echo '```'
echo "/usr/bin/time -v java ${JOPTS[*]} -Xlog:gc,gc+heap+exit:file=$OUT/gc-weka-run.log \\"
echo "  -cp \$(cat $OUT/weka.cp):target/classes \\"
echo "  weka.Run -no-scan -no-load weka.classifiers.functions.PolynomialNetwork -t $DATA -no-cv -N $N -I $ITERS"
echo '```'
echo
/usr/bin/time -v -o "$OUT/time-weka-run.txt" "${CMD[@]}" > "$OUT/weka-run.out" 2> "$OUT/weka-run.err" || {
  echo "weka.Run FAILED:"; cat "$OUT/weka-run.err"; }
echo "Weka output (the per-attribute tables of w, v, beta, b left out; full output in $OUT/weka-run.out):"
echo
echo '```'
grep -Ev '^  x[0-9]+ ' "$OUT/weka-run.out"
echo '```'
echo
echo "- wall time: $(field 'Elapsed (wall clock) time (h:mm:ss or m:ss)' "$OUT/time-weka-run.txt") (user $(field 'User time (seconds)' "$OUT/time-weka-run.txt") s, system $(field 'System time (seconds)' "$OUT/time-weka-run.txt") s)"
echo "- maximum resident set size: $(field 'Maximum resident set size (kbytes)' "$OUT/time-weka-run.txt") kB"
echo "- peak Java heap (GC log $OUT/gc-weka-run.log): $(peak_heap "$OUT/gc-weka-run.log")"
echo

echo "## 2. Split: ARFF load vs buildClassifier (polynomialnetwork.bench.peers.ScaleFit, same JVM options)"
echo
echo '```'
echo "/usr/bin/time -v java ${JOPTS[*]} -Xlog:gc,gc+heap+exit:file=$OUT/gc-split.log \\"
echo "  -cp \$(cat $OUT/weka.cp):target/classes:target/test-classes \\"
echo "  polynomialnetwork.bench.peers.ScaleFit $DATA -N $N -I $ITERS"
echo '```'
echo
echo '```'
/usr/bin/time -v -o "$OUT/time-split.txt" java "${JOPTS[@]}" -Xlog:gc,gc+heap+exit:file="$OUT/gc-split.log" \
  -cp "$(cat "$OUT/weka.cp"):target/classes:target/test-classes" \
  polynomialnetwork.bench.peers.ScaleFit "$DATA" -N "$N" -I "$ITERS" 2> "$OUT/split.err" || {
  echo "ScaleFit FAILED:"; cat "$OUT/split.err"; }
echo '```'
echo
echo "- wall time: $(field 'Elapsed (wall clock) time (h:mm:ss or m:ss)' "$OUT/time-split.txt"), maximum resident set size: $(field 'Maximum resident set size (kbytes)' "$OUT/time-split.txt") kB"
echo "- peak Java heap (GC log): $(peak_heap "$OUT/gc-split.log")"
