"""Send a saved payload by hand: ``python -m pipeline_triage_airflow payload.json``."""

import json
import logging
import sys

from pipeline_triage_airflow.client import post_event

logging.basicConfig(level=logging.INFO)
if len(sys.argv) != 2:
    sys.exit("usage: python -m pipeline_triage_airflow <payload.json>")
with open(sys.argv[1], encoding="utf-8") as fh:
    sys.exit(0 if post_event(json.load(fh)) else 1)
