#!/usr/bin/env bash
# Cluster integration test: the packaged jar on a real multi-process Spark standalone cluster gives
# the same outputs as the local[*] run, also when an executor is killed mid-run.
#
#   jobs/cluster-test.sh [--days N] [--keep] [--no-fault] [--no-cluster-mode]
#
# 1. builds the jar (mvn package -DskipTests) when needed and copies the last N days (default 92)
#    of sample-data/ into a temporary input directory;
# 2. runs the job locally (jobs/run-local.sh, Spark local[*]) as the reference;
# 3. starts a standalone master and two workers (1 core, 1 GB each) on 127.0.0.1 from Spark's
#    Maven jars (no Spark distribution needed: a temporary SPARK_HOME whose jars/ links to them);
# 4. submits the job with jobs/spark-submit.sh in client deploy mode and compares the outputs with
#    the reference: every reports/*.csv byte for byte, the quarantine rows, and the manifest counts;
# 5. fault case: submits again to a fresh output, kills one executor JVM (kill -9) while the job
#    runs, and compares again (the worker relaunches the executor; Spark retries the lost tasks);
# 6. submits once more in cluster deploy mode (the driver runs on a worker) and compares again.
# The master and workers are always stopped at the end (trap), and every wait is bounded.
# Exit code 0 when every comparison passes. --keep keeps the temporary directory for inspection.
# Environment: CLUSTER_TEST_TIMEOUT (seconds per job run, default 600), CLUSTER_TEST_DIR (work dir).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$ROOT/jobs/lib/test-support.sh"
cd "$ROOT"

days=92
keep=false
fault=true
cluster_mode=true
while [[ $# -gt 0 ]]; do
  case "$1" in
    --days) days="$2"; shift 2 ;;
    --keep) keep=true; shift ;;
    --no-fault) fault=false; shift ;;
    --no-cluster-mode) cluster_mode=false; shift ;;
    -h | --help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "ERROR: unknown option $1" >&2; exit 2 ;;
  esac
done

timeout_s="${CLUSTER_TEST_TIMEOUT:-600}"
work="${CLUSTER_TEST_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/custseg-cluster-test.XXXXXX")}"
mkdir -p "$work"
pids=()
started=$SECONDS

log() { printf '[cluster-test %4ds] %s\n' "$((SECONDS - started))" "$*" >&2; }

cleanup() {
  local code=$?
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  # Executors and cluster-mode drivers are children of the workers; anything left of ours is
  # found by the work directory on its command line (never by a broad name).
  sleep 1
  for pid in "${pids[@]}"; do
    kill -9 "$pid" 2>/dev/null || true
  done
  for pid in $(pgrep -f -- "$work/" 2>/dev/null || true); do
    [[ "$pid" != "$$" ]] && kill -9 "$pid" 2>/dev/null || true
  done
  if [[ $code -ne 0 ]]; then
    log "FAILED (exit $code); logs in $work/*.log"
    for f in "$work"/*.log; do
      [[ -f "$f" ]] && { echo "---- $(basename "$f") (last 15 lines)" >&2; tail -15 "$f" >&2; }
    done
  fi
  finish_work_dir "$code" "$work" "$keep"
  exit $code
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return
    fi
  done
  echo "no free port found" >&2
  return 1
}

# interruptible COMMAND...: runs COMMAND in the background and waits for it, so that a TERM or INT reaching
# this script runs the cleanup at once (bash runs traps only between foreground commands).
interruptible() {
  "$@" &
  wait $!
}

# wait_for SECONDS DESCRIPTION COMMAND...: polls COMMAND every second.
wait_for() {
  local limit="$1" what="$2"
  shift 2
  local t0=$SECONDS
  until "$@"; do
    if ((SECONDS - t0 > limit)); then
      log "timed out after ${limit}s waiting for $what"
      return 1
    fi
    sleep 1
  done
}

run_date="2025-12-31"
log "work directory $work"
build_jar
make_spark_home "$work/spark-home"

# The input: the last $days daily files of the sample.
copy_last_days "$days" "$work/input"
log "input: $(find "$work/input" -type f | wc -l) files"

# The sample's exports hold EUR, CHF and GBP: its reporting currency, the rates by absolute path
# (a driver in cluster deploy mode runs elsewhere than the repository root).
printf 'segmentation:\n  money:\n    currency: EUR\n    rates: "%s"\n' "$ROOT/sample-data/rates.csv" \
  >"$work/money.yml"

# ---- reference: the local run
log "reference run: jobs/run-local.sh (local[*])"
DRIVER_MEMORY=2g interruptible timeout "$timeout_s" jobs/run-local.sh --run-date "$run_date" \
  --input "$work/input" --output "$work/out-local" --config "$work/money.yml" >"$work/local.log" 2>&1
ref="$work/out-local/reports/run_date=$run_date"
[[ -f "$ref/_SUCCESS" ]] || { log "reference run wrote no _SUCCESS"; exit 1; }

# ---- the cluster: one master, two workers
export SPARK_HOME="$work/spark-home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
export SPARK_LOCAL_DIRS="$work/local-dirs"
master_port="$(free_port)"
master_ui="$(free_port)"
master="spark://127.0.0.1:$master_port"
daemon=(java -Xmx256m "${SPARK_JAVA_OPTS[@]}" -cp "$SPARK_HOME/conf:$SPARK_JARS_CLASSPATH")
log "starting master $master"
"${daemon[@]}" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$master_port" \
  --webui-port "$master_ui" >"$work/master.log" 2>&1 &
pids+=($!)
wait_for 60 "the master" grep -q "I have been elected leader" "$work/master.log"
for w in 1 2; do
  mkdir -p "$work/worker$w"
  "${daemon[@]}" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory 1g \
    --work-dir "$work/worker$w" --port "$(free_port)" --webui-port "$(free_port)" "$master" \
    >"$work/worker$w.log" 2>&1 &
  pids+=($!)
done
registered() { [[ $(grep -l "Successfully registered with master" "$work"/worker?.log 2>/dev/null | wc -l) -eq 2 ]]; }
wait_for 60 "two workers to register" registered
log "master and 2 workers up"

cluster_conf=(--conf spark.executor.memory=1g --conf spark.executor.cores=1
  --conf spark.cores.max=2 --conf spark.ui.enabled=false)

# submit NAME [spark-submit options...]: submits the job to the cluster, output $work/out-NAME.
submit() {
  local name="$1"
  shift
  APP_JAR="$APP_JAR" DRIVER_MEMORY=1g interruptible timeout "$timeout_s" jobs/spark-submit.sh --master "$master" \
    "${cluster_conf[@]}" "$@" --run-date "$run_date" --input "$work/input" \
    --output "$work/out-$name" --config "$work/money.yml" >"$work/$name.log" 2>&1
}

# compare NAME: the outputs of run NAME equal the reference's (jobs/lib/test-support.sh).
compare() {
  compare_outputs "$work/out-local" "$work/out-$1" "$run_date" "$1"
}

# The executor JVMs of our workers (children of the worker processes, work dir on the command line).
executors() { pgrep -f -- "$work/.*CoarseGrainedExecutorBackend" 2>/dev/null || true; }

failures=0

log "run 1: client deploy mode on the cluster"
submit client --deploy-mode client || { log "client-mode run failed (exit $?)"; exit 1; }
grep -q "Started Spark .* on $master" "$work/client.log" || { log "client run did not use $master"; exit 1; }
compare client || failures=$((failures + 1))

if [[ "$fault" == true ]]; then
  log "run 2: client deploy mode, one executor killed (kill -9) mid-run"
  submit fault --deploy-mode client &
  submit_pid=$!
  # Kill an executor while it runs a task (its stderr, in its working directory, logs
  # "Running task" and "Finished task"), once the job is busy with its first step.
  victim=""
  busy_executor() {
    grep -q "Ingesting" "$work/fault.log" 2>/dev/null || return 1
    local pid dir
    for pid in $(executors); do
      dir="$(readlink "/proc/$pid/cwd" 2>/dev/null)" || continue
      [[ -f "$dir/stderr" ]] || continue
      if (($(grep -c "Running task" "$dir/stderr") > $(grep -c "Finished task" "$dir/stderr"))); then
        victim="$pid"
        return 0
      fi
    done
    return 1
  }
  if wait_for 300 "an executor running a task" busy_executor; then
    log "killing executor JVM pid $victim (working directory $(readlink "/proc/$victim/cwd"))"
    kill -9 "$victim"
    killed_at=$SECONDS
    wait "$submit_pid" || { log "fault run failed (exit $?)"; failures=$((failures + 1)); }
    # Evidence that the fault happened while the job ran: the master saw the executor die.
    if grep -qE "Lost task .*ExecutorLostFailure" "$work/fault.log"; then
      log "the driver lost $(grep -cE "Lost task .*ExecutorLostFailure" "$work/fault.log") running task(s) with the executor, retried them; job done $((SECONDS - killed_at))s after the kill"
    else
      log "no task was lost with the executor (killed too late?): the fault case proved nothing"
      failures=$((failures + 1))
    fi
    compare fault || failures=$((failures + 1))
  else
    wait "$submit_pid" || true
    failures=$((failures + 1))
  fi
fi

if [[ "$cluster_mode" == true ]]; then
  log "run 3: cluster deploy mode (the driver runs on a worker)"
  # The driver takes one worker's core; the executor (512m) runs beside it or on the other worker.
  submit cluster --deploy-mode cluster --conf spark.driver.memory=512m \
    --conf spark.executor.memory=512m --conf spark.standalone.submit.waitAppCompletion=true || true
  wait_for "$timeout_s" "the cluster-mode driver to finish" \
    test -f "$work/out-cluster/reports/run_date=$run_date/_SUCCESS" || failures=$((failures + 1))
  compare cluster || failures=$((failures + 1))
fi

if [[ $failures -ne 0 ]]; then
  log "$failures check(s) failed"
  exit 1
fi
log "PASSED in $((SECONDS - started))s"
