/*
 * "Antwort prüfen": checks a draft reply against the guideline's rules, in this browser only.
 *
 * The rules come from javascripts/replycheck-rules.js, generated at build time from tone.yml, channels.yml and
 * reply_check.yml (window.replyCheckRules). This file is the browser's runner of those rules and does exactly
 * what hooks/guideline/replycheck/matcher.py does: tests/fixtures/replycheck/corpus.yml is run through both.
 * Offsets count Unicode code points of the draft, never UTF-16 units. Nothing is sent anywhere; no framework,
 * no eval, and the draft reaches the page only as text (textContent), never as HTML.
 *
 * window.replyCheck.check(text, channelId, isPublic) returns the findings; the tests call it.
 */
(() => {
  "use strict";

  const WHITESPACE = new Set([" ", "\t", "\n", "\r", "\f", "\v", "\u00a0", "\u2028", "\u2029", "\u202f"]);
  const FOLDS = { "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss" };
  const WORD = /^[\p{L}\p{N}]$/u;
  const LETTER = /^\p{L}$/u;
  const LINK_START = ["https://", "http://", "www."];
  const LINK_END = new Set([" ", "\t", "\n", "\r", "<", ">", "\"", "'", "“", "”", "„", "»", "«"]);
  const LINK_TRAIL = new Set([".", ",", ";", ":", "!", "?", ")"]);
  const SENTENCE_END = new Set([".", "!", "?", ":", "\n", "\"", "„"]);
  const SEVERITY_LABELS = { error: "Fehler", warning: "Warnung", hint: "Hinweis" };
  const SECTION_NAMES = {
    placeholder: "Platzhalter", address: "Anrede", shouting: "Schreien", link: "Links", greeting: "Anrede und Gruß",
    "sign-off": "Anrede und Gruß",
  };

  const isWord = (character) => WORD.test(character);
  const isLetter = (character) => LETTER.test(character);

  // --- normalisation: the same as normalise.py ------------------------------------------------------

  /** Lowercase, spell out umlauts, make whitespace runs one space; remember each character's original span. */
  const normalise = (chars) => {
    const out = [];
    const starts = [];
    const ends = [];
    chars.forEach((character, index) => {
      if (WHITESPACE.has(character)) {
        if (out.length && out[out.length - 1] === " " && ends[ends.length - 1] === index) {
          ends[ends.length - 1] = index + 1;
          return;
        }
        out.push(" ");
        starts.push(index);
        ends.push(index + 1);
        return;
      }
      for (const lowered of Array.from(character.toLowerCase())) {
        for (const folded of Array.from(FOLDS[lowered] || lowered)) {
          out.push(folded);
          starts.push(index);
          ends.push(index + 1);
        }
      }
    });
    return { chars: out, starts, ends };
  };

  /** Return where a (normalised) phrase starts in the normalised text from `from` on, or -1. */
  const find = (haystack, needle, from) => {
    for (let start = from; start + needle.length <= haystack.length; start += 1) {
      let index = 0;
      while (index < needle.length && haystack[start + index] === needle[index]) {
        index += 1;
      }
      if (index === needle.length) {
        return start;
      }
    }
    return -1;
  };

  /** Return the original spans of a phrase's matches on word boundaries (a `prefix` phrase may go on). */
  const phraseSpans = (normalised, phrase, prefix) => {
    const needle = Array.from(phrase);
    const text = normalised.chars;
    const spans = [];
    if (!needle.length) {
      return spans;
    }
    let found = find(text, needle, 0);
    while (found >= 0) {
      const end = found + needle.length;
      const left = !(isWord(needle[0]) && found > 0 && isWord(text[found - 1]));
      const right = prefix || !(isWord(needle[needle.length - 1]) && end < text.length && isWord(text[end]));
      if (left && right) {
        spans.push([normalised.starts[found], normalised.ends[end - 1]]);
        found = find(text, needle, end);
      } else {
        found = find(text, needle, found + 1);
      }
    }
    return spans;
  };

  const covered = (span, exceptions) => exceptions.some(([start, end]) => start <= span[0] && span[1] <= end);

  // --- the checks: the same as matcher.py -----------------------------------------------------------

  const finding = (kind, rule, severity, start, end, message, link, better = "") =>
    ({ kind, rule, severity, start, end, message, link, better });

  const toneFindings = (rules, normalised) => {
    const found = [];
    for (const tone of rules.tone) {
      for (const phrase of tone.phrases) {
        const fine = phrase.exceptions.flatMap((exception) => phraseSpans(normalised, exception, false));
        for (const span of phraseSpans(normalised, phrase.text, phrase.prefix)) {
          if (!covered(span, fine)) {
            found.push(finding("tone", tone.id, "warning", span[0], span[1], tone.message, `tone:${tone.id}`,
              tone.better));
          }
        }
      }
    }
    return found;
  };

  /** Map each UTF-16 index of a string to its code point index, so RegExp matches count code points. */
  const codePointIndex = (text) => {
    const map = new Array(text.length + 1);
    let point = 0;
    for (let unit = 0; unit < text.length; unit += 1) {
      map[unit] = point;
      const code = text.charCodeAt(unit);
      if (code >= 0xd800 && code <= 0xdbff && unit + 1 < text.length) {
        map[unit + 1] = point;
        unit += 1;
      }
      point += 1;
    }
    map[text.length] = point;
    return map;
  };

  const patternSpans = (check, text, normalised) => {
    const fine = check.exceptions.flatMap((exception) => phraseSpans(normalised, exception, false));
    const points = codePointIndex(text);
    const expression = new RegExp(check.pattern, "giu");
    const spans = [];
    let match = expression.exec(text);
    while (match !== null) {
      const span = [points[match.index], points[match.index + match[0].length]];
      if (span[1] > span[0] && !covered(span, fine)) {
        spans.push(span);
      }
      if (match[0].length === 0) {
        expression.lastIndex += 1;
      }
      match = expression.exec(text);
    }
    return spans;
  };

  const patternFinding = (check, span) =>
    finding(check.kind, check.id, check.severity, span[0], span[1], check.message, `rule:${check.id}`);

  /** Return the span of each run of letters (matcher.py: words). */
  const words = (chars) => {
    const spans = [];
    let start = -1;
    chars.forEach((character, index) => {
      if (isLetter(character)) {
        start = start < 0 ? index : start;
      } else if (start >= 0) {
        spans.push([start, index]);
        start = -1;
      }
    });
    if (start >= 0) {
      spans.push([start, chars.length]);
    }
    return spans;
  };

  const sentenceStart = (chars, start) => {
    let index = start - 1;
    while (index >= 0 && (chars[index] === " " || chars[index] === "\t")) {
      index -= 1;
    }
    return index < 0 || SENTENCE_END.has(chars[index]);
  };

  const addressForms = (rules, chars, placeholders) => {
    const forms = [];
    for (const span of words(chars)) {
      if (covered(span, placeholders)) {
        continue;
      }
      const word = chars.slice(span[0], span[1]).join("");
      if (rules.address.du.includes(word.toLowerCase())) {
        forms.push(["du", span]);
      } else if (rules.address.sie.includes(word)
          && (rules.address.alwaysFormal.includes(word) || !sentenceStart(chars, span[0]))) {
        forms.push(["sie", span]);
      }
    }
    return forms;
  };

  const addressFindings = (rules, chars, channel, placeholders) => {
    const forms = addressForms(rules, chars, placeholders);
    if (channel && channel.form) {
      return forms.filter(([form]) => form !== channel.form).map(([, span]) =>
        finding("address", channel.id, "error", span[0], span[1], channel.formMessage, `channel:${channel.id}`));
    }
    const used = [...new Set(forms.map(([form]) => form))];
    if (used.length < 2) {
      return [];
    }
    return forms.filter(([form]) => form === used[1]).map(([, span]) =>
      finding("address", "gemischt", "error", span[0], span[1], rules.address.mixedMessage, "rule:address"));
  };

  const lengthFindings = (text, channel) => {
    if (!channel || channel.maxLength === null) {
      return [];
    }
    const stripped = Array.from(text.trim()).length;
    if (stripped <= channel.maxLength) {
      return [];
    }
    const lead = Array.from(text).length - Array.from(text.trimStart()).length;
    return [finding("length", channel.id, "error", lead + channel.maxLength, lead + stripped, channel.lengthMessage,
      `channel:${channel.id}`)];
  };

  const shoutingFindings = (rules, chars) => {
    const shouting = rules.shouting;
    const counted = words(chars).filter(([start, end]) => end - start >= shouting.minLetters);
    const loud = counted.filter(([start, end]) => {
      const word = chars.slice(start, end).join("");
      return word === word.toUpperCase() && word.toUpperCase() !== word.toLowerCase()
        && !shouting.exceptions.includes(word);
    });
    const found = [];
    if (loud.length && loud.length * 100 > shouting.maxCapitalShare * counted.length) {
      loud.forEach(([start, end]) => found.push(finding("shouting", "grossbuchstaben", "hint", start, end,
        shouting.capitalsMessage, "rule:shouting")));
    }
    let index = 0;
    while (index < chars.length) {
      let end = index;
      while (end < chars.length && chars[end] === "!") {
        end += 1;
      }
      if (end - index >= Math.max(shouting.exclamationMarks, 2)) {
        found.push(finding("shouting", "ausrufezeichen", "hint", index, end, shouting.exclamationMessage,
          "rule:shouting"));
      }
      index = Math.max(end, index + 1);
    }
    return found;
  };

  const linkStarts = (chars, index) =>
    LINK_START.some((start) => chars.slice(index, index + start.length).join("").toLowerCase() === start)
      && (index === 0 || !isWord(chars[index - 1]));

  const hostOf = (link) => {
    let rest = link.includes("://") ? link.split("://").slice(1).join("://") : link;
    for (const stop of ["/", "?", "#", ":"]) {
      rest = rest.split(stop)[0];
    }
    return rest;
  };

  const allowedHost = (host, allowed) =>
    allowed.some((pattern) => host === pattern || (pattern.startsWith("*.") && host.endsWith(pattern.slice(1))));

  const linkFindings = (rules, chars) => {
    const found = [];
    if (!rules.linkHosts.length) {
      return found;
    }
    let index = 0;
    while (index < chars.length) {
      if (!linkStarts(chars, index)) {
        index += 1;
        continue;
      }
      let end = index;
      while (end < chars.length && !LINK_END.has(chars[end])) {
        end += 1;
      }
      while (end > index && LINK_TRAIL.has(chars[end - 1])) {
        end -= 1;
      }
      if (!allowedHost(hostOf(chars.slice(index, end).join("").toLowerCase()), rules.linkHosts)) {
        found.push(finding("link", "link-host", "warning", index, end, rules.linkMessage, "rule:link"));
      }
      index = Math.max(end, index + 1);
    }
    return found;
  };

  /** Return each line's span without its leading and trailing whitespace (matcher.py: _lines). */
  const lines = (chars) => {
    const spans = [];
    let start = 0;
    for (const line of chars.join("").split("\n")) {
      const length = Array.from(line).length;
      const lead = length - Array.from(line.trimStart()).length;
      spans.push([start + lead, start + Array.from(line.trimEnd()).length]);
      start += length + 1;
    }
    return spans;
  };

  const expectationFindings = (rules, chars, channel) => {
    const filled = lines(chars).filter(([start, end]) => chars.slice(start, end).join("").trim());
    if (!channel || !filled.length) {
      return [];
    }
    const found = [];
    for (const check of rules.expectations) {
      if (!check.channels.includes(channel.id)) {
        continue;
      }
      const [start, end] = check.kind === "greeting" ? filled[0] : filled[filled.length - 1];
      if (!new RegExp(check.pattern, "iu").test(chars.slice(start, end).join(""))) {
        found.push(finding(check.kind, check.id, check.severity, start, end, check.message, `rule:${check.kind}`));
      }
    }
    return found;
  };

  const compare = (rules) => (a, b) => {
    const order = [
      rules.severities.indexOf(a.severity) - rules.severities.indexOf(b.severity), a.start - b.start, a.end - b.end,
    ];
    const different = order.find((value) => value !== 0);
    if (different !== undefined) {
      return different;
    }
    return a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0;
  };

  /** Return every finding in a draft for a channel (null: any), public or a direct message, by severity. */
  const check = (rules, text, channelId, isPublic) => {
    const chars = Array.from(text);
    const normalised = normalise(chars);
    const channel = rules.channels.find((candidate) => candidate.id === channelId) || null;
    const placeholders = rules.placeholder ? patternSpans(rules.placeholder, text, normalised) : [];
    const found = [
      ...toneFindings(rules, normalised),
      ...addressFindings(rules, chars, channel, placeholders),
      ...placeholders.map((span) => patternFinding(rules.placeholder, span)),
      ...rules.personalData.filter((rule) => isPublic || !rule.publicOnly)
        .flatMap((rule) => patternSpans(rule, text, normalised).map((span) => patternFinding(rule, span))),
      ...lengthFindings(text, channel),
      ...shoutingFindings(rules, chars),
      ...linkFindings(rules, chars),
      ...expectationFindings(rules, chars, channel),
    ];
    return found.sort(compare(rules));
  };

  // --- the page -------------------------------------------------------------------------------------

  const ruleLabel = (rules, item) => {
    if (item.kind === "tone") {
      return `Tonalitätsregel „${rules.tone.find((tone) => tone.id === item.rule).title}“`;
    }
    if (item.link.startsWith("channel:")) {
      return `Kanal „${rules.channels.find((channel) => channel.id === item.rule).name}“`;
    }
    const named = rules.personalData.find((rule) => rule.id === item.rule);
    return `Regel „${named ? named.name : SECTION_NAMES[item.kind]}“`;
  };

  const element = (name, className, text) => {
    const made = document.createElement(name);
    if (className) {
      made.className = className;
    }
    if (text !== undefined) {
      made.textContent = text;
    }
    return made;
  };

  const describe = (rules, item, number, chars) => {
    const entry = element("li", `replycheck__finding replycheck__finding--${item.severity}`);
    Object.assign(entry.dataset, { kind: item.kind, rule: item.rule, start: item.start, end: item.end });
    entry.append(element("strong", "replycheck__severity", `${number}. ${SEVERITY_LABELS[item.severity]}: `));
    entry.append(element("q", "replycheck__quote", chars.slice(item.start, item.end).join("")), " ");
    entry.append(document.createTextNode(`${item.message} `));
    const href = rules.links[item.link];
    if (href) {
      const link = element("a", "replycheck__rule", ruleLabel(rules, item));
      link.href = href;
      entry.append(link);
    }
    if (item.better) {
      entry.append(element("span", "replycheck__better", item.better));
    }
    return entry;
  };

  /** Show the draft with a labelled <mark> per finding; where findings overlap, the most serious and then the
   * shortest is marked (every finding is listed anyway). */
  const markDraft = (target, chars, found, severities) => {
    const chosen = [];
    found.map((item, index) => ({ ...item, number: index + 1 }))
      .sort((a, b) => severities.indexOf(a.severity) - severities.indexOf(b.severity)
        || (a.end - a.start) - (b.end - b.start) || a.start - b.start)
      .forEach((item) => {
        if (!chosen.some((other) => item.start < other.end && other.start < item.end)) {
          chosen.push(item);
        }
      });
    target.replaceChildren();
    let position = 0;
    chosen.sort((a, b) => a.start - b.start).forEach((item) => {
      target.append(document.createTextNode(chars.slice(position, item.start).join("")));
      const mark = element("mark", `replycheck__mark replycheck__mark--${item.severity}`);
      mark.append(document.createTextNode(chars.slice(item.start, item.end).join("")));
      mark.append(element("span", "replycheck__tag", ` [${item.number}: ${SEVERITY_LABELS[item.severity]}]`));
      target.append(mark);
      position = item.end;
    });
    target.append(document.createTextNode(chars.slice(position).join("")));
  };

  const summarise = (found) => {
    if (!found.length) {
      return "Keine Auffälligkeiten gefunden.";
    }
    const counts = ["error", "warning", "hint"].map((severity) => [severity, found.filter((f) => f.severity === severity)
      .length]).filter(([, count]) => count);
    const plural = { error: "Fehler", warning: "Warnungen", hint: "Hinweise" };
    const parts = counts.map(([severity, count]) => `${count} ${count === 1 ? SEVERITY_LABELS[severity] : plural[severity]}`);
    return `${found.length} ${found.length === 1 ? "Fund" : "Funde"}: ${parts.join(", ")}.`;
  };

  const setUp = (root, rules) => {
    const text = root.querySelector("#replycheck-text");
    const channel = root.querySelector("#replycheck-channel");
    const summary = root.querySelector("#replycheck-summary");
    const list = root.querySelector("#replycheck-findings");
    const marked = root.querySelector("#replycheck-marked");
    channel.append(new Option("kein bestimmter Kanal", ""));
    rules.channels.forEach((item) => channel.append(new Option(item.name, item.id)));
    const render = () => {
      const audience = root.querySelector("input[name='replycheck-audience']:checked");
      const chars = Array.from(text.value);
      const found = text.value.trim() ? check(rules, text.value, channel.value || null, audience.value === "public")
        : [];
      summary.textContent = text.value.trim() ? summarise(found) : "Schreib oder füg deinen Entwurf ein.";
      list.replaceChildren(...found.map((item, index) => describe(rules, item, index + 1, chars)));
      markDraft(marked, chars, found, rules.severities);
    };
    let timer = 0;
    const later = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(render, 200);
    };
    text.addEventListener("input", later);
    root.querySelector("form").addEventListener("change", render);
    root.querySelector("form").addEventListener("submit", (event) => event.preventDefault());
    const wanted = new URLSearchParams(window.location.search).get("vorlage");
    const template = rules.templates.find((item) => item.id === wanted);
    if (template) {
      text.value = template.text.trim();
      channel.value = template.channels.find((id) => rules.channels.some((item) => item.id === id)) || "";
    }
    root.hidden = false;
    render();
  };

  const rules = window.replyCheckRules;
  if (rules) {
    window.replyCheck = Object.freeze({ check: (text, channelId, isPublic) => check(rules, text, channelId, isPublic) });
    const root = document.querySelector("[data-replycheck]");
    if (root) {
      setUp(root, rules);
    }
  }
})();
