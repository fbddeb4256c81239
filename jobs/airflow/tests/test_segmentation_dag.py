"""Tests of jobs/airflow/segmentation_dag.py that need no Airflow installation.

    python3 -m unittest discover -s jobs/airflow/tests

The pure functions (the run date of a data interval, the command for a date, the exit-code
mapping, the task callable with a fake runner, the subprocess runner) are tested directly; the
DAG itself is built against stub Airflow modules laid out as Airflow 3 and as Airflow 2, to check
its wiring (timetable, retries, failure callback, no Variable read at parse time). What only a
real Airflow can show (scheduling, retry handling) is checked against the Airflow documentation
cited in the DAG's docstring.
"""

from __future__ import annotations

import importlib.util
import sys
import tempfile
import types
import unittest
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

DAG_FILE = Path(__file__).resolve().parents[1] / "segmentation_dag.py"


def load_dag_module(name: str = "segmentation_dag_under_test"):
    """Imports the DAG file as a fresh module (no __pycache__ written)."""
    spec = importlib.util.spec_from_file_location(name, DAG_FILE)
    module = importlib.util.module_from_spec(spec)
    dont_write = sys.dont_write_bytecode
    sys.dont_write_bytecode = True
    try:
        spec.loader.exec_module(module)
    finally:
        sys.dont_write_bytecode = dont_write
    return module


dag = load_dag_module()
UTC = timezone.utc


class RunDateTest(unittest.TestCase):
    def test_the_02_00_run_processes_the_day_that_just_ended(self):
        # CronDataIntervalTimetable("0 2 * * *"): the run at 2026-01-01 02:00 has the interval
        # [2025-12-31 02:00, 2026-01-01 02:00).
        self.assertEqual(
            str(dag.run_date_for(datetime(2026, 1, 1, 2, 0, tzinfo=UTC), "UTC")), "2025-12-31"
        )

    def test_a_trigger_timetable_interval_gives_the_same_date(self):
        # Airflow 3 with a bare cron string: CronTriggerTimetable, interval start == end == the
        # trigger time, logical date (ds) 2026-01-01. The run date still is 2025-12-31.
        trigger = datetime(2026, 1, 1, 2, 0, tzinfo=UTC)
        self.assertEqual(dag.resolve_run_date("", trigger, "UTC"), "2025-12-31")

    def test_an_interval_ending_at_midnight(self):
        self.assertEqual(
            str(dag.run_date_for(datetime(2026, 1, 1, 0, 0, tzinfo=UTC), "UTC")), "2025-12-31"
        )

    def test_the_day_is_taken_in_the_configured_time_zone(self):
        # 2026-01-01 02:00 in Shanghai is 2025-12-31 18:00 UTC.
        end = datetime(2026, 1, 1, 2, 0, tzinfo=ZoneInfo("Asia/Shanghai")).astimezone(UTC)
        self.assertEqual(str(dag.run_date_for(end, "Asia/Shanghai")), "2025-12-31")
        self.assertEqual(str(dag.run_date_for(end, "UTC")), "2025-12-30")

    def test_across_a_daylight_saving_change(self):
        # 2025-03-09 is 23 hours long in New York; the run at 02:00 local on 03-10 processes 03-09.
        end = datetime(2025, 3, 10, 2, 0, tzinfo=ZoneInfo("America/New_York"))
        self.assertEqual(str(dag.run_date_for(end, "America/New_York")), "2025-03-09")

    def test_a_naive_interval_end_is_refused(self):
        with self.assertRaises(ValueError):
            dag.run_date_for(datetime(2026, 1, 1, 2, 0), "UTC")

    def test_the_run_date_param_wins(self):
        end = datetime(2026, 1, 1, 2, 0, tzinfo=UTC)
        self.assertEqual(dag.resolve_run_date("2025-06-30", end, "UTC"), "2025-06-30")
        self.assertEqual(dag.resolve_run_date("None", end, "UTC"), "2025-12-31")

    def test_no_interval_and_no_param(self):
        with self.assertRaises(ValueError):
            dag.resolve_run_date("", None, "UTC")

    def test_a_malformed_run_date_param(self):
        with self.assertRaises(ValueError):
            dag.resolve_run_date("31/12/2025", None, "UTC")


class CommandTest(unittest.TestCase):
    SETTINGS = {
        "project_dir": "/srv/custseg",
        "input": "hdfs:///exports",
        "output": "hdfs:///segmentation",
        "master": "yarn",
        "deploy_mode": "client",
        "config": "",
    }

    def test_the_command_for_a_date(self):
        self.assertEqual(
            dag.build_command("2025-12-31", self.SETTINGS),
            [
                "/srv/custseg/jobs/spark-submit.sh",
                "--master",
                "yarn",
                "--deploy-mode",
                "client",
                "--run-date",
                "2025-12-31",
                "--input",
                "hdfs:///exports",
                "--output",
                "hdfs:///segmentation",
            ],
        )

    def test_config_and_force(self):
        cmd = dag.build_command("2025-12-31", dict(self.SETTINGS, config="conf/pg.yml"), True)
        self.assertEqual(cmd[-3:], ["--config", "conf/pg.yml", "--force"])

    def test_every_option_is_one_the_wrapper_accepts(self):
        # The option list both wrappers read (jobs/lib/job-options.sh) and spark-submit's.
        text = (DAG_FILE.parents[1] / "lib" / "job-options.sh").read_text()
        cmd = dag.build_command("2025-12-31", dict(self.SETTINGS, config="c.yml"), True)
        for option in (a for a in cmd[1:] if a.startswith("--")):
            self.assertTrue(option in text or option in ("--master", "--deploy-mode"), option)

    def test_force_values(self):
        self.assertTrue(all(dag.is_true(v) for v in (True, "True", "true", "1", "yes")))
        self.assertFalse(any(dag.is_true(v) for v in (False, "False", "", "0", None)))


class OutcomeTest(unittest.TestCase):
    def test_exit_codes(self):
        self.assertEqual(dag.task_outcome(0).state, "success")
        self.assertEqual(dag.task_outcome(1).state, "retry")
        self.assertEqual(dag.task_outcome(2).state, "fail")
        self.assertEqual(dag.task_outcome(3).state, "fail")
        self.assertEqual(dag.task_outcome(137).state, "retry")  # JVM killed (e.g. out of memory)
        self.assertEqual(dag.task_outcome(-15).state, "retry")  # terminated by a signal

    def test_the_final_failures_say_why(self):
        self.assertIn("configuration", dag.task_outcome(2).message)
        self.assertIn("data-quality gate", dag.task_outcome(3).message)


class TaskTest(unittest.TestCase):
    END = datetime(2026, 1, 1, 2, 0, tzinfo=UTC)

    def run_task(self, code, output="hdfs:///segmentation", project_dir="/srv/custseg", **params):
        seen = {}

        def runner(cmd, cwd):
            seen["cmd"], seen["cwd"] = cmd, cwd
            return code

        result = dag.run_segmentation(
            project_dir=project_dir,
            input="hdfs:///exports",
            output=output,
            master="yarn",
            deploy_mode="client",
            config="",
            data_interval_end=self.END,
            params=params,
            runner=runner,
        )
        return result, seen

    def test_success(self):
        result, seen = self.run_task(0)
        self.assertEqual(result, "2025-12-31")
        self.assertIn("2025-12-31", seen["cmd"])
        self.assertEqual(seen["cwd"], "/srv/custseg")
        self.assertNotIn("--force", seen["cmd"])

    def test_force_and_run_date_params(self):
        result, seen = self.run_task(0, force="True", run_date="2025-12-01")
        self.assertEqual(result, "2025-12-01")
        self.assertIn("--force", seen["cmd"])

    def test_exit_1_is_retried(self):
        with self.assertRaises(dag.AirflowException) as raised:
            self.run_task(1)
        self.assertNotIsInstance(raised.exception, dag.AirflowFailException)

    def test_exit_2_and_3_fail_without_retry(self):
        for code in (2, 3):
            with self.assertRaises(dag.AirflowFailException):
                self.run_task(code)

    def test_a_local_output_needs_its_success_marker(self):
        with tempfile.TemporaryDirectory() as out:
            with self.assertRaises(dag.AirflowFailException):
                self.run_task(0, output=out)
            marker = Path(out, "reports", "run_date=2025-12-31", "_SUCCESS")
            marker.parent.mkdir(parents=True)
            marker.touch()
            self.assertEqual(self.run_task(0, output=out)[0], "2025-12-31")
            self.assertEqual(self.run_task(0, output="file://" + out)[0], "2025-12-31")

    def test_a_relative_local_output_is_under_the_project(self):
        self.assertEqual(
            dag.success_marker("output", "2025-12-31", "/srv/custseg"),
            "/srv/custseg/output/reports/run_date=2025-12-31/_SUCCESS",
        )
        self.assertIsNone(dag.success_marker("s3a://bucket/seg", "2025-12-31", "/srv"))

    def test_no_data_interval_fails_without_retry(self):
        with self.assertRaises(dag.AirflowFailException):
            dag.run_segmentation("/p", "i", "hdfs:///o", "yarn", "client", runner=lambda c, d: 0)

    def test_the_failure_hook_names_the_date(self):
        ti = types.SimpleNamespace(
            dag_id="customer_segmentation", task_id="segmentation", log_url="http://airflow/log"
        )
        context = {
            "task_instance": ti,
            "data_interval_end": self.END,
            "exception": RuntimeError("exit 3"),
            "params": {},
        }
        with self.assertLogs("airflow.task", level="ERROR") as logs:
            dag.notify_failure(context)
        self.assertIn("2025-12-31", logs.output[0])
        self.assertIn("exit 3", logs.output[0])


class RunCommandTest(unittest.TestCase):
    def test_output_lines_and_exit_code(self):
        lines = []
        script = "import sys; print('one'); print('two', file=sys.stderr); sys.exit(3)"
        code = dag.run_command(
            [sys.executable, "-c", script], cwd=tempfile.gettempdir(), emit=lines.append
        )
        self.assertEqual(code, 3)
        self.assertEqual(sorted(lines), ["one", "two"])


class StubAirflow:
    """Installs stub modules named like Airflow 3's (version=3) or Airflow 2's (version=2)."""

    class Timetable:
        def __init__(self, cron, timezone):
            self.cron, self.timezone = cron, timezone

    class Dag:
        current = None

        def __init__(self, **kwargs):
            self.kwargs, self.tasks = kwargs, []

        def __enter__(self):
            StubAirflow.Dag.current = self
            return self

        def __exit__(self, *exc):
            StubAirflow.Dag.current = None
            return False

    class Operator:
        def __init__(self, **kwargs):
            self.kwargs, self.downstream = kwargs, []
            StubAirflow.Dag.current.tasks.append(self)

        def __rshift__(self, other):
            self.downstream.append(other)
            return other

    class FailException(Exception):
        pass

    def __init__(self, version):
        self.version = version
        self.saved = {}

    def module(self, name, **attrs):
        mod = types.ModuleType(name)
        mod.__dict__.update(attrs)
        self.saved.setdefault(name, sys.modules.get(name))
        sys.modules[name] = mod
        return mod

    def __enter__(self):
        def no_parse_time_variable(*args, **kwargs):
            raise AssertionError("Variable.get called while parsing the DAG file")

        exc = self.module("airflow.exceptions", AirflowException=Exception,
                          AirflowFailException=StubAirflow.FailException)
        variable = types.SimpleNamespace(get=no_parse_time_variable)
        self.module("airflow.models", Variable=variable)
        if self.version == 3:
            root = self.module("airflow", exceptions=exc)
            root.__path__ = []
            self.module("airflow.sdk", DAG=StubAirflow.Dag, Variable=variable,
                        CronDataIntervalTimetable=StubAirflow.Timetable)
            for name in ("airflow.providers", "airflow.providers.standard",
                         "airflow.providers.standard.operators"):
                self.module(name).__path__ = []
            self.module("airflow.providers.standard.operators.python",
                        PythonOperator=StubAirflow.Operator)
        else:
            root = self.module("airflow", DAG=StubAirflow.Dag, exceptions=exc)
            root.__path__ = []
            self.module("airflow.operators").__path__ = []
            self.module("airflow.operators.python", PythonOperator=StubAirflow.Operator)
            self.module("airflow.timetables").__path__ = []
            self.module("airflow.timetables.interval",
                        CronDataIntervalTimetable=StubAirflow.Timetable)
        self.module("pendulum", timezone=ZoneInfo,
                    datetime=lambda *a, tz="UTC": datetime(*a, tzinfo=ZoneInfo(tz)))
        return self

    def __exit__(self, *exc):
        for name, previous in self.saved.items():
            if previous is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = previous
        return False


class DagWiringTest(unittest.TestCase):
    def check(self, version):
        with StubAirflow(version):
            module = load_dag_module(f"segmentation_dag_airflow{version}")
        built = module.dag
        kwargs = built.kwargs
        self.assertEqual(kwargs["dag_id"], "customer_segmentation")
        schedule = kwargs["schedule"]
        self.assertIsInstance(schedule, StubAirflow.Timetable)
        self.assertEqual((schedule.cron, str(schedule.timezone)), ("0 2 * * *", "UTC"))
        self.assertTrue(kwargs["catchup"])
        self.assertEqual(kwargs["max_active_runs"], 1)
        defaults = kwargs["default_args"]
        self.assertEqual(defaults["retries"], 2)
        self.assertTrue(defaults["depends_on_past"])
        self.assertIs(defaults["on_failure_callback"], module.notify_failure)
        task, announce = built.tasks
        self.assertEqual(task.kwargs["task_id"], "segmentation")
        self.assertIs(task.kwargs["python_callable"], module.run_segmentation)
        self.assertEqual(task.downstream, [announce])
        # Settings are templates rendered at run time, one per setting.
        op_kwargs = task.kwargs["op_kwargs"]
        self.assertEqual(set(op_kwargs), set(module.DEFAULTS))
        for key, value in op_kwargs.items():
            self.assertTrue(value.startswith("{{ var.value.get('segmentation_%s'" % key), value)
        # Exit codes 2/3 raise Airflow's own AirflowFailException.
        self.assertIs(module.AirflowFailException, StubAirflow.FailException)

    def test_airflow_3_layout(self):
        self.check(3)

    def test_airflow_2_layout(self):
        self.check(2)

    def test_without_airflow_no_dag_is_defined(self):
        self.assertIsNone(dag.DAG)


if __name__ == "__main__":
    unittest.main()
