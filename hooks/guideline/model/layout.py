"""Where each kind of data file lives under guideline_data/, and which model it holds."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import PurePosixPath

from pydantic import BaseModel

from . import contacts, crisis, employees, legal, onboarding, parties, reply_check, review, statements, strategy, urls
from .channels import ChannelsFile
from .departments import DepartmentsFile
from .escalation import EscalationFile
from .ids import IdKind, defined_kinds
from .matrix import MatrixFile
from .organisation import Organisation
from .roles import RolesFile
from .scenarios import Scenario
from .tone import ToneFile
from .training import TrainingModule

DATA_SUFFIX = ".yml"
SCHEMA_DIR = PurePosixPath("schema")


@dataclass(frozen=True)
class KindSpec:
    """How one kind of data file is stored and which model parses it."""

    model: type[BaseModel]
    file: str | None = None  # a single file, e.g. "roles.yml"
    folder: str | None = None  # one file per item, e.g. "scenarios/<id>.yml"
    title: str = ""
    required: bool = True  # a single file every guideline must have; an optional kind may be left out


class DataKind(enum.Enum):
    """Every kind of data file in guideline_data/."""

    ORGANISATION = KindSpec(Organisation, file="organisation.yml", title="Organisation")
    TONE = KindSpec(ToneFile, file="tone.yml", title="Tonalitätsregeln")
    DEPARTMENTS = KindSpec(DepartmentsFile, file="departments.yml", title="Abteilungen")
    ROLES = KindSpec(RolesFile, file="roles.yml", title="Rollen")
    CHANNELS = KindSpec(ChannelsFile, file="channels.yml", title="Kanäle")
    MATRIX = KindSpec(MatrixFile, file="matrix.yml", title="Rollenmatrix")
    ESCALATION = KindSpec(EscalationFile, file="escalation.yml", title="Eskalationsstufen")
    PROCESS = KindSpec(strategy.ProcessFile, file="process.yml", title="Prozess")
    STRATEGY = KindSpec(strategy.StrategyFile, file="strategy.yml", title="Content-Strategie")
    LEGAL = KindSpec(legal.LegalFile, file="legal.yml", title="Recht und Mitbestimmung", required=False)
    EMPLOYEES = KindSpec(employees.EmployeesFile, file="employees.yml", title="Social Media für alle Mitarbeitenden",
                         required=False)
    CRISIS = KindSpec(crisis.CrisisFile, file="crisis.yml", title="Krisen-Playbook", required=False)
    SCENARIO = KindSpec(Scenario, folder="scenarios", title="Szenario")
    TRAINING = KindSpec(TrainingModule, folder="training", title="Schulungsmodul")
    CONTACTS = KindSpec(contacts.ContactsFile, file="contacts.yml", title="Erreichbarkeit", required=False)
    STATEMENT = KindSpec(statements.Statement, folder="statements", title="Pflichttext", required=False)
    PARTIES = KindSpec(parties.PartiesFile, file="parties.yml", title="Externe Stellen", required=False)
    REVIEW = KindSpec(review.ReviewFile, file="review.yml", title="Prüfstand", required=False)
    URLS = KindSpec(urls.PublishedUrls, file="urls.yml", title="Veröffentlichte Adressen", required=False)
    ONBOARDING = KindSpec(onboarding.OnboardingFile, file="onboarding.yml", title="Einarbeitung", required=False)
    REPLY_CHECK = KindSpec(reply_check.ReplyCheckFile, file="reply_check.yml", title="Antwortprüfung",
                           required=False)

    @property
    def spec(self) -> KindSpec:
        return self.value

    @property
    def slug(self) -> str:
        """Return the kind's name as used on the command line and in schema file names."""
        return self.name.lower()

    @property
    def schema_path(self) -> PurePosixPath:
        """Return the JSON Schema's path relative to the data folder."""
        return SCHEMA_DIR / f"{self.slug}.schema.json"

    def schema_reference(self, data_file: PurePosixPath) -> str:
        """Return the relative schema path as written in a data file's yaml-language-server comment."""
        depth = len(data_file.parts) - 1
        return "/".join([".."] * depth + list(self.schema_path.parts))

    def data_path(self, item_id: str | None = None) -> PurePosixPath:
        """Return the file's path relative to the data folder; folder kinds need the item id."""
        if self.spec.file is not None:
            return PurePosixPath(self.spec.file)
        if item_id is None:
            raise ValueError(f"{self.name} files are named after their id")
        return PurePosixPath(self.spec.folder or "") / f"{item_id}{DATA_SUFFIX}"


SINGLE_FILE_KINDS = tuple(kind for kind in DataKind if kind.spec.file is not None)
FOLDER_KINDS = tuple(kind for kind in DataKind if kind.spec.folder is not None)


def classify_data_file(relative: PurePosixPath) -> DataKind | None:
    """Return the kind of a data file from its path relative to the data folder, or None if unknown."""
    for kind in SINGLE_FILE_KINDS:
        if relative == PurePosixPath(kind.spec.file or ""):
            return kind
    if len(relative.parts) == 2 and relative.suffix == DATA_SUFFIX:
        for kind in FOLDER_KINDS:
            if relative.parts[0] == kind.spec.folder:
                return kind
    return None


def defining_kind(id_kind: IdKind) -> DataKind:
    """Return the data kind whose files define ids of this kind, as its model's `...Id` fields declare."""
    return next(kind for kind in DataKind if id_kind in defined_kinds(kind.spec.model))


def kind_by_slug(slug: str) -> DataKind | None:
    """Return the kind named on the command line, e.g. "scenario"."""
    return next((kind for kind in DataKind if kind.slug == slug), None)
