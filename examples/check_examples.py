#!/usr/bin/env python3
"""Consistency check of the example data platform.

    python3 examples/check_examples.py [--specs DIR]

Checks that every YAML and JSON file parses; that every entity reference (owner, parent,
children, memberOf, system, domain, dependsOn, data-contract annotation) points at an entity
defined here; that only known pipeline-triage.io annotations are used; that contract team
members are users of the owning group; that each event names a job exactly one pipeline's
annotations match, and datasets some table's annotation matches. With --specs (a folder holding the ODCS JSON
schemas and openlineage/*.json, e.g. /work/shared/specs) it also validates the ODCS contracts and
the OpenLineage events against the standards' schemas; that part needs `jsonschema` (4.18+).

Needs PyYAML. Exit status 1 when something is wrong.
"""

from __future__ import annotations

import argparse
import fnmatch
import glob
import json
import os
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
PREFIX = "pipeline-triage.io/"
KNOWN_ANNOTATIONS = {
    PREFIX + name
    for name in (
        "openlineage-job", "airflow-dag-id", "dbt-unique-id", "glue-job-name", "dagster-job",
        "idempotent", "runbook-url", "openlineage-dataset", "data-contract", "hosts",
    )
}
problems: list[str] = []


def problem(message: str) -> None:
    problems.append(message)


def ref(value: str, default_kind: str) -> tuple[str, str]:
    """'kind:namespace/name', 'kind:name' or 'name' -> (kind, name), default namespace only."""
    kind, _, rest = value.rpartition(":") if ":" in value else (default_kind, "", value)
    name = rest.split("/", 1)[1] if "/" in rest else rest
    return kind.lower(), name


def values(annotation: str | None) -> list[str]:
    return [v.strip() for v in (annotation or "").split(",") if v.strip()]


def load_entities() -> dict[tuple[str, str], dict]:
    entities: dict[tuple[str, str], dict] = {}
    location = yaml.safe_load(open(os.path.join(HERE, "catalog.yaml")))
    for target in location["spec"]["targets"]:
        path = os.path.join(HERE, target)
        for doc in yaml.safe_load_all(open(path)):
            if doc is None:
                continue
            key = (doc["kind"].lower(), doc["metadata"]["name"])
            if key in entities:
                problem(f"{target}: duplicate {key}")
            doc["_file"] = target
            entities[key] = doc
    return entities


def check_entities(entities: dict[tuple[str, str], dict]) -> None:
    def must(kind_default: str, value: str, where: str, kinds: tuple[str, ...]) -> None:
        kind, name = ref(value, kind_default)
        if kind not in kinds:
            problem(f"{where}: {value} should be one of {kinds}")
        elif (kind, name) not in entities:
            problem(f"{where}: {value} is not defined")

    for (kind, name), e in entities.items():
        spec, where = e.get("spec", {}), f"{kind}:{name}"
        for key in e["metadata"].get("annotations", {}):
            if key.startswith(PREFIX) and key not in KNOWN_ANNOTATIONS:
                problem(f"{where}: unknown annotation {key}")
        if "owner" in spec:
            must("group", spec["owner"], where, ("group", "user"))
        if "system" in spec:
            must("system", spec["system"], where, ("system",))
        if "domain" in spec:
            must("domain", spec["domain"], where, ("domain",))
        if kind == "group":
            for child in spec.get("children", []):
                must("group", child, where, ("group",))
            if "parent" in spec:
                must("group", spec["parent"], where, ("group",))
        if kind == "user":
            for group in spec.get("memberOf", []):
                must("group", group, where, ("group",))
        for dep in spec.get("dependsOn", []):
            must("component", dep, where, ("component", "resource"))
            if kind == "component" and spec.get("type") == "data-pipeline" and not dep.startswith("resource:"):
                problem(f"{where}: a pipeline depends on the tables it reads (resource:…), not {dep}")
            if kind == "resource" and not dep.startswith("component:"):
                problem(f"{where}: a table depends on the pipeline that writes it (component:…), not {dep}")
        contract = e["metadata"].get("annotations", {}).get(PREFIX + "data-contract")
        if contract:
            must("api", contract, where, ("api",))
            api = entities.get(ref(contract, "api"))
            if api and api["spec"].get("type") != "datacontract":
                problem(f"{where}: {contract} is not an API of type datacontract")
        if kind == "api":
            text = spec.get("definition", {}).get("$text") if isinstance(spec.get("definition"), dict) else None
            if not text or not os.path.isfile(os.path.join(HERE, text)):
                problem(f"{where}: definition $text {text} does not exist")


def contract_members(entities) -> None:
    for (kind, name), e in entities.items():
        if kind != "api" or e["spec"].get("type") != "datacontract":
            continue
        doc = yaml.safe_load(open(os.path.join(HERE, e["spec"]["definition"]["$text"])))
        owner = ref(e["spec"]["owner"], "group")[1]
        users = {n for (k, n), u in entities.items() if k == "user" and owner in u["spec"].get("memberOf", [])}
        team = doc.get("team")
        members = team.get("members", []) if isinstance(team, dict) else (team or [])
        for m in members:
            if m.get("username") not in users:
                problem(f"api:{name}: team member {m.get('username')} is not a user of group {owner}")
        if "dataContractSpecification" in doc and doc["info"].get("owner") != owner:
            problem(f"api:{name}: info.owner {doc['info'].get('owner')} is not {owner}")


# --------------------------------------------------------------------------- events


def matches(patterns: list[str], candidates: list[str]) -> bool:
    return any(fnmatch.fnmatchcase(c, p) for p in patterns for c in candidates if c)


def event_identity(name: str, ev) -> tuple[dict, list[str]]:
    """(job keys by annotation, dataset names `namespace/name`) that the event carries."""
    ids: dict[str, list[str]] = {}
    datasets: list[str] = []
    if name.startswith("openlineage-"):
        job = ev["job"]
        ids["openlineage-job"] = [f"{job['namespace']}/{job['name']}"]
        for d in ev.get("inputs", []) + ev.get("outputs", []):
            datasets.append(f"{d['namespace']}/{d['name']}")
    elif name.startswith("airflow-callback-"):
        ids["airflow-dag-id"] = [ev["dag_id"], f"{ev['dag_id']}.{ev['task_id']}"]
    elif name.startswith("dbt-run_results-"):
        ids["dbt-unique-id"] = [r["unique_id"] for r in ev["results"]]
    elif name.startswith("dbt-sources-"):
        ids["dbt-unique-id"] = [r["unique_id"] for r in ev["results"]]
    elif name.startswith("dbt-manifest-"):
        ids["dbt-unique-id"] = list(ev["nodes"]) + list(ev["sources"])
    elif name.startswith("glue-"):
        ids["glue-job-name"] = [ev["detail"]["jobName"]]
    elif name.startswith("dagster-"):
        ids["dagster-job"] = [ev["job_name"]]
    elif name.startswith("generic-"):
        job = ev["job"]
        ns = job.get("namespace") or ""
        ids["openlineage-job"] = [f"{ns}/{job['name']}" if ns else job["name"]]
        if job.get("airflowDagId"):
            ids["airflow-dag-id"] = [job["airflowDagId"]]
        for d in ev.get("inputs", []) + ev.get("outputs", []):
            datasets.append(f"{d.get('namespace', '')}/{d['name']}")
    return ids, datasets


def check_events(entities) -> None:
    pipelines = {n: e for (k, n), e in entities.items() if k == "component" and e["spec"].get("type") == "data-pipeline"}
    tables = {n: e for (k, n), e in entities.items() if k == "resource" and e["spec"].get("type") == "table"}
    table_names = {n: values(e["metadata"]["annotations"].get(PREFIX + "openlineage-dataset")) for n, e in tables.items()}
    for path in sorted(glob.glob(os.path.join(HERE, "events", "*"))):
        name = os.path.basename(path)
        if name.endswith(".md") or name.endswith(".query"):
            continue
        if name.endswith(".log"):
            if not open(path).read().strip():
                problem(f"events/{name}: empty")
            continue
        try:
            ev = json.load(open(path))
        except json.JSONDecodeError as err:
            problem(f"events/{name}: {err}")
            continue
        ids, datasets = event_identity(name, ev)
        linked = sorted(
            p for p, e in pipelines.items()
            if any(matches(values(e["metadata"]["annotations"].get(PREFIX + key)), cands)
                   or (key == "openlineage-job" and matches(
                       [v.split("/", 1)[-1] for v in values(e["metadata"]["annotations"].get(PREFIX + key))], cands))
                   for key, cands in ids.items())
        )
        if len(linked) != 1:
            problem(f"events/{name}: {len(linked)} pipelines match {ids}: {linked}")
        for d in datasets:
            if not any(d in names for names in table_names.values()):
                problem(f"events/{name}: dataset {d} matches no table")
        print(f"  {name:48} -> {', '.join(linked) or '?'}")


# --------------------------------------------------------------------------- schemas


def check_schemas(specs: str) -> None:
    from jsonschema import Draft201909Validator, Draft202012Validator
    from referencing import Registry, Resource

    for path in sorted(glob.glob(os.path.join(HERE, "contracts", "*.odcs.yaml"))):
        doc = yaml.safe_load(open(path))
        version = str(doc.get("apiVersion", "")).lstrip("v")
        schema_path = os.path.join(specs, f"odcs-json-schema-v{version}.json")
        if not os.path.isfile(schema_path):
            problem(f"{path}: no schema {schema_path}")
            continue
        validator = Draft201909Validator(json.load(open(schema_path)), format_checker=Draft201909Validator.FORMAT_CHECKER)
        for err in validator.iter_errors(doc):
            problem(f"contracts/{os.path.basename(path)}: {list(err.absolute_path)} {err.message[:200]}")

    ol = os.path.join(specs, "openlineage")
    core = json.load(open(os.path.join(ol, "OpenLineage.json")))
    resources, facets = [(core["$id"], Resource.from_contents(core))], {}
    for f in glob.glob(os.path.join(ol, "*Facet.json")):
        s = json.load(open(f))
        resources.append((s["$id"], Resource.from_contents(s)))
        for key, value in s["properties"].items():
            facets[key] = s["$id"] + value["$ref"]
    registry = Registry().with_resources(resources)

    def validate(schema, instance, where):
        v = Draft202012Validator(schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)
        for err in v.iter_errors(instance):
            problem(f"{where}: {list(err.absolute_path)} {err.message[:200]}")

    for path in sorted(glob.glob(os.path.join(HERE, "events", "openlineage-*.json"))):
        ev, name = json.load(open(path)), "events/" + os.path.basename(path)
        validate(core, ev, name)
        groups = [("run", ev["run"].get("facets")), ("job", ev["job"].get("facets"))]
        for i, d in enumerate(ev.get("inputs", [])):
            groups += [(f"inputs[{i}]", d.get("facets")), (f"inputs[{i}]", d.get("inputFacets"))]
        for i, d in enumerate(ev.get("outputs", [])):
            groups += [(f"outputs[{i}]", d.get("facets")), (f"outputs[{i}]", d.get("outputFacets"))]
        for where, group in groups:
            for key, facet in (group or {}).items():
                if key in facets:
                    validate({"$ref": facets[key]}, facet, f"{name} {where}.{key}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--specs", help="folder with odcs-json-schema-v*.json and openlineage/")
    args = parser.parse_args()

    for path in glob.glob(os.path.join(HERE, "**", "*.y*ml"), recursive=True):
        try:
            list(yaml.safe_load_all(open(path)))
        except yaml.YAMLError as err:
            problem(f"{os.path.relpath(path, HERE)}: {err}")
    for path in glob.glob(os.path.join(HERE, "**", "*.json"), recursive=True):
        try:
            json.load(open(path))
        except json.JSONDecodeError as err:
            problem(f"{os.path.relpath(path, HERE)}: {err}")

    entities = load_entities()
    print(f"{len(entities)} entities")
    check_entities(entities)
    contract_members(entities)
    print("events:")
    check_events(entities)
    if args.specs:
        check_schemas(args.specs)

    for p in problems:
        print("PROBLEM", p)
    print("ok" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
