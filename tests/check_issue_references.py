#!/usr/bin/env python3
"""Fails when code, tests, CMake files or scripts refer to a tracker's issues.

A comment or message must make sense to a reader who never saw the project's tracker: it says
what the code does and why, and cites the seed's table or equation where a number comes from.
"issue 12", "(#12)", "the issue's example" or "the distributed issue" say nothing to that reader.

Usage: check_issue_references.py SOURCE_ROOT
"""
import pathlib
import re
import sys

# What is checked, relative to the source root: the code trees and the top-level build files.
TREES = ("app", "benchmarks", "cmake", "core", "examples", "packaging", "resources", "tests",
         "widgets")
TOP_LEVEL = ("CMakeLists.txt", "CMakePresets.json")
SUFFIXES = {".h", ".hpp", ".cpp", ".cc", ".cxx", ".py", ".sh", ".cmake", ".txt", ".yaml",
            ".yml", ".json", ".csv", ".qrc", ".in", ".desktop", ".xml"}
# Inputs replayed byte for byte (fuzz corpora) are data, not prose.
SKIPPED = ("tests/fuzz/corpus", "tests/fuzz/cli-inputs")
# This check's own text names what it looks for.
THIS_FILE = "tests/check_issue_references.py"

# Any "issue" at all (issue 12, issue-12, the issue's example, later issues), a "(#12)" and "the
# tracker". Code has no other use for the word: a problem is a problem, a request a request.
REFERENCE = re.compile(r"\bissues?\b|\(#\d+\)|\bthe\s+tracker\b", re.IGNORECASE)


def checked_files(root):
    root = root.resolve()
    for name in TOP_LEVEL:
        if (root / name).is_file():
            yield root / name
    for tree in TREES:
        for path in sorted((root / tree).rglob("*")):
            rel = path.relative_to(root).as_posix()
            if rel.startswith(SKIPPED) or rel == THIS_FILE or not path.is_file():
                continue
            if path.suffix in SUFFIXES or path.name == "CMakeLists.txt":
                yield path


def references(root):
    for path in checked_files(root):
        with open(path, encoding="utf-8", errors="replace") as text:
            for number, line in enumerate(text, 1):
                match = REFERENCE.search(line)
                if match:
                    yield f"{path.relative_to(root)}:{number}: '{match.group(0)}' in: {line.strip()}"


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    found = list(references(pathlib.Path(sys.argv[1]).resolve()))
    for hit in found:
        print(hit)
    if found:
        print(f"{len(found)} reference(s) to tracker issues; say what the code does and why "
              "instead, citing the seed's table or equation")
        return 1
    print("no references to tracker issues")
    return 0


if __name__ == "__main__":
    sys.exit(main())
