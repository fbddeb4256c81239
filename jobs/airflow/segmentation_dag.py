"""Airflow DAG: the nightly customer-segmentation job, one run per business date.

Works on Airflow 2.4+ and 3.x. Copy this file into the Airflow ``dags/`` folder of a machine that
has a deployed checkout of this project (with the packaged jar in ``target/``); each DAG run calls
``jobs/spark-submit.sh`` of that checkout for one business date.

Which date a run processes
--------------------------
The run for the night after day D processes D: the day that just ended, in the time zone of the
data (``TIME_ZONE`` below; it must equal the job's ``segmentation.input.time-zone``).

* The schedule is an explicit ``CronDataIntervalTimetable("0 2 * * *", TIME_ZONE)``, not a bare
  cron string. A bare cron string means different things in the two major versions: Airflow 2
  turns it into a ``CronDataIntervalTimetable`` (the run at 02:00 on D+1 covers the data interval
  [D 02:00, D+1 02:00) and its logical date, ``ds``, is D), while Airflow 3 turns it into a
  ``CronTriggerTimetable`` (``[scheduler] create_cron_data_intervals`` is False by default), whose
  logical date is the trigger time itself: ``ds`` would be D+1, a day that has not ended. See the
  Airflow docs: "Timetables" (authoring-and-scheduling/timetable.html, "Differences between the
  two cron timetables") and "Upgrading to Airflow 3" (installation/upgrading_to_airflow3.html).
* The run date is taken from the end of the data interval (``data_interval_end``, a template and
  context variable since Airflow 2.2; templates-ref.html), not from ``ds``/``logical_date``: the
  calendar day, in ``TIME_ZONE``, before the one on which the interval ends
  (``run_date_for``). With the timetable above that is D; it stays D if the schedule is ever
  changed back to a bare cron string on Airflow 3 (the interval of a trigger timetable is the
  trigger time) or moved to 00:00. A manual run can name its date with the ``run_date`` param;
  a run without a data interval (Airflow 3 allows manual runs without a logical date) must, or
  the task fails without retries, saying so.

Exit codes and retries
----------------------
The job's exit codes (README, "Exit codes") decide the task's state (``task_outcome``):

  0  success; also "this date already completed" (a retry or a re-triggered run does nothing)
  1  failure: the task is retried (``retries``); a retry restarts the Spring Batch job at its
     failed step. So are codes the job never gives (a killed JVM: 137, 143).
  2  bad arguments or configuration: the task fails at once, without retries
  3  the input failed the data-quality gate, nothing was published: fails at once, no retries

How: the task is a ``PythonOperator`` that runs the command (no shell) and raises
``AirflowFailException`` for 2 and 3, which fails the task "regardless of whether there are any
retry attempts remaining" (Airflow docs, airflow.exceptions: "Raise when the task should be failed
without retrying"), and ``AirflowException`` for the rest, which Airflow retries. A
``BashOperator`` cannot do that: it fails (and so retries) on every non-zero code, and its only
special code, ``skip_on_exit_code`` (default 99), marks the task skipped, not failed.

Completion
----------
The job's exit code is the completion signal: 0 means the date's outputs are published
(``reports/run_date=D/_SUCCESS`` is written last). When the output is a local path the task also
checks ``_SUCCESS`` on that file system; on HDFS/S3 it trusts the exit code (a FileSensor only
sees local files, so it could never see ``hdfs:///...``). Consumers in other DAGs wait for
``_SUCCESS`` with a sensor of the output's own file system (HdfsSensor, S3KeySensor), or on this
DAG's task.

Configuration
-------------
Read when the task runs, never when the file is parsed: Airflow Variables through templates
(``{{ var.value.get('segmentation_output', default) }}``, templates-ref.html, "Airflow Variables
in Templates"), with the defaults in ``DEFAULTS``. Per run: the params ``force`` (recompute a
date that already completed: ``--force``) and ``run_date`` (process that date instead), e.g.
``airflow dags trigger customer_segmentation --conf '{"run_date": "2025-12-30", "force": true}'``.

Backfill and catch-up
---------------------
``catchup=True`` (Airflow 3's default is False) creates one run per missed day since
``start_date``: after an outage every missed date is computed in date order
(``max_active_runs=1``, and ``depends_on_past=True`` so that a failed date blocks the later ones:
the migration reports of a date read the previous completed date). A manual backfill of the
dates 2025-01-01 to 2025-01-31 covers the data intervals that start on those days:
``airflow dags backfill customer_segmentation -s 2025-01-01 -e 2025-01-31`` (Airflow 2) or
``airflow backfill create --dag-id customer_segmentation --from-date 2025-01-01 --to-date
2025-01-31`` (Airflow 3). Dates that already completed are not recomputed (the job exits 0).

Failure hook
------------
``notify_failure`` is every task's ``on_failure_callback`` (called once a task has failed for
good, not on the attempts that are retried): it logs one line with the date, the cause and the
log's address; replace its body with the team's alerting (e-mail, chat, pager).

Testing: the functions above the ``if DAG is not None`` block need no Airflow; they are tested
by ``python3 -m unittest discover -s jobs/airflow/tests`` (in CI, from .ci/ops-tests.sh), which
also builds the DAG against stub Airflow modules of both major versions.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
from datetime import date, datetime, timedelta
from typing import Callable, NamedTuple, Sequence

try:
    from zoneinfo import ZoneInfo
except ImportError:  # Python 3.8 (Airflow 2): pendulum, which Airflow always brings
    from pendulum import timezone as ZoneInfo  # noqa: N812

log = logging.getLogger("airflow.task")

DAG_ID = "customer_segmentation"
# The zone of the business dates: the job's segmentation.input.time-zone. The schedule needs it
# when the file is parsed, so it comes from the environment of the scheduler, not a Variable.
TIME_ZONE = os.environ.get("SEGMENTATION_TIME_ZONE", "UTC")
# 02:00 each night in TIME_ZONE, when the exports of the day before are complete.
SCHEDULE_CRON = "0 2 * * *"

# Settings and their defaults; each can be overridden by the Airflow Variable segmentation_<key>.
DEFAULTS = {
    "project_dir": "/opt/customer-segmentation",  # a deployed checkout with the packaged jar
    "input": "hdfs:///data/exports/transactions",
    "output": "hdfs:///data/segmentation",
    "master": "yarn",
    "deploy_mode": "client",  # client: the job's exit codes reach this task (docs/operations.md)
    "config": "",  # e.g. conf/examples/postgresql.yml (relative to project_dir)
}

# Exit codes of the job (README, "Exit codes").
EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_DATA_QUALITY = 0, 1, 2, 3


class Outcome(NamedTuple):
    """What the task does with an exit code: succeed, fail and retry, or fail for good."""

    state: str  # "success", "retry" or "fail"
    message: str


def task_outcome(exit_code: int) -> Outcome:
    """The task state for the job's exit code: only 2 and 3 are final failures."""
    if exit_code == EXIT_OK:
        return Outcome("success", "the date is published (or had already completed)")
    if exit_code == EXIT_USAGE:
        return Outcome(
            "fail",
            "exit 2: bad arguments or configuration; not retried: fix the settings, then clear"
            " the task",
        )
    if exit_code == EXIT_DATA_QUALITY:
        return Outcome(
            "fail",
            "exit 3: the input failed the data-quality gate and nothing was published; not"
            " retried: fix the input, then clear the task",
        )
    if exit_code < 0:  # subprocess: killed by signal -N
        return Outcome("retry", f"killed by signal {-exit_code}; retried")
    return Outcome("retry", f"exit {exit_code}: failure; retried (restarts at the failed step)")


def run_date_for(data_interval_end: datetime, time_zone: str = TIME_ZONE) -> date:
    """The business date a run processes: the day before the one on which its data interval ends.

    For the run at 02:00 on D+1 (interval end D+1 02:00 in ``time_zone``) that is D, the day that
    just ended; likewise for an interval ending at 00:00 on D+1.
    """
    if data_interval_end.tzinfo is None:
        raise ValueError("data_interval_end must carry a time zone")
    return data_interval_end.astimezone(ZoneInfo(time_zone)).date() - timedelta(days=1)


def resolve_run_date(
    requested: str | None, data_interval_end: datetime | None, time_zone: str = TIME_ZONE
) -> str:
    """The run date as YYYY-MM-DD: the ``run_date`` param when given, else from the interval."""
    if requested and str(requested).strip() not in ("", "None"):
        return date.fromisoformat(str(requested).strip()).isoformat()
    if data_interval_end is None:
        raise ValueError("this run has no data interval: trigger it with a run_date param")
    return run_date_for(data_interval_end, time_zone).isoformat()


def is_true(value: object) -> bool:
    """A param or rendered template value as a boolean ("true", "True", True, "1", "yes")."""
    return str(value).strip().lower() in ("true", "1", "yes", "on")


def build_command(run_date: str, settings: dict, force: bool = False) -> list[str]:
    """The command that processes ``run_date``: jobs/spark-submit.sh of the deployed checkout.

    Run from ``settings["project_dir"]`` (relative paths in the settings are relative to it).
    """
    cmd = [
        os.path.join(settings["project_dir"], "jobs", "spark-submit.sh"),
        "--master",
        settings["master"],
        "--deploy-mode",
        settings["deploy_mode"],
        "--run-date",
        run_date,
        "--input",
        settings["input"],
        "--output",
        settings["output"],
    ]
    if settings.get("config"):
        cmd += ["--config", settings["config"]]
    if force:
        cmd.append("--force")
    return cmd


def success_marker(output: str, run_date: str, project_dir: str) -> str | None:
    """The local path of the date's _SUCCESS marker, or None when the output is not local."""
    if "://" in output:
        if not output.startswith("file://"):
            return None
        output = output[len("file://") :]
    elif output.startswith("file:"):
        output = output[len("file:") :]
    if not os.path.isabs(output):
        output = os.path.join(project_dir, output)
    return os.path.join(output, "reports", f"run_date={run_date}", "_SUCCESS")


def run_command(cmd: Sequence[str], cwd: str, emit: Callable[[str], None] = log.info) -> int:
    """Runs ``cmd`` (no shell) in ``cwd``, passes each output line to ``emit``, returns its exit
    code (negative: killed by that signal). The job runs in its own process group, which is
    terminated if this task is interrupted (timeout, marked failed, killed)."""
    proc = subprocess.Popen(
        list(cmd),
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        errors="replace",
        start_new_session=True,
    )
    try:
        with proc.stdout:
            for line in proc.stdout:
                emit(line.rstrip("\n"))
        return proc.wait()
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)


# The exceptions the task raises: Airflow's when it is installed; stand-ins (same names, same
# hierarchy) otherwise, so that the functions can be tested without Airflow.
try:
    from airflow.exceptions import AirflowException, AirflowFailException
except ImportError:

    class AirflowException(Exception):  # type: ignore[no-redef]
        """Stand-in for airflow.exceptions.AirflowException (Airflow not installed)."""

    class AirflowFailException(AirflowException):  # type: ignore[no-redef]
        """Stand-in for airflow.exceptions.AirflowFailException (Airflow not installed)."""


def run_segmentation(
    project_dir: str,
    input: str,  # noqa: A002 - the job's option name
    output: str,
    master: str,
    deploy_mode: str,
    config: str = "",
    data_interval_end: datetime | None = None,
    params: dict | None = None,
    runner: Callable[[Sequence[str], str], int] = run_command,
) -> str:
    """The task: runs the job for this run's date and maps its exit code to the task's state.

    Airflow passes the settings (op_kwargs, rendered templates) and, by their names, the context
    values ``data_interval_end`` and ``params``. Returns the run date (XCom, for downstream).
    """
    params = params or {}
    try:
        run_date = resolve_run_date(params.get("run_date"), data_interval_end)
    except ValueError as e:
        raise AirflowFailException(str(e)) from e
    settings = {
        "project_dir": project_dir,
        "input": input,
        "output": output,
        "master": master,
        "deploy_mode": deploy_mode,
        "config": config,
    }
    cmd = build_command(run_date, settings, force=is_true(params.get("force", False)))
    log.info("customer segmentation for %s: %s (in %s)", run_date, " ".join(cmd), project_dir)
    outcome = task_outcome(runner(cmd, project_dir))
    if outcome.state == "fail":
        raise AirflowFailException(f"customer segmentation {run_date}: {outcome.message}")
    if outcome.state == "retry":
        raise AirflowException(f"customer segmentation {run_date}: {outcome.message}")
    marker = success_marker(output, run_date, project_dir)
    if marker is not None and not os.path.exists(marker):
        raise AirflowFailException(
            f"customer segmentation {run_date}: exit 0 but no {marker}: is the output setting"
            " the path the job wrote to?"
        )
    log.info("customer segmentation %s: %s", run_date, outcome.message)
    return run_date


def notify_failure(context: dict) -> None:
    """on_failure_callback: the hook for alerting once a task has failed for good.

    Logs one line; put the team's notification here (e-mail, chat webhook, pager).
    """
    ti = context.get("task_instance") or context.get("ti")
    interval_end = context.get("data_interval_end")
    params = context.get("params") or {}
    try:
        run_date = resolve_run_date(params.get("run_date"), interval_end)
    except ValueError:
        run_date = "?"
    log.error(
        "ALERT %s.%s failed for run date %s: %s (log: %s)",
        getattr(ti, "dag_id", DAG_ID),
        getattr(ti, "task_id", "?"),
        run_date,
        context.get("exception"),
        getattr(ti, "log_url", "-"),
    )


def announce(run_date: str) -> None:
    """Example downstream task: runs only once the date's outputs are published."""
    log.info("Customer segments for %s are ready (reports/run_date=%s/)", run_date, run_date)


def _variable(key: str) -> str:
    """A templated setting: Airflow Variable segmentation_<key>, rendered when the task runs."""
    default = DEFAULTS[key].replace("'", "\\'")
    return "{{ var.value.get('segmentation_%s', '%s') }}" % (key, default)


# ---- The DAG (only where Airflow is installed). Airflow 3 names first, then Airflow 2's.
try:
    try:
        from airflow.sdk import DAG
    except ImportError:  # Airflow 2
        from airflow import DAG
    try:
        from airflow.providers.standard.operators.python import PythonOperator
    except ImportError:  # Airflow 2 without the standard provider
        from airflow.operators.python import PythonOperator
    try:
        from airflow.sdk import CronDataIntervalTimetable
    except ImportError:  # Airflow 2, and Airflow 3 releases that do not export it from the SDK
        from airflow.timetables.interval import CronDataIntervalTimetable
    import pendulum
except ImportError:  # Airflow not installed (CI, a developer machine): define no DAG.
    DAG = None

if DAG is not None:
    with DAG(
        dag_id=DAG_ID,
        description="Nightly RFM, customer value and segment reports (one business date per run)",
        schedule=CronDataIntervalTimetable(SCHEDULE_CRON, timezone=pendulum.timezone(TIME_ZONE)),
        start_date=pendulum.datetime(2025, 1, 1, tz=TIME_ZONE),
        catchup=True,
        max_active_runs=1,
        default_args={
            "owner": "data-platform",
            # Retries are for exit code 1 (a lost node, a full disk that was cleaned); codes 2
            # and 3 raise AirflowFailException and are not retried.
            "retries": 2,
            "retry_delay": timedelta(minutes=15),
            "retry_exponential_backoff": True,
            # One night's run must not pass the next night's.
            "execution_timeout": timedelta(hours=6),
            # A date is computed only after the previous date completed (migration reports).
            "depends_on_past": True,
            # Called when a task has failed for good (not for the attempts that are retried).
            "on_failure_callback": notify_failure,
        },
        params={"force": False, "run_date": ""},
        tags=["segmentation", "spark"],
    ) as dag:
        segmentation = PythonOperator(
            task_id="segmentation",
            python_callable=run_segmentation,
            op_kwargs={key: _variable(key) for key in DEFAULTS},
        )
        announce_reports = PythonOperator(
            task_id="announce_reports",
            python_callable=announce,
            op_kwargs={"run_date": "{{ ti.xcom_pull(task_ids='segmentation') }}"},
        )
        segmentation >> announce_reports
