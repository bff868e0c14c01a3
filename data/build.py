#!/usr/bin/env python3
"""Builds cablelint's reference tables (data/*.tsv) from the facts in ../shared/data.

Usage (from the project root):

    python3 data/build.py [SHARED_DATA_DIR]

SHARED_DATA_DIR defaults to ../shared/data relative to the project root. The script only reads that
directory and writes tags.tsv, tag-fixes.tsv, addressees.tsv and posts.tsv next to itself; running it
twice gives identical files. It fails loudly when an input file does not have the columns it expects
or when the output would contradict itself (a code with two kinds, a post routing indicator that is
not among the addressees, a tab inside a field).

Every choice made here beyond copying facts is written down in this file and in data/README.md:
which rows count as official, unlisted or nonstandard, which fixes are certain, which organization
tags seen in the cables were added from general knowledge (marked unverified), how station names and
country tags of posts are derived, and which garbled post names are left out of posts.tsv.
"""

import collections
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.normpath(
    sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "shared", "data")
)

CORPUS_NOTE = (
    "github.com/avilaroman/Wikileaks-Mirror @ae11afa5 (WikiLeaks cablegate-site mirror, snapshot "
    "2011-04-25, 6,712 cables)"
)


def read_tsv(name, expected):
    """Reads one shared TSV: '#' comment lines, a header line, then rows. Checks the header."""
    path = os.path.join(SHARED, name)
    rows = []
    header = None
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.startswith("#") or not line.strip():
                continue
            fields = line.split("\t")
            if header is None:
                header = fields
                if header != expected:
                    sys.exit(f"{path}:{lineno}: expected columns {expected}, found {header}")
                continue
            if len(fields) != len(header):
                sys.exit(f"{path}:{lineno}: expected {len(header)} fields, found {len(fields)}")
            rows.append(dict(zip(header, fields)))
    return rows


def clean(text):
    """Field text for our TSV files: no tabs or newlines, trimmed."""
    if "\t" in text or "\n" in text:
        sys.exit(f"field contains a tab or newline: {text!r}")
    return text.strip()


def write_tsv(name, comments, header, rows):
    path = os.path.join(HERE, name)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for c in comments:
            f.write("# " + c + "\n" if c else "#\n")
        f.write("\t".join(header) + "\n")
        for r in rows:
            f.write("\t".join(clean(str(r[h])) for h in header) + "\n")
    print(f"wrote {path}: {len(rows)} rows")


def split_also(name):
    """'Australia (also covers: Tasmania)' -> ('Australia', 'Also covers: Tasmania.')."""
    for marker, label in (
        (" (also covers: ", "Also covers"),
        (" (also listed as: ", "Also listed as"),
        (" (also: ", "Also"),
    ):
        i = name.find(marker)
        if i >= 0 and name.endswith(")"):
            return name[:i], f"{label}: {name[i + len(marker):-1]}."
    return name, ""


def sentence(text):
    text = text.strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text.endswith(".") else text + "."


def join_notes(*notes):
    return " ".join(n for n in notes if n)


# ---------------------------------------------------------------------------------------------
# TAGS
# ---------------------------------------------------------------------------------------------

tags = {}  # code -> row dict


def add_tag(code, kind, status, title, note, count, source, unverified=False, likely="",
            retired=False, replacement="", region=False):
    code = code.upper()
    if code in tags:
        sys.exit(f"tag {code} added twice ({tags[code]['kind']} and {kind})")
    tags[code] = dict(
        code=code, kind=kind, status=status, title=title, note=note,
        retired="yes" if retired else "", replacement=replacement, likely=likely,
        count=int(count or 0), unverified="yes" if unverified else "", source=source,
        region=region,
    )


PERSONAL_PREFIXES = ("OVIP", "OREP", "OTRA", "OEXC")

# Subject tags: every row of the shared list is an official code (5 FAH-3 H-011.1 and/or the
# 2010 list). The category becomes part of the note.
for r in read_tsv("tags-subject.tsv", ["code", "description", "category", "count", "source"]):
    note = f"Category: {r['category']}."
    if r["category"] == "Social Affairs":
        note = "Category: Social Affairs (category name unconfirmed)."
    m = re.search(r"variant: '([^']+)'", r["source"])
    if m:
        note = join_notes(note, f"Also worded '{m.group(1)}'.")
    if r["code"] in PERSONAL_PREFIXES:
        note = join_notes(
            note,
            f"Takes a personal name in parentheses: {r['code']} (SURNAME, GIVEN NAME).",
        )
    add_tag(r["code"], "subject", "official", r["description"], note, r["count"], r["source"])

# Program tags. The shared list says which rows are defined (the 2010 list, PlusD labels), which
# were seen in cables without any definition, and which are probable or possible typos.
for r in read_tsv("tags-program.tsv", ["code", "description", "count", "source"]):
    src = r["source"]
    title = r["description"]
    if src.startswith("CableBot-2010"):
        status, note, unverified = "official", "", False
        if "as written" in src:
            note = "The 2010 list writes it 'Nuclear Non- Proliferation' (a line-break artifact)."
        if "not seen in the corpus" in src:
            note = join_notes(note, "Not seen in the released cables.")
        add_tag(r["code"], "program", status, title, note, r["count"], src)
        continue
    m = re.match(r"not a TAGS code in any source found; (probably|possibly) a typo of ([A-Z]{4}) \((.*)\)$", src)
    if m:
        # Only "probably" gives a did-you-mean target; "possibly" is left to the fuzzy search.
        likely = m.group(2) if m.group(1) == "probably" else ""
        note = sentence(f"not a TAGS code in any source found; {m.group(1)} a typo of {m.group(2)} ({m.group(3)})")
        add_tag(r["code"], "program", "nonstandard", "", note, r["count"], "corpus", likely=likely)
        continue
    m = re.match(r"none found \(not in CableBot-2010 list\); corpus context: (.*)$", src)
    if m:
        note = sentence(f"seen in the cables but defined in no source found; context: {m.group(1)}")
        add_tag(r["code"], "program", "unlisted", "", note, r["count"], "corpus")
        continue
    if src.startswith("unverified"):
        note = "Not in the 2010 list; title from general knowledge (unverified)."
        add_tag(r["code"], "program", "unlisted", title, note, r["count"], "unverified", unverified=True)
        continue
    sys.exit(f"tags-program.tsv: unexpected source for {r['code']}: {src}")

# Organization tags, read before the geographic ones so that the three codes both lists have (AL,
# BP, UN) can be resolved: one code has one kind in our table.
org_rows = read_tsv("tags-org.tsv", ["tag", "count", "name", "source"])
org_by_code = {r["tag"].upper(): r for r in org_rows}

# Geographic tags.
ORG_NOTES = {
    # code present in both lists -> the note that the geographic row carries about the other meaning
    "AL": "The organization list also has AL (and AL-1) for the Arab League; cables from Tripoli and "
          "Manama use AL in that sense.",
    "BP": "The organization list also has BP for the British Petroleum Company.",
}
for r in read_tsv("tags-country.tsv", ["code", "name", "iso2", "count", "source", "corpus_hint"]):
    code, src = r["code"], r["source"]
    if code == "UN":
        continue  # United Nations: an organization tag, taken from tags-org.tsv below.
    iso = f"ISO 3166 equivalent: {r['iso2']}." if r["iso2"] else ""
    hint = f"Used by: {r['corpus_hint']}." if r["corpus_hint"] else ""
    if r["name"].startswith("nonstandard: "):
        evidence = ""
        m = re.search(r"evidence: (.*)$", src)
        if m:
            evidence = sentence("meaning inferred from the cables: " + m.group(1))
        note = join_notes(sentence(r["name"][len("nonstandard: "):]),
                          "Not a TAGS code (absent from the 2010 geographic list).", evidence, hint)
        add_tag(code, "geographic", "nonstandard", "", note, r["count"], "corpus")
        continue
    if src.startswith("seen in corpus only"):
        note = join_notes("Seen in the cables only; not a TAGS code in any source found (unknown or a typo).", hint)
        add_tag(code, "geographic", "nonstandard", "", note, r["count"], "corpus")
        continue
    title, also = split_also(r["name"])
    extra = ""
    if "; also " in title:
        title, extra = title.split("; also ", 1)
        title = title.replace(" (FIPS/TAGS)", "")
        extra = sentence("also " + extra)
    if src.startswith("FIPS10-4") and "not in CableBot-2010" in src:
        note = join_notes(iso, also, sentence(src.replace("FIPS10-4", "FIPS 10-4 code")))
        add_tag(code, "geographic", "unlisted", title, note, r["count"], "FIPS10-4")
        continue
    if not src.startswith("CableBot-2010"):
        sys.exit(f"tags-country.tsv: unexpected source for {code}: {src}")
    detail = src[len("CableBot-2010"):].lstrip("; ")
    detail_note = ""
    if detail and detail != "FIPS10-4 code":
        detail_note = sentence(detail.replace("FIPS10-4", "FIPS 10-4"))
    note = join_notes(iso, also, extra, detail_note, ORG_NOTES.get(code, ""))
    # World-region codes (XF Middle East, ZP Persian Gulf Area ...) are X?/Z? codes without an ISO
    # equivalent; ZA Zambia and ZI Zimbabwe are countries.
    region = bool(re.match(r"[XZ]", code)) and not r["iso2"]
    if region:
        note = join_notes("World-region code.", note)
    add_tag(code, "geographic", "official", title, note, r["count"], "CableBot-2010", region=region)

# Organization tags.
for r in org_rows:
    code, src = r["tag"].upper(), r["source"]
    if code in tags:
        if code not in ORG_NOTES:
            sys.exit(f"organization tag {code} is also a {tags[code]['kind']} tag and has no note")
        continue
    title, also = split_also(r["name"])
    note = also
    status, unverified, likely = "official", False, ""
    if code == "UN":
        note = join_notes(note, "Also written among the geographic codes; it names the organization.")
    if code == "AU-1":
        note = join_notes(note, "AU alone is the geographic code of Austria.")
    if "unverified" in src:
        unverified = True
        status = "unlisted"
    if src.startswith("not in CableBot-2010 list; probably a truncation of UNTERR"):
        status, likely = "nonstandard", "UNTERR"
        note = join_notes(note, "In the cablemap list only; probably a truncation of UNTERR (unverified).")
    elif src.startswith("not in CableBot-2010 list; added to the cablemap list 2011-09-14 from cable usage; probably a typo of LTTE"):
        status, likely = "nonstandard", "LTTE"
        note = join_notes(note, "Added to the cablemap list from cable usage; probably a typo of LTTE (unverified).")
    elif code == "PHALANAGE PARTY":
        status, likely = "nonstandard", "PHALANGE PARTY"
        title = "Political Party in Lebanon"
        note = "Misspelt form of the tag PHALANGE PARTY, added to the cablemap list from cable usage."
    elif code == "COPUOS":
        likely = "UNPUOS"
        note = join_notes(note, "Title from general knowledge (unverified); the 2010 list's tag for this body is UNPUOS.")
    elif unverified:
        note = join_notes(note, "Not in the 2010 list; title from general knowledge (unverified).")
    elif src != "CableBot-2010":
        if src.startswith("CableBot-2010; not in the cablemap list"):
            note = join_notes(note, "In the 2010 list only (not in the cablemap list).")
        else:
            sys.exit(f"tags-org.tsv: unexpected source for {code}: {src}")
    add_tag(code, "organization", status, title, note, r["count"],
            "unverified" if unverified else ("cablemap" if status == "nonstandard" else "CableBot-2010"),
            unverified=unverified, likely=likely)

# Tokens seen on TAGS lines that no shared list has, added here because their expansion is
# certain (general knowledge, so marked unverified like the shared data's own additions) and they
# name organizations, treaties or bodies the way organization tags do. The count comes from
# tags-observed.tsv. Office symbols written into TAGS lines (POL, DCM, CONS ...) are NOT added.
OBSERVED_ORGANIZATIONS = {
    "UNHRC": "UN Human Rights Council",
    "NPT": "Treaty on the Non-Proliferation of Nuclear Weapons",
    "IWC": "International Whaling Commission",
    "FTAA": "Free Trade Area of the Americas",
    "OPCW": "Organisation for the Prohibition of Chemical Weapons",
    "LTTE": "Liberation Tigers of Tamil Eelam",
}
observed = {r["token"]: r for r in read_tsv("tags-observed.tsv", ["token", "count", "kind"])}
for code, title in OBSERVED_ORGANIZATIONS.items():
    if code in tags:
        sys.exit(f"{code} is already in the shared lists; remove it from OBSERVED_ORGANIZATIONS")
    if code not in observed:
        sys.exit(f"{code} is not in tags-observed.tsv")
    add_tag(code, "organization", "unlisted", title,
            "Seen on TAGS lines but in no published list found; title from general knowledge (unverified).",
            observed[code]["count"], "observed; unverified", unverified=True)

# Fixes we are sure of. Sources: cablemap reader.py _TAG_FIXES (github.com/heuer/cablemap, cited in
# spec section 3.12), the shared data README (EU, CR) and tags-country.tsv (CN, whose corpus use is
# China's ISO code), and ISO 3166 codes written where the TAGS
# (FIPS-style) code was meant: the ISO code and the TAGS code of the same country are both certain.
FIXES = [
    ("RU", "RS", "RU is the ISO code of Russia; the TAGS code for Russia is RS", "cablemap _TAG_FIXES; tags-country.tsv"),
    ("SYR", "SY", "SYR is not a TAGS code; the TAGS code for Syria is SY", "cablemap _TAG_FIXES"),
    ("EU", "EUN", "EU is the geographic code of Europa Island; the European Union's tag is EUN", "shared data README; tags-org.tsv"),
    ("CR", "CS", "CR is the geographic code of the Coral Sea Islands; the TAGS code for Costa Rica is CS (CR is Costa Rica's ISO code)", "shared data README; tags-country.tsv"),
    ("CN", "CH", "CN is the geographic code of the Comoros; the TAGS code for China is CH (CN is China's ISO code)", "tags-country.tsv (corpus usage: Embassy Beijing)"),
    ("POGOV", "PGOV", "POGOV is a typo of PGOV (Internal Governmental Affairs)", "cablemap _TAG_FIXES (09LONDON2222)"),
    ("MOPPS", "MOPS", "MOPPS is a typo of MOPS (Military Operations)", "cablemap _TAG_FIXES (09BEIRUT818)"),
    ("UNDESCO", "UNESCO", "UNDESCO is a typo of UNESCO", "cablemap _TAG_FIXES (05SANJOSE2199)"),
    ("JP", "JA", "JP is the ISO code of Japan; the TAGS code for Japan is JA", "tags-country.tsv"),
    ("IQ", "IZ", "IQ is the ISO code of Iraq; the TAGS code for Iraq is IZ", "tags-country.tsv"),
    ("YE", "YM", "YE is the ISO code of Yemen; the TAGS code for Yemen is YM", "tags-country.tsv"),
    ("IL", "IS", "IL is the ISO code of Israel; the TAGS code for Israel is IS", "tags-country.tsv"),
    ("CL", "CI", "CL is the ISO code of Chile; the TAGS code for Chile is CI", "tags-country.tsv"),
    ("AZ", "AJ", "AZ is the ISO code of Azerbaijan; the TAGS code for Azerbaijan is AJ", "tags-country.tsv"),
    ("TR", "TU", "TR is the ISO code of Turkey; the TAGS code for Turkey is TU", "tags-country.tsv"),
    ("PY", "PA", "PY is the ISO code of Paraguay; the TAGS code for Paraguay is PA", "tags-country.tsv"),
    ("VZ", "VE", "VZ is not a TAGS code; the TAGS code for Venezuela is VE", "tags-country.tsv (31 cables)"),
]
# Run-together tokens that cablemap splits (with the cable where each was seen).
SPLITS = [
    ("VTPREL", "VT PREL", "cablemap _TAG_FIXES (03VATICAN1570)"),
    ("VEPREL", "VE PREL", "cablemap _TAG_FIXES (02VATICAN5607)"),
    ("PHUMBA", "PHUM BA", "cablemap _TAG_FIXES (08MANAMA492)"),
    ("ETRDEINVECINPGOVCS", "ETRD EINV ECIN PGOV CS", "cablemap _TAG_FIXES (06SANJOSE2802)"),
    ("AMEDCASCKFLO", "AMED CASC KFLO", "cablemap _TAG_FIXES (09BRASILIA542)"),
    ("KNNPMNUC", "KNNP MNUC", "cablemap _TAG_FIXES (08THEHAGUE553)"),
    ("KFRDKIRFCVISCMGTKOCIASECPHUMSMIGEG", "KFRD KIRF CVIS CMGT KOCI ASEC PHUM SMIG EG", "cablemap _TAG_FIXES (09CAIRO2205)"),
    ("ASECKFRDCVISKIRFPHUMSMIGEG", "ASEC KFRD CVIS KIRF PHUM SMIG EG", "cablemap _TAG_FIXES (09CAIRO2190)"),
    ("KPAOPREL", "KPAO PREL", "cablemap _TAG_FIXES (08VIENTIANE632)"),
]

# ISO 3166 alpha-2 codes written where the TAGS (FIPS-style) code was meant, generated from the
# iso2 column of tags-country.tsv (a drafter who writes `DE` for Germany, `UA` for Ukraine, `GB` for
# the United Kingdom or `LT` for Lithuania means the country the ISO code names). A country's ISO
# code becomes a fix to its TAGS code when the ISO code is
#   * no TAGS code at all (DE, UA, AT ...) or a nonstandard token whose cables mean that country, or
#   * the TAGS code of another country or area that the released cables (almost) never name, at
#     most ISO_OTHER_MEANING_MAX of the 6,712, while the ISO code's own country's TAGS code is used in
#     at least ISO_COUNTRY_MIN of them (GB: Gabon, no cable, for the United Kingdom, 502; LT:
#     Lesotho, one cable, for Lithuania, 19). The reason then names the other meaning and its count.
# Left out, each with its reason (printed): ISO codes of several TAGS areas, targets that are no
# official TAGS code or are themselves misused tokens, and nonstandard tokens whose cables mean
# something else.
ISO_OTHER_MEANING_MAX = 1
ISO_COUNTRY_MIN = 10
ISO_LEFT_OUT = {
    "GE": "Georgia's ISO code, written in the cables for Germany (ambiguous)",
    "TC": "written in the cables for the United Arab Emirates (the former FIPS code), not the Turks and Caicos Islands",
    "VN": "written in the one cable that has it probably for Venezuela, not Vietnam",
    "SK": "the one cable that has it (a State cable on Chinese proliferation) may mean South Korea, not Slovakia",
    "KM": "the Comoros' TAGS code CN is itself a misuse (China's ISO code)",
}
count_of = {}
iso_targets = collections.defaultdict(list)
for r in read_tsv("tags-country.tsv", ["code", "name", "iso2", "count", "source", "corpus_hint"]):
    count_of[r["code"]] = int(r["count"] or 0)
    if r["iso2"] and r["iso2"] != r["code"]:
        iso_targets[r["iso2"]].append(r)
fixed_tokens = {f[0] for f in FIXES}
fix_targets = {part for f in FIXES for part in f[1].split()}
iso_fixes = []
for iso in sorted(iso_targets):
    rows = [r for r in iso_targets[iso] if r["code"] in tags and tags[r["code"]]["status"] == "official"]
    if iso in fixed_tokens:
        continue
    if iso in ISO_LEFT_OUT:
        print(f"ISO fix {iso}: left out: {ISO_LEFT_OUT[iso]}")
        continue
    if len(rows) != 1:
        names = ", ".join(f"{r['code']} ({split_also(r['name'])[0]})" for r in iso_targets[iso])
        print(f"ISO fix {iso}: left out: the ISO code of several TAGS areas or of no official one: {names}")
        continue
    r = rows[0]
    target, country = r["code"], split_also(r["name"])[0]
    reason = f"{iso} is the ISO code of {country}; the TAGS code for {country} is {target}"
    own = tags.get(iso)
    if own is not None and own["status"] != "nonstandard":
        if own["kind"] != "geographic":
            print(f"ISO fix {iso}: left out: it is the {own['kind']} tag {own['title']}")
            continue
        other = count_of.get(iso, 0)
        if other > ISO_OTHER_MEANING_MAX or count_of.get(target, 0) < ISO_COUNTRY_MIN:
            continue
        if target in fixed_tokens or iso in fix_targets:
            print(f"ISO fix {iso}: left out: {target} or {iso} is in another fix")
            continue
        used = "no released cable" if other == 0 else f"{other} of 6,712 released cables"
        reason += f" ({iso} is the geographic code of {own['title']}, in {used})"
    iso_fixes.append((iso, target, reason, "tags-country.tsv (ISO 3166 equivalents; counts of 6,712 cables)"))
# A fix whose target is itself a misused token (KI -> KR, KR being Korea's ISO code written for
# KS) would be flagged again after it is applied: the area's TAGS code is ambiguous, no fix.
iso_tokens = {f[0] for f in iso_fixes} | fixed_tokens
for f in [f for f in iso_fixes if f[1] in iso_tokens]:
    print(f"ISO fix {f[0]}: left out: its target {f[1]} is itself a misused ISO code")
    iso_fixes.remove(f)
print(f"ISO fixes: {len(iso_fixes)} ISO codes written for TAGS codes")
FIXES += iso_fixes

fixes = []
for token, repl, reason, source in FIXES:
    for part in repl.split():
        if part not in tags or tags[part]["status"] == "nonstandard":
            sys.exit(f"fix {token} -> {repl}: {part} is not a valid tag")
    fixes.append(dict(token=token, replacement=repl, reason=reason, source=source))
    if token in tags:
        t = tags[token]
        if t["status"] == "nonstandard":
            t["replacement"] = repl
for token, repl, source in SPLITS:
    parts = repl.split()
    for part in parts:
        if part not in tags or tags[part]["status"] == "nonstandard":
            sys.exit(f"split {token} -> {repl}: {part} is not a valid tag")
    if "".join(parts) != token:
        sys.exit(f"split {token} -> {repl} does not spell the token")
    reason = f"{token} runs together the tags " + ", ".join(parts[:-1]) + f" and {parts[-1]}"
    fixes.append(dict(token=token, replacement=repl, reason=reason, source=source))

# Consistency: one kind per code (guaranteed by add_tag), likely/replacement targets exist.
for t in tags.values():
    for target in (t["likely"], t["replacement"]):
        if target and (target not in tags or tags[target]["status"] == "nonstandard"):
            sys.exit(f"tag {t['code']}: target {target} is not a valid tag")

KIND_ORDER = {"subject": 0, "program": 1, "geographic": 2, "organization": 3}
tag_rows = sorted(tags.values(), key=lambda t: t["code"])
write_tsv(
    "tags.tsv",
    [
        "tags.tsv -- cablelint's TAGS table, generated by data/build.py from ../shared/data (do not edit by hand).",
        "Sources: tags-subject.tsv (5 FAH-3 H-011.1, the 2010 CableBot list, PlusD labels), tags-program.tsv,",
        "tags-country.tsv (FIPS 10-4 style codes, CableBot-2010 geographic list), tags-org.tsv (cablemap and",
        "CableBot-2010 organization lists), plus the organization tokens of tags-observed.tsv listed in",
        "OBSERVED_ORGANIZATIONS in build.py (unverified). Counts are cables of " + CORPUS_NOTE + ".",
        "kind: subject | program | geographic | organization.",
        "status: official (in a published list) | unlisted (seen in cables or FIPS, in no 2010 TAGS list) |",
        "        nonstandard (not a TAGS code: a typo or a misuse; see note, replacement, likely).",
        "replacement: the code meant, when certain (also in tag-fixes.tsv); likely: the probable code (a hint only).",
        "unverified: yes = the title rests on general knowledge, no public source. Empty title = no source found.",
    ],
    ["code", "kind", "status", "title", "note", "retired", "replacement", "likely", "count", "unverified", "source"],
    tag_rows,
)
write_tsv(
    "tag-fixes.tsv",
    [
        "tag-fixes.tsv -- TAGS tokens with a certain correction, generated by data/build.py.",
        "Sources: cablemap reader.py _TAG_FIXES (github.com/heuer/cablemap, spec section 3.12), the shared data",
        "README (EU for the European Union, CR for Costa Rica) and tags-country.tsv (ISO codes written for TAGS codes).",
        "replacement may hold several codes separated by spaces (a run-together token split into its tags).",
    ],
    ["token", "replacement", "reason", "source"],
    sorted(fixes, key=lambda f: f["token"]),
)

# ---------------------------------------------------------------------------------------------
# Addressees
# ---------------------------------------------------------------------------------------------

COMMON_MIN = 20
addressees = {}
for r in read_tsv("routing.tsv", ["ri", "name", "count", "count_addressee", "count_de_fm", "acp117_name", "source"]):
    key = (r["ri"], r["name"])
    count = int(r["count"])
    if key in addressees:
        # The ACP 117 book can list a name twice for one indicator; keep the row once.
        addressees[key]["count"] = max(addressees[key]["count"], count)
        continue
    common = "yes" if count >= COMMON_MIN and not re.search(r"\d", r["name"]) else ""
    addressees[key] = dict(
        routing_indicator=r["ri"], address=r["name"], count=count, common=common,
        source="acp117" if r["source"] == "acp117" else "cables",
    )
addr_rows = sorted(addressees.values(), key=lambda a: (a["routing_indicator"], a["address"]))
known_ris = {a["routing_indicator"] for a in addr_rows}
write_tsv(
    "addressees.tsv",
    [
        "addressees.tsv -- routing indicator <-> plain-language address, generated by data/build.py from ../shared/data/routing.tsv.",
        "source=cables: pairs as written in TO/INFO lines (RI/ADDRESS) and DE/FM pairs of " + CORPUS_NOTE + ";",
        "  spellings kept as written, garbles included (they occur in real headers); count = cables.",
        "source=acp117: US routing indicators of ACP 117 CAN-US SUPP-1 (2010) via github.com/heuer/cablemap, count 0.",
        f"common: yes = seen in at least {COMMON_MIN} cables and free of digits.",
    ],
    ["routing_indicator", "address", "count", "common", "source"],
    addr_rows,
)

# ---------------------------------------------------------------------------------------------
# Posts
# ---------------------------------------------------------------------------------------------

post_rows_in = read_tsv(
    "posts.tsv",
    ["name", "kind", "count_as_originator", "count_as_addressee", "ri", "cablegate_origin", "refid_station", "source"],
)

# Country names of the geographic table (official rows) -> code, for the city table below.
country_code = {}
for t in tags.values():
    if t["kind"] == "geographic" and t["status"] == "official" and not t["region"]:
        country_code.setdefault(t["title"], t["code"])

# Host country of diplomatic posts that originated no cable in the shared corpus (so the corpus
# hint cannot tell), by the city in the post's name. Country names, not codes, so that the code
# comes from the geographic table itself. Cities whose country is in doubt are left out.
CITY_COUNTRY = {
    "RECIFE": "Brazil", "LAHORE": "Pakistan", "PESHAWAR": "Pakistan", "KARACHI": "Pakistan",
    "GUAYAQUIL": "Ecuador", "VALLETTA": "Malta", "MUMBAI": "India", "CHENNAI": "India",
    "MILAN": "Italy", "FLORENCE": "Italy", "GEORGETOWN": "Guyana", "NDJAMENA": "Chad",
    "BELFAST": "United Kingdom", "KINSHASA": "Congo (Kinshasa)", "NOUAKCHOTT": "Mauritania",
    "CASABLANCA": "Morocco", "CALCUTTA": "India", "KOLKATA": "India", "HARARE": "Zimbabwe",
    "EDINBURGH": "United Kingdom", "JEDDAH": "Saudi Arabia", "NIAMEY": "Niger",
    "AMSTERDAM": "Netherlands", "LIBREVILLE": "Gabon", "MANILA": "Philippines",
    "BANJUL": "Gambia (The)", "TIRANA": "Albania", "SUVA": "Fiji", "FRANKFURT": "Germany",
    "FUKUOKA": "Japan", "NAHA": "Japan", "OSAKA KOBE": "Japan", "SAPPORO": "Japan", "NAGOYA": "Japan",
    "ALMATY": "Kazakhstan", "ASTANA": "Kazakhstan", "LUSAKA": "Zambia", "NICOSIA": "Cyprus",
    "JOHANNESBURG": "South Africa", "DURBAN": "South Africa", "PERTH": "Australia",
    "MELBOURNE": "Australia", "SYDNEY": "Australia", "STRASBOURG": "France", "MARSEILLE": "France",
    "BELMOPAN": "Belize", "HONG KONG": "Hong Kong", "SHANGHAI": "China (Mainland)",
    "SHENYANG": "China (Mainland)", "CHENGDU": "China (Mainland)", "GUANGZHOU": "China (Mainland)",
    "CHIANG MAI": "Thailand", "TORONTO": "Canada", "MONTREAL": "Canada", "CALGARY": "Canada",
    "QUEBEC": "Canada", "HALIFAX": "Canada", "VANCOUVER": "Canada", "PRAIA": "Cape Verde",
    "CIUDAD JUAREZ": "Mexico", "GUADALAJARA": "Mexico", "HERMOSILLO": "Mexico", "TIJUANA": "Mexico",
    "MERIDA": "Mexico", "NUEVO LAREDO": "Mexico", "MATAMOROS": "Mexico", "NOGALES": "Mexico",
    "MONTERREY": "Mexico", "DHAHRAN": "Saudi Arabia", "ANTANANARIVO": "Madagascar",
    "COTONOU": "Benin", "LOME": "Togo", "PORT MORESBY": "Papua New Guinea",
    "VLADIVOSTOK": "Russia", "ST PETERSBURG": "Russia", "YEKATERINBURG": "Russia",
    "ADANA": "Turkey", "HO CHI MINH CITY": "Vietnam", "HYDERABAD": "India", "MASERU": "Lesotho",
    "DUSSELDORF": "Germany", "HAMBURG": "Germany", "LEIPZIG": "Germany", "BONN": "Germany",
    "HAMILTON": "Bermuda", "APIA": "Samoa", "MAJURO": "Marshall Islands", "DILI": "East Timor",
    "BRAZZAVILLE": "Congo (Brazzaville)", "GRENADA": "Grenada", "KOLONIA": "Micronesia",
    "KOROR": "Palau", "TEHRAN": "Iran", "AUCKLAND": "New Zealand", "HERAT": "Afghanistan",
    "KRAKOW": "Poland", "PONTA DELGADA": "Portugal", "SURABAYA": "Indonesia",
    "THESSALONIKI": "Greece", "BANGUI": "Central African Republic", "LAGOS": "Nigeria",
    "PANAMA CITY": "Panama", "GUATEMALA CITY": "Guatemala", "VATICAN CITY": "Vatican City",
    "KAOHSIUNG": "Taiwan", "BELIZE": "Belize", "HAVANA": "Cuba", "TAIPEI": "Taiwan",
    "KINGSTON": "Jamaica", "PODGORICA": "Montenegro", "HAGUE": "Netherlands",
    "RIO DE JANEIRO": "Brazil", "VIENTIENE": "Laos", "MAZAR-E SHAIRF": "Afghanistan",
}
for city, country in CITY_COUNTRY.items():
    if country not in country_code:
        sys.exit(f"CITY_COUNTRY: {country!r} ({city}) is not a country name of the geographic table")

# The corpus hint below picks the code a post used most, which is not always its host country:
# Seoul reports mostly on North Korea, Khartoum's top code is Cameroon's, Bridgetown's is Antigua's,
# Curacao's is Aruba's. These posts get their country here; Jerusalem (Palestinian affairs) and
# Juba (Sudan in 2010, South Sudan from 2011) get none.
HINT_CORRECTIONS = {
    "SEOUL": "Korea (South)", "KHARTOUM": "Sudan", "BRIDGETOWN": "Barbados",
    "CURACAO": "Netherlands Antilles", "JERUSALEM": None,
}
for city, country in HINT_CORRECTIONS.items():
    if country is not None and country not in country_code:
        sys.exit(f"HINT_CORRECTIONS: {country!r} ({city}) is not a country name of the geographic table")

# Corpus hint: tags-country.tsv lists, per code, the posts that used it most. A post's own country
# is the code it used most often. Only embassies and consulates: missions to organizations and
# Washington agencies have no host-country tag in this sense.
hint_counts = collections.defaultdict(dict)
for r in read_tsv("tags-country.tsv", ["code", "name", "iso2", "count", "source", "corpus_hint"]):
    t = tags.get(r["code"])
    if not t or t["status"] != "official" or t["region"]:
        continue
    for part in r["corpus_hint"].split(";"):
        m = re.match(r"\s*(.+) (\d+)\s*$", part)
        if m:
            hint_counts[m.group(1)][r["code"]] = int(m.group(2))

PREFIX_WORDS = ("AMEMBASSY", "AMCONSUL", "USMISSION", "USINT", "AIT", "USLO", "REO", "USOFFICE")
SPECIAL_STATIONS = {"SECSTATE WASHDC": "STATE", "USDEL SECRETARY": "PARTO"}
# Missions whose host country is certain.
MISSION_COUNTRY = {"USINT HAVANA": "Cuba", "AIT TAIPEI": "Taiwan", "AIT KAOHSIUNG": "Taiwan", "USLO TRIPOLI": "Libya"}


def station_for(name, refid_station, kind):
    """The station as written in banners: the words of the name whose squeezed form is the
    station part of the cable ids; for posts that sent no cable, the name without its post-type
    word (spec rule H-15)."""
    if name in SPECIAL_STATIONS:
        return SPECIAL_STATIONS[name]
    words = name.split()
    for ref in [s for s in refid_station.split("|") if s]:
        for i in range(len(words)):
            for j in range(len(words), i, -1):
                if "".join(words[i:j]) == ref:
                    return " ".join(words[i:j])
    if refid_station:
        return refid_station.split("|")[0]
    if kind in ("embassy", "consulate") and words[0] in ("AMEMBASSY", "AMCONSUL") and len(words) > 1:
        return " ".join(words[1:])
    return ""


def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


posts = []
for r in post_rows_in:
    ris = []
    for item in [x for x in r["ri"].split(",") if x]:
        m = re.match(r"^([A-Z0-9]+)\((\d+)\)$", item)
        if not m:
            sys.exit(f"posts.tsv: bad ri item {item!r} for {r['name']}")
        ris.append((m.group(1), int(m.group(2))))
    ris.sort(key=lambda x: -x[1])
    posts.append(dict(
        name=r["name"], kind=r["kind"], ris=[ri for ri, _ in ris],
        count_as_originator=int(r["count_as_originator"]), count_as_addressee=int(r["count_as_addressee"]),
        origin=r["cablegate_origin"], refid=r["refid_station"],
        source={"corpus": "cables", "corpus+acp117": "cables+acp117", "acp117": "acp117"}[r["source"]],
    ))

# Leave out garbled names: a name that is another post's name plus trailing words or digits
# ("AMEMBASSY LA PAZ MAR LIMA", "AMEMBASSY LONDON 8778"), a name with an office suffix
# ("SECDEF WASHDC//USDP:RUE//"), a name with a word written twice ("SECSTATE SECSTATE WASHDC"), a rare spelling within edit distance 2 of a more frequent post
# sharing a routing indicator ("AMEMBASSY QUINTO" for QUITO; distance 1 when the name has no
# indicator), and anything with four digits in a row (date-time groups and page headers that the
# shared list picked up as names). They stay in addressees.tsv, which records headers as written.
total = {p["name"]: p["count_as_originator"] + p["count_as_addressee"] for p in posts}
by_ri = collections.defaultdict(list)
for p in posts:
    for ri in p["ris"]:
        by_ri[ri].append(p)
GENERIC_RIS = {"RHMFISS", "RHMFIUU"}
# Agency, military and other addressees differ by a letter legitimately (JCS/CJCS, J1/J2,
# USSOUTHCOM/USNORTHCOM), so only posts and collectives are checked for misspellings.
SPELL_CHECKED_KINDS = {"embassy", "consulate", "mission", "department", "collective"}
dropped = []
kept = []
for p in posts:
    reason = ""
    if re.search(r"\d{4}", p["name"]):
        reason = "four digits in a row: a date-time group, page header or message continuity number"
    # RHMFISS and RHMFIUU front many unrelated military addressees; sharing them says nothing.
    shared = [ri for ri in p["ris"] if ri not in GENERIC_RIS]
    candidates = [q for ri in shared for q in by_ri[ri]] if p["ris"] else posts
    for q in candidates:
        if reason or q is p or total[q["name"]] <= total[p["name"]]:
            continue
        rest = p["name"][len(q["name"]):] if p["name"].startswith(q["name"]) else None
        # A word written twice in a row ("SECSTATE SECSTATE WASHDC"): a slip of the drafter or of
        # the transcription, not another addressee.
        words = p["name"].split(" ")
        doubled = any(words[i] == words[i - 1] and " ".join(words[:i] + words[i + 1:]) == q["name"]
                      for i in range(1, len(words)))
        if doubled:
            reason = f"{q['name']} with a word written twice"
        elif rest is not None and rest.startswith("//"):
            reason = f"{q['name']} with an office suffix"
        elif rest is not None and (rest.startswith(" ") or rest.isdigit()):
            reason = f"garbled form of {q['name']}"
        elif (total[p["name"]] <= 2 and q["kind"] == p["kind"] and p["kind"] in SPELL_CHECKED_KINDS
              and edit_distance(p["name"], q["name"]) <= (2 if p["ris"] else 1)):
            reason = f"misspelling of {q['name']}"
    if reason:
        dropped.append((p["name"], reason))
    else:
        kept.append(p)

missing_country = []
country_of = {}
out_posts = []
# Posts with a direct answer first, so that the sibling fallback below can use them.
kept.sort(key=lambda p: (-(p["count_as_originator"] + p["count_as_addressee"]), p["name"]))
for p in kept:
    station = station_for(p["name"], p["refid"], p["kind"])
    country = ""
    if p["kind"] in ("embassy", "consulate"):
        hints = hint_counts.get(p["origin"], {})
        if hints:
            country = max(sorted(hints.items()), key=lambda kv: kv[1])[0]
        place = " ".join(p["name"].split()[1:])
        if place in HINT_CORRECTIONS:
            country = country_code[HINT_CORRECTIONS[place]] if HINT_CORRECTIONS[place] else ""
            country_of[p["name"]] = country
        elif place in CITY_COUNTRY:
            listed = country_code[CITY_COUNTRY[place]]
            if country and country != listed:
                sys.exit(f"{p['name']}: corpus hint says {country}, CITY_COUNTRY says {listed}")
            country = listed
        if not country and place not in HINT_CORRECTIONS:
            # Same routing indicator, same station: take the country of a sibling post.
            for ri in p["ris"]:
                for q in by_ri[ri]:
                    if q is not p and q["kind"] in ("embassy", "consulate") and q["name"] in country_of:
                        country = country or country_of[q["name"]]
        if not country:
            missing_country.append(p["name"])
        else:
            country_of[p["name"]] = country
    elif p["name"] in MISSION_COUNTRY:
        country = country_code[MISSION_COUNTRY[p["name"]]]
    for ri in p["ris"]:
        if ri not in known_ris:
            sys.exit(f"post {p['name']}: routing indicator {ri} is not among the addressees")
    out_posts.append(dict(
        name=p["name"], kind=p["kind"], routing_indicators=",".join(p["ris"]), station=station,
        country_tag=country, count_as_originator=p["count_as_originator"],
        count_as_addressee=p["count_as_addressee"], source=p["source"],
    ))

out_posts.sort(key=lambda p: p["name"])
write_tsv(
    "posts.tsv",
    [
        "posts.tsv -- originators and addressees (PLADs) with routing indicators, station and country tag; generated by data/build.py",
        "from ../shared/data/posts.tsv (names as written in FM/TO/INFO lines of " + CORPUS_NOTE + ", plus ACP 117 (2010) RUEH* entries).",
        "routing_indicators: most used first. station: the banner/cable-id station (TOKYO, STATE, USUN NEW YORK), from the ids of the",
        "  post's own cables, else the name without AMEMBASSY/AMCONSUL (spec rule H-15). country_tag: embassies and consulates only,",
        "  the geographic code the post used most (tags-country.tsv corpus hints) or its city's country (CITY_COUNTRY and",
        "  HINT_CORRECTIONS in build.py); empty for Jerusalem and Juba.",
        f"Left out: {len(dropped)} names that are not a post's own: a known name plus junk words, an office suffix or a word written twice, rare",
        "  misspellings, date-time groups and page headers; `python3 data/build.py` lists them. They remain in addressees.tsv.",
    ],
    ["name", "kind", "routing_indicators", "station", "country_tag", "count_as_originator", "count_as_addressee", "source"],
    out_posts,
)

print(f"tags: {len(tag_rows)} ({collections.Counter(t['status'] for t in tag_rows)})")
print(f"fixes: {len(fixes)}; addressees: {len(addr_rows)} (common {sum(1 for a in addr_rows if a['common'])})")
print(f"posts: {len(out_posts)} kept, {len(dropped)} left out")
for name, reason in dropped:
    print(f"  left out: {name} ({reason})")
if missing_country:
    print(f"embassies/consulates without a country tag ({len(missing_country)}): {', '.join(missing_country)}")
