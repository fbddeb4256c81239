#!/usr/bin/env bash
# Runs the nightly customer-segmentation job on this machine: embedded Spark (local[*]), an H2
# job repository under the output directory, and by default the sample data in sample-data/
# (given neither --config nor --input, it layers conf/examples/sample.yml: the sample's reporting
# currency and exchange rates).
#
#   jobs/run-local.sh [--run-date YYYY-MM-DD] [--input PATH] [--output DIR] [--config FILE]
#                     [--force] [--full]
#   jobs/run-local.sh --validate-only [--input PATH] [--config FILE] [--run-date D]
#     (schema check: prints the reconciliation and example rows per reason, writes nothing)
#   jobs/run-local.sh --evaluate --calibration-end D1 --holdout-end D2 [--input PATH] [--output DIR]
#   jobs/run-local.sh --help | --version
#
# The options are the job's (jobs/lib/job-options.sh, the list jobs/spark-submit.sh reads too);
# anything else is refused with exit code 2 before anything is built. Relative paths are taken
# from the caller's directory.
# Exit codes: 0 success (or date already completed), 1 failure, 2 bad arguments or configuration,
# 3 input failed the data-quality gate (nothing published). See README.md.
# Environment: DRIVER_MEMORY (default 4g) sets the JVM heap; JAVA_OPTS adds JVM flags;
# JVM_STARTUP=plain turns off the start-up flags of jobs/lib/common.sh (local_launch), and
# QUICK_JIT_BELOW_BYTES sets their input-size limit for the quick compiler.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$ROOT/jobs/lib/job-options.sh"

job_args=()
output="output"
input=""
config_given=false
nightly=true
while [[ $# -gt 0 ]]; do
  if take_job_option "$@"; then
    append_job_option job_args
    [[ "$OPT_NAME" == --output ]] && output="$OPT_VALUE"
    [[ "$OPT_NAME" == --input ]] && input="$OPT_VALUE"
    [[ "$OPT_NAME" == --config ]] && config_given=true
    in_list "$OPT_NAME" "${JOB_INFO_OPTIONS[@]}" --validate-only --evaluate && nightly=false
    shift "$OPT_SHIFT"
  else
    echo "ERROR: unknown option or argument '$1' for jobs/run-local.sh (the options are listed by --help)" >&2
    exit 2
  fi
done

default_to_sample job_args

# The input's size picks the JVM's start-up flags (local_launch in jobs/lib/common.sh): --input,
# or the default input of conf/application.yml when no --config can have set another one.
[[ -z "$input" ]] && [[ "$config_given" == false ]] && input="$ROOT/sample-data"
input_bytes=""
[[ -n "$input" ]] && input_bytes="$(local_input_bytes "$input")"

cd "$ROOT"
build_classpath
local_launch "$input_bytes" "$nightly"

set +e
# shellcheck disable=SC2086
java -Xmx"${DRIVER_MEMORY:-4g}" "${SPARK_JAVA_OPTS[@]}" "${LAUNCH_OPTS[@]}" ${JAVA_OPTS:-} \
  -Dlog4j2.configurationFile="$ROOT/conf/log4j2.properties" \
  -cp "$LAUNCH_CLASSPATH" org.custseg.SegmentationApplication "${job_args[@]}"
code=$?
set -e
finish_local_launch "$code"
if [[ $code -eq 0 ]] && [[ "$nightly" == true ]]; then
  echo "Outputs: $output/reports/run_date=<date>/ (reports), $output/customers/ (Parquet), $output/quarantine/"
fi
exit $code
