#!/usr/bin/python3
"""Checks Qt Linguist .ts files before lrelease turns them into .qm.

For every message of every file given it reports:
  - an unfinished message (type="unfinished"), or a finished one whose translation is empty;
  - placeholders that differ between source and translation (%1..%99, %L1.., %n, %Ln);
  - a different number of mnemonics (&File; "&&" is a literal ampersand, "& " no mnemonic,
    and HTML entities such as &nbsp; or &amp; in rich text are none either); in a language
    written without Latin letters (Chinese, Japanese, Korean) each mnemonic must also keep the
    source's letter, in the form "文件(&F)";
  - plural forms (numerusform) missing or empty for the file's language.
Messages marked vanished or obsolete are not shipped by lrelease and are skipped.

Usage: check_translations.py [--plurals-only] [--sources PROJECT.json] FILE.ts...
  --plurals-only  unfinished messages are allowed except plural ones (a source-language file
                  such as facebench_en.ts, where only the plural forms are translated).
  --sources       check a copy of each file after lupdate has read the sources of this lupdate
                  project (the one the build's update_translations target uses): a tr() string
                  that the file lacks is then reported as unfinished. Without it a string added
                  to the code but never to the .ts files would pass and show untranslated.
Exit status 0 when every file is clean, 1 on any problem (one line per problem, file:line,
context and source text) or when a file cannot be read or parsed; 2 on a usage error.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

# Plural forms per language, as Qt's numerus rules count them. A language not listed needs as
# many forms as the file's fullest numerus message (lupdate writes them all when it adds one).
PLURAL_FORMS = {
    "ja": 1, "ko": 1, "zh": 1,
    "en": 2, "de": 2, "nl": 2, "sv": 2, "da": 2, "fr": 2, "es": 2, "it": 2, "pt": 2,
    "ru": 3, "uk": 3, "pl": 3, "cs": 3, "sk": 3,
}

# Languages whose words have no Latin letters to underline: the source's mnemonic letter is
# kept and written after the text in parentheses, "&File" -> "文件(&F)", as Qt's own
# translations do, so the keyboard shortcut is the same as in the English GUI.
MNEMONIC_KEEPS_LETTER = {"zh", "ja", "ko"}
APPENDED_MNEMONIC = re.compile(r"\(&([^&\s])\)")

PLACEHOLDER = re.compile(r"%L?(?:[1-9][0-9]?|n)")
ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def placeholders(text):
    return set(PLACEHOLDER.findall(text or ""))


def mnemonic_letters(text):
    """The characters that a & marks as mnemonic: not "&&", not "& ", not part of an entity."""
    text = ENTITY.sub("", text or "")
    letters, i = [], 0
    while i < len(text):
        if text[i] == "&":
            nxt = text[i + 1] if i + 1 < len(text) else ""
            if nxt == "&":
                i += 2
                continue
            if nxt and not nxt.isspace():
                letters.append(nxt)
        i += 1
    return letters


def mnemonics(text):
    """The number of & that mark a mnemonic."""
    return len(mnemonic_letters(text))


def appended_mnemonic_problem(source, form):
    """Why `form` does not keep the source's mnemonic as "(&X)", or None when it does."""
    want = [c.upper() for c in mnemonic_letters(source)]
    have = [c.upper() for c in mnemonic_letters(form)]
    if want != have:
        return f"mnemonic letter(s) {have} instead of the source's {want}"
    if len(APPENDED_MNEMONIC.findall(ENTITY.sub("", form))) != len(have):
        return "mnemonic not written as \"(&X)\""
    return None


def message_lines(raw, count):
    """Line of each <message> start tag, in document order (ElementTree keeps none)."""
    lines = [raw.count("\n", 0, m.start()) + 1 for m in re.finditer(r"<message[\s>]", raw)]
    return lines if len(lines) == count else [0] * count


def short(text, width=70):
    text = (text or "").replace("\n", "\\n")
    return text if len(text) <= width else text[: width - 1] + "…"


def check_file(path, plurals_only, shown=None):
    """Prints each problem of `path` (named `shown` in the report, default the path)."""
    try:
        with open(path, encoding="utf-8") as f:
            raw = f.read()
        root = ET.fromstring(raw)
    except (OSError, ET.ParseError, UnicodeDecodeError) as e:
        print(f"{path}: cannot read: {e}")
        return None
    path = shown or path
    language = (root.get("language") or "").replace("-", "_").split("_")[0].lower()
    keeps_letter = language in MNEMONIC_KEEPS_LETTER
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
            elif keeps_letter and want_mn:
                why = appended_mnemonic_problem(source, form)
                if why:
                    problems.append(f"{where}: {label}{why}, in \"{short(form)}\"")
    for p in problems:
        print(p)
    print(f"{path}: {checked} messages, {len(problems)} problem(s)", file=sys.stderr)
    return len(problems)


def updated_copies(paths, project, folder):
    """Copies of `paths` in `folder`, each brought up to date with the project's sources."""
    lupdate = os.environ.get("LUPDATE", "/usr/lib/qt6/bin/lupdate")
    copies = []
    for path in paths:
        copy = os.path.join(folder, os.path.basename(path))
        shutil.copyfile(path, copy)
        copies.append(copy)
    run = subprocess.run([lupdate, "-project", project, "-no-obsolete", "-locations", "none",
                          "-ts", *copies], capture_output=True, text=True)
    if run.returncode != 0:
        print(f"{project}: lupdate failed: {run.stderr.strip()}")
        return None
    return copies


def main(argv):
    args = argv[1:]
    plurals_only = "--plurals-only" in args
    args = [a for a in args if a != "--plurals-only"]
    project = None
    if "--sources" in args:
        i = args.index("--sources")
        if i + 1 >= len(args):
            print(__doc__.strip(), file=sys.stderr)
            return 2
        project = args[i + 1]
        del args[i:i + 2]
    if not args or any(a.startswith("-") for a in args):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        checked = updated_copies(args, project, folder) if project else args
        if checked is None:
            return 1
        status = 0
        for path, shown in zip(checked, args):
            if check_file(path, plurals_only, shown) != 0:
                status = 1
        return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
