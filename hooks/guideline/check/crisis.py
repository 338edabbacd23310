"""Policies of the crisis playbook: a decision tree that always ends in an action, a storm scale that only rises.

The tree is walked as a graph with explicit stacks, never by recursion: a contributor's tree of any depth,
or one that runs in a circle, is reported as a finding and never exhausts Python's stack.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..diagnostics import Diagnostic, DiagnosticCode, Severity
from ..model.crisis import CrisisFile, Question, branches, roots, successors
from ..model.layout import DataKind
from ..parse.corpus import Guideline
from ..parse.file import ParsedFile
from .findings import finding_at, place_of, shorten_list

CODES: tuple[DiagnosticCode, ...] = (
    DiagnosticCode("G320", "Zweig ohne Ziel",
                   "Eine Antwort (Ja oder Nein) im Entscheidungsbaum von crisis.yml führt weder zu einer nächsten "
                   "Frage noch zu einer Handlung; wer dort ankommt, weiß nicht weiter "
                   "(Prüfung policies.crisis_tree_complete).",
                   "Unter 'if_yes:' bzw. 'if_no:' entweder 'next:' mit der ID der nächsten Frage oder 'action:' "
                   "(respond, monitor oder dont-respond) eintragen."),
    DiagnosticCode("G321", "Zweig mit Frage und Ergebnis",
                   "Ein Zweig nennt eine nächste Frage und zugleich ein Ergebnis (Handlung, Szenario, Stufe oder "
                   "Hinweis); es ist nicht klar, ob der Baum dort endet (Prüfung policies.crisis_tree_complete).",
                   "Entweder 'next:' oder die Angaben zum Ergebnis entfernen."),
    DiagnosticCode("G322", "Ergebnis ohne Szenario und Stufe",
                   "Ein Zweig endet in einer Handlung, sagt aber weder, nach welchem Szenario man vorgeht, noch, "
                   "welche Eskalationsstufe gilt (Prüfung policies.crisis_tree_complete).",
                   "'scenario:' oder 'escalation_level:' (oder beides) eintragen."),
    DiagnosticCode("G323", "Frage nicht erreichbar",
                   "Von der Startfrage des Entscheidungsbaums führt kein Weg zu dieser Frage; niemand liest sie "
                   "(Prüfung policies.crisis_tree_complete).",
                   "Mit 'next:' aus einem Zweig auf die Frage verweisen oder sie löschen."),
    DiagnosticCode("G324", "Fragen im Kreis",
                   "Die Zweige des Entscheidungsbaums führen im Kreis; wer ihnen folgt, kommt nie zu einer "
                   "Handlung (Prüfung policies.crisis_tree_complete).",
                   "Einen der genannten Zweige auf eine andere Frage oder auf eine Handlung enden lassen."),
    DiagnosticCode("G325", "Nicht genau eine Startfrage",
                   "Ein Entscheidungsbaum hat genau eine Startfrage: die einzige Frage, auf die kein Zweig "
                   "verweist. Hier sind es keine oder mehrere (Prüfung policies.crisis_tree_complete).",
                   "Weitere Startfragen mit 'next:' in den Baum einhängen oder löschen."),
    DiagnosticCode("G326", "Sturmstärke mit niedrigerer Eskalationsstufe",
                   "In crisis.yml führt eine stärkere Sturmstärke zu einer niedrigeren Eskalationsstufe als eine "
                   "schwächere; die Stufen müssen mit dem Sturm steigen oder gleich bleiben "
                   "(Prüfung policies.storm_scale_ascending).",
                   "Mindestens die Eskalationsstufe der schwächeren Sturmstärke eintragen."),
)
"""Every diagnostic code this module emits, documented for the contributors' page."""

def reachable(graph: dict[str, tuple[str, ...]], starts: tuple[str, ...]) -> set[str]:
    """Return every question reachable from the starts, the starts included."""
    seen: set[str] = set()
    stack = list(starts)
    while stack:
        current = stack.pop()
        if current not in seen:
            seen.add(current)
            stack.extend(graph.get(current, ()))
    return seen


def find_circles(graph: dict[str, tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    """Return the path of every edge that closes a circle, found depth-first in file order, without recursion."""
    found: list[tuple[str, ...]] = []
    finished: set[str] = set()
    for start in graph:
        if start in finished:
            continue
        path: list[str] = [start]
        pending: list[list[str]] = [list(reversed(graph[start]))]
        while path:
            if not pending[-1]:
                finished.add(path.pop())
                pending.pop()
                continue
            following = pending[-1].pop()
            if following in path:
                found.append((*path[path.index(following):], following))
            elif following not in finished:
                path.append(following)
                pending.append(list(reversed(graph[following])))
    return tuple(found)


def _playbook(guideline: Guideline) -> ParsedFile[CrisisFile] | None:
    return guideline.one_of(DataKind.CRISIS)


def check_crisis_tree(guideline: Guideline, severity: Severity) -> Iterator[Diagnostic]:
    """Report branches that end nowhere or twice, questions no one reaches, circles and a missing or extra start."""
    parsed = _playbook(guideline)
    if parsed is None:
        return
    tree = parsed.model.decision_tree
    for index, question in enumerate(tree):
        yield from _branch_findings(parsed, index, question, severity)
    yield from _structure_findings(parsed, tree, severity)


def _branch_findings(
    parsed: ParsedFile[Any], index: int, question: Question, severity: Severity
) -> Iterator[Diagnostic]:
    for field, answer, branch in branches(question):
        path = ("decision_tree", index, field)
        outcome = [name for name in ("action", "advice", "scenario", "escalation_level") if getattr(branch, name)]
        if branch.next is None and branch.action is None:
            yield finding_at(
                parsed, path, "G320", f"die Antwort „{answer}“ auf die Frage '{question.id}' führt nirgendwohin",
                severity=severity, help_text=f"trage unter '{field}:' entweder 'next:' (ID der nächsten Frage) oder "
                "'action:' (respond, monitor oder dont-respond) ein",
            )
        elif branch.next is not None and outcome:
            yield finding_at(
                parsed, (*path, "next"), "G321", f"die Antwort „{answer}“ auf die Frage '{question.id}' führt zur "
                f"Frage '{branch.next}' und nennt zugleich ein Ergebnis ({', '.join(outcome)})",
                severity=severity, help_text="entferne entweder 'next:' oder die Angaben zum Ergebnis",
            )
        elif branch.next is None and branch.scenario is None and branch.escalation_level is None:
            yield finding_at(
                parsed, (*path, "action"), "G322", f"die Antwort „{answer}“ auf die Frage '{question.id}' endet "
                "ohne Szenario und ohne Eskalationsstufe",
                severity=severity, help_text="trage 'scenario:' oder 'escalation_level:' ein, damit klar ist, wie es "
                "weitergeht",
            )


def _structure_findings(
    parsed: ParsedFile[Any], tree: tuple[Question, ...], severity: Severity
) -> Iterator[Diagnostic]:
    graph = successors(tree)
    index_of = {question.id: index for index, question in enumerate(tree)}
    starts = roots(tree)
    if not starts:
        yield finding_at(
            parsed, ("decision_tree", 0, "id"), "G325", "der Entscheidungsbaum hat keine Startfrage: auf jede Frage "
            "verweist ein Zweig", severity=severity,
            help_text="die erste Frage des Baums darf nirgends als 'next:' vorkommen",
        )
    for extra in starts[1:]:
        yield finding_at(
            parsed, ("decision_tree", index_of[extra], "id"), "G325", f"die Frage '{extra}' ist eine zweite "
            "Startfrage: kein Zweig führt zu ihr", severity=severity,
            notes=(f"Startfrage ist '{starts[0]}' ({place_of(parsed, ('decision_tree', index_of[starts[0]], 'id'))})",),
            help_text=f"verweise aus einem Zweig mit 'next: {extra}' auf sie oder lösch sie",
        )
    seen = reachable(graph, starts)
    for question in tree:
        if starts and question.id not in seen:
            yield finding_at(
                parsed, ("decision_tree", index_of[question.id], "id"), "G323", f"die Frage '{question.id}' ist von "
                f"der Startfrage '{starts[0]}' aus nicht erreichbar", severity=severity,
                help_text=f"verweise aus einem Zweig mit 'next: {question.id}' auf sie oder lösch sie",
            )
    for circle in find_circles(graph):
        closing = tree[index_of[circle[-2]]]
        field = next(field for field, _, branch in branches(closing) if branch.next == circle[-1])
        yield finding_at(
            parsed, ("decision_tree", index_of[closing.id], field, "next"), "G324",
            f"die Fragen führen im Kreis: {' → '.join(circle)}", severity=severity,
            help_text="lass einen dieser Zweige auf eine andere Frage oder auf eine Handlung ('action:') enden",
        )


def check_storm_scale_ascending(guideline: Guideline, severity: Severity) -> Iterator[Diagnostic]:
    """Report a storm strength that maps to a lower escalation level than a weaker one."""
    parsed = _playbook(guideline)
    if parsed is None:
        return
    order = [level.id for level in guideline.escalation.model.levels]
    highest: tuple[int, str] | None = None  # (strength, level id) of the highest level so far
    for strength, storm in enumerate(parsed.model.storm_scale):
        if storm.escalation_level not in order:
            continue  # an unknown level is reported by the reference check
        if highest is not None and order.index(storm.escalation_level) < order.index(highest[1]):
            yield finding_at(
                parsed, ("storm_scale", strength, "escalation_level"), "G326",
                f"Sturmstärke {strength} ('{storm.title}') führt zur Eskalationsstufe '{storm.escalation_level}', "
                f"die niedriger ist als '{highest[1]}' bei Sturmstärke {highest[0]}", severity=severity,
                notes=(f"die Stufen in escalation.yml, aufsteigend: {shorten_list(order)}",),
                help_text=f"trage '{highest[1]}' oder eine höhere Stufe ein",
            )
            continue
        highest = (strength, storm.escalation_level)
