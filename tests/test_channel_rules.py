"""The channel rules: broadcast channels get no replies, texts fit a channel's length, deadlines fit the level."""

from __future__ import annotations

import shutil
from pathlib import Path

from guideline import site
from guideline.check.length import check_lengths, text_length
from guideline.check.templates import ChannelText, channel_texts
from guideline.diagnostics import Severity, format_diagnostic
from guideline.parse.corpus import Guideline

MINIMAL = Path(__file__).parent / "fixtures" / "minimal"

WHATSAPP = """\
  - id: whatsapp
    name: WhatsApp-Kanal
    interaction: broadcast
    form_of_address: du
    max_length: 20
    purpose: Hinweise an alle, die den Kanal abonniert haben.
    audience: Kundinnen und Kunden
    content_types:
      - Hinweise
    rhythm: wöchentlich
    service_hours: Versand donnerstags
    owner: social-media-lead
    deputy: community-manager
    legal:
      imprint: Link in der Kanalbeschreibung
      privacy: Link in der Kanalbeschreibung
      admins:
        - social-media-lead
        - community-manager
      two_factor: true
"""


def load(tmp_path: Path, replace: dict[str, tuple[str, str]], append: dict[str, str]) -> Guideline:
    """Copy the minimal guideline, replace text and append lines in some files, and load it without problems."""
    data = tmp_path / "guideline_data"
    shutil.copytree(MINIMAL, data)
    for relative, (old, new) in replace.items():
        text = (data / relative).read_text(encoding="utf-8")
        assert old in text
        (data / relative).write_text(text.replace(old, new), encoding="utf-8")
    for relative, lines in append.items():
        with (data / relative).open("a", encoding="utf-8") as file:
            file.write(lines)
    guideline, report = site.load_guideline(data, tmp_path)
    assert guideline is not None, report
    return guideline


def with_whatsapp(tmp_path: Path, organisation: str = "") -> Guideline:
    return load(tmp_path, {"scenarios/kritik.yml": ("  - instagram\n", "  - instagram\n  - whatsapp\n")},
                {"channels.yml": WHATSAPP, "organisation.yml": organisation})


def test_a_template_of_a_scenario_on_a_broadcast_channel_is_not_meant_for_it(tmp_path: Path) -> None:
    # The scenario's template says "Sie" and is longer than 20 characters; neither matters on a channel
    # where nobody can comment, because the template without channels of its own never goes there.
    guideline = with_whatsapp(tmp_path)
    assert [(text.name, text.channels) for text in channel_texts(guideline)] == [
        ("die Vorlage 'Erste Antwort'", ("instagram",)),
    ]
    assert site.check_site(tmp_path / "guideline_data", tmp_path).diagnostics == ()


def test_other_texts_for_channels_are_checked_against_every_channel_they_name(tmp_path: Path) -> None:
    # A text that goes to a broadcast channel (a statement, say) is checked by the same function.
    guideline = with_whatsapp(tmp_path)
    template = next(channel_texts(guideline))
    statement = ChannelText(template.parsed, template.data_path, "die Stellungnahme 'Rückruf'",
                            "Wir rufen das Gerät zurück.", ("instagram", "whatsapp"))
    (found,) = check_lengths(guideline, (statement,), Severity.WARNING)
    assert format_diagnostic(found) == (
        "guideline_data/scenarios/kritik.yml:16:11: warning[G372]: die Stellungnahme 'Rückruf' ist 27 Zeichen "
        "lang, der Kanal 'whatsapp' erlaubt aber höchstens 20\n"
        "    note: höchstens 20 Zeichen auf 'whatsapp': guideline_data/channels.yml:24\n"
        "    help: kürze den Text um mindestens 7 Zeichen, oder leg für 'whatsapp' einen eigenen, kürzeren Text an"
    )


def test_a_block_text_is_counted_without_its_closing_line_break() -> None:
    assert text_length("Danke!\n") == 6
    assert text_length("Zeile eins\nZeile zwei\n") == 21


def test_the_broadcast_policy_follows_its_setting(tmp_path: Path) -> None:
    for setting, expected in (("warning", {Severity.WARNING}), ("off", set())):
        root = tmp_path / setting
        root.mkdir()
        load(root, {"matrix.yml": ("  - channel: instagram\n", "  - channel: whatsapp\n")},
             {"channels.yml": WHATSAPP,
              "organisation.yml": f"policies:\n  no_replies_on_broadcast_channels: {setting}\n"})
        found = site.check_site(root / "guideline_data", root).diagnostics
        assert {d.code for d in found} == ({"G370"} if expected else set())
        assert {d.severity for d in found} == expected
