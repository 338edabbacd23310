"""tone.yml: the tone rules.

Field descriptions are German: they become the JSON Schema that contributors' editors show.
"""

from __future__ import annotations

from pydantic import Field

from .base import Model
from .fields import Line, Text
from .ids import ToneRuleId


class Example(Model):
    write: Text = Field(description="So schreiben wir (gutes Beispiel).")
    instead_of: Text = Field(description="Statt so (schlechtes Beispiel).")


class ToneRule(Model):
    id: ToneRuleId = Field(description="Eindeutige ID der Regel; Teil der Adresse, z. B. 'freundlich'.")
    title: Line = Field(description="Kurzer Titel der Regel.")
    rule: Line = Field(description="Die Regel in einem Satz.")
    why: Text = Field(description="Warum die Regel wichtig ist.")
    examples: tuple[Example, ...] = Field(min_length=1, description="Beispielpaare: so schreiben wir / statt so.")
    breach_phrases: tuple[Line, ...] = Field(
        (), description="Formulierungen, die auf einen Verstoß hindeuten (werden in Antwortvorlagen gesucht)."
    )


class ToneFile(Model):
    """tone.yml: the tone rules."""

    rules: tuple[ToneRule, ...] = Field(min_length=1, description="Die Tonalitätsregeln in Lesereihenfolge.")
