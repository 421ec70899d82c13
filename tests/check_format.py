#!/usr/bin/env python3
"""Fails when a C++ source file differs from what clang-format makes of it (.clang-format at
the source root), naming each such file and the first line that differs.

Usage: check_format.py SOURCE_ROOT [CLANG_FORMAT]   (default clang-format-14, as Debian 12 has)
"""
import pathlib
import subprocess
import sys

TREES = ("core", "widgets", "app", "tests", "benchmarks")
SUFFIXES = {".h", ".cpp"}


def sources(root):
    for tree in TREES:
        for path in sorted((root / tree).rglob("*")):
            if path.suffix in SUFFIXES and path.is_file() and "corpus" not in path.parts:
                yield path


def main():
    root = pathlib.Path(sys.argv[1]).resolve()
    tool = sys.argv[2] if len(sys.argv) > 2 else "clang-format-14"
    unformatted = []
    for path in sources(root):
        text = path.read_bytes()
        formatted = subprocess.run([tool, f"--assume-filename={path}"], input=text,
                                   capture_output=True, check=True, cwd=root).stdout
        if formatted != text:
            old, new = text.splitlines(), formatted.splitlines()
            line = next((i for i, (a, b) in enumerate(zip(old, new), 1) if a != b),
                        min(len(old), len(new)) + 1)
            unformatted.append(f"{path.relative_to(root)}:{line}")
    for entry in unformatted:
        print(f"{entry}: not clang-formatted")
    if unformatted:
        print(f"{len(unformatted)} files differ from .clang-format: run "
              f"`clang-format-14 -i FILE` (or the whole tree, as README's Development says)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
