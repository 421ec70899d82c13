#!/usr/bin/python3
"""Checks Qt Linguist .ts files before lrelease turns them into .qm.

For every message of every file given it reports:
  - an unfinished message (type="unfinished"), or a finished one whose translation is empty;
  - placeholders that differ between source and translation (%1..%99, %L1.., %n, %Ln);
  - a different number of mnemonics (&File; "&&" is a literal ampersand, "& " no mnemonic,
    and HTML entities such as &nbsp; or &amp; in rich text are none either);
  - plural forms (numerusform) missing or empty for the file's language.
Messages marked vanished or obsolete are not shipped by lrelease and are skipped.

Usage: check_translations.py [--plurals-only] FILE.ts...
  --plurals-only  unfinished messages are allowed except plural ones (a source-language file
                  such as facebench_en.ts, where only the plural forms are translated).
Exit status 0 when every file is clean, 1 on any problem (one line per problem, file:line,
context and source text) or when a file cannot be read or parsed; 2 on a usage error.
"""
import re
import sys
import xml.etree.ElementTree as ET

# Plural forms per language, as Qt's numerus rules count them. A language not listed needs as
# many forms as the file's fullest numerus message (lupdate writes them all when it adds one).
PLURAL_FORMS = {
    "ja": 1, "ko": 1, "zh": 1,
    "en": 2, "de": 2, "nl": 2, "sv": 2, "da": 2, "fr": 2, "es": 2, "it": 2, "pt": 2,
    "ru": 3, "uk": 3, "pl": 3, "cs": 3, "sk": 3,
}

PLACEHOLDER = re.compile(r"%L?(?:[1-9][0-9]?|n)")
ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def placeholders(text):
    return set(PLACEHOLDER.findall(text or ""))


def mnemonics(text):
    """The number of & that mark a mnemonic: not "&&", not "& ", not part of an entity."""
    text = ENTITY.sub("", text or "")
    count, i = 0, 0
    while i < len(text):
        if text[i] == "&":
            nxt = text[i + 1] if i + 1 < len(text) else ""
            if nxt == "&":
                i += 2
                continue
            if nxt and not nxt.isspace():
                count += 1
        i += 1
    return count


def message_lines(raw, count):
    """Line of each <message> start tag, in document order (ElementTree keeps none)."""
    lines = [raw.count("\n", 0, m.start()) + 1 for m in re.finditer(r"<message[\s>]", raw)]
    return lines if len(lines) == count else [0] * count


def short(text, width=70):
    text = (text or "").replace("\n", "\\n")
    return text if len(text) <= width else text[: width - 1] + "…"


def check_file(path, plurals_only):
    try:
        with open(path, encoding="utf-8") as f:
            raw = f.read()
        root = ET.fromstring(raw)
    except (OSError, ET.ParseError, UnicodeDecodeError) as e:
        print(f"{path}: cannot read: {e}")
        return None
    language = (root.get("language") or "").replace("-", "_").split("_")[0].lower()
    expected_forms = PLURAL_FORMS.get(language) or max(
        [len(list(m.iter("numerusform"))) for m in root.iter("message")] + [1])
    problems = []
    messages = [(ctx, msg) for ctx in root.iter("context") for msg in ctx.iter("message")]
    lines = message_lines(raw, len(messages))
    checked = 0
    for (ctx, msg), line in zip(messages, lines):
        context = ctx.findtext("name") or ""
        source = msg.findtext("source") or ""
        comment = msg.findtext("comment")
        where = f"{path}:{line}: [{context}] \"{short(source)}\""
        if comment:
            where += f" ({short(comment, 30)})"
        tr = msg.find("translation")
        kind = tr.get("type") if tr is not None else "unfinished"
        if kind in ("vanished", "obsolete"):
            continue
        checked += 1
        numerus = msg.get("numerus") == "yes"
        unfinished = kind == "unfinished"
        if numerus:
            forms = [f.text or "" for f in tr.iter("numerusform")] if tr is not None else []
        else:
            forms = ["".join(tr.itertext()) if tr is not None else ""]

        if unfinished:
            if numerus or not plurals_only:
                problems.append(f"{where}: unfinished")
            if not any(forms):
                continue  # nothing translated yet: the rest would only repeat it
        elif not numerus and not forms[0]:
            problems.append(f"{where}: empty translation not marked unfinished")
            continue

        if numerus:
            if len(forms) < expected_forms:
                problems.append(f"{where}: {len(forms)} plural form(s), language "
                                f"'{language}' needs {expected_forms}")
            empty = [i + 1 for i, f in enumerate(forms) if not f]
            if empty:
                problems.append(f"{where}: plural form(s) {empty} empty")

        want_ph = placeholders(source)
        want_mn = mnemonics(source)
        for i, form in enumerate(forms):
            if not form:
                continue
            label = f"plural form {i + 1}: " if numerus else ""
            have_ph = placeholders(form)
            if have_ph != want_ph:
                missing = sorted(want_ph - have_ph)
                extra = sorted(have_ph - want_ph)
                detail = "; ".join(filter(None, [
                    f"missing {' '.join(missing)}" if missing else "",
                    f"extra {' '.join(extra)}" if extra else ""]))
                problems.append(f"{where}: {label}placeholders differ ({detail}) "
                                f"in \"{short(form)}\"")
            have_mn = mnemonics(form)
            if have_mn != want_mn:
                problems.append(f"{where}: {label}{have_mn} mnemonic(s) (&), source has "
                                f"{want_mn}, in \"{short(form)}\"")
    for p in problems:
        print(p)
    print(f"{path}: {checked} messages, {len(problems)} problem(s)", file=sys.stderr)
    return len(problems)


def main(argv):
    args = argv[1:]
    plurals_only = False
    if "--plurals-only" in args:
        plurals_only = True
        args = [a for a in args if a != "--plurals-only"]
    if not args or any(a.startswith("-") for a in args):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    status = 0
    for path in args:
        n = check_file(path, plurals_only)
        if n is None:
            status = 1
        elif n:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
