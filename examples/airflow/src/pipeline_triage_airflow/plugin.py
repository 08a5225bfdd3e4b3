"""The Airflow plugin that registers the listener; installing this package registers the plugin
through the ``airflow.plugins`` entry point."""

from airflow.plugins_manager import AirflowPlugin

from pipeline_triage_airflow import listener


class PipelineTriagePlugin(AirflowPlugin):
    name = "pipeline_triage"
    listeners = [listener]
