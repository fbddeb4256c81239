# The job's command-line options (org.custseg.SegmentationApplication, picocli): the one list that
# jobs/run-local.sh and jobs/spark-submit.sh both read, so the two wrappers accept the same options.
# JobOptionsListTest (src/test/java/org/custseg/scripts/) compares these arrays with the options the
# Java code declares: an option added on one side only fails the build.
# shellcheck shell=bash

# Options without a value.
JOB_FLAG_OPTIONS=(--force --full --validate-only --evaluate --help -h --version -V)
# Options with a value: `--name VALUE` or `--name=VALUE`.
JOB_VALUE_OPTIONS=(--run-date --input --output --config --calibration-end --holdout-end)
# Of the valued options, those whose value is a path: jobs/spark-submit.sh makes a relative local
# path absolute (its driver runs from the repository root) and so does jobs/run-local.sh.
JOB_PATH_OPTIONS=(--input --output --config)
# The options after which the job only prints something (usage, version) and writes nothing.
JOB_INFO_OPTIONS=(--help -h --version -V)

# in_list WORD ARRAY-ITEMS...: whether WORD is one of the items.
in_list() {
  local word="$1" item
  shift
  for item in "$@"; do
    [[ "$item" == "$word" ]] && return 0
  done
  return 1
}

# A local path made absolute against the caller's directory; URIs such as hdfs://, s3a:// or
# file:/ and absolute paths are left alone.
absolute_path() {
  case "$1" in
    *://* | file:* | /*) printf '%s' "$1" ;;
    *) printf '%s/%s' "$(pwd)" "$1" ;;
  esac
}

# take_job_option ARGS...: when $1 is one of the job's options, sets OPT_NAME, OPT_VALUE (empty
# for a flag; a path option's value made absolute) and OPT_SHIFT (how many arguments it took), and
# returns 0; returns 1 when $1 is not a job option. A valued option without its value is a usage
# error: message and exit 2, like any other bad argument.
take_job_option() {
  local arg="$1" name value
  OPT_NAME="" OPT_VALUE="" OPT_SHIFT=0
  if in_list "$arg" "${JOB_FLAG_OPTIONS[@]}"; then
    OPT_NAME="$arg" OPT_SHIFT=1
    return 0
  fi
  if [[ "$arg" == --*=* ]]; then
    name="${arg%%=*}" value="${arg#*=}" OPT_SHIFT=1
  else
    name="$arg" OPT_SHIFT=2
    if [[ $# -ge 2 ]] && [[ "$2" != --* ]]; then value="$2"; else value=""; fi
  fi
  in_list "$name" "${JOB_VALUE_OPTIONS[@]}" || return 1
  if [[ -z "$value" ]]; then
    echo "ERROR: $name needs a value (see --help)" >&2
    exit 2
  fi
  in_list "$name" "${JOB_PATH_OPTIONS[@]}" && value="$(absolute_path "$value")"
  OPT_NAME="$name" OPT_VALUE="$value"
  return 0
}

# append_job_option ARRAY-NAME: appends the option just taken (take_job_option) to the array.
append_job_option() {
  local -n _into="$1"
  if [[ -n "$OPT_VALUE" ]]; then
    _into+=("$OPT_NAME" "$OPT_VALUE")
  else
    _into+=("$OPT_NAME")
  fi
}

# The settings of the sample data (its reporting currency and exchange rates), layered when a
# wrapper is given neither --config nor --input: the README's one-command run on sample-data/.
SAMPLE_CONFIG="conf/examples/sample.yml"

# default_to_sample ARRAY-NAME: when the job options taken into the array hold neither --config nor
# --input (nor an option after which the job only prints something), appends --config with the
# sample's settings (an absolute path) and says so on stderr, in one line.
default_to_sample() {
  local -n _args="$1"
  local arg
  for arg in "${_args[@]}"; do
    in_list "$arg" --config --input "${JOB_INFO_OPTIONS[@]}" && return 0
  done
  _args+=(--config "$ROOT/$SAMPLE_CONFIG")
  echo "No --config or --input given: running on the sample data with $SAMPLE_CONFIG (reporting currency EUR, rates sample-data/rates.csv)" >&2
}
