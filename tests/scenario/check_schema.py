#!/usr/bin/env python3
"""Checks scenarios/schema.json with an independent validator (Python jsonschema): every scenario
given on the command line must validate, and every mutation below of the first one must not, so the
schema is neither too strict for real files nor vacuous.

usage: check_schema.py SCHEMA.json SCENARIO.yaml...
"""
import copy
import re
import json
import sys

import jsonschema
import yaml


class ScenarioLoader(yaml.SafeLoader):
    """YAML 1.2-like reading: times stay strings (PyYAML would turn them into datetimes)."""


ScenarioLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
# YAML 1.2 core floats such as 1e6 (PyYAML's YAML 1.1 wants a dot in the mantissa).
ScenarioLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?$"),
    list("-+0123456789."),
)


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=ScenarioLoader)


def main():
    schema_path, scenarios = sys.argv[1], sys.argv[2:]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)
    failed = False
    for path in scenarios:
        errors = sorted(validator.iter_errors(load(path)), key=lambda e: list(e.path))
        for e in errors:
            print(f"{path}: {'.'.join(map(str, e.path))}: {e.message}")
            failed = True

    # Mutations of a complete scenario that the schema must refuse.
    base = load(scenarios[0])
    mutations = {
        "unknown top-level key": lambda s: s.update(weather="fine"),
        "unknown entity key": lambda s: s["fleets"][0].update(aircaft=40),
        "bare number as duration": lambda s: s["fleets"][0].update(turnaround=90),
        "time without offset": lambda s: s["cities"][0].update(captured_at="2021-08-15T14:00"),
        "bad id": lambda s: s["nations"][0].update(id="United States"),
        "zero parking": lambda s: s["airports"][0].update(parking=0),
        "latitude 95": lambda s: s["cities"][0]["position"].update(lat=95),
        "lognormal over a time": lambda s: s["cities"][0].update(
            captured_at={"dist": "lognormal", "median": "+1d", "p90": "+2d"}),
        "unknown distribution": lambda s: s["airports"][0].update(movements_per_hour={"dist": "gaussian"}),
        "missing start": lambda s: s.pop("start"),
        "remove without extends": lambda s: s["fleets"][0].update(remove=True),
    }
    for name, mutate in mutations.items():
        doc = copy.deepcopy(base)
        mutate(doc)
        if validator.is_valid(doc):
            print(f"{scenarios[0]}: mutation '{name}' was accepted by the schema")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
