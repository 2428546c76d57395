"""The site's one source registry as the pages use it: the records `load_rules()` reads from
assessment/rules/sources.toml (checked there, kinds included), which of them the rules cite,
and how the references page heads and labels each kind."""

from __future__ import annotations

from collections.abc import Mapping

from assessment.model.rules_model import SOURCE_KINDS
from assessment.reading.loader import Rules, Source, load_rules

# Headings of the references page, in the order shown: primary sources first.
KIND_HEADINGS = {
    "law": "Law",
    "inspectorate": "Inspectorates",
    "national-guidance": "National guidance",
    "framework": "Practice frameworks and standards",
    "regulator": "Regulators",
    "professional-body": "Professional bodies",
    "employer": "Employers and imaging providers (local examples)",
    "news": "News and commentary",
}
KIND_LABELS = {
    "law": "law",
    "inspectorate": "inspectorate",
    "national-guidance": "national guidance",
    "framework": "framework or standard",
    "regulator": "regulator",
    "professional-body": "professional body",
    "employer": "one employer's own page: a local example",
    "news": "news or commentary",
}
assert set(KIND_HEADINGS) == set(KIND_LABELS) == set(SOURCE_KINDS), "a kind without words"

Sources = Mapping[str, Source]


def registry(rules: Rules | None = None) -> Sources:
    """Every source by id, in registry order (read and checked by the rules' loader)."""
    return (rules or load_rules()).sources


def rules_source_ids(rules: Rules | None = None) -> set[str]:
    """The ids of the sources the self-assessment's rules cite."""
    return set((rules or load_rules()).cited_sources())
