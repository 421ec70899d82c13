#!/usr/bin/env python3
"""Writes the manual page of facebench-cli or facebench from the program's own help.

    generate_man_pages.py BUILT_CLI --verbs --out facebench-cli.1.gz
    generate_man_pages.py BUILT_GUI --out facebench.1.gz

help2man turns each program's --help and --version into NAME, SYNOPSIS, DESCRIPTION and
OPTIONS; the hand-written parts (exit status, environment, files, examples, see also) come from
the .h2m include file beside this script named after the program, which also gives the NAME
line. For facebench-cli (--verbs) this script adds one section per verb, built from
`facebench-cli VERB --help` (and one subsection per sub-verb, such as `data synth`), so the
manual lists every option of every verb and cannot drift from the binary.

The pages are gzipped as Debian wants them (gzip -9n: no name, no time stamp), so the same
binaries give the same bytes. Standard library only, plus help2man.
"""

import argparse
import concurrent.futures
import gzip
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

# CLI11's help layout (app/cli): an entry line is two spaces, the name padded to column 30,
# then the description; a name of 28 characters or more leaves the description to the next
# line, indented to column 30.
ENTRY_INDENT = "  "
DESCRIPTION_COLUMN = 30


def run_help(program, args, env=None):
    """stdout of `program args`; a failure stops the build with the command and its stderr."""
    result = subprocess.run([program, *args], capture_output=True, text=True, env=env)
    if result.returncode != 0:
        sys.exit(f"generate_man_pages: `{program} {' '.join(args)}` exited with "
                 f"{result.returncode}:\n{result.stderr}")
    return result.stdout


def roff_text(text):
    """Escapes plain text for roff: backslashes, and a hyphen that starts a word (an option
    such as --set) as a minus sign, so it can be copied from the page and searched for."""
    text = text.replace("\\", "\\e")
    return re.sub(r"(?<![\w.])-", r"\\-", text)


def roff_line(text):
    """One line of running text; a leading . or ' would be read as a request, and a leading [
    as the start of a section by help2man."""
    text = roff_text(text)
    return "\\&" + text if text[:1] in (".", "'", "[") else text


def parse_cli11_help(text):
    """Splits one CLI11 help text into (description, usage, {group: [(name, description)]})."""
    description, usage, groups = [], "", {}
    group = None
    for line in text.splitlines():
        if not line.strip():
            continue
        if line.startswith("Usage: "):
            usage = line[len("Usage: "):]
        elif not line.startswith(" ") and line.endswith(":") and usage:
            group = groups.setdefault(line[:-1], [])
        elif group and line.startswith(" " * DESCRIPTION_COLUMN):
            # The description of a name too long for its column: that whole line was the name.
            name, _, raw = group[-1]
            group[-1] = (raw.strip(), line.strip(), raw)
        elif group is not None and line.startswith(ENTRY_INDENT):
            raw = line[len(ENTRY_INDENT):]
            width = DESCRIPTION_COLUMN - len(ENTRY_INDENT)
            if len(raw.rstrip()) >= width and raw[width - 1] != " ":  # the name fills its column
                group.append((raw.strip(), "", raw))
            else:
                group.append((raw[:width].strip(), raw[width:].strip(), raw))
        elif not usage:
            description.append(line.strip())
        else:
            sys.exit(f"generate_man_pages: unexpected help line after the usage: {line!r}")
    if not usage:
        sys.exit("generate_man_pages: no 'Usage:' line in:\n" + text)
    return " ".join(description), usage, {g: [e[:2] for e in es] for g, es in groups.items()}


def roff_entry(name, description):
    """A .TP paragraph: option names in bold, their value type in italics."""
    head, _, rest = name.partition(" ")
    names = ", ".join(f"\\fB{roff_text(n)}\\fR" for n in head.split(","))
    value = f" \\fI{roff_text(rest)}\\fR" if rest else ""
    return [".TP", names + value, roff_line(description)]


def verb_section(path, helps, heading):
    """roff for the verb `path` (a tuple such as ('data', 'synth')) and its sub-verbs."""
    description, usage, groups = parse_cli11_help(helps[path])
    command = " ".join(("facebench-cli", *path))
    if not usage.startswith(command):
        sys.exit(f"generate_man_pages: usage of '{command}' does not start with it: {usage!r}")
    lines = [f'{heading} "{roff_text(" ".join(path))}"' if heading == ".SS"
             else f"[{' '.join(path).upper()}]",
             roff_line(description),
             ".PP",
             f"\\fB{roff_text(command)}\\fR{roff_text(usage[len(command):])}"]
    for group, entries in groups.items():
        if group == "Subcommands":
            continue  # each sub-verb gets its own subsection below
        # --help is on every verb; the OPTIONS section above names it once.
        entries = [(n, d) for n, d in entries if n != "-h,--help"]
        if entries:
            lines += [".PP", f"{roff_text(group)}:", *(l for e in entries for l in roff_entry(*e))]
    for sub, _ in groups.get("Subcommands", []):
        lines += verb_section((*path, sub), helps, ".SS")
    return lines


def collect_helps(cli, env):
    """{verb path: help text} for every verb and sub-verb, the runs in parallel (each start
    loads LibTorch, about half a second)."""
    helps = {(): run_help(cli, ["--help"], env)}
    frontier = [()]
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        while frontier:
            children = [(*path, name) for path in frontier
                        for name, _ in parse_cli11_help(helps[path])[2].get("Subcommands", [])]
            texts = pool.map(lambda p: run_help(cli, [*p, "--help"], env), children)
            helps.update(zip(children, texts))
            frontier = children
    return helps


def verb_sections(cli, env):
    helps = collect_helps(cli, env)
    verbs = [name for name, _ in parse_cli11_help(helps[()])[2].get("Subcommands", [])]
    if not verbs:
        sys.exit(f"generate_man_pages: `{cli} --help` lists no verbs")
    lines = []
    for verb in verbs:
        lines += verb_section((verb,), helps, ".SH")
    return "\n".join(lines) + "\n"


def help2man(help2man_path, program, includes, out_path, env):
    """help2man on the program found through PATH, so the usage line says its name rather than
    a build path. The version is the last word of its --version ("FaceBench 0.1.0" or "0.1.0"),
    so the page is named after the program, not after the first word of that line."""
    version = run_help(str(program), ["--version"], env).split()[-1]
    env = dict(env, PATH=f"{program.parent}{os.pathsep}{env.get('PATH', '')}")
    command = [help2man_path, "--no-info", f"--version-string={version}",
               *(f"--include={i}" for i in includes), f"--output={out_path}", program.name]
    result = subprocess.run(command, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        sys.exit(f"generate_man_pages: {' '.join(command)} failed:\n{result.stderr}")


def write_gzip(page, gz_path):
    """gzip -9n: no file name and time 0 inside, so identical pages give identical files."""
    tmp = gz_path.with_name(gz_path.name + ".tmp")
    with open(tmp, "wb") as raw, gzip.GzipFile(filename="", mode="wb", compresslevel=9,
                                               fileobj=raw, mtime=0) as gz:
        gz.write(page.read_bytes())
    tmp.replace(gz_path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("program", type=Path, help="the built facebench-cli or facebench")
    parser.add_argument("--out", type=Path, required=True, help="the page to write, NAME.1.gz")
    parser.add_argument("--verbs", action="store_true",
                        help="add a section per verb (a CLI11 program such as facebench-cli)")
    parser.add_argument("--help2man", default="help2man", help="the help2man to run")
    args = parser.parse_args()
    program = args.program.resolve()
    # The GUI answers --help without a display on Qt's offscreen platform.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LC_ALL="C.UTF-8")
    with tempfile.TemporaryDirectory() as tmp:
        # The verb sections first: help2man puts sections it does not know (the verbs, EXIT
        # STATUS) between OPTIONS and ENVIRONMENT in the order it meets them.
        includes = []
        if args.verbs:
            includes.append(Path(tmp) / "verbs.h2m")
            includes[0].write_text(verb_sections(str(program), env), encoding="utf-8")
        includes.append(HERE / f"{program.name}.h2m")
        page = Path(tmp) / f"{program.name}.1"
        help2man(args.help2man, program, includes, page, env)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        write_gzip(page, args.out)


if __name__ == "__main__":
    main()
