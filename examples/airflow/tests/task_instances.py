"""Task instances as Airflow 2 (models.TaskInstance) and Airflow 3 (task SDK's
RuntimeTaskInstance) present them to listeners and callbacks: only the attributes each has."""

from __future__ import annotations

from datetime import datetime, timezone

START = datetime(2026, 11, 20, 5, 17, 41, 118305, tzinfo=timezone.utc)
END = datetime(2026, 11, 20, 5, 17, 49, 560211, tzinfo=timezone.utc)
LOGICAL = datetime(2026, 11, 19, 5, 0, tzinfo=timezone.utc)
RUN_ID = "scheduled__2026-11-19T05:00:00+00:00"


class SQLExecuteQueryOperator:
    task_id = "build_daily_revenue"


class ProgrammingError(Exception):
    pass


ProgrammingError.__module__ = "snowflake.connector.errors"


def snowflake_error() -> ProgrammingError:
    return ProgrammingError(
        "003001 (42501): SQL access control error:\nInsufficient privileges to operate on table 'DAILY_REVENUE'"
    )


class DagRun:
    run_id = RUN_ID
    logical_date = LOGICAL


class Airflow2TaskInstance:
    """airflow.models.TaskInstance (2.x): database columns, `operator` as a string, `duration`."""

    dag_id = "finance_revenue_daily"
    task_id = "build_daily_revenue"
    run_id = RUN_ID
    map_index = -1
    try_number = 3
    max_tries = 2
    start_date = START
    end_date = END
    duration = 8.441906
    hostname = "airflow-worker-6c9f7d8b5-x2k4q"
    operator = "SQLExecuteQueryOperator"
    log_url = "https://airflow.acme.example/dags/finance_revenue_daily/grid?tab=logs"

    def __init__(self, state="failed"):
        self.state = state
        self.dag_run = DagRun()
        self.task = SQLExecuteQueryOperator()

    def get_template_context(self):
        raise RuntimeError("needs a database session")  # as outside the task process


class Airflow3RuntimeTaskInstance:
    """airflow.sdk.execution_time.task_runner.RuntimeTaskInstance: no `operator` or `duration`
    column, no `dag_run`; the template context holds the run and its logical date."""

    dag_id = "finance_revenue_daily"
    task_id = "build_daily_revenue"
    run_id = RUN_ID
    map_index = -1
    try_number = 3
    max_tries = 2
    start_date = START
    end_date = END
    hostname = "airflow-worker-6c9f7d8b5-x2k4q"
    log_url = "https://airflow.acme.example/dags/finance_revenue_daily/runs/scheduled__2026-11-19T05:00:00+00:00/tasks/build_daily_revenue?try_number=3"

    def __init__(self, state="failed"):
        self.state = state
        self.task = SQLExecuteQueryOperator()

    def get_template_context(self):
        return {"dag_run": DagRun(), "logical_date": LOGICAL, "task": self.task, "run_id": RUN_ID}
