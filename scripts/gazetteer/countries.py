#!/usr/bin/env python3
"""Writes assets/gazetteer/countries.tsv: every ISO 3166-1 country with its English, Persian and
Arabic names (and their short and variant forms) from Unicode CLDR, and its capital, named in
English by the countries-list package and in Persian and Arabic by CLDR's exemplar cities where
CLDR has the capital as a time zone city.

Run by hand, never by a test or the build:

    cd /tmp && npm pack cldr-localenames-full@48.2.0 cldr-dates-full@48.2.0 countries-list@3.4.1
    for f in *.tgz; do mkdir -p "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done
    python3 scripts/gazetteer/countries.py /tmp > assets/gazetteer/countries.tsv

Licences: CLDR data is under the Unicode License v3, countries-list under the MIT licence; both
texts are in assets/gazetteer/LICENSES.md.
"""

import json
import sys
from pathlib import Path

root = Path(sys.argv[1])
cldr_names = root / "cldr-localenames-full-48.2.0/package/main"
cldr_dates = root / "cldr-dates-full-48.2.0/package/main"
countries = json.loads((root / "countries-list-3.4.1/package/countries.min.json").read_text())


def territories(lang):
    data = json.loads((cldr_names / lang / "territories.json").read_text())
    return data["main"][lang]["localeDisplayNames"]["territories"]


def exemplar_cities(lang):
    """English city name (from the zone id) -> the city's name in `lang`."""
    data = json.loads((cldr_dates / lang / "timeZoneNames.json").read_text())
    zones = data["main"][lang]["dates"]["timeZoneNames"]["zone"]
    cities = {}

    def walk(node, path):
        for key, value in node.items():
            if isinstance(value, dict) and "exemplarCity" in value:
                cities[key.replace("_", " ")] = value["exemplarCity"]
            elif isinstance(value, dict):
                walk(value, path + [key])

    walk(zones, [])
    return cities


names = {lang: territories(lang) for lang in ("en", "fa", "ar")}
cities = {lang: exemplar_cities(lang) for lang in ("fa", "ar")}


def forms(lang, code):
    """The name, then its short and variant forms, without repeats."""
    found = []
    for key in (code, f"{code}-alt-short", f"{code}-alt-variant"):
        name = names[lang].get(key)
        if name and name not in found:
            found.append(name)
    return found


print("iso\tkind\ten\tfa\tar\tqid")
for code in sorted(countries):
    if code not in names["en"] or len(code) != 2:
        continue
    row = [code, "country"] + ["|".join(forms(lang, code)) for lang in ("en", "fa", "ar")] + [""]
    print("\t".join(row))
    capital = countries[code].get("capital", "")
    if capital:
        fa = cities["fa"].get(capital, "")
        ar = cities["ar"].get(capital, "")
        print("\t".join([code, "capital", capital, fa, ar, ""]))
