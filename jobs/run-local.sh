#!/usr/bin/env bash
# Runs the nightly customer-segmentation job on this machine: embedded Spark (local[*]), an H2
# job repository under the output directory, and by default the sample data in sample-data/.
#
#   jobs/run-local.sh [--run-date YYYY-MM-DD] [--input PATH] [--output DIR] [--config FILE] [--force]
#   jobs/run-local.sh --validate-only [--input PATH] [--config FILE] [--run-date D]
#     (schema check: prints the reconciliation and example rows per reason, writes nothing)
#
# Exit codes: 0 success (or date already completed), 1 failure, 2 bad arguments or configuration,
# 3 input failed the data-quality gate (nothing published). See README.md.
# Environment: DRIVER_MEMORY (default 4g) sets the JVM heap; JAVA_OPTS adds JVM flags.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$ROOT"
build_classpath

output="output"
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[$i]}" in
    --output) output="${args[$((i + 1))]:-output}" ;;
    --output=*) output="${args[$i]#--output=}" ;;
  esac
done

set +e
# shellcheck disable=SC2086
java -Xmx"${DRIVER_MEMORY:-4g}" "${SPARK_JAVA_OPTS[@]}" ${JAVA_OPTS:-} \
  -Dlog4j2.configurationFile="$ROOT/conf/log4j2.properties" \
  -cp "$CLASSPATH_LOCAL" org.custseg.SegmentationApplication "$@"
code=$?
set -e
if [[ $code -eq 0 ]] && [[ ! " $* " =~ " --help " ]] && [[ ! " $* " =~ " --version " ]] \
    && [[ ! " $* " =~ " --validate-only " ]]; then
  echo "Outputs: $output/reports/run_date=<date>/ (reports), $output/customers/ (Parquet), $output/quarantine/"
fi
exit $code
