#!/usr/bin/env bash
# Regenerates the golden results in tests/golden/ after a deliberate change of the model's predictions.
# Review `git diff tests/golden` before committing: a golden change is a decision, not a refresh.
#   scripts/update-golden.sh [NAME ...]     (default: every scenario in tests/golden/scenarios.txt)
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset dev >/dev/null
cmake --build --preset dev --target evacsim >/dev/null
while read -r name scenario files; do
  case "$name" in ''|'#'*) continue ;; esac
  if [ $# -gt 0 ] && [[ ! " $* " == *" $name "* ]]; then continue; fi
  tmp=$(mktemp -d)
  build/dev/evacsim run "$scenario" --out "$tmp/out" --quiet
  mkdir -p "tests/golden/$name"
  files=${files:-summary.csv,timeline.csv,flights.csv,cities.csv,cohorts.csv,gates.csv,constraints.csv}
  for f in ${files//,/ }; do
    cp "$tmp/out/$f" "tests/golden/$name/$f"
  done
  rm -rf "$tmp"
  echo "updated tests/golden/$name"
done < tests/golden/scenarios.txt
