#!/usr/bin/env bash
# Checks the FaceBench Debian package as its users meet it:
#
#   packaging/check_package.sh build/package/facebench_<version>_<arch>.deb
#
# Unpacks it into a temporary root (dpkg -x: nothing is installed on this machine, no root
# needed) and, from the installed paths, runs facebench-cli --version and presets, a 2-step
# training on a tiny synthetic set, and facebench --version on Qt's offscreen platform. Checks
# that every file lies where Debian's file-system layout puts it, that the Depends name the
# package of every library the programs link and that apt could install them, the manual
# pages (a section per verb), the desktop entry, the AppStream metadata and lintian. Leaves
# nothing behind; exits 1 naming the first failed check. Called by `setup.sh test`.
set -euo pipefail

say() { printf 'check_package: %s\n' "$*" >&2; }
fail() { say "FAILED: $*"; exit 1; }

(($# == 1)) || { echo "usage: $0 PACKAGE.deb" >&2; exit 2; }
deb="$(realpath -- "$1")"
[[ -f $deb ]] || { echo "check_package: no such package: $1" >&2; exit 2; }
repo_root="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
started=$SECONDS

tmp="$(mktemp -d)"
trap 'rm -rf -- "$tmp"' EXIT
root="$tmp/root"
# The programs write settings, caches and Qt's runtime folder under these: keep them in $tmp.
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" XDG_CACHE_HOME="$tmp/home/.cache" \
  XDG_DATA_HOME="$tmp/home/.local/share" XDG_RUNTIME_DIR="$tmp/runtime"
mkdir -p "$HOME" && mkdir -m 0700 "$XDG_RUNTIME_DIR"

version="$(dpkg-deb --field "$deb" Version)"
depends="$(dpkg-deb --field "$deb" Depends)"
metainfo=usr/share/metainfo/io.github.facebench.FaceBench.metainfo.xml

# --- contents: Debian's paths (FHS, Debian Policy 9.1, 12.1, 12.5, 12.7) -------------------
say "contents of $(basename -- "$deb") ($(stat -c %s "$deb") bytes)"
dpkg-deb -x "$deb" "$root"
while IFS= read -r path; do
  case "$path" in
    usr/bin/facebench | usr/bin/facebench-cli) ;;
    usr/share/applications/facebench.desktop | "$metainfo") ;;
    usr/share/icons/hicolor/scalable/apps/facebench.svg) ;;
    usr/share/man/man1/facebench.1.gz | usr/share/man/man1/facebench-cli.1.gz) ;;
    usr/share/doc/facebench/copyright | usr/share/doc/facebench/changelog.gz) ;;
    usr/share/doc/facebench/examples/quickstart.yaml) ;;
    usr/share/doc/facebench/examples/presets/*.yaml) ;;
    *) fail "unexpected file in the package: /$path" ;;
  esac
done < <(cd "$root" && find . -type f -printf '%P\n' | sort)
for path in usr/bin/facebench usr/bin/facebench-cli usr/share/applications/facebench.desktop \
  "$metainfo" usr/share/icons/hicolor/scalable/apps/facebench.svg \
  usr/share/man/man1/facebench.1.gz usr/share/man/man1/facebench-cli.1.gz \
  usr/share/doc/facebench/copyright usr/share/doc/facebench/changelog.gz \
  usr/share/doc/facebench/examples/quickstart.yaml; do
  [[ -f $root/$path ]] || fail "missing from the package: /$path"
done
cmp -s "$root/usr/share/doc/facebench/examples/quickstart.yaml" "$repo_root/examples/quickstart.yaml" ||
  fail "/usr/share/doc/facebench/examples/quickstart.yaml differs from examples/quickstart.yaml"

# One version everywhere: the package, the Debian changelog and the AppStream release.
zcat "$root/usr/share/doc/facebench/changelog.gz" >"$tmp/changelog"
changelog_version="$(dpkg-parsechangelog -l "$tmp/changelog" -S Version)"
[[ $changelog_version == "$version" ]] ||
  fail "the changelog's latest entry is $changelog_version, the package $version (packaging/debian/changelog)"
grep -q "<release version=\"$version\"" "$root/$metainfo" ||
  fail "the AppStream metadata has no <release version=\"$version\"> ($metainfo)"

# --- dependencies -----------------------------------------------------------------------------
# Every library a program links directly (NEEDED) must come from a package the Depends name.
declare -A depended=() linked=() spelling=() owner=()
IFS=',' read -ra entries <<<"$depends"
for entry in "${entries[@]}"; do
  read -r name _ <<<"$entry"
  depended[$name]=1
done
for program in facebench facebench-cli; do
  declare -A resolved=()
  # ldd lines: "libm.so.6 => /lib/x86_64-linux-gnu/libm.so.6 (0x...)", and for the dynamic
  # loader "/lib64/ld-linux-x86-64.so.2 (0x...)".
  while read -r lib arrow path _; do
    if [[ $arrow == "=>" ]]; then resolved[$lib]="$path"; else resolved[${lib##*/}]="$lib"; fi
  done < <(ldd "$root/usr/bin/$program")
  while read -r lib; do
    [[ ${resolved[$lib]:-} == /* ]] || fail "$program: ldd cannot find $lib on this machine"
    linked[${resolved[$lib]}]="$program links $lib"
  done < <(readelf -d "$root/usr/bin/$program" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
  unset resolved
done
# With merged /usr dpkg may know a library as /lib/... or as /usr/lib/..., whichever its
# package shipped: ask one dpkg -S for every spelling of every path.
for path in "${!linked[@]}"; do
  real="$(realpath -- "$path")"
  for spelled in "$path" "$real" "${real#/usr}" "/usr${path#/usr}"; do spelling[$spelled]="$path"; done
done
while IFS= read -r line; do
  [[ $line == diversion* ]] && continue
  packages="${line%%: /*}" file="/${line#*: /}"   # "libc6:amd64: /lib/x86_64-linux-gnu/libm.so.6"
  [[ -n ${spelling[$file]:-} ]] && owner[${spelling[$file]}]="${packages%%[:,]*}"
done < <(dpkg -S "${!spelling[@]}" 2>/dev/null || true)
for path in "${!linked[@]}"; do
  [[ -n ${owner[$path]:-} ]] || fail "${linked[$path]} ($path), which no package owns"
  [[ -n ${depended[${owner[$path]}]:-} ]] ||
    fail "${linked[$path]} from ${owner[$path]}, which the Depends lack (packaging/debian-packages.txt, role run)"
done
apt-get install --simulate --quiet=2 "$deb" >"$tmp/apt.log" 2>&1 ||
  { cat "$tmp/apt.log" >&2; fail "apt cannot install the package's Depends: $depends"; }

# --- the installed programs -------------------------------------------------------------------
cli="$root/usr/bin/facebench-cli"
say "running the installed facebench-cli and facebench"
[[ "$("$cli" --version)" == "$version" ]] || fail "facebench-cli --version is not $version"

# `presets` lists every bundled preset: as many as the examples the package ships.
"$cli" presets >/dev/null 2>"$tmp/presets.err" || { cat "$tmp/presets.err" >&2; fail "facebench-cli presets"; }
listed="$("$cli" presets --json | grep -o '"origin": *"[^"]*"' | sed 's#.*/\([^/]*\)\.yaml"$#\1#' | sort)"
shipped="$(cd "$root/usr/share/doc/facebench/examples/presets" && ls -- *.yaml | sed 's/\.yaml$//' | sort)"
[[ -n $listed && $listed == "$shipped" ]] ||
  fail "facebench-cli presets lists [$(echo $listed)], the package ships [$(echo $shipped)]"

# Two training steps of the built-in quick start on a synthetic set of 8 identities x 4 images
# at the quick start's 64x64 (the test part cannot be smaller than 20 identities).
(cd "$tmp" &&
  "$cli" data synth --out synth --identities 8 --images-per-identity 4 --test-identities 20 \
    --size 64x64 --threads 2 >/dev/null 2>"$tmp/synth.err") ||
  { cat "$tmp/synth.err" >&2; fail "facebench-cli data synth"; }
run="$(cd "$tmp" && "$cli" train --out runs --set data.train=synth/train --set eval.data=synth \
  --set train.iterations=2 --set train.batch_size=8 --set train.log_every=1 \
  --set train.checkpoint_every=2 --set train.val_every=0 --set data.val_split=0 \
  2>"$tmp/train.err")" ||
  { cat "$tmp/train.err" >&2; fail "facebench-cli train (2 steps)"; }
run="$(cd "$tmp" && realpath -- "$run")"
[[ -f $run/checkpoints/last.pt && -f $run/config.yaml ]] ||
  fail "the training run $run has no checkpoints/last.pt or config.yaml"
steps="$(grep '"type":"train"' "$run/metrics.jsonl" | grep -o '"step":[0-9]*' | tr '\n' ' ')"
[[ $steps == '"step":1 "step":2 ' ]] || fail "metrics.jsonl of the 2-step run logs steps [$steps]"

gui_version="$(QT_QPA_PLATFORM=offscreen "$root/usr/bin/facebench" --version 2>"$tmp/gui.err")" ||
  { cat "$tmp/gui.err" >&2; fail "facebench --version (offscreen)"; }
[[ $gui_version == "FaceBench $version" ]] || fail "facebench --version printed '$gui_version'"

# --- manual pages: one section per verb -------------------------------------------------------
page="$root/usr/share/man/man1/facebench-cli.1.gz"
for name in facebench facebench-cli; do
  lexgrog "$root/usr/share/man/man1/$name.1.gz" >/dev/null || fail "$name.1.gz has no whatis entry"
done
verbs="$("$cli" --help | sed -n '/^Subcommands:/,$s/^  \([a-z][a-z-]*\) .*/\1/p')"
[[ -n $verbs ]] || fail "facebench-cli --help lists no verbs"
headings="$(zcat "$page" | sed -n 's/^\.SH //p' | tr -d '"\\')"
for verb in $verbs; do
  grep -qx -- "${verb^^}" <<<"$headings" || fail "facebench-cli.1.gz has no section for the verb $verb"
done

# --- desktop entry, AppStream, lintian --------------------------------------------------------
say "desktop-file-validate, appstreamcli validate, lintian"
desktop-file-validate "$root/usr/share/applications/facebench.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net --strict "$root/$metainfo" >"$tmp/appstream.log" 2>&1 ||
  { cat "$tmp/appstream.log" >&2; fail "appstreamcli validate $metainfo"; }
# Errors and warnings fail; the informational tags are shown too. Lintian warns when run as root.
lintian_rc=0
lintian --fail-on error,warning --display-info "$deb" >"$tmp/lintian.log" 2>&1 || lintian_rc=$?
grep -v '^running with root privileges' "$tmp/lintian.log" >&2 || true
((lintian_rc == 0)) || fail "lintian reports errors or warnings (above)"

say "passed in $((SECONDS - started)) s: $(basename -- "$deb"), $(stat -c %s "$deb") bytes"
