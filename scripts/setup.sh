#!/usr/bin/env bash
# One command from a fresh clone: install what is missing, build (release), and run the Kabul 2021
# reference scenario. Results land in results/kabul-2021/.
#   scripts/setup.sh            install, build, run
#   scripts/setup.sh --no-run   install and build only
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target evacsim
echo "built build/evacsim"
if [ "${1:-}" != "--no-run" ]; then
  build/evacsim run scenarios/kabul-2021.yaml
fi
