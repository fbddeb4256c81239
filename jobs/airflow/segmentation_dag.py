"""Airflow DAG: the nightly customer-segmentation job, one run per business date.

Copy this file into the Airflow ``dags/`` folder and set the Airflow Variables below (or edit the
defaults). Each DAG run processes the date ``{{ ds }}`` (the logical date of the run: the day that
just ended), by calling ``jobs/spark-submit.sh`` of a deployed checkout of this project.

Why a BashOperator and not the SparkSubmitOperator: jobs/spark-submit.sh already knows the
packaged jar, conf/spark-defaults.conf, the shipped configuration and the exit codes, so the
same command works from cron, from a shell and from here. (A SparkSubmitOperator with
``application=<jar>``, ``java_class="org.custseg.SegmentationApplication"`` and
``application_args=["--run-date", "{{ ds }}", ...]`` works as well; the exit codes are the same.)

Exit codes of the job (see README, "Exit codes"):
  0  success; also "this date already completed" (a retry or a re-triggered run does nothing)
  1  failure: Airflow retries the task; the retry restarts the Spring Batch job at its failed
     step (finished steps are not redone)
  2  bad arguments or configuration: retrying will not help
  3  the input failed the data-quality gate; nothing was published: retrying will not help until
     the input is fixed
Airflow retries on any non-zero exit code. Retries are meant for code 1; codes 2 and 3 fail
again quickly on each retry without touching any output, and need a person (fix the
configuration or the input, then clear the task).

Backfill and catch-up:
  ``catchup=True`` makes Airflow create one run per missed day since ``start_date``: after an
  outage every missed date is computed, in date order (``max_active_runs=1``, and
  ``depends_on_past=True`` so a failed date blocks the later ones: the tier-migration report of a
  date reads the previous completed date). Set ``catchup=False`` if only the latest date
  matters. A manual backfill of a range:
      airflow dags backfill customer_segmentation -s 2025-01-01 -e 2025-01-31
  Dates that already completed are not recomputed (the job exits 0 at once); to recompute them
  add ``--force`` (Variable ``segmentation_force=true``, or clear the task with a conf).

Downstream tasks wait for ``reports/run_date=<ds>/_SUCCESS``, which the job writes last: the
FileSensor below shows the pattern for a DAG that only consumes the outputs (an export, a BI
refresh); in this DAG the check task also verifies the file after the job.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta

try:  # Airflow 2.x and 3.x
    from airflow import DAG
    from airflow.models import Variable

    try:
        from airflow.providers.standard.operators.bash import BashOperator
        from airflow.providers.standard.sensors.filesystem import FileSensor
    except ImportError:  # Airflow 2
        from airflow.operators.bash import BashOperator
        from airflow.sensors.filesystem import FileSensor
except ImportError:  # Not installed (e.g. CI compiling this file): define nothing.
    DAG = None


def _setting(name: str, default: str) -> str:
    """An Airflow Variable, else an environment variable, else the default."""
    try:
        return Variable.get(name, default_var=os.environ.get(name.upper(), default))
    except Exception:  # no metadata database (e.g. while parsing in a test)
        return os.environ.get(name.upper(), default)


if DAG is not None:
    # A deployed checkout of the project (with the packaged jar in target/).
    PROJECT_DIR = _setting("segmentation_project_dir", "/opt/customer-segmentation")
    INPUT = _setting("segmentation_input", "hdfs:///data/exports/transactions")
    OUTPUT = _setting("segmentation_output", "hdfs:///data/segmentation")
    MASTER = _setting("segmentation_master", "yarn")
    DEPLOY_MODE = _setting("segmentation_deploy_mode", "client")
    CONFIG = _setting("segmentation_config", "")  # e.g. conf/examples/postgresql.yml
    FORCE = _setting("segmentation_force", "false").lower() == "true"

    default_args = {
        "owner": "data-platform",
        # Retries cover transient failures (exit code 1: a lost node, a full disk that was
        # cleaned). A retry restarts the job at its failed step.
        "retries": 2,
        "retry_delay": timedelta(minutes=15),
        "retry_exponential_backoff": True,
        # One night's run must not pass the next night's.
        "execution_timeout": timedelta(hours=6),
        # A date is computed only after the previous date completed (tier migration reads it).
        "depends_on_past": True,
    }

    submit_command = (
        "cd {{ params.project_dir }} && "
        "jobs/spark-submit.sh --master {{ params.master }} --deploy-mode {{ params.deploy_mode }} "
        "--run-date {{ ds }} --input {{ params.input }} --output {{ params.output }}"
        "{% if params.config %} --config {{ params.config }}{% endif %}"
        "{% if params.force %} --force{% endif %}"
    )

    with DAG(
        dag_id="customer_segmentation",
        description="Nightly RFM, customer value and segment reports (one business date per run)",
        # The run for logical date D starts at 02:00 on D+1, when the exports of D are complete.
        schedule="0 2 * * *",
        start_date=datetime(2025, 1, 1),
        catchup=True,
        max_active_runs=1,
        default_args=default_args,
        params={
            "project_dir": PROJECT_DIR,
            "input": INPUT,
            "output": OUTPUT,
            "master": MASTER,
            "deploy_mode": DEPLOY_MODE,
            "config": CONFIG,
            "force": FORCE,
        },
        tags=["segmentation", "spark"],
    ) as dag:
        segmentation = BashOperator(
            task_id="segmentation",
            bash_command=submit_command,
            # The job's one-line cause is the last "ERROR:" line of the task log.
        )

        # Downstream consumers wait for the marker the job writes last. On HDFS/S3 use the
        # provider's sensor (HdfsSensor, S3KeySensor) with the same path instead.
        published = FileSensor(
            task_id="wait_for_success_marker",
            filepath=OUTPUT + "/reports/run_date={{ ds }}/_SUCCESS",
            poke_interval=60,
            timeout=60 * 60,
            mode="reschedule",
        )

        # Example downstream task: runs only once the date's outputs are complete.
        notify = BashOperator(
            task_id="announce_reports",
            bash_command=(
                "echo 'Customer segments for {{ ds }} are ready: "
                + OUTPUT
                + "/reports/run_date={{ ds }}/'"
            ),
        )

        segmentation >> published >> notify
