#!/usr/bin/env bash
# Installs the Debian packages evacsim needs, only those missing. Safe to run twice. Needs root or sudo
# when something is missing; says clearly what to do when it cannot install.
set -euo pipefail

packages=(
  g++ cmake make pkg-config            # toolchain (CMake >= 3.25)
  libsimgrid-dev                       # SimGrid 3.32: the discrete-event engine
  libyaml-cpp-dev                      # yaml-cpp 0.7: scenario files
  libeigen3-dev libboost-dev           # Eigen 3.4 and Boost.Math: statistics
  libcli11-dev nlohmann-json3-dev      # command line, manifest.json
  nettle-dev                           # SHA-256 of the resolved scenario (Nettle: small, loads fast)
  libcsv-dev                           # RFC 4180 reader for `evacsim compare`
  libgtest-dev libgmock-dev            # GoogleTest 1.12
  libbenchmark-dev                     # Google Benchmark (bench/)
  gnuplot-nox                          # bench/scaling.sh: the scaling plot (docs/img/scaling.png)
  python3-simpy                        # bench/peers/: the SimPy peer model (SimPy 2.3 in Debian 12)
  clang libclang-rt-14-dev             # libFuzzer target of the scenario loader
  python3 python3-jsonschema python3-yaml  # independent check of scenarios/schema.json
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "install-deps: missing packages: ${missing[*]}" >&2
  echo "install-deps: run this script as root (or install sudo), or: apt-get install ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
if ! "${sudo[@]}" apt-get update -qq || ! "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"; then
  echo "install-deps: apt-get could not install: ${missing[*]}" >&2
  echo "install-deps: check the network or the package sources (this needs Debian 12 'bookworm' or later)" >&2
  exit 1
fi
echo "install-deps: done"
