#!/usr/bin/env bash
# Spark at scale against the in-memory engine, measured in one run on this machine.
#   1. m = 10^7, p = 50, r = 5 planted rows (Gaussian x, linear term, noise 0.01, seeded) written
#      as Parquet by Spark local[2] (polynomialnetwork.spark.ScaleRun generate) to a temporary
#      folder (~4 GB; free disk is checked first; the folder is removed at the end).
#   2. TrainOnSpark on it, plain java, local[2], -Xmx$HEAP: wall time, seconds / passes / Spark
#      jobs per iteration, peak memory (/usr/bin/time -v max RSS, VmHWM polled, GC log).
#   3. The same rows regenerated into the in-memory engine, same JVM options and budget, fitted by
#      the classifier's own path (PolynomialNetwork.buildClassifier(converter, ThreadedRowBlocks,
#      ...), ScaleRun inmemory) with the same PolynomialNetwork options.
#   4. A table of both, and the ratio Spark / in-memory of the time per iteration, with the CPU
#      seconds each fit used and its share of the 2 cores (other load on the machine shows there),
#      the load average, and Spark's per-job durations from its event log.
# About 9 minutes on an idle 2-core machine (20 minutes when another build competed for the CPU).
# Every java process is started and stopped here by its PID; each has a deadline.
# Usage: scripts/spark-scale.sh
#   env: M=10000000 P=50 R=5 SEED=1 NOISE=0.01 FILES=40 PARTITIONS=4 HEAP=10g
#        OPTIONS="-N 5 -validation 0 -I 10 -S 1"  GEN_TIMEOUT=900 SPARK_TIMEOUT=2100
#        MEM_TIMEOUT=1200  SCALE_TMP=/tmp (parent of the temporary folder)  KEEP_TMP=0
# Logs and the table are kept in target/spark-scale/.
set -euo pipefail
cd "$(dirname "$0")/.."

M=${M:-10000000}; P=${P:-50}; R=${R:-5}; SEED=${SEED:-1}; NOISE=${NOISE:-0.01}
FILES=${FILES:-40}; PARTITIONS=${PARTITIONS:-4}; HEAP=${HEAP:-10g}
OPTIONS=${OPTIONS:-"-N 5 -validation 0 -I 10 -S 1"}
GEN_TIMEOUT=${GEN_TIMEOUT:-900}; SPARK_TIMEOUT=${SPARK_TIMEOUT:-2100}; MEM_TIMEOUT=${MEM_TIMEOUT:-1200}
read -r -a WEKA_OPTS <<< "$OPTIONS"

OUT=target/spark-scale
mkdir -p "$OUT"
rm -f "$OUT"/*.log "$OUT"/*.err "$OUT"/*.rc "$OUT"/*.hwm "$OUT"/*.du "$OUT"/*.load "$OUT"/*.fitcpu "$OUT"/*.timedout "$OUT"/*.out "$OUT"/*.time "$OUT"/table.txt

# ---- resources: disk for the data (plus spill and checkpoints), memory for one JVM at a time
DATA_BYTES=$(( M * (P + 1) * 8 ))
NEED_DISK=$(( DATA_BYTES * 3 + (2 << 30) ))   # Parquet + a possible spill of the cached blocks + checkpoints
PARENT=${SCALE_TMP:-/tmp}
FREE_DISK=$(( $(df -Pk "$PARENT" | awk 'NR == 2 { print $4 }') * 1024 ))
if (( FREE_DISK < NEED_DISK )); then
  echo "spark-scale: $PARENT has $((FREE_DISK >> 30)) GiB free; m = $M needs about $((NEED_DISK >> 30)) GiB" \
    "(data $((DATA_BYTES >> 30)) GiB, spill, checkpoints). Give a smaller M or SCALE_TMP." >&2
  exit 1
fi
heap_mib() { local h=${1,,}; case $h in *g) echo $(( ${h%g} * 1024 ));; *m) echo "${h%m}";; *) echo $(( h >> 20 ));; esac; }
AVAIL_MIB=$(( $(awk '/^MemAvailable:/ { print $2 }' /proc/meminfo) / 1024 ))
if (( AVAIL_MIB < $(heap_mib "$HEAP") + 1536 )); then
  echo "spark-scale: only $AVAIL_MIB MiB of memory available; -Xmx$HEAP needs about $(( $(heap_mib "$HEAP") + 1536 )) MiB" >&2
  exit 1
fi

TMPD=$(mktemp -d "$PARENT/spark-scale.XXXXXX")
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      echo "spark-scale: stopping process $pid" >&2
      kill "$pid" 2>/dev/null || true
      sleep 2
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  if [ "${KEEP_TMP:-0}" = 1 ]; then
    echo "spark-scale: kept $TMPD" >&2
  else
    rm -rf "$TMPD"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- build and class path
if ! { mvn -q -B test-compile && mvn -q -B dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$OUT/test.cp"; } > "$OUT/build.log" 2>&1; then
  echo "spark-scale: the build failed:" >&2; cat "$OUT/build.log" >&2; exit 1
fi
CP="target/classes:target/test-classes:$(cat "$OUT/test.cp")"
OPENS=$(sed -n 's:.*<spark.opens>\(.*\)</spark.opens>.*:\1:p' pom.xml)
NETLIB=$(sed -n 's:.*<netlib.silence>\(.*\)</netlib.silence>.*:\1:p' pom.xml)
[ -n "$OPENS" ] || { echo "spark-scale: no <spark.opens> in pom.xml" >&2; exit 1; }
# the same JVM for both fits: heap budget, Spark's --add-opens, the vector kernel, temp files here
read -r -a JOPTS <<< "$OPENS $NETLIB"
JOPTS+=(-Xmx"$HEAP" --add-modules jdk.incubator.vector -Djava.awt.headless=true
  -Djava.io.tmpdir="$TMPD/jtmp")
mkdir -p "$TMPD/jtmp"
HAVE_TIME=0; [ -x /usr/bin/time ] && HAVE_TIME=1

# run NAME TIMEOUT_S WATCH_DIR -- command...: runs it in the background (under /usr/bin/time -v
# when installed), polls its VmHWM and the size of WATCH_DIR, stops it by PID at the deadline.
# Leaves $OUT/NAME.{out,err,time,hwm,du,rc}.
run() {
  local name=$1 limit=$2 watch=$3; shift 4
  local tpid jpid="" start now hwm=0 h du=0 d rc=0 n=0 cpu0="" cpu1="" fit0="" fit1=""
  if (( HAVE_TIME )); then
    /usr/bin/time -v -o "$OUT/$name.time" "$@" > "$OUT/$name.out" 2> "$OUT/$name.err" &
    tpid=$!
    PIDS+=("$tpid")
    for _ in 1 2 3 4 5 6 7 8 9 10; do
      jpid=$(ps -o pid= --ppid "$tpid" 2>/dev/null | head -1 | tr -d ' ') || true
      [ -n "$jpid" ] && break
      sleep 0.2
    done
    [ -n "$jpid" ] && PIDS+=("$jpid")
  else
    "$@" > "$OUT/$name.out" 2> "$OUT/$name.err" &
    tpid=$!; jpid=$tpid
    PIDS+=("$tpid")
  fi
  start=$(date +%s)
  cut -d' ' -f1-3 /proc/loadavg > "$OUT/$name.load"
  while kill -0 "$tpid" 2>/dev/null; do
    if [ -n "$jpid" ] && [ -r "/proc/$jpid/status" ]; then
      h=$(awk '/^VmHWM:/ { print $2 }' "/proc/$jpid/status" 2>/dev/null || true)
      [ -n "$h" ] && (( h > hwm )) && hwm=$h
      # the JVM's CPU ticks when the fit starts and ends (seen within a second of the lines)
      if [ -z "$cpu0" ] && grep -q 'prepared in' "$OUT/$name.err"; then
        cpu0=$(awk '{ print $14 + $15 }' "/proc/$jpid/stat" 2>/dev/null || true); fit0=$(date +%s.%N)
      fi
      if [ -n "$cpu0" ] && [ -z "$cpu1" ] && grep -q 'trained in' "$OUT/$name.err"; then
        cpu1=$(awk '{ print $14 + $15 }' "/proc/$jpid/stat" 2>/dev/null || true); fit1=$(date +%s.%N)
        cut -d' ' -f1-3 /proc/loadavg >> "$OUT/$name.load"
      fi
    fi
    if [ -n "$watch" ] && (( n % 5 == 0 )) && [ -d "$watch" ]; then
      d=$(du -sk "$watch" 2>/dev/null | cut -f1 || true)
      [ -n "$d" ] && (( d > du )) && du=$d
    fi
    now=$(date +%s)
    if (( now - start > limit )); then
      echo "spark-scale: $name passed its deadline of $limit s; stopping PID ${jpid:-$tpid}" >&2
      echo "$limit" > "$OUT/$name.timedout"
      kill "${jpid:-$tpid}" 2>/dev/null || true
      sleep 5
      kill -9 "${jpid:-$tpid}" 2>/dev/null || true
    fi
    n=$((n + 1))
    sleep 1
  done
  wait "$tpid" || rc=$?
  if [ -n "$cpu0" ] && [ -z "$cpu1" ] && [ -s "$OUT/$name.time" ]; then
    # the JVM ended between two polls after the fit: its CPU time at exit (a little more than the fit's)
    cpu1=$(awk -v hz="$(getconf CLK_TCK)" '/User time|System time/ { s += $NF } END { printf "%.0f", s * hz }' "$OUT/$name.time")
    fit1=$(date +%s.%N)
  fi
  echo "$hwm" > "$OUT/$name.hwm"
  echo "$du" > "$OUT/$name.du"
  echo "$rc" > "$OUT/$name.rc"
  if [ -n "$cpu1" ]; then # CPU seconds of the fit and its share of the wall time (2 cores: 200%)
    awk -v c=$((cpu1 - cpu0)) -v hz="$(getconf CLK_TCK)" -v a="$fit0" -v b="$fit1" \
      'BEGIN { printf "%.0f %.0f\n", c / hz, (b > a ? 100 * c / hz / (b - a) : 0) }' > "$OUT/$name.fitcpu"
  else
    echo "NA NA" > "$OUT/$name.fitcpu"
  fi
  return 0
}

# Peak heap from a GC log: the most used before any collection, or at exit if more.
peak_heap_mib() {
  awk '
    function mib(s,  u, v) { u = substr(s, length(s)); v = substr(s, 1, length(s) - 1) + 0;
      return u == "K" ? v / 1024 : u == "G" ? v * 1024 : v }
    /Pause|Full/ && match($0, /[0-9]+[KMG]->[0-9]+[KMG]\([0-9]+[KMG]\)/) {
      s = substr($0, RSTART, RLENGTH); split(s, a, /->|\(|\)/); b = mib(a[1]); if (b > maxb) maxb = b }
    /garbage-first heap/ && match($0, /used [0-9]+K/) { e = substr($0, RSTART + 5, RLENGTH - 6) / 1024 }
    END { printf "%.0f", (maxb > e ? maxb : e) }' "$1" 2>/dev/null || echo NA
}
time_field() { sed -n "s/^[[:space:]]*$1: //p" "$2" 2>/dev/null || true; }
elapsed_s() { # h:mm:ss or m:ss.ss -> seconds
  awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.1f", s }' <<< "$1"; }

# The fit's numbers from the progress lines (same format from TrainOnSpark and ScaleRun):
# prints "fit_s total_passes iterations t1 tN p1 pN j1 jN resN"
fit_numbers() {
  awk '
    /^iteration [0-9]+:/ {
      it = $2 + 0; match($0, /residual [^,]+/); res = substr($0, RSTART + 9, RLENGTH - 9);
      match($0, /, [0-9.]+ s,/); t = substr($0, RSTART + 2, RLENGTH - 5) + 0;
      match($0, /[0-9]+ passes/); ps = substr($0, RSTART, RLENGTH) + 0;
      match($0, /[0-9]+ Spark jobs/); js = substr($0, RSTART, RLENGTH) + 0;
      T[it] = t; PS[it] = ps; JS[it] = js; R[it] = res; if (it > last) last = it }
    /trained in [0-9.]+ s: [0-9]+ passes/ {
      match($0, /trained in [0-9.]+/); fit = substr($0, RSTART + 11, RLENGTH - 11);
      match($0, /[0-9]+ passes/); passes = substr($0, RSTART, RLENGTH) + 0;
      if (match($0, /[0-9]+ Spark jobs/)) jobs = substr($0, RSTART, RLENGTH) + 0; else jobs = 0 }
    END { if (fit == "") { print "NA NA NA NA NA NA NA NA NA NA NA"; exit }
      printf "%s %d %d %s %s %d %d %d %d %d %s\n", fit, passes, jobs, last, T[1], T[last], PS[1], PS[last], JS[1], JS[last], R[last] }' "$1"
}

echo "spark-scale: m = $M, p = $P, r = $R, seed $SEED, noise $NOISE; temporary folder $TMPD" \
  "($((FREE_DISK >> 30)) GiB free); JVM -Xmx$HEAP; options: $OPTIONS" >&2

# ---- 1. the data
DATA="$TMPD/planted-m$M-p$P-r$R.parquet"
echo "spark-scale: 1/3 generating $DATA" >&2
run generate "$GEN_TIMEOUT" "" -- java "${JOPTS[@]}" -Xlog:gc,gc+heap+exit:file="$OUT/gc-generate.log" \
  -Dspark.local.dir="$TMPD/gen-local" -cp "$CP" \
  polynomialnetwork.spark.ScaleRun generate "$DATA" "$M" "$P" "$R" "$SEED" "$NOISE" "$FILES"
if [ "$(cat "$OUT/generate.rc")" != 0 ] || [ ! -f "$DATA/_SUCCESS" ]; then
  echo "spark-scale: generating the data FAILED (exit $(cat "$OUT/generate.rc")):" >&2
  grep -v '^[[:space:]]*at ' "$OUT/generate.err" | tail -20 >&2
  exit 1
fi
tail -1 "$OUT/generate.err" >&2
DATA_DISK=$(du -sh "$DATA" | cut -f1)

# ---- 2. Spark
echo "spark-scale: 2/3 TrainOnSpark, local[2]" >&2
mkdir -p "$TMPD/spark-local" "$TMPD/events"
SPARK_CMD=(java "${JOPTS[@]}" -Xlog:gc,gc+heap+exit:file="$OUT/gc-spark.log"
  -Dspark.ui.enabled=false -Dspark.local.dir="$TMPD/spark-local"
  -Dspark.eventLog.enabled=true -Dspark.eventLog.compress=false -Dspark.eventLog.dir="file://$TMPD/events"
  -cp "$CP" polynomialnetwork.spark.TrainOnSpark --master 'local[2]' --format parquet
  --input "$DATA" --model "$TMPD/spark.model" --partitions "$PARTITIONS"
  --checkpoint-dir "$TMPD/checkpoints" -- "${WEKA_OPTS[@]}")
run spark "$SPARK_TIMEOUT" "$TMPD/spark-local" -- "${SPARK_CMD[@]}"
SPARK_RC=$(cat "$OUT/spark.rc")
CKPT_DISK=$(du -sh "$TMPD/checkpoints" 2>/dev/null | cut -f1 || echo 0)
# per-job durations from Spark's event log (prep jobs and the pass that caches the blocks)
EVENTS=$(ls "$TMPD"/events/* 2>/dev/null | head -1 || true)
JOB_TIMES=""
if [ -n "$EVENTS" ]; then
  JOB_TIMES=$(awk '
    /"Event":"SparkListenerJobStart"/ { match($0, /"Job ID":[0-9]+/); id = substr($0, RSTART + 9, RLENGTH - 9) + 0;
      match($0, /"Submission Time":[0-9]+/); S[id] = substr($0, RSTART + 18, RLENGTH - 18) / 1000; if (id > n) n = id }
    /"Event":"SparkListenerJobEnd"/ { match($0, /"Job ID":[0-9]+/); id = substr($0, RSTART + 9, RLENGTH - 9) + 0;
      match($0, /"Completion Time":[0-9]+/); E[id] = substr($0, RSTART + 18, RLENGTH - 18) / 1000 }
    END { for (i = 0; i <= n && i < 6; i++) printf "job %d %.1f s; ", i, E[i] - S[i];
      c = 0; s = 0; for (i = 6; i <= n; i++) if (E[i] > 0) { c++; s += E[i] - S[i] }
      if (c) printf "jobs 6..%d: mean %.2f s", n, s / c }' "$EVENTS")
fi

# ---- 3. in memory
echo "spark-scale: 3/3 in-memory engine" >&2
run inmemory "$MEM_TIMEOUT" "" -- java "${JOPTS[@]}" -Xlog:gc,gc+heap+exit:file="$OUT/gc-inmemory.log" \
  -cp "$CP" polynomialnetwork.spark.ScaleRun inmemory "$M" "$P" "$R" "$SEED" "$NOISE" -- "${WEKA_OPTS[@]}"
MEM_RC=$(cat "$OUT/inmemory.rc")

# ---- 4. the table
row() { # name rc -> "name rc wall rss_kB heap_MiB prep_s fit_s passes jobs iters t1 tN p1 pN j1 jN residual"
  local name=$1 rc=$2 nums wall rss heap prep
  nums=$(fit_numbers "$OUT/$name.err")
  wall=$(elapsed_s "$(time_field 'Elapsed (wall clock) time (h:mm:ss or m:ss)' "$OUT/$name.time")")
  rss=$(time_field 'Maximum resident set size (kbytes)' "$OUT/$name.time")
  [ -n "$rss" ] || rss=$(cat "$OUT/$name.hwm")
  heap=$(peak_heap_mib "$OUT/gc-$name.log")
  prep=$(sed -n 's/.*prepared in \([0-9.]*\) s.*/\1/p' "$OUT/$name.err" | head -1)
  echo "$name $rc ${wall:-NA} ${rss:-0} ${heap:-NA} ${prep:-NA} $nums $(cat "$OUT/$name.fitcpu")"
}
SROW=$(row spark "$SPARK_RC") IROW=$(row inmemory "$MEM_RC") \
SHWM=$(cat "$OUT/spark.hwm") IHWM=$(cat "$OUT/inmemory.hwm") SPILL=$(cat "$OUT/spark.du") \
M=$M P=$P R=$R awk '
    function per(a, b, n) { return (n > 1 && a != "NA" && b != "NA") ? sprintf("%.2f", (b - a) / (n - 1)) : "NA" }
    function div(a, n) { return (n > 0 && a != "NA") ? sprintf("%.2f", a / n) : "NA" }
    function gib(k) { return k > 0 ? sprintf("%.2f GiB", k / 1048576) : "?" }
    BEGIN {
      split(ENVIRON["SROW"], s, " "); split(ENVIRON["IROW"], m, " ");
      # 1 name 2 rc 3 wall 4 rss 5 heap 6 prep 7 fit 8 passes 9 jobs 10 iters 11 t1 12 tN 13 p1 14 pN 15 j1 16 jN
      # 17 residual 18 fit CPU s 19 fit CPU %
      fmt = "%-9s %9s %3s %2s %6s %5s %7s %7s %7s %7s %8s %9s %8s %10s %10s %10s %10s %9s %6s\n";
      printf fmt, "run", "rows", "p", "r", "iters", "exit", "wall s", "prep s", "fit s", "s/iter", "s/iter*",
        "passes/it", "jobs/it", "max RSS", "peak heap", "residual", "spill max", "fit CPU s", "CPU %";
      for (k = 1; k <= 2; k++) {
        delete f; if (k == 1) { for (i in s) f[i] = s[i] } else { for (i in m) f[i] = m[i] }
        it = (f[10] == "NA" || f[10] == "") ? 0 : f[10] + 0;
        sit[k] = div(f[7], it); ss[k] = per(f[11], f[12], it);
        printf fmt, (k == 1 ? "Spark" : "in-memory"), ENVIRON["M"], ENVIRON["P"], ENVIRON["R"], it, f[2], f[3], f[6], f[7],
          sit[k], ss[k], per(f[13], f[14], it), (k == 1 ? per(f[15], f[16], it) : "0"), gib(f[4]),
          (f[5] == "NA" ? "NA" : sprintf("%.2f GiB", f[5] / 1024)), f[17],
          (k == 1 ? sprintf("%.2f GiB", ENVIRON["SPILL"] / 1048576) : "-"), f[18], f[19];
        tot[k] = (it > 0) ? sprintf("%d passes and %d Spark jobs in the fit, %.1f passes and %.1f jobs per iteration all-in",
          f[8], f[9], f[8] / it, f[9] / it) : "no fit";
      }
      print "";
      r1 = (sit[1] != "NA" && sit[2] != "NA" && sit[2] + 0 > 0) ? sprintf("%.2f", sit[1] / sit[2]) : "NA";
      r2 = (ss[1] != "NA" && ss[2] != "NA" && ss[2] + 0 > 0) ? sprintf("%.2f", ss[1] / ss[2]) : "NA";
      printf "ratio Spark / in-memory of the seconds per iteration: %s all-in (s/iter), %s steady state (s/iter*)\n", r1, r2;
      print "";
      print "s/iter = fit s / iterations, everything in the fit included; s/iter*, passes/it, jobs/it = steady";
      print "state: from the end of iteration 1 to the end of the last, per iteration (this leaves out the passes";
      print "before iteration 1 and those after the last: activation ranges, training RMSE).";
      print "fit s = the fit only (\"trained in\"); prep s = before it (Spark: one read of the Parquet into";
      print "cached parsed rows with the summary, the moments from them, the standardized blocks built and";
      print "cached; in-memory: 2 passes of the seeded generator, one thread); wall s = the whole java process.";
      print "max RSS from /usr/bin/time -v (VmHWM polled: Spark " gib(ENVIRON["SHWM"]) ", in-memory " gib(ENVIRON["IHWM"]) ");";
      print "peak heap = most heap in use before any GC (GC log); residual = relative training residual of the";
      print "last iterate; spill max = the largest spark.local.dir seen (blocks Spark kept on disk);";
      print "fit CPU s = the JVM user + system CPU seconds during the fit (sampled once a second), CPU % =";
      print "that over the wall time of the fit: 200% is both cores busy, less means waiting or other load.";
      print "- Spark: " tot[1];
      print "- in-memory: " tot[2];
    }' > "$OUT/table.body"

{
  echo "# Spark local[2] vs the in-memory engine, one run ($(date -u '+%Y-%m-%d %H:%M UTC'))"
  echo
  echo "- machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(awk '/^MemTotal:/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); $(java -version 2>&1 | head -1)"
  echo "- commit: $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- src pom.xml 2>/dev/null || echo ' + uncommitted changes')"
  echo "- data: m = $M, p = $P, r = $R planted (seed $SEED, noise $NOISE), Parquet $DATA_DISK in $FILES files, written by Spark local[2] in $(elapsed_s "$(time_field 'Elapsed (wall clock) time (h:mm:ss or m:ss)' "$OUT/generate.time")") s"
  echo "- PolynomialNetwork options: $OPTIONS; both JVMs -Xmx$HEAP --add-modules jdk.incubator.vector (+ Spark's --add-opens)"
  echo "- Spark: TrainOnSpark --master local[2] --format parquet --partitions $PARTITIONS --checkpoint-dir <tmp>"
  echo "- in-memory: the same rows regenerated, PolynomialNetwork.buildClassifier(converter, ThreadedRowBlocks, ...) (ScaleRun inmemory)"
  echo
  cat "$OUT/table.body"
  echo "- load average (1, 5, 15 min) at the start and the end of the fit: Spark $(paste -sd'|' "$OUT/spark.load"), in-memory $(paste -sd'|' "$OUT/inmemory.load")"
  echo "- Spark job durations (event log): ${JOB_TIMES:-n/a}"
  echo "- Spark checkpoints on disk at the end: $CKPT_DISK"
  echo "- iterations on row samples before those on all rows (doc/algorithms.md §3.10): Spark $(grep -c '^sample iteration' "$OUT/spark.err" || true), in-memory $(grep -c '^sample iteration' "$OUT/inmemory.err" || true)"
  echo "- the fits' own summaries: $(grep -h 'trained in' "$OUT/spark.err" "$OUT/inmemory.err" | paste -sd'|' | sed 's/|/; /g')"
  for name in spark inmemory; do
    if [ "$(cat "$OUT/$name.rc")" != 0 ]; then
      echo "- $name FAILED (exit $(cat "$OUT/$name.rc"))$([ -f "$OUT/$name.timedout" ] && echo ", stopped at its deadline of $(cat "$OUT/$name.timedout") s"); the end of its standard error ($OUT/$name.err):"
      grep -v '^[[:space:]]*at \|^[[:space:]]*\.\.\. [0-9]* more' "$OUT/$name.err" | tail -15 | sed 's/^/    /'
    fi
  done
} > "$OUT/table.txt"
rm -f "$OUT/table.body"
cat "$OUT/table.txt"
