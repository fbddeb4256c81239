#!/usr/bin/env bash
# Submits the nightly customer-segmentation job (the packaged jar) to a Spark cluster.
#
#   jobs/spark-submit.sh [SPARK OPTIONS] [JOB OPTIONS]
#
# Job options (passed to the job): --run-date YYYY-MM-DD --input PATH --output DIR --config FILE
#   --force --help --version. See jobs/run-local.sh and README.md.
# Spark options (passed to spark-submit): --master URL, --deploy-mode client|cluster,
#   --conf KEY=VALUE (repeatable), and any other spark-submit option (--driver-memory 2g,
#   --executor-memory 1g, --total-executor-cores 2, --queue q, --supervise, ...).
#   Anything after a lone `--` goes to spark-submit verbatim.
#
# Which spark-submit: $SPARK_SUBMIT when set, else $SPARK_HOME/bin/spark-submit, else spark-submit
# on the PATH, else (development machines and CI without a Spark distribution) Spark's jars from
# the local Maven repository: java -cp <spark jars> org.apache.spark.deploy.SparkSubmit.
#
# Reads conf/spark-defaults.conf (SPARK_DEFAULTS overrides the file); --conf wins over it.
# Ships conf/application.yml and conf/log4j2.properties with --files.
# Environment: APP_JAR (default: target/customer-segmentation-<version>.jar, built when missing),
# DRIVER_MEMORY (heap of the fallback's client-mode driver JVM, default 2g), LOG4J2_DRIVER_CONF
# (the driver's log4j2 file; default conf/log4j2.properties, on YARN cluster mode the shipped copy).
# Exit codes: those of the job (0 ok, 1 failure, 2 bad arguments/configuration, 3 data quality) in
# client mode; in cluster mode, that of the submission (see docs/operations.md).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

job_args=()
spark_args=()
master=""
deploy_mode="client"
driver_java_options=""
config=""

# A local path made absolute (the client-mode driver runs from the repository root); URIs such as
# hdfs://, s3a:// or file:/ are left alone.
absolute() {
  case "$1" in
    *://* | file:* | /*) printf '%s' "$1" ;;
    *) printf '%s/%s' "$(pwd)" "$1" ;;
  esac
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --run-date | --input | --output | --config)
      [[ $# -ge 2 ]] || { echo "ERROR: $1 needs a value" >&2; exit 2; }
      value="$2"
      [[ "$1" == --run-date ]] || value="$(absolute "$2")"
      [[ "$1" == --config ]] && config="$value"
      job_args+=("$1" "$value"); shift 2 ;;
    --run-date=* | --input=* | --output=* | --config=*)
      name="${1%%=*}"; value="${1#*=}"
      [[ "$name" == --run-date ]] || value="$(absolute "$value")"
      [[ "$name" == --config ]] && config="$value"
      job_args+=("$name" "$value"); shift ;;
    --force | --help | -h | --version | -V)
      job_args+=("$1"); shift ;;
    --master) master="$2"; shift 2 ;;
    --master=*) master="${1#*=}"; shift ;;
    --deploy-mode) deploy_mode="$2"; shift 2 ;;
    --deploy-mode=*) deploy_mode="${1#*=}"; shift ;;
    --driver-java-options) driver_java_options="$2"; shift 2 ;;
    --driver-java-options=*) driver_java_options="${1#*=}"; shift ;;
    --supervise | --verbose | -v)
      spark_args+=("$1"); shift ;;
    --)
      shift; spark_args+=("$@"); break ;;
    --*=*)
      spark_args+=("$1"); shift ;;
    --*)
      if [[ $# -ge 2 ]] && [[ "$2" != --* ]]; then
        spark_args+=("$1" "$2"); shift 2
      else
        spark_args+=("$1"); shift
      fi ;;
    *)
      echo "ERROR: unexpected argument '$1' (see the header of jobs/spark-submit.sh)" >&2
      exit 2 ;;
  esac
done

if [[ -n "$config" ]] && [[ "$config" != *://* ]] && [[ ! -f "$config" ]]; then
  echo "ERROR: --config $config is not a readable file" >&2
  exit 2
fi

defaults="${SPARK_DEFAULTS:-$ROOT/conf/spark-defaults.conf}"
[[ -f "$defaults" ]] || { echo "ERROR: $defaults not found" >&2; exit 2; }

if [[ -z "${APP_JAR:-}" ]]; then
  build_jar
fi
[[ -f "$APP_JAR" ]] || { echo "ERROR: application jar $APP_JAR not found" >&2; exit 2; }

if [[ -n "${SPARK_SUBMIT:-}" ]]; then
  submit=("$SPARK_SUBMIT")
elif [[ -n "${SPARK_HOME:-}" ]] && [[ -x "$SPARK_HOME/bin/spark-submit" ]]; then
  submit=("$SPARK_HOME/bin/spark-submit")
elif command -v spark-submit >/dev/null 2>&1; then
  submit=(spark-submit)
else
  # No Spark distribution: run SparkSubmit from Spark's Maven jars. In client mode this JVM is the
  # driver, so it gets the heap and the JVM flags spark-class would have given it.
  spark_jars_classpath
  export SPARK_SCALA_VERSION="${SPARK_SCALA_VERSION:-2.13}"
  submit=(java -Xmx"${DRIVER_MEMORY:-2g}" "${SPARK_JAVA_OPTS[@]}")
  if [[ "$deploy_mode" == client ]]; then
    # shellcheck disable=SC2206
    submit+=(${driver_java_options} -Dlog4j2.configurationFile="$ROOT/conf/log4j2.properties")
  fi
  submit+=(-cp "$SPARK_JARS_CLASSPATH" org.apache.spark.deploy.SparkSubmit)
fi

# The driver's log4j2 configuration: the repository's file in client mode, and in cluster mode
# on a standalone master (whose workers are expected to see the same paths, like --input and
# --output); on YARN the copy shipped with --files, in the driver's working directory.
# LOG4J2_DRIVER_CONF overrides it (e.g. a file baked into a Kubernetes image).
if [[ -n "${LOG4J2_DRIVER_CONF:-}" ]]; then
  log4j="-Dlog4j2.configurationFile=$LOG4J2_DRIVER_CONF"
elif [[ "$deploy_mode" == client ]] || [[ "$master" == spark://* ]]; then
  log4j="-Dlog4j2.configurationFile=$ROOT/conf/log4j2.properties"
else
  log4j="-Dlog4j2.configurationFile=log4j2.properties"
fi

cmd=("${submit[@]}"
  --properties-file "$defaults"
  --class org.custseg.SegmentationApplication
  --name "customer-segmentation"
  --deploy-mode "$deploy_mode"
  --files "$ROOT/conf/application.yml,$ROOT/conf/log4j2.properties"
  --driver-java-options "$log4j${driver_java_options:+ $driver_java_options}")
[[ -n "$master" ]] && cmd+=(--master "$master")
cmd+=("${spark_args[@]}" "$APP_JAR" "${job_args[@]}")

# Client mode: the driver runs here, from the repository root, so it reads conf/application.yml
# (layered over the copy in the jar) like jobs/run-local.sh does.
cd "$ROOT"
echo "+ ${cmd[*]}" >&2
exec "${cmd[@]}"
