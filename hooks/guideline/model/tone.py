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


class BreachPhrase(Model):
    phrase: Line = Field(description="Die Signalphrase, z. B. 'sehr ernst'; ein * am Ende passt auf jede Endung.")
    exceptions: tuple[Line, ...] = Field(
        min_length=1, alias="except",
        description="Wendungen, die die Phrase enthalten und trotzdem in Ordnung sind, z. B. 'nicht sehr ernst'.",
    )


class ToneRule(Model):
    id: ToneRuleId = Field(description="Eindeutige ID der Regel; Teil der Adresse, z. B. 'freundlich'.")
    title: Line = Field(description="Kurzer Titel der Regel.")
    rule: Line = Field(description="Die Regel in einem Satz.")
    why: Text = Field(description="Warum die Regel wichtig ist.")
    examples: tuple[Example, ...] = Field(min_length=1, description="Beispielpaare: so schreiben wir / statt so.")
    breach_phrases: tuple[Line | BreachPhrase, ...] = Field(
        (), description="Formulierungen, die auf einen Verstoß hindeuten (werden in Antwortvorlagen und von der "
        "Antwortprüfung gesucht): als Text, oder mit Ausnahmen als {phrase: …, except: [...]}."
    )

    @property
    def phrases(self) -> tuple[BreachPhrase, ...]:
        """Return every breach phrase with its exceptions (none for a phrase written as plain text)."""
        return tuple(p if isinstance(p, BreachPhrase) else BreachPhrase.model_construct(phrase=p, exceptions=())
                     for p in self.breach_phrases)


class ToneFile(Model):
    """tone.yml: the tone rules."""

    rules: tuple[ToneRule, ...] = Field(min_length=1, description="Die Tonalitätsregeln in Lesereihenfolge.")
