"""Listener hooks: every task instance's failure and success, with no DAG edits.

Airflow calls listeners through pluggy, which passes only the arguments an implementation
declares and refuses one that declares an argument its hookspec lacks. The specs differ:

- Airflow 2.6 - 2.9: ``on_task_instance_failed(previous_state, task_instance, session)``
- Airflow 2.10+:     ``on_task_instance_failed(previous_state, task_instance, error, session)``
- Airflow 3:         ``on_task_instance_failed(previous_state, task_instance, error)``
- success, all:      ``on_task_instance_success(previous_state, task_instance[, session])``

so the implementations declare ``previous_state`` and ``task_instance``, plus ``error`` where the
installed Airflow's spec has it. Airflow 2 also calls the failure hook for an attempt that will be
retried (state ``up_for_retry``); that is not yet an incident and is not reported.
"""

from __future__ import annotations

import inspect
from typing import Any, Dict, Optional

from pipeline_triage_airflow.callbacks import report
from pipeline_triage_airflow.payload import ti_state

from airflow.listeners import hookimpl


def _failed_hook_has_error() -> bool:
    try:
        from airflow.listeners.spec import taskinstance as spec

        return "error" in inspect.signature(spec.on_task_instance_failed).parameters
    except Exception:  # noqa: BLE001 - cannot tell: Airflow 3 and 2.10+ have it
        return True


def context_of(task_instance: Any, error: Any = None) -> Dict[str, Any]:
    """A callback-like context: Airflow 3's RuntimeTaskInstance (and Airflow 2's TaskInstance
    in the task process) build the real one; otherwise the task instance alone."""
    context: Dict[str, Any] = {}
    build = getattr(task_instance, "get_template_context", None)
    if callable(build):
        try:
            context = dict(build())
        except Exception:  # noqa: BLE001 - Airflow 2 outside the task process needs a session
            context = {}
    context["ti"] = task_instance
    context.setdefault("task_instance", task_instance)
    for name in ("dag_run", "task"):
        if context.get(name) is None:
            try:
                context[name] = getattr(task_instance, name, None)
            except Exception:  # noqa: BLE001
                context[name] = None
    context["exception"] = error
    return context


def _failed(task_instance: Any, error: Optional[Any]) -> None:
    if ti_state(task_instance) == "up_for_retry":
        return
    report(context_of(task_instance, error), "failed")


if _failed_hook_has_error():

    @hookimpl
    def on_task_instance_failed(previous_state, task_instance, error):  # noqa: ARG001
        _failed(task_instance, error)

else:

    @hookimpl
    def on_task_instance_failed(previous_state, task_instance):  # noqa: ARG001
        _failed(task_instance, None)


@hookimpl
def on_task_instance_success(previous_state, task_instance):  # noqa: ARG001
    report(context_of(task_instance), "success")
