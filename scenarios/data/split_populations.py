#!/usr/bin/env python3
"""Derivation of the per-city evacuee counts and departure rates of scenarios/kabul-2021.yaml.

Not run by evacsim: it documents (and reproduces) how the planning numbers in the scenario's `cities`
section were obtained, so they can be re-derived with other totals or shares. Run from the repository
root: `python3 scenarios/data/split_populations.py` prints one line per city.

Rules (all PLANNING ASSUMPTIONS, see scenarios/data/README.md):
- Cohort totals: triangular(min, mode, max) below, each with its source in facts_2021.md.
- Foreign nationals (us, gb, ca, au, other coalition): 85% in Kabul (embassies, NGOs, contractors; many
  dual nationals visiting family elsewhere); 15% over the other capitals of >= 150,000 people, in
  proportion to population.
- Afghans at risk (SIV pipeline, other at-risk): 70% in Kabul (the capital is ~50% of the 34 capitals'
  gazetteer population, blanks filled; people at risk had been moving to Kabul during July-August); 30% over the
  other 33 capitals in proportion to population.
- Populations: captures_2021.csv; blanks get 20,000 (a small provincial capital); Aybak's 4,938 is
  replaced by its GeoNames value 47,823 (the CSV flags it as wrong).
- Each city's count of a cohort is triangular(share*min, share*mode, share*max), rounded.
- Departure rate of a provincial city (all cohorts together): its modal total / 48 h, i.e. a city whose
  people set out at once would empty in two days if its roads stayed open.
"""
import csv
import os

HERE = os.path.dirname(os.path.abspath(__file__))

TOTALS = {  # cohort: (min, mode, max)
    "us-citizens": (4000, 6000, 10000),
    "uk-nationals": (2500, 4000, 5000),
    "canadians": (1000, 2000, 4000),
    "australians": (200, 500, 1500),
    "other-coalition": (2000, 5000, 10000),
    "siv": (22000, 63000, 118000),
    "at-risk-afghans": (50000, 100000, 300000),
}
FOREIGN = ["us-citizens", "uk-nationals", "canadians", "australians", "other-coalition"]
AFGHAN = ["siv", "at-risk-afghans"]
KABUL_SHARE = {**{c: 0.85 for c in FOREIGN}, **{c: 0.70 for c in AFGHAN}}
BIG_CITY = 150000
BLANK_POP = 20000
FIXES = {"Aybak": 47823}


def populations():
    pops = {}
    for row in csv.DictReader(open(os.path.join(HERE, "captures_2021.csv"), encoding="utf-8")):
        name = row["city"]
        pop = FIXES.get(name) or (int(row["population_estimate"]) if row["population_estimate"] else BLANK_POP)
        pops[name] = pop
    return pops


def split():
    pops = populations()
    others = {k: v for k, v in pops.items() if k != "Kabul"}
    big = {k: v for k, v in others.items() if v >= BIG_CITY}
    out = {}
    for city in pops:
        shares = {}
        for c in FOREIGN + AFGHAN:
            if city == "Kabul":
                s = KABUL_SHARE[c]
            elif c in FOREIGN:
                s = (1 - KABUL_SHARE[c]) * big.get(city, 0) / sum(big.values())
            else:
                s = (1 - KABUL_SHARE[c]) * others[city] / sum(others.values())
            lo, mo, hi = (round(x * s) for x in TOTALS[c])
            if hi >= 1:
                shares[c] = (lo, mo, hi)
        out[city] = shares
    return pops, out


if __name__ == "__main__":
    pops, out = split()
    print("Kabul share of the 34 capitals' population: %.2f" % (pops["Kabul"] / sum(pops.values())))
    for city, shares in out.items():
        modal = sum(v[1] for v in shares.values())
        print(f"{city}: pop {pops[city]}, modal total {modal}, rate {max(1, round(modal / 48))}/h")
        for c, (lo, mo, hi) in shares.items():
            print(f"    {c}: {{dist: triangular, min: {lo}, mode: {mo}, max: {hi}}}")
