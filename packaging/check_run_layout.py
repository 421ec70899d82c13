#!/usr/bin/python3
"""Checks that the run directory's layout has one owner.

core/include/facebench/run_directory.h and core/src/run/run_directory.cpp spell the names of a
run's files and folders (config.yaml, metrics.jsonl, train.log, checkpoints/last.pt, eval/,
<name>-scores.csv, bench/bench.json, figures/, tb/ and TensorBoard's event file names); every
other source file under core/, app/ and widgets/ asks that unit for a path. This check fails
when a string literal elsewhere spells one of those names, so a second copy of the layout
cannot creep back in.

What counts: string literals only (comments document the layout and may name its files).
  - a file name of the layout anywhere in a literal: config.yaml, metrics.jsonl, train.log,
    last.pt, best.pt, *.state.pt, -scores.csv, tfevents, bench.json/.csv/.md;
  - a folder of the layout (checkpoints, eval, bench, figures, tb) as a path component of a
    literal that holds a '/' ("RUN/eval", "bench/x"), or as a whole literal joined onto a path
    (fs::path / "eval", QDir(...).filePath(QStringLiteral("eval"))).
Not counted: the text of tr()/translate()/QT_TR_NOOP() calls (translations are keyed by their
source text, which must stay literal), and a line that says why a literal is no path with a
`not-a-run-path` comment (a TensorBoard tag such as "eval/lfw/accuracy").

Usage: check_run_layout.py SOURCE_ROOT
Exit status 0 when clean, 1 with one line per offending literal (file:line: text), 2 on a
usage error.
"""
import os
import re
import sys

OWNERS = {
    "core/include/facebench/run_directory.h",
    "core/src/run/run_directory.cpp",
}
FOLDERS = ("core", "app", "widgets")
EXTENSIONS = (".h", ".hpp", ".cpp", ".cc", ".cxx")

FILE_NAME = re.compile(
    r"config\.yaml|metrics\.jsonl|train\.log(?![\w])|\b(?:last|best)\.pt\b|\.state\.pt\b"
    r"|-scores\.csv|tfevents|\bbench\.(?:json|csv|md)\b")
FOLDER = r"(?:checkpoints|eval|bench|figures|tb)"
# "RUN/eval", "/eval/x", "eval/*.json", "bench/bench.json", "eval/"; not "figures/dpi" (a
# settings key: a leading folder counts only before a file name or nothing).
FOLDER_IN_PATH = re.compile(r"/" + FOLDER + r"(?:/|$)|^" + FOLDER + r"/(?:$|[^/]*[.*])")
WHOLE_FOLDER = re.compile(r"^/?" + FOLDER + r"/?$")
# Code right before a literal that joins it onto a path.
PATH_JOIN = re.compile(
    r"(?:[^/]/|filePath\(|QDir\(|\bcd\(|mkpath\()\s*"
    r"(?:(?:QStringLiteral|QLatin1String|QString|std::string|fs::path)\s*\(\s*)?$")
TRANSLATED = re.compile(r"(?:\btr|\btranslate|QT_TR_NOOP|QT_TRANSLATE_NOOP)\s*\(\s*$")
INCLUDE = re.compile(r"#\s*include\s*$")
MARKER = "not-a-run-path"


def literals(text):
    """Yields (line, content, code_before, continues) for every string literal of C++ source
    `text`, comments skipped. code_before is the code on the literal's line before it (joined
    with the previous line when that line ends in an opening parenthesis or comma);
    continues is True when only whitespace separates it from the literal before."""
    i, n, line = 0, len(text), 1
    code = []  # code characters since the last literal, comments removed
    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
            code.append(c)
            i += 1
        elif text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            line += text.count("\n", i, j)
            i = j
        elif c == "'":
            j = i + 1
            while j < n and text[j] != "'":
                j += 2 if text[j] == "\\" else 1
            code.append(text[i:j + 1])
            i = j + 1
        elif c == '"' or (c == "R" and text.startswith('R"', i) and
                          (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_"))):
            start_line = line
            if c == "R":
                open_paren = text.find("(", i + 2)
                delimiter = ")" + text[i + 2:open_paren] + '"'
                end = text.find(delimiter, open_paren)
                end = n if end < 0 else end
                content = text[open_paren + 1:end]
                i = end + len(delimiter)
            else:
                j = i + 1
                while j < n and text[j] != '"':
                    j += 2 if text[j] == "\\" else 1
                content = text[i + 1:j]
                i = j + 1
            before = "".join(code)
            continues = before.strip() == ""
            last_lines = before.rsplit("\n", 2)
            context = last_lines[-1]
            if len(last_lines) > 1 and re.search(r"[(,]\s*$", last_lines[-2]):
                context = last_lines[-2] + " " + context
            yield start_line, content, context, continues
            line += content.count("\n")
            code = []
        else:
            code.append(c)
            i += 1


def offences(path, text):
    lines = text.split("\n")
    translated = False
    for line, content, before, continues in literals(text):
        # The text of tr("...") and of translate("context", "..."), with the adjacent literals
        # that continue it.
        translated = bool(TRANSLATED.search(before)) or (
            translated and (continues or before.strip() == ","))
        if translated or INCLUDE.search(before) or MARKER in lines[line - 1]:
            continue
        if (FILE_NAME.search(content) or FOLDER_IN_PATH.search(content) or
                (WHOLE_FOLDER.match(content) and PATH_JOIN.search(before))):
            yield "%s:%d: \"%s\"" % (path, line, content)


def main(argv):
    if len(argv) != 2 or not os.path.isdir(argv[1]):
        sys.stderr.write("usage: check_run_layout.py SOURCE_ROOT\n")
        return 2
    root = argv[1]
    problems = []
    for folder in FOLDERS:
        for directory, _, files in os.walk(os.path.join(root, folder)):
            for name in sorted(files):
                if not name.endswith(EXTENSIONS):
                    continue
                path = os.path.join(directory, name)
                relative = os.path.relpath(path, root).replace(os.sep, "/")
                if relative in OWNERS:
                    continue
                with open(path, encoding="utf-8", errors="replace") as source:
                    problems.extend(offences(relative, source.read()))
    for problem in problems:
        print(problem)
    if problems:
        print("%d literal(s) spell the run directory's layout outside "
              "core/src/run/run_directory.cpp: ask fb::RunDirectory for the path" % len(problems))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
