#!/usr/bin/env bash
# A real Spark standalone cluster on loopback: a master and two workers started as separate processes on 127.0.0.1
# (from the -Pspark build's own jars, no Spark installation), a data-parallel training of the digits-caption sample
# (DeepWire's hand-written attention layers shipped in the job jar), a 4-run sweep and the training again through
# Spark's own SparkSubmit, all on spark://127.0.0.1:7077, their results checked, and the cluster stopped again.
# Prints PASS or FAIL lines; exit 0 when every check passed. Needs `mvn -Pspark package -DskipTests` first. Ports: 7077 (master), 18080-18082 (web UIs).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/target/deepwire-spark.jar"
if [[ ! -f "$jar" || ! -d "$root/target/spark-lib" || ! -d "$root/target/lib" ]]; then
  echo "spark-cluster-check: build first: mvn -Pspark package -DskipTests" >&2
  exit 2
fi
work="$(mktemp -d /tmp/deepwire-spark-cluster.XXXXXX)"
master_url="spark://127.0.0.1:7077"
pids=()
stop() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
}
trap stop EXIT
failures=0
check() { # check NAME COMMAND...: PASS or FAIL with the name
  if "${@:2}"; then echo "PASS $1"; else echo "FAIL $1"; failures=$((failures + 1)); fi
}
wait_for() { # wait_for SECONDS FILE PATTERN: until the log says it
  local until=$((SECONDS + $1))
  until grep -q "$3" "$2" 2>/dev/null; do
    if ((SECONDS > until)); then return 1; fi
    sleep 1
  done
}

# What a worker launches executors from: a Spark "home" whose jars/ are the build's Spark and runtime jars.
mkdir -p "$work/spark-home/jars"
for j in "$root"/target/spark-lib/*.jar "$root"/target/lib/*.jar; do ln -sf "$j" "$work/spark-home/jars/"; done
export SPARK_HOME="$work/spark-home" SPARK_SCALA_VERSION=2.12 SPARK_LOCAL_IP=127.0.0.1 SPARK_LOCAL_HOSTNAME=127.0.0.1
opens=$(sed -n '/^SPARK_JAVA_OPTS=(/,/^)/p' "$root/scripts/deepwire-spark" | sed '1d;$d' | tr -d ' ' | tr '\n' ' ')
cp="$work/spark-home/jars/*"

java $opens -Xmx512m -cp "$cp" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 7077 \
  --webui-port 18080 > "$work/master.log" 2>&1 &
pids+=($!)
check "master listens on $master_url" wait_for 90 "$work/master.log" "Starting Spark master at $master_url"
for w in 1 2; do
  java $opens -Xmx512m -cp "$cp" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory 3g \
    --webui-port $((18080 + w)) --work-dir "$work/worker$w" "$master_url" > "$work/worker$w.log" 2>&1 &
  pids+=($!)
done
check "worker 1 registered" wait_for 90 "$work/worker1.log" "Successfully registered with master"
check "worker 2 registered" wait_for 90 "$work/worker2.log" "Successfully registered with master"

# Data-parallel training of one graph on both workers (parameter averaging), driver on this machine.
cp "$root/sample-projects/digits-caption.dwproj" "$work/"
cp -r "$root/sample-projects/data" "$work/"
start=$SECONDS
DEEPWIRE_JAVA_OPTS="-Dspark.driver.host=127.0.0.1 -Dspark.executor.memory=2g" \
  "$root/scripts/deepwire-spark" train "$work/digits-caption.dwproj" --epochs 3 --spark "$master_url" --workers 2 \
  --out "$work/train" > "$work/train.log" 2>&1
train_rc=$?
echo "data-parallel training: exit $train_rc, $((SECONDS - start)) s"
grep -E "^(training|epoch|final)" "$work/train.log"
check "training exits 0" test "$train_rc" -eq 0
check "training ran on the cluster" grep -q "on Spark $master_url, parameter averaging, 2 workers" "$work/train.log"
check "metrics.csv has 3 epoch rows" test "$(awk -F, 'NR > 1 && $5 != ""' "$work/train/metrics.csv" 2>/dev/null | wc -l)" -eq 3
check "model.zip written" test -s "$work/train/model.zip"
check "both workers ran executors" test "$(find "$work/worker1" "$work/worker2" -name stderr 2>/dev/null | wc -l)" -ge 2

# A 4-run sweep, each run one Spark task on a worker.
start=$SECONDS
DEEPWIRE_JAVA_OPTS="-Dspark.driver.host=127.0.0.1 -Dspark.executor.memory=2g" \
  "$root/scripts/deepwire-spark" sweep "$work/digits-caption.dwproj" --param training.learningRate=1e-3,3e-3 \
  --seeds 2 --max-steps 20 --master "$master_url" --out "$work/sweep" > "$work/sweep.log" 2>&1
sweep_rc=$?
echo "sweep: exit $sweep_rc, $((SECONDS - start)) s"
cat "$work/sweep.log" | grep -v -E "^(SLF4J|\[)" | tail -12
check "sweep exits 0" test "$sweep_rc" -eq 0
runs=$(grep -l '"status" *: *"FINISHED"' "$work"/runs/*/run.json 2>/dev/null | wc -l)
check "4 finished runs with run.json in runs/ (found $runs)" test "$runs" -eq 4
check "each run brought back metrics.csv and model.zip" test "$(ls "$work"/runs/*/metrics.csv "$work"/runs/*/model.zip 2>/dev/null | wc -l)" -eq 8

# The same training submitted as spark-submit does in client mode: SparkSubmit loads the job jar in a class loader
# of its own and calls DeepWire's main; the job jar travels to the executors as the application jar.
start=$SECONDS
java $opens -XX:+UseSerialGC -Dspark.driver.host=127.0.0.1 -cp "$cp" org.apache.spark.deploy.SparkSubmit \
  --master "$master_url" --deploy-mode client --executor-memory 2g --class dev.deepwire.Main "$jar" \
  train "$work/digits-caption.dwproj" --epochs 1 --spark "$master_url" --workers 2 --out "$work/submitted" \
  > "$work/submit.log" 2>&1
submit_rc=$?
echo "spark-submit (SparkSubmit, client mode): exit $submit_rc, $((SECONDS - start)) s"
grep -E "^(training|epoch|final)" "$work/submit.log"
check "submitted training exits 0 and writes model.zip" test "$submit_rc" -eq 0 -a -s "$work/submitted/model.zip"

echo "logs: $work"
if ((failures > 0)); then echo "spark-cluster-check: $failures check(s) failed"; exit 1; fi
echo "spark-cluster-check: all checks passed"
