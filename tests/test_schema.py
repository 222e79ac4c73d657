"""Every JSON output validates against the schema file shipped in the package (issue 18)."""
from __future__ import annotations

import json
from importlib import resources

import pytest
from jsonschema import Draft202012Validator

SCHEMA = json.loads((resources.files("reportdiff") / "schema" / "reportdiff-1.json").read_text(encoding="utf-8"))


def validator(kind: str) -> Draft202012Validator:
    return Draft202012Validator({**SCHEMA, "$ref": f"#/$defs/{kind}"})


def test_the_schema_is_a_valid_schema():
    Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("old, new", [("000", "001"), ("002", "000"), ("003", "001"), ("000", "004")])
def test_comparisons_validate(run_cli, old, new):
    code, out, _ = run_cli(old, new, "--format", "json")
    assert code == 0
    validator("comparison").validate(json.loads(out))


@pytest.mark.parametrize(
    "kind, args",
    [("list", ["list", "--format", "json"]), ("outline", ["outline", "2024", "--format", "json"]), ("track", ["track", "2022", "2024", "2025", "--format", "json"])],
)
def test_other_commands_validate(run_cli, kind, args):
    code, out, _ = run_cli(*args)
    assert code == 0
    validator(kind).validate(json.loads(out))


def test_the_schema_refuses_what_it_should():
    bad = {"schema": "reportdiff/1", "reports": [{"id": "x", "path": "p", "title": "t", "region": "r", "kind": "novel", "delivered": None, "reviews": [], "plans": []}]}
    assert list(validator("list").iter_errors(bad))
