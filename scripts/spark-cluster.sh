#!/usr/bin/env bash
# Trains PolynomialNetwork with TrainOnSpark on the same planted data twice: in local[2], and on a
# real standalone cluster on 127.0.0.1 (a master, two workers, executors in their own JVMs) where
# one executor is killed with SIGKILL mid-fit. Both model files must predict the same (to 1e-9
# relative) on the first 1000 training rows. Everything runs from Maven-resolved jars; no Spark
# installation is needed. Exits non-zero if a run fails or the models differ.
# Environment: ROWS (default 200000), KILL_AT (the iteration after which to kill, default 5),
# KEEP_WORK=1 keeps the work folder (data, logs, models).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
ROWS=${ROWS:-200000}
KILL_AT=${KILL_AT:-5}
prop() { grep -o "<$1>[^<]*" pom.xml | sed "s/<$1>//"; }
# what every JVM running Spark 3.5 on JDK 17 needs (the list in Spark's own pom; see pom.xml)
OPENS=$(prop spark.opens)
SPARK_VERSION=$(prop spark.version)
NETLIB=$(prop netlib.silence)
SLF4J=$(sed -n '/<artifactId>slf4j-api/{n;s/.*<version>\(.*\)<\/version>.*/\1/p}' pom.xml)

# always from the sources as they are (a jar left in target/ may be older)
mvn -B -q package -DskipTests
VERSION=$(sed -n '0,/<version>/s/.*<version>\(.*\)<\/version>.*/\1/p' pom.xml)
JAR=$ROOT/target/polynomialNetwork-spark-$VERSION.jar
[ -f "$JAR" ] || { echo "spark-cluster: mvn package made no $JAR" >&2; exit 1; }

WORK=$(mktemp -d)
PIDS=()        # master and workers, stopped (with their executors) on exit
SUBMIT_PID=""
cleanup() {
  local rc=$? pids=() p
  for p in "${PIDS[@]}"; do pids+=($(pgrep -P "$p" || true) "$p"); done
  [ -n "$SUBMIT_PID" ] && pids+=("$SUBMIT_PID")
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for _ in $(seq 50); do
    local alive=0
    for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ $alive = 0 ] && break; sleep 0.2
  done
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  if [ "${KEEP_WORK:-0}" = 1 ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM
fail() { echo "spark-cluster: $*" >&2; exit 1; }

# --- SPARK_HOME: Spark's own dependency tree only (no Weka: a cluster has none, the jar brings it)
export SPARK_HOME=$WORK/spark-home SPARK_SCALA_VERSION=2.12 SPARK_LOCAL_IP=127.0.0.1
export SPARK_LOCAL_DIRS=$WORK/local
mkdir -p "$SPARK_HOME/conf" "$WORK/spark-pom" "$SPARK_LOCAL_DIRS"
cat > "$WORK/spark-pom/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local</groupId><artifactId>spark-home</artifactId><version>1</version>
  <dependencyManagement><dependencies><dependency><!-- as pom.xml pins it: Spark is built for 2.0.x -->
    <groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId><version>$SLF4J</version>
  </dependency></dependencies></dependencyManagement>
  <dependencies><dependency>
    <groupId>org.apache.spark</groupId><artifactId>spark-sql_2.12</artifactId><version>$SPARK_VERSION</version>
  </dependency></dependencies>
</project>
POM
mvn -B -q -f "$WORK/spark-pom/pom.xml" dependency:copy-dependencies -DexcludeTypes=pom \
  -DoutputDirectory="$SPARK_HOME/jars" > "$WORK/mvn.log" 2>&1 \
  || { cat "$WORK/mvn.log" >&2; fail "resolving Spark $SPARK_VERSION failed"; }
# a RELEASE file makes the worker take executors' jars from $SPARK_HOME/jars, not a build tree
echo "Spark $SPARK_VERSION (Maven jars, Scala 2.12)" > "$SPARK_HOME/RELEASE"
# the driver's and executors' log level (spark-submit puts conf/ on the class path); master and
# workers keep Spark's INFO default in their logs
cat > "$SPARK_HOME/conf/log4j2.properties" <<'LOG'
rootLogger.level = warn
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n%ex
LOG
SPARK_CP="$SPARK_HOME/jars/*"

# --- the cluster: each daemon a JVM of its own, started now so it comes up while data is written.
# maxRetries=0: a taken port fails the daemon instead of moving it (a worker could otherwise join
# another master on 7077)
DAEMON="java $OPENS -Xmx512m -Dspark.port.maxRetries=0"
$DAEMON -cp "$SPARK_CP" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port 7077 --webui-port 8080 > "$WORK/master.log" 2>&1 &
PIDS+=($!)
WORKERS=()
for i in 1 2; do
  mkdir -p "$WORK/worker$i"
  $DAEMON -cp "$SPARK_CP" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 \
    --cores 1 --memory 2g --webui-port $((8080 + i)) --work-dir "$WORK/worker$i" \
    spark://127.0.0.1:7077 > "$WORK/worker$i.log" 2>&1 &
  PIDS+=($!); WORKERS+=($!)
done

# --- planted data: y = sum_j alpha_j (w_j.x)^2 + beta.x + noise, r = 3, p = 20, seeded
python3 - "$ROWS" > "$WORK/data.csv" <<'PY'
import random, sys
m, p, r = int(sys.argv[1]), 20, 3
rng = random.Random(20240601)
W = [[rng.gauss(0, 1) / p ** 0.5 for _ in range(p)] for _ in range(r)]
alpha = [2.0, -1.5, 1.0]
beta = [rng.gauss(0, 0.5) for _ in range(p)]
print(",".join([f"x{j + 1}" for j in range(p)] + ["y"]))
for _ in range(m):
    x = [rng.gauss(0, 1) for _ in range(p)]
    y = sum(a * sum(wi * xi for wi, xi in zip(w, x)) ** 2 for a, w in zip(alpha, W))
    y += sum(b * xi for b, xi in zip(beta, x)) + rng.gauss(0, 0.1)
    print(",".join(f"{v:.6f}" for v in x) + f",{y:.6f}")
PY
# Spark splits a CSV by its default parallelism (2 here) unless a split is smaller: four splits,
# whatever the master, so that both runs see the same 4 partitions (--partitions only merges)
SPLIT=$(( ($(stat -c %s "$WORK/data.csv") + 3) / 4 ))
TRAIN_ARGS=(--input "$WORK/data.csv" --partitions 4 -- -N 3 -S 1 -validation 0)

for _ in $(seq 120); do
  n=$(curl -s http://127.0.0.1:8080/json/ 2>/dev/null \
      | python3 -c 'import json,sys; print(json.load(sys.stdin).get("aliveworkers", 0))' \
      2>/dev/null || echo 0)
  [ "$n" = 2 ] && break
  for p in "${PIDS[@]}"; do kill -0 "$p" 2>/dev/null || { tail -n 20 "$WORK"/*.log >&2; fail "daemon $p died"; }; done
  sleep 0.5
done
[ "$n" = 2 ] || { tail -n 20 "$WORK"/*.log >&2; fail "only $n workers registered after 60 s"; }

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
# --- reference: local[2] in plain java; conf/ on the class path as for spark-submit (without a
# log4j configuration Spark may log to standard output, into the model text)
t0=$(now)
java $OPENS -Xmx2g -Dspark.sql.files.maxPartitionBytes=$SPLIT -cp "$JAR:$SPARK_HOME/conf:$SPARK_CP" \
  polynomialnetwork.spark.TrainOnSpark --master 'local[2]' --model "$WORK/local.model" \
  --checkpoint-dir "$WORK/ckpt-local" "${TRAIN_ARGS[@]}" > "$WORK/local.out" 2> "$WORK/local.err" \
  || { tail -n 40 "$WORK/local.err" >&2; fail "local[2] run failed"; }
t_local=$(since "$t0")

# --- the same on the cluster through spark-submit, killing one executor mid-fit
t0=$(now)
java $OPENS -Xmx2g -cp "$SPARK_HOME/conf:$SPARK_CP" org.apache.spark.deploy.SparkSubmit \
  --master spark://127.0.0.1:7077 --deploy-mode client --class polynomialnetwork.spark.TrainOnSpark \
  --conf spark.executor.extraJavaOptions="$OPENS" --conf spark.driver.extraJavaOptions="$OPENS" \
  --conf spark.executor.memory=1g --conf spark.executor.cores=1 \
  --conf spark.sql.files.maxPartitionBytes=$SPLIT \
  "$JAR" --model "$WORK/cluster.model" --checkpoint-dir "$WORK/ckpt-cluster" "${TRAIN_ARGS[@]}" \
  > "$WORK/cluster.out" 2> "$WORK/cluster.err" &
SUBMIT_PID=$!
killed=""
while kill -0 "$SUBMIT_PID" 2>/dev/null; do
  if [ -z "$killed" ] && grep -q "^iteration $KILL_AT:" "$WORK/cluster.err"; then
    execs=($(for w in "${WORKERS[@]}"; do pgrep -P "$w" -f CoarseGrainedExecutorBackend || true; done))
    [ ${#execs[@]} -gt 0 ] || fail "no executor JVM found under workers ${WORKERS[*]}"
    victim=${execs[0]}
    at=$(grep '^iteration ' "$WORK/cluster.err" | tail -1 | cut -d: -f1)
    kill -9 "$victim"; killed="pid $victim after $at"
    echo "killed executor $victim (CoarseGrainedExecutorBackend) after $at" >&2
  fi
  sleep 0.1
done
rc=0; wait "$SUBMIT_PID" || rc=$?; SUBMIT_PID=""
t_cluster=$(since "$t0")
[ $rc = 0 ] || { grep -v '^\s*at scala\.' "$WORK/cluster.err" | tail -n 60 >&2; fail "cluster run exited $rc"; }
[ -n "$killed" ] || fail "the fit ended before iteration $KILL_AT: no executor was killed"
launched=$(cat "$WORK"/worker?.log | grep -c 'Asked to launch executor' || true)

# --- compare: both model files as Weka loads them, predictions on the first 1000 training rows
cat > "$WORK/Compare.java" <<'JAVA'
import java.io.BufferedReader; import java.nio.file.*; import java.util.Locale;
import weka.classifiers.Classifier; import weka.core.*;
public class Compare {
  public static void main(String[] a) throws Exception {
    Object[] m1 = SerializationHelper.readAll(a[0]), m2 = SerializationHelper.readAll(a[1]);
    Instances h = (Instances) m1[1];
    if (!h.equalHeaders((Instances) m2[1])) throw new Exception(h.equalHeadersMsg((Instances) m2[1]));
    int n = Integer.parseInt(a[3]), same = 0; double maxAbs = 0, maxRel = 0;
    try (BufferedReader r = Files.newBufferedReader(Paths.get(a[2]))) {
      String[] names = r.readLine().split(",");
      for (int j = 0; j < names.length; j++)
        if (!names[j].equals(h.attribute(j).name())) throw new Exception("column " + names[j]);
      for (int i = 0; i < n; i++) {
        String[] f = r.readLine().split(",");
        double[] v = new double[f.length];
        for (int j = 0; j < f.length; j++) v[j] = Double.parseDouble(f[j]);
        Instance x = new DenseInstance(1, v); x.setDataset(h);
        double p1 = ((Classifier) m1[0]).classifyInstance(x), p2 = ((Classifier) m2[0]).classifyInstance(x);
        if (Double.doubleToLongBits(p1) == Double.doubleToLongBits(p2)) same++;
        double d = Math.abs(p1 - p2); maxAbs = Math.max(maxAbs, d);
        if (d > 0) maxRel = Math.max(maxRel, d / Math.max(Math.abs(p1), Math.abs(p2)));
      }
    }
    System.out.printf(Locale.ROOT, "%d %d %.3e %.3e%n", n, same, maxAbs, maxRel);
  }
}
JAVA
read -r n same maxabs maxrel < <(java $NETLIB -cp "$JAR" "$WORK/Compare.java" \
  "$WORK/local.model" "$WORK/cluster.model" "$WORK/data.csv" 1000 2> "$WORK/compare.err") \
  || { cat "$WORK/compare.err" >&2; fail "comparing the models failed"; }
text="identical apart from Fit time"
if ! diff <(grep -v '^Fit time' "$WORK/local.out") <(grep -v '^Fit time' "$WORK/cluster.out") \
    > "$WORK/text.diff"; then
  text="DIFFERS ($(grep -c '^[<>]' "$WORK/text.diff") lines, first below)"
fi

# --- summary
iters() { grep -o '^Iterations: [0-9]* (best iterate: [0-9]*)' "$1" | sed 's/Iterations: //'; }
trained() { grep '^TrainOnSpark: trained in' "$1" | sed -E 's/.*trained in ([0-9.]+) s: ([0-9]+) passes.*, ([0-9]+) Spark jobs.*/\1 s, \2 passes, \3 jobs/'; }
prep() { grep -o '[0-9]* partitions; prepared in.*' "$1" | sed -E 's/([0-9]+) partitions; prepared in ([0-9.]+ s) \(([0-9]+) Spark jobs\)/\2, \1 partitions, \3 jobs/'; }
echo
printf '%-20s %-32s %s\n' "" "local[2]" "cluster (2 workers x 1 core)" \
  "wall time" "$t_local s" "$t_cluster s" \
  "prepare" "$(prep "$WORK/local.err")" "$(prep "$WORK/cluster.err")" \
  "iterations (best)" "$(iters "$WORK/local.out")" "$(iters "$WORK/cluster.out")" \
  "fit" "$(trained "$WORK/local.err")" "$(trained "$WORK/cluster.err")" \
  "executor killed" "-" "$killed" \
  "executors launched" "-" "$launched"
echo "predictions on $n rows: $same bitwise equal, max |diff| $maxabs, max relative $maxrel"
echo "model text: $text"
[ -s "$WORK/text.diff" ] && head -10 "$WORK/text.diff"
awk -v r="$maxrel" 'BEGIN { exit !(r <= 1e-9) }' || fail "predictions differ beyond 1e-9 relative"
[ ! -s "$WORK/text.diff" ] || fail "the model texts differ"
echo "OK"
