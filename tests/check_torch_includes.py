#!/usr/bin/env python3
"""Fails when a file of the widgets, the apps or core's public headers includes LibTorch.

LibTorch is linked privately to facebench-core (core/CMakeLists.txt): the widgets and the apps
see plain C++ types only, and compile without torch's include path. Debian installs part of
torch under /usr/include, so a stray `#include <ATen/...>` could still compile there; this
check catches it on any system.

Usage: check_torch_includes.py SOURCE_ROOT
"""
import pathlib
import re
import sys

# The trees that must stay torch-free, relative to the source root.
TORCH_FREE = ("widgets", "app", "core/include")
SOURCE_SUFFIXES = {".h", ".hpp", ".cpp", ".cc", ".cxx"}
TORCH_INCLUDE = re.compile(r'^\s*#\s*include\s*[<"](torch|ATen|c10)/')


def torch_includes(root):
    for tree in TORCH_FREE:
        for path in sorted((root / tree).rglob("*")):
            if path.suffix not in SOURCE_SUFFIXES or not path.is_file():
                continue
            with open(path, encoding="utf-8", errors="replace") as source:
                for number, line in enumerate(source, 1):
                    if TORCH_INCLUDE.match(line):
                        yield f"{path.relative_to(root)}:{number}: {line.strip()}"


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    found = list(torch_includes(pathlib.Path(sys.argv[1])))
    for hit in found:
        print(hit)
    if found:
        print(f"{len(found)} LibTorch include(s) where only the core may use LibTorch "
              "(its public headers expose plain C++ types)")
        return 1
    print("no LibTorch includes in " + ", ".join(TORCH_FREE))
    return 0


if __name__ == "__main__":
    sys.exit(main())
