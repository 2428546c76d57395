"""Reading the rules: the TOML files in a rules folder, checked key by key, into `Rules`.

Every table's keys are checked (an unknown or misspelt key is an error, as is a missing
one or a value of the wrong kind) and every reference must name something already read:
sources, then the results' words (words/result.toml), then the questions (and the
questions its draft scope table is built from), nations, evidence and notices, then the
other sections of words/ (their keys declared in model/words.py). A mistake raises
`RulesError` naming the file and the key.
"""

from __future__ import annotations

import datetime
import hashlib
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NoReturn

from ..model.conditions import Registered, reads
from ..model.details import DETAIL_FIELDS
from ..model.errors import RulesError
from ..model.phrases import PLACEHOLDER
from ..model.rules_model import (
    BASIS_WORDS,
    CONTEXT_FIELDS,
    HEADING_WORDS,
    LABEL_WORDS,
    NATION_QUESTION,
    OUTCOME_WORDS,
    SOURCE_KINDS,
    STATUS_WORDS,
    EvidenceItem,
    Group,
    Nation,
    Notice,
    Option,
    OptionSet,
    ProfessionBody,
    Question,
    Rules,
    Scope,
    ScopeColumn,
    Source,
)
from ..model.words import AUDIENCES, RESULT_OWN_TABLES, SECTIONS, Text, Words
from .condition_parser import ParseContext, parse

PACKAGE_PARENT = Path(__file__).resolve().parent.parent.parent
ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def read_rules(directory: Path) -> Rules:
    """The rules in `directory`, each file checked as it is read (not yet as a whole)."""
    return _Loader(directory).load()


def display_path(path: Path) -> str:
    """A file's name as error messages show it: relative to the package's parent if inside."""
    try:
        return path.resolve().relative_to(PACKAGE_PARENT).as_posix()
    except ValueError:
        return str(path)


def rules_version(directory: Path) -> str:
    """A short hash of the data the engine reads: the rules files and the employer profiles
    beside them (names and bytes, sorted by name), so a changed profile is a new version."""
    digest = hashlib.sha256()
    files = [(path.name, path) for path in directory.glob("*.toml")]
    files += [(f"words/{path.name}", path) for path in (directory / "words").glob("*.toml")]
    files += [(f"employers/{path.name}", path)
              for path in (directory.parent / "employers").glob("*.toml")]
    for name, path in sorted(files):
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


class _File:
    """One TOML file being read: its data and a way to fail naming it and a key."""

    def __init__(self, directory: Path, name: str) -> None:
        self.path = directory / name
        self.name = display_path(self.path)
        try:
            with self.path.open("rb") as handle:
                self.data: dict[str, Any] = tomllib.load(handle)
        except FileNotFoundError:
            raise RulesError(self.name, None, "file not found") from None
        except tomllib.TOMLDecodeError as error:
            raise RulesError(self.name, None, f"invalid TOML: {error}") from None

    def fail(self, key: str, message: str) -> NoReturn:
        raise RulesError(self.name, key, message)

    def top(self, allowed: tuple[str, ...]) -> None:
        """Fail on a top-level table that the file may not hold."""
        for name in self.data:
            if name not in allowed:
                self.fail(name, f"unknown key; this file holds only {', '.join(allowed)}")

    def tables(self, name: str) -> dict[str, dict[str, Any]]:
        """A top-level table of named tables (`[evidence.<id>]`), in file order."""
        value = self.data.get(name)
        if not isinstance(value, dict) or not value:
            self.fail(name, "missing or empty")
        for key, entry in value.items():
            if not isinstance(entry, dict):
                self.fail(f"{name}.{key}", "must be a table")
        return value

    def fields(self, value: dict[str, Any], key: str, required: dict[str, str],
               optional: dict[str, str] | None = None) -> dict[str, Any]:
        """Check a table's keys and value kinds: unknown, missing and mistyped keys fail.

        `key` is where the table is (an empty `key` for the file's top level)."""
        optional = optional or {}
        prefix = f"{key}." if key else ""
        for name in value:
            if name not in required and name not in optional:
                self.fail(f"{prefix}{name}", "unknown key")
        for name in required:
            if name not in value:
                self.fail(f"{prefix}{name}", "missing")
        for name, kind in {**required, **optional}.items():
            if name in value:
                self._kind(value[name], f"{prefix}{name}", kind)
        return value

    def _kind(self, value: object, key: str, kind: str) -> None:
        problems = {
            "text": not isinstance(value, str) or not value.strip(),
            "bool": not isinstance(value, bool),
            "texts": not isinstance(value, list) or not value
            or not all(isinstance(item, str) and item.strip() for item in value),
            "date": type(value) is not datetime.date,
            "list": not isinstance(value, list) or not value,
            "ids": not isinstance(value, list) or not all(isinstance(item, str) for item in value),
            "any": False,
        }
        messages = {
            "text": "must be a non-empty string",
            "bool": "must be true or false",
            "texts": "must be a non-empty list of non-empty strings",
            "date": "must be a date (YYYY-MM-DD)",
            "list": "must be a non-empty list",
            "ids": "must be a list of ids (strings)",
            "any": "",
        }
        if problems[kind]:
            self.fail(key, messages[kind])


def _given_to_everyone(evidence_file: str, item: EvidenceItem,
                       bodies: Mapping[str, ProfessionBody]) -> None:
    """Fail, naming the item's key in evidence.toml, if an item every profession sees names a
    profession's own body or cites its sources itself (the engine adds them for that
    profession only, from profession_bodies.toml)."""
    texts = {**{f"why[{index}]": text for index, text in enumerate(item.why)},
             **{f"third_person[{index}]": text for index, text in enumerate(item.third_person)},
             "what": item.what, "what_counts": item.what_counts,
             "next_step": item.next_step or "", "next_step_partial": item.next_step_partial or "",
             "check": item.check or ""}
    where = f"evidence.{item.id}"
    for body in bodies.values():
        for name in body.names:
            for key, text in texts.items():
                if re.search(rf"\b{re.escape(name)}\b", text):
                    raise RulesError(evidence_file, f"{where}.{key}",
                                     f"names {name!r} to every profession: that body speaks "
                                     f"for '{body.profession}' only (say it in "
                                     f"profession_bodies.toml, professions.{body.profession})")
        shared = sorted(set(body.sources) & set(item.sources))
        if shared:
            raise RulesError(evidence_file, f"{where}.sources",
                             f"cites {shared[0]!r} to every profession: it is the position for "
                             f"'{body.profession}' only (profession_bodies.toml adds it)")


def _flatten(file: _File, table: Mapping[str, Any], prefix: str, found: dict[str, Text]) -> None:
    """A words file's tables as dotted keys; a table of exactly one text per audience is
    one text said in two voices."""
    for name, value in table.items():
        key = f"{prefix}{name}"
        if isinstance(value, dict) and set(value) == set(AUDIENCES):
            for audience in AUDIENCES:
                file._kind(value[audience], f"{key}.{audience}", "text")
            found[key] = {audience: value[audience] for audience in AUDIENCES}
        elif isinstance(value, dict):
            _flatten(file, value, f"{key}.", found)
        else:
            file._kind(value, key, "text")
            found[key] = value


class _Loader:
    """Reads the rules files in dependency order and builds the frozen `Rules`."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def load(self) -> Rules:
        sources = self._sources(_File(self.directory, "sources.toml"))
        self.sources = sources
        outcomes = _File(self.directory, "words/result.toml")
        words = self._words(outcomes)
        questions_file = _File(self.directory, "questions.toml")
        questions, option_sets, registered, registered_text = self._questions(questions_file)
        question_index = {question.id: question for question in questions}
        self.question_index, self.option_sets, self.registered = (
            question_index, option_sets, registered)
        scope = self._scope(outcomes, question_index)
        nations = self._nations(_File(self.directory, "nations.toml"), question_index)
        evidence = self._evidence(_File(self.directory, "evidence.toml"), words,
                                  question_index, option_sets)
        notices = self._notices(_File(self.directory, "notices.toml"))
        body_items, bodies = self._profession_bodies(_File(self.directory,
                                                           "profession_bodies.toml"), evidence)
        return Rules(
            version=rules_version(self.directory),
            directory=self.directory,
            questions=questions,
            option_sets=option_sets,
            evidence=evidence,
            notices=notices,
            nations=nations,
            sources=sources,
            groups=words["groups"],
            outcome_labels=words["outcome_labels"],
            outcome_sentences=words["outcome_sentences"],
            status_labels=words["status_labels"],
            basis_labels=words["basis_labels"],
            basis_descriptions=words["basis_descriptions"],
            next_labels=words["next_labels"],
            headings=words["headings"],
            labels=words["labels"],
            scope=scope,
            texts=words["texts"],
            employer_topics=words["employer_topics"],
            registered=registered,
            registered_text=registered_text,
            question_index=question_index,
            item_index={item.id: item for item in evidence},
            words=self._sections(),
            profession_bodies=bodies,
            body_items=body_items,
        )

    # sources.toml -----------------------------------------------------------------------

    def _sources(self, file: _File) -> dict[str, Source]:
        file.top(("sources",))
        sources: dict[str, Source] = {}
        for key, value in file.tables("sources").items():
            file.fields(value, f"sources.{key}",
                        {"title": "text", "publisher": "text", "url": "text", "kind": "text"},
                        {"date": "text", "note": "text", "checked": "date"})
            if value["kind"] not in SOURCE_KINDS:
                file.fail(f"sources.{key}.kind", f"unknown kind {value['kind']!r}; the kinds "
                                                 f"are {', '.join(SOURCE_KINDS)}")
            if not value["url"].startswith(("https://", "http://")):
                file.fail(f"sources.{key}.url", "must be an http(s) address")
            twin = next((other for other in sources.values() if other.url == value["url"]), None)
            if twin is not None:
                file.fail(f"sources.{key}.url", f"the same address as source '{twin.id}': "
                                                "one source, one entry")
            sources[key] = Source(id=key, **value)
        return sources

    def _context(self, file: _File) -> ParseContext:
        """What parsing a condition in `file` needs, once the questions are read."""
        return ParseContext(
            file.name, self.question_index,
            {key: (value.question, value.options) for key, value in self.option_sets.items()},
            self.registered, file.fail,
        )

    def _source_ids(self, file: _File, key: str, value: list[Any]) -> tuple[str, ...]:
        for index, source in enumerate(value):
            if source not in self.sources:
                file.fail(f"{key}[{index}]", f"unknown source {source!r}")
        if len(set(value)) != len(value):
            file.fail(key, "lists a source twice")
        return tuple(value)

    # profession_bodies.toml ---------------------------------------------------------------

    def _profession_bodies(self, file: _File, evidence: tuple[EvidenceItem, ...]
                           ) -> tuple[frozenset[str], dict[str, ProfessionBody]]:
        """Which body speaks for each profession, checked so that no profession is given
        another's body: each key a registered profession's option, each source known, and
        the items it joins neither naming such a body nor citing its sources themselves."""
        file.top(("items", "professions"))
        file.fields(file.data, "", {"items": "texts", "professions": "any"})
        items = {item.id: item for item in evidence}
        for index, item_id in enumerate(file.data["items"]):
            if item_id not in items:
                file.fail(f"items[{index}]", f"unknown evidence item {item_id!r}")
        professions = self.question_index[self.registered.question].option_index
        bodies: dict[str, ProfessionBody] = {}
        for key, value in file.tables("professions").items():
            where = f"professions.{key}"
            file.fields(value, where, {"body": "text", "kind": "text", "says": "text",
                                       "names": "ids", "dated": "text", "read": "bool",
                                       "sources": "list"}, {"reported_by": "text"})
            if key not in professions or key == self.registered.unless:
                file.fail(where, f"{key!r} is not a registered profession of the question "
                                 f"'{self.registered.question}'")
            if value["kind"] not in ("professional-body", "regulator"):
                file.fail(f"{where}.kind", "must be professional-body or regulator")
            sources = self._source_ids(file, f"{where}.sources", value["sources"])
            reported_by = value.get("reported_by")
            if value["read"] == (reported_by is not None):
                file.fail(f"{where}.reported_by", "names the source that reports a position "
                                                  "not read itself, and only then")
            if reported_by is not None and reported_by not in sources:
                file.fail(f"{where}.reported_by", "must be one of the entry's sources")
            bodies[key] = ProfessionBody(profession=key, body=value["body"],
                                         kind=value["kind"], says=value["says"],
                                         names=tuple(value["names"]), dated=value["dated"],
                                         read=value["read"], sources=sources,
                                         reported_by=reported_by)
        evidence_file = display_path(self.directory / "evidence.toml")
        for item_id in file.data["items"]:
            _given_to_everyone(evidence_file, items[item_id], bodies)
        return frozenset(file.data["items"]), bodies

    # words/ ----------------------------------------------------------------------------

    def _sections(self) -> Words:
        """The sections of words/ besides result.toml, each checked against its keys."""
        sections: dict[str, dict[str, Text]] = {}
        for section, keys in SECTIONS.items():
            file = _File(self.directory, f"words/{section}.toml")
            found: dict[str, Text] = {}
            data = file.data if section != "result" else {
                name: value for name, value in file.data.items()
                if name not in RESULT_OWN_TABLES}
            _flatten(file, data, "", found)
            for key in found:
                if key not in keys:
                    file.fail(key, "unknown key")
            for key, placeholders in keys.items():
                if key not in found:
                    file.fail(key, "missing")
                value = found[key]
                for audience, text in ((None, value),) if isinstance(value, str) else (
                        (audience, value[audience]) for audience in AUDIENCES):
                    if PLACEHOLDER.findall(text) != list(placeholders):
                        where = key if audience is None else f"{key}.{audience}"
                        file.fail(where, "must contain the placeholders "
                                         f"{', '.join('{' + p + '}' for p in placeholders)} "
                                         "once each, in that order" if placeholders
                                  else "must contain no {placeholder}")
            sections[section] = found
        return Words(sections)


    def _words(self, file: _File) -> dict[str, Any]:
        file.top((*RESULT_OWN_TABLES, *sorted({key.split(".")[0] for key in SECTIONS["result"]})))
        outcomes = self._fixed(file, "outcomes", OUTCOME_WORDS, {"label": "text",
                                                                 "sentence": "text"})
        statuses = self._fixed(file, "statuses", STATUS_WORDS, {"label": "text"},
                               {"next_label": "text"})
        for status, value in statuses.items():
            if (status == "held") == ("next_label" in value):
                file.fail(f"statuses.{status}.next_label",
                          "held has no next step" if status == "held"
                          else "missing: every status but held says what to do next")
        basis = self._fixed(file, "basis", BASIS_WORDS, {"label": "text",
                                                         "description": "text"})
        groups = []
        for key, value in file.tables("groups").items():
            file.fields(value, f"groups.{key}", {"title": "text"})
            groups.append(Group(id=key, title=value["title"]))
        headings = self._table(file, "headings")
        file.fields(headings, "headings", {word: "text" for word in HEADING_WORDS})
        labels = self._table(file, "labels")
        file.fields(labels, "labels", {word: "text" for word in LABEL_WORDS})
        if PLACEHOLDER.findall(labels["more_about"]) != ["title"]:
            file.fail("labels.more_about", "must contain the placeholder {title} once")
        texts = self._table(file, "texts")
        file.fields(texts, "texts", {"never_held": "text", "unknown_step": "text",
                                     "as_of": "text", "employer_note": "text"})
        for key, placeholders in (("unknown_step", ["questions"]), ("as_of", ["date"]),
                                  ("employer_note", ["employer", "date"])):
            if PLACEHOLDER.findall(texts[key]) != placeholders:
                file.fail(f"texts.{key}", "must contain the placeholders "
                                          f"{', '.join('{' + p + '}' for p in placeholders)} "
                                          "once each, in that order")
        topics = {}
        for key, value in file.tables("employer_topics").items():
            if not ID.fullmatch(key):
                file.fail(f"employer_topics.{key}", "an id is lowercase letters, digits "
                                                    "and hyphens")
            file.fields(value, f"employer_topics.{key}", {"label": "text"})
            topics[key] = value["label"]
        return {
            "employer_topics": topics,
            "outcome_labels": {key: value["label"] for key, value in outcomes.items()},
            "outcome_sentences": {key: value["sentence"] for key, value in outcomes.items()},
            "status_labels": {key: value["label"] for key, value in statuses.items()},
            "basis_labels": {key: value["label"] for key, value in basis.items()},
            "basis_descriptions": {key: value["description"] for key, value in basis.items()},
            "next_labels": {key: value["next_label"] for key, value in statuses.items()
                            if "next_label" in value},
            "groups": tuple(groups),
            "headings": {word: headings[word] for word in HEADING_WORDS},
            "labels": {word: labels[word] for word in LABEL_WORDS},
            "texts": dict(texts),
        }

    @staticmethod
    def _table(file: _File, name: str) -> dict[str, Any]:
        value = file.data.get(name)
        if not isinstance(value, dict):
            file.fail(name, "missing")
        return value

    def _scope(self, file: _File, questions: Mapping[str, Question]) -> Scope:
        """The draft scope table of words/result.toml, its questions checked once they are read."""
        value = self._table(file, "scope")
        file.fields(value, "scope", {"heading": "text", "intro": "text", "needs": "text",
                                     "rows": "list", "lists": "any", "blanks": "any"})
        if PLACEHOLDER.findall(value["needs"]) != ["question"]:
            file.fail("scope.needs", "must contain the placeholder {question} once")
        columns = []
        for kind, name in (("row", "rows"), ("list", "lists"), ("blank", "blanks")):
            if not isinstance(value[name], list):
                file.fail(f"scope.{name}", "must be a list of tables")
            for index, column in enumerate(value[name]):
                where = f"scope.{name}[{index}]"
                if not isinstance(column, dict):
                    file.fail(where, "must be a table")
                required = {"key": "text", "heading": "text"}
                if kind != "blank":
                    required["question"] = "text"
                file.fields(column, where, required)
                question = questions.get(column.get("question", ""))
                if kind != "blank" and (question is None or not question.multi):
                    file.fail(f"{where}.question",
                              f"unknown multi-choice question {column['question']!r}")
                columns.append(ScopeColumn(kind=kind, key=column["key"],
                                           heading=column["heading"],
                                           question=column.get("question")))
        fields = [field for column in columns
                  for field in ((column.key, column.cell) if column.kind == "row"
                                else (column.key,))]
        if len(set(fields)) != len(fields):
            file.fail("scope", "two columns share a key")
        blanks = tuple(column.key for column in columns if column.kind == "blank")
        if blanks != DETAIL_FIELDS:
            file.fail("scope.blanks", f"must be the typed fields {', '.join(DETAIL_FIELDS)}, "
                                      "in that order")
        return Scope(heading=value["heading"], intro=value["intro"], needs=value["needs"],
                     columns=tuple(columns))

    @staticmethod
    def _fixed(file: _File, name: str, words: tuple[str, ...], required: dict[str, str],
               optional: dict[str, str] | None = None) -> dict[str, dict[str, Any]]:
        tables = file.tables(name)
        for key in tables:
            if key not in words:
                file.fail(f"{name}.{key}", f"unknown word; the words are {', '.join(words)}")
        for word in words:
            if word not in tables:
                file.fail(f"{name}.{word}", "missing")
            file.fields(tables[word], f"{name}.{word}", required, optional)
        return {word: tables[word] for word in words}

    # questions.toml ---------------------------------------------------------------------

    def _questions(self, file: _File) -> tuple[tuple[Question, ...], dict[str, OptionSet],
                                                Registered, str]:
        file.top(("registered", "option_sets", "questions"))
        raw_questions = file.tables("questions")
        shells = {key: self._question_shell(file, key, value)
                  for key, value in raw_questions.items()}
        registered, registered_text = self._registered(file, shells)
        option_sets = self._option_sets(file, shells)
        context = ParseContext(
            file.name, shells,
            {key: (value.question, value.options) for key, value in option_sets.items()},
            registered, file.fail,
        )
        questions = []
        for key, value in raw_questions.items():
            condition = parse(value["asked_when"], f"questions.{key}.asked_when", context)
            questions.append(Question(**{**shells[key].__dict__, "asked_when": condition}))
        return tuple(questions), option_sets, registered, registered_text

    @staticmethod
    def _question_shell(file: _File, key: str, value: dict[str, Any]) -> Question:
        where = f"questions.{key}"
        file.fields(value, where, {"text": "text", "help": "text", "multi": "bool",
                                   "options": "list", "asked_when": "any"})
        options = []
        for index, option in enumerate(value["options"]):
            if not isinstance(option, dict):
                file.fail(f"{where}.options[{index}]", "must be a table")
            file.fields(option, f"{where}.options[{index}]", {"id": "text", "label": "text"},
                        {"help": "text"})
            options.append(Option(**option))
        ids = [option.id for option in options]
        for index, option_id in enumerate(ids):
            if ids.index(option_id) != index:
                file.fail(f"{where}.options[{index}].id", f"repeats option id {option_id!r}")
        return Question(id=key, text=value["text"], help=value["help"], multi=value["multi"],
                        options=tuple(options), asked_when=None,  # type: ignore[arg-type]
                        option_index={option_id: index for index, option_id in enumerate(ids)})

    @staticmethod
    def _registered(file: _File, shells: dict[str, Question]) -> tuple[Registered, str]:
        value = file.data.get("registered")
        if not isinstance(value, dict):
            file.fail("registered", "missing: it names the profession question and the "
                                    "option meaning 'not registered'")
        file.fields(value, "registered", {"question": "text", "unless": "text", "text": "text"})
        question = shells.get(value["question"])
        if question is None or question.multi:
            file.fail("registered.question",
                      f"unknown single-choice question {value['question']!r}")
        if value["unless"] not in question.option_index:
            file.fail("registered.unless",
                      f"unknown option {value['unless']!r} for question '{question.id}'")
        return Registered(question.id, value["unless"]), value["text"]

    @staticmethod
    def _option_sets(file: _File, shells: dict[str, Question]) -> dict[str, OptionSet]:
        sets = {}
        for key, value in file.tables("option_sets").items():
            where = f"option_sets.{key}"
            file.fields(value, where, {"question": "text", "label": "text", "options": "texts"})
            question = shells.get(value["question"])
            if question is None:
                file.fail(f"{where}.question", f"unknown question {value['question']!r}")
            for index, option in enumerate(value["options"]):
                if option not in question.option_index:
                    file.fail(f"{where}.options[{index}]",
                              f"unknown option {option!r} for question '{question.id}'")
            sets[key] = OptionSet(id=key, question=question.id, label=value["label"],
                                  options=tuple(value["options"]))
        return sets

    # nations.toml -----------------------------------------------------------------------

    def _nations(self, file: _File, questions: Mapping[str, Question]) -> dict[str, Nation]:
        file.top(("nations",))
        if NATION_QUESTION not in questions:
            file.fail("nations", f"questions.toml has no '{NATION_QUESTION}' question")
        options = questions[NATION_QUESTION].option_index
        tables = file.tables("nations")
        nations = {}
        for key, value in tables.items():
            where = f"nations.{key}"
            if key not in options:
                file.fail(where, f"unknown nation; the nations are {', '.join(options)}")
            file.fields(value, where, {"regulation": "text", "inspectorate": "text",
                                       "framework": "text", "sources": "texts"})
            nations[key] = Nation(
                id=key, regulation=value["regulation"], inspectorate=value["inspectorate"],
                framework=value["framework"],
                sources=self._source_ids(file, f"{where}.sources", value["sources"]),
            )
        for option in options:
            if option not in nations:
                file.fail(f"nations.{option}", "missing")
        return {option: nations[option] for option in options}

    # evidence.toml ----------------------------------------------------------------------

    def _evidence(self, file: _File, words: dict[str, Any], questions: Mapping[str, Question],
                  option_sets: Mapping[str, OptionSet]) -> tuple[EvidenceItem, ...]:
        file.top(("evidence",))
        context = self._context(file)
        groups = {group.id for group in words["groups"]}
        items = []
        for key, value in file.tables("evidence").items():
            where = f"evidence.{key}"
            file.fields(
                value, where,
                {"title": "text", "group": "text", "basis": "text", "what": "text",
                 "what_counts": "text", "ask": "text", "applies_when": "any", "why": "texts",
                 "third_person": "texts", "sources": "texts"},
                {"held_when": "any", "partial_when": "any", "check_when": "any",
                 "next_step": "text", "next_step_partial": "text", "check": "text",
                 "verify": "text", "verify_sources": "texts", "document": "text",
                 "shows": "text"},
            )
            if ("document" in value) != ("shows" in value):
                file.fail(f"{where}.{'shows' if 'document' in value else 'document'}",
                          "missing: an attachable document says what it is and what it shows")
            if value["group"] not in groups:
                file.fail(f"{where}.group", f"unknown group {value['group']!r}")
            if value["basis"] not in BASIS_WORDS:
                file.fail(f"{where}.basis", f"unknown basis {value['basis']!r}; the basis "
                                            f"words are {', '.join(BASIS_WORDS)}")
            self._check_status_fields(file, where, value)
            for name in ("why", "third_person"):
                for index, template in enumerate(value[name]):
                    check_why(file, f"{where}.{name}[{index}]", template, questions,
                              option_sets)
            conditions = {
                name: parse(value[name], f"{where}.{name}", context)
                for name in ("applies_when", "held_when", "partial_when", "check_when")
                if name in value
            }
            items.append(EvidenceItem(
                id=key, title=value["title"], group=value["group"], basis=value["basis"],
                what=value["what"], what_counts=value["what_counts"], ask=value["ask"],
                why=tuple(value["why"]),
                third_person=tuple(value["third_person"]),
                document=value.get("document"),
                shows=value.get("shows"),
                sources=self._source_ids(file, f"{where}.sources", value["sources"]),
                next_step=value.get("next_step"),
                next_step_partial=value.get("next_step_partial"),
                check=value.get("check"),
                verify=value.get("verify"),
                verify_sources=self._source_ids(file, f"{where}.verify_sources",
                                                value.get("verify_sources", [])),
                status_reads=frozenset().union(*(
                    reads(condition) for name, condition in conditions.items()
                    if name != "applies_when")),
                **conditions,
            ))
        return tuple(items)

    @staticmethod
    def _check_status_fields(file: _File, where: str, value: dict[str, Any]) -> None:
        if "held_when" not in value and "check_when" not in value:
            file.fail(where, "needs held_when or check_when (or both)")
        if "partial_when" in value and "held_when" not in value:
            file.fail(f"{where}.partial_when", "needs a held_when")
        if "check_when" in value and "check" not in value:
            file.fail(f"{where}.check", "missing: an item with check_when says what to ask")
        if "check" in value and "check_when" not in value:
            file.fail(f"{where}.check", "only an item with check_when has a check")
        if "held_when" in value and "next_step" not in value:
            file.fail(f"{where}.next_step", "missing: an item that can be a gap needs one")
        if "next_step_partial" in value and "partial_when" not in value:
            file.fail(f"{where}.next_step_partial", "needs a partial_when")
        if "verify_sources" in value and "verify" not in value:
            file.fail(f"{where}.verify_sources", "needs a verify text to go with")

    # notices.toml -----------------------------------------------------------------------

    def _notices(self, file: _File) -> tuple[Notice, ...]:
        file.top(("notices",))
        context = self._context(file)
        notices = []
        for key, value in file.tables("notices").items():
            where = f"notices.{key}"
            file.fields(value, where, {"shown_when": "any", "text": "text", "as_of": "date",
                                       "sources": "ids"}, {"nation_context": "bool"})
            nation_context = value.get("nation_context", False)
            if not value["sources"] and not nation_context:
                file.fail(f"{where}.sources", "must list at least one source")
            allowed = {"nation", *CONTEXT_FIELDS} if nation_context else set()
            for placeholder in PLACEHOLDER.findall(value["text"]):
                if placeholder not in allowed:
                    file.fail(f"{where}.text", f"unknown placeholder {{{placeholder}}}"
                              + ("" if nation_context else " (only a nation_context notice "
                                                            "takes placeholders)"))
            notices.append(Notice(
                id=key,
                shown_when=parse(value["shown_when"], f"{where}.shown_when", context),
                text=value["text"], as_of=value["as_of"],
                sources=self._source_ids(file, f"{where}.sources", value["sources"]),
                nation_context=nation_context,
            ))
        return tuple(notices)


def check_why(file: _File, key: str, template: str, questions: Mapping[str, Question],
              option_sets: Mapping[str, OptionSet]) -> None:
    """Fail unless each placeholder of a why template names a question (and, after a colon,
    one of its options or option sets)."""
    for placeholder in PLACEHOLDER.findall(template):
        question_id, _, narrow = placeholder.partition(":")
        question = questions.get(question_id)
        if question is None:
            file.fail(key, f"placeholder {{{placeholder}}} names unknown question "
                           f"{question_id!r}")
        known = narrow in question.option_index or (
            narrow in option_sets and option_sets[narrow].question == question_id)
        if narrow and not known:
            file.fail(key, f"placeholder {{{placeholder}}}: {narrow!r} is neither an "
                           f"option nor an option set of '{question_id}'")
