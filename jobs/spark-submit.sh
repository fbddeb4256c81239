#!/usr/bin/env bash
# Submits the nightly customer-segmentation job (the packaged jar) to a Spark cluster.
#
#   jobs/spark-submit.sh [SPARK OPTIONS] [JOB OPTIONS]
#
# Job options (passed to the job): those of jobs/run-local.sh, from the one list both scripts
#   read (jobs/lib/job-options.sh): --run-date D --input PATH --output DIR --config FILE --force
#   --full --validate-only --evaluate --calibration-end D1 --holdout-end D2 --help --version.
#   Relative local paths are made absolute. Given neither --config nor --input, the job runs on
#   the sample data with conf/examples/sample.yml layered (as jobs/run-local.sh does). See README.md.
# Spark options (passed to spark-submit): --master URL, --deploy-mode client|cluster,
#   --conf KEY=VALUE (repeatable), and spark-submit's other options (--driver-memory 2g,
#   --executor-memory 1g, --total-executor-cores 2, --queue q, --supervise, ...; the list is
#   SPARK_VALUE_OPTIONS and SPARK_FLAG_OPTIONS below). Anything after a lone `--` goes to
#   spark-submit verbatim (an option of a newer Spark that the list lacks, say).
# Any other argument is refused with exit code 2 before anything is built or submitted (a typo
#   is a bad argument, not a failure worth a retry).
#
# Which spark-submit: $SPARK_SUBMIT when set, else $SPARK_HOME/bin/spark-submit, else spark-submit
# on the PATH, else (development machines and CI without a Spark distribution) Spark's jars from
# the local Maven repository: java -cp <spark jars> org.apache.spark.deploy.SparkSubmit.
#
# Reads conf/spark-defaults.conf (SPARK_DEFAULTS overrides the file); --conf wins over it.
# Ships conf/application.yml and conf/log4j2.properties with --files (files given with --files are
# added to those two, relative local paths made absolute).
# Environment: APP_JAR (default: target/customer-segmentation-<version>.jar, built when missing),
# DRIVER_MEMORY (heap of the fallback's client-mode driver JVM, default 2g), LOG4J2_DRIVER_CONF
# (the driver's log4j2 file; default conf/log4j2.properties, on YARN cluster mode the shipped copy).
# Exit codes: those of the job (0 ok, 1 failure, 2 bad arguments/configuration, 3 data quality) in
# client mode; in cluster mode, that of the submission (see docs/operations.md).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$ROOT/jobs/lib/job-options.sh"

# spark-submit's own options (Spark 4.2, org.apache.spark.launcher.SparkSubmitOptionParser), less
# the ones this script sets itself (--class, --name, --properties-file) and the job's --help and
# --version, which go to the job. --master, --deploy-mode and --driver-java-options are read here.
SPARK_VALUE_OPTIONS=(--master --deploy-mode --conf -c --driver-java-options --driver-memory
  --driver-cores --driver-class-path --driver-library-path --executor-memory --executor-cores
  --total-executor-cores --num-executors --jars --packages --exclude-packages --repositories
  --py-files --files --archives --proxy-user --queue --principal --keytab --kill --status
  --remote --extra-properties-file)
SPARK_FLAG_OPTIONS=(--supervise --verbose -v --load-spark-defaults)

job_args=()
spark_args=()
master=""
deploy_mode="client"
driver_java_options=""
files="$ROOT/conf/application.yml,$ROOT/conf/log4j2.properties"
config=""

while [[ $# -gt 0 ]]; do
  if take_job_option "$@"; then
    append_job_option job_args
    [[ "$OPT_NAME" == --config ]] && config="$OPT_VALUE"
    shift "$OPT_SHIFT"
    continue
  fi
  name="${1%%=*}"
  if [[ "$1" == --*=* ]]; then value="${1#*=}" taken=1; else value="${2-}" taken=2; fi
  if in_list "$name" "${SPARK_FLAG_OPTIONS[@]}" && [[ "$1" != *=* ]]; then
    spark_args+=("$1"); shift
  elif in_list "$name" "${SPARK_VALUE_OPTIONS[@]}"; then
    [[ $taken -eq 1 ]] || [[ $# -ge 2 ]] || { echo "ERROR: $name needs a value" >&2; exit 2; }
    case "$name" in
      --master) master="$value" ;;
      --deploy-mode) deploy_mode="$value" ;;
      --driver-java-options) driver_java_options="$value" ;;
      --files)
        IFS=',' read -r -a listed <<<"$value"
        for f in "${listed[@]}"; do files="$files,$(absolute_path "$f")"; done ;;
      *) spark_args+=("$name" "$value") ;;
    esac
    shift "$taken"
  elif [[ "$1" == -- ]]; then
    shift; spark_args+=("$@"); break
  else
    echo "ERROR: unknown option or argument '$1' for jobs/spark-submit.sh: neither a job option" \
      "(jobs/lib/job-options.sh) nor a spark-submit option (the header of jobs/spark-submit.sh);" \
      "spark-submit options it does not know go after a lone --" >&2
    exit 2
  fi
done

default_to_sample job_args

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
  --files "$files"
  --driver-java-options "$log4j${driver_java_options:+ $driver_java_options}")
[[ -n "$master" ]] && cmd+=(--master "$master")
cmd+=("${spark_args[@]}" "$APP_JAR" "${job_args[@]}")

# Client mode: the driver runs here, from the repository root, so it reads conf/application.yml
# (layered over the copy in the jar) like jobs/run-local.sh does.
cd "$ROOT"
echo "+ ${cmd[*]}" >&2
exec "${cmd[@]}"
