"""The JSON contract (schema ``reportdiff/1``, see DESIGN.md)."""
from __future__ import annotations

import json

from ..commitments import is_ceiling
from ..compare import Comparison
from ..document import Document
from ..present import outcome_points, outcome_rows, outcome_share
from ..structure import Section

SCHEMA = "reportdiff/1"


def describe(doc: Document) -> dict:
    meta = doc.meta
    return {
        "path": doc.source.path,
        "title": meta.title,
        "region": meta.region,
        "kind": meta.kind,
        "delivered": meta.delivered or None,
        "reviews": list(meta.reviews),
        "plans": list(meta.plans),
        "parts": [{"heading": p.heading, "role": p.role, "years": list(p.years)} for p in meta.parts],
    }


def _ref(section: Section) -> dict:
    return {"heading": section.heading, "path": list(section.path), "level": section.level}


def comparison(result: Comparison) -> dict:
    sections = []
    for pair in result.pairs:
        diff = pair.diff
        sections.append(
            {
                "status": pair.status,
                "relation": pair.relation,
                "level": pair.level,
                "old": [_ref(s) for s in pair.old],
                "new": [_ref(s) for s in pair.new],
                "similarity": round(pair.similarity, 3),
                "forced": pair.forced,
                "changed": diff.changed,
                "diff": [op.to_json() for op in diff.ops],
            }
        )
    stats = result.stats()
    stats["terms_added"] = [{"term": s.term, "per_10k": s.new, "sentence": s.sentence} for s in result.language.added]
    stats["terms_dropped"] = [{"term": s.term, "per_10k": s.old, "sentence": s.sentence} for s in result.language.dropped]
    stats["terms_intensity"] = [{"core": s.core, "old": s.old, "new": s.new, "old_sentence": s.old_sentence, "new_sentence": s.new_sentence} for s in result.language.intensity]
    stats["terms_shifted"] = [{"term": s.term, "old_per_10k": s.old, "new_per_10k": s.new} for s in result.language.shifted]
    return {
        "schema": SCHEMA,
        "old": describe(result.old),
        "new": describe(result.new),
        "sections": sections,
        "numbers": [_number(p) for p in result.numbers.pairs],
        "targets": [_target(t) for t in result.numbers.targets],
        "commitments": [_commitment(c) for c in result.commitments.items],
        "outcomes": [_outcome(name, c) for name, c in outcome_rows(result)],
        "commitments_note": result.commitments.note,
        "stats": stats,
    }


def _quantity(q) -> dict:
    return {
        "text": q.text,
        "value": q.value,
        "unit": q.unit,
        "qualifier": q.qualifier,
        "year": q.year,
        "estimate": q.estimate,
        "source": q.source,
        "high": q.high,
        "period": q.period,
        "scope": q.scope,
    }


def _number(pair) -> dict:
    return {
        "indicator": pair.indicator,
        "kind": pair.kind,
        "measure": pair.measure,
        "old": _quantity(pair.old),
        "new": _quantity(pair.new),
        "change": pair.change,
        "change_pct": pair.change_pct,
        "direction": pair.direction,
        "change_range": list(pair.change_range) if pair.change_range else None,
        "points": pair.points,
        "period": pair.old.period,
        "scope": pair.old.scope,
    }


def _target(row) -> dict:
    return {
        "indicator": row.indicator,
        "old": row.old,
        "new": row.new,
        "old_quantity": None if row.old_quantity is None else _quantity(row.old_quantity),
        "new_quantity": None if row.new_quantity is None else _quantity(row.new_quantity),
        "change": None if row.pair is None else row.pair.change,
        "change_range": list(row.pair.change_range) if row.pair and row.pair.change_range else None,
        "points": None if row.pair is None else row.pair.points,
        "in_tasks": None if row.moved is None or row.moved_in else _elsewhere(row.moved.new, row.moved),
        "from_tasks": _elsewhere(row.moved.old, row.moved) if row.moved is not None and row.moved_in else None,
    }


def _elsewhere(q, moved) -> dict:
    """A main target set among a plan's tasks instead of in its list, with the change to it."""
    return {"text": q.text, "quantity": _quantity(q), "change": moved.change}


def _commitment(c) -> dict:
    target = c.target
    return {
        "plan_text": c.plan_text,
        "kind": c.kind,
        "target": None if target is None else {"value": target.value, "unit": target.unit, "qualifier": target.qualifier, "indicator": target.indicator},
        "names": list(c.names),
        "outcome_text": c.outcome_text,
        "outcome": None if c.outcome is None else {"value": c.outcome.value, "unit": c.outcome.unit},
        "status": c.status,
        "carried_text": c.carried_text,
        "reason": c.reason,
        "plan_section": c.plan_section,
    }


def _outcome(name: str, c) -> dict:
    """A row of 上年目标完成情况: last year's main target, what came of it, and the verdict."""
    assert c.target is not None
    share = outcome_share(c)
    return {
        "indicator": name,
        "plan_text": c.plan_text,
        "target": _quantity(c.target),
        "ceiling": is_ceiling(c.target),
        "outcome_text": c.outcome_text,
        "outcome": None if c.outcome is None else _quantity(c.outcome),
        "status": c.status,
        "reason": c.reason,
        "points": outcome_points(c),
        "share": None if share is None else round(share, 4),
    }


def outline(doc: Document) -> dict:
    def node(section: Section) -> dict:
        return {**_ref(section), "kind": section.kind, "children": [node(c) for c in section.children]}

    return {"schema": SCHEMA, "document": describe(doc), "sections": [node(s) for s in doc.sections]}


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def corpus(entries) -> dict:
    """`reportdiff list --format json`: the corpus's reports with their ids."""
    return {"schema": SCHEMA, "reports": [{"id": e.id, **describe(e.document)} for e in entries]}


def lives(documents: list[Document], found, gaps) -> dict:
    """`reportdiff track --format json`: each commitment's life across the reports."""
    from ..present import Presenter
    from .text import gap, stage

    en = Presenter("en")  # the contract's words stay English, whatever the interface speaks
    names = [en.doc(d).label for d in documents]
    return {
        "schema": SCHEMA,
        "reports": [describe(d) for d in documents],
        "notes": [gap(g, en, names) for g in gaps],
        "commitments": [
            {
                "promised_in": stage(life.promised_in, en, names),
                "plan_text": life.plan_text,
                "outcome": life.outcome,
                "events": [{"report": stage(r, en, names), "event": ev, "text": t} for r, ev, t in life.events],
            }
            for life in found
        ],
    }
