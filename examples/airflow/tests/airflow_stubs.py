"""Stand-ins for the few Airflow modules the package imports, so the tests run without Airflow.

Each stub mirrors the real one only where the package touches it: the listener hookspec's
parameter names (pluggy matches on them), BaseNotifier calling ``notify(context)``, BaseHook's
``get_connection`` and AirflowPlugin's ``listeners``.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Dict, Optional

PACKAGE_MODULES = [
    "pipeline_triage_airflow",
    "pipeline_triage_airflow.callbacks",
    "pipeline_triage_airflow.client",
    "pipeline_triage_airflow.payload",
    "pipeline_triage_airflow.notifier",
    "pipeline_triage_airflow.listener",
    "pipeline_triage_airflow.plugin",
]

# The hookspecs' parameters, as in airflow/listeners/spec/taskinstance.py of each version.
FAILED_SPECS = {
    "2.9": ("previous_state", "task_instance", "session"),
    "2.10": ("previous_state", "task_instance", "error", "session"),
    "3": ("previous_state", "task_instance", "error"),
}
SUCCESS_SPECS = {
    "2.9": ("previous_state", "task_instance", "session"),
    "2.10": ("previous_state", "task_instance", "session"),
    "3": ("previous_state", "task_instance"),
}


class Connection:
    def __init__(self, host=None, password=None, schema=None, port=None):
        self.host, self.password, self.schema, self.port = host, password, schema, port


def _function_with(params):
    namespace: Dict[str, object] = {}
    exec(f"def spec({', '.join(params)}):\n    pass\n", namespace)  # noqa: S102 - a signature only
    return namespace["spec"]


def install(version: str, connections: Optional[Dict[str, Connection]] = None) -> None:
    """Replace sys.modules' airflow with stubs of the given version ("2.9", "2.10" or "3") and
    forget the package's modules, so the next import sees this version."""
    for name in list(sys.modules):
        if name == "airflow" or name.startswith("airflow.") or name in PACKAGE_MODULES:
            del sys.modules[name]
    connections = connections or {}

    def module(name: str, **attrs) -> types.ModuleType:
        m = types.ModuleType(name)
        m.__dict__.update(attrs)
        sys.modules[name] = m
        return m

    class BaseNotifier:
        template_fields = ()

        def __init__(self):
            pass

        def __call__(self, *args):
            # Airflow 2.6+ and 3 call the notifier with the context (older: several arguments).
            self.notify(args[0])

    class BaseHook:
        @staticmethod
        def get_connection(conn_id):
            if conn_id not in connections:
                raise KeyError(f"The conn_id `{conn_id}` isn't defined")
            return connections[conn_id]

    class AirflowPlugin:
        name: str = ""
        listeners: list = []

    spec = module(
        "airflow.listeners.spec.taskinstance",
        on_task_instance_failed=_function_with(FAILED_SPECS[version]),
        on_task_instance_success=_function_with(SUCCESS_SPECS[version]),
    )
    module("airflow.listeners.spec", taskinstance=spec)
    module("airflow.listeners", hookimpl=lambda f: f)
    module("airflow.plugins_manager", AirflowPlugin=AirflowPlugin)
    module("airflow.hooks.base", BaseHook=BaseHook)
    if version == "3":
        module("airflow.sdk", BaseNotifier=BaseNotifier, BaseHook=BaseHook)
    else:
        module("airflow.notifications.basenotifier", BaseNotifier=BaseNotifier)
    module("airflow")


def load(name: str):
    return importlib.import_module(name)


def call_hook(impl, spec_params, **kwargs):
    """Call a hook implementation as pluggy does: refuse an implementation argument the spec
    lacks, pass only the arguments the implementation declares."""
    import inspect

    declared = list(inspect.signature(impl).parameters)
    unknown = [p for p in declared if p not in spec_params]
    if unknown:
        raise TypeError(f"hookimpl declares {unknown}, not in the hookspec {spec_params}")
    return impl(**{p: kwargs[p] for p in declared})
