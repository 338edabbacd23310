"""Page context of the chapter for every employee: each topic with do's, don'ts and whom to tell."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.employees import EmployeesFile, EmployeeTopic, TopicContact
from ..model.ids import IdKind
from ..model.layout import DataKind
from ..model.phone import PhoneNumber
from . import links as urls
from .links import Link, Links
from .page import PlannedPage, Planning


@dataclass(frozen=True)
class TopicContactView:
    """Whom to tell about a topic, with every way to reach them resolved to a link."""

    action: str
    role: Link | None
    email: Link | None
    phone: PhoneNumber | None
    phone_label: str | None
    form: Link | None
    include: tuple[str, ...]


@dataclass(frozen=True)
class TopicView:
    """One topic as the page shows it; its id is its anchor."""

    id: str
    title: str
    summary: str
    do: tuple[str, ...]
    dont: tuple[str, ...]
    contact: TopicContactView | None


@dataclass(frozen=True)
class TopicGlance:
    """A topic in the overview at the top: its title links to its section, its summary is the short answer."""

    topic: Link
    summary: str


@dataclass(frozen=True)
class EmployeesPage:
    """Context of `mitarbeitende.md`: the topics, with a list of links to them first."""

    introduction: str
    overview: tuple[TopicGlance, ...]
    topics: tuple[TopicView, ...]
    start: Link


def _contact_view(contact: TopicContact, links: Links) -> TopicContactView:
    return TopicContactView(
        action=contact.action,
        role=links.to(IdKind.ROLE, contact.role) if contact.role else None,
        email=Link(contact.email.removeprefix("mailto:"), contact.email) if contact.email else None,
        phone=contact.phone,
        phone_label=contact.phone_label,
        form=Link(contact.form.split("://", 1)[-1], contact.form) if contact.form else None,  # readable, copyable
        include=contact.include,
    )


def _topic_view(topic: EmployeeTopic, links: Links) -> TopicView:
    contact = _contact_view(topic.contact, links) if topic.contact else None
    return TopicView(topic.id, topic.title, topic.summary, topic.do, topic.dont, contact)


def employees_context(chapter: EmployeesFile, links: Links) -> EmployeesPage:
    """Build the chapter page: an overview of the topics, then each topic under its id's anchor."""
    return EmployeesPage(
        introduction=chapter.introduction,
        overview=tuple(TopicGlance(links.to(IdKind.EMPLOYEE_TOPIC, t.id), t.summary) for t in chapter.topics),
        topics=tuple(_topic_view(topic, links) for topic in chapter.topics),
        start=Link("Zur Startseite", urls.START_PAGE),
    )


def plan_employees(planning: Planning) -> tuple[PlannedPage, ...]:
    """Plan the chapter for every employee, if the guideline has one."""
    parsed = planning.guideline.one_of(DataKind.EMPLOYEES)
    if parsed is None:
        return ()
    chapter: EmployeesFile = parsed.model
    context = employees_context(chapter, planning.links)
    return (PlannedPage(urls.EMPLOYEES_PAGE, chapter.title, "employees.md.j2", context, parsed.source_map.path),)
