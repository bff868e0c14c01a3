#!/usr/bin/env python3
"""The corpus figures behind the defaults of `cablelint fmt` (the `[format]` options).

Usage: python3 scripts/format-figures.py ../shared/corpus [more corpus directories]

For every cable (*.txt) it reads the text after the transmission header and counts how the
banner, the labels, TAGS separators, paragraph numbers, blank lines and line widths are written.
Each figure is printed as `count / cables where it applies`. The script reads the files only.
"""

import re
import sys
from pathlib import Path

BANNER = re.compile(
    r"^(UNCLAS(?: E F T O| EFTO)?|UNCLASSIFIED|C O N F I D E N T I A L|S E C R E T|"
    r"CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)\b(.*)$"
)
SERIAL = re.compile(r"\s(\d+)\s*$")
SECTION = re.compile(r"SECTION (\d+) OF (\d+)")
EO = re.compile(r"^(E\.O\.|EO|E\.O|E\. O\.)\s*\d+")
TAGS = re.compile(r"^(TAGS:|TAGS|TAG:|TAG|Tags:)\s")
SUBJECT = re.compile(r"^(SUBJECT:|SUBJ:|Subject:)")
PARA = re.compile(r"^(¶?)\s*(\d{1,3})(\.|\)|\)\.)\s*(\(?)")
DECL = re.compile(r"DECL:\s*(\d{1,2})/(\d{1,2})/(\d{4})\b")


def main(dirs):
    c = {}

    def count(key, ok, applies=True):
        if not applies:
            return
        n, m = c.get(key, (0, 0))
        c[key] = (n + (1 if ok else 0), m + 1)

    cables = 0
    for d in dirs:
        for path in sorted(Path(d).glob("*.txt")):
            cables += 1
            lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
            # The text starts at the banner.
            start = next((i for i, l in enumerate(lines) if BANNER.match(l.strip())), None)
            if start is None:
                continue
            text = lines[start:]
            banner = text[0].strip()
            m = BANNER.match(banner)
            level = m.group(1)
            if level in ("C O N F I D E N T I A L", "S E C R E T", "CONFIDENTIAL", "SECRET"):
                count("banner spaced (C O N F I D E N T I A L, S E C R E T)", " " in level)
            s = SERIAL.search(banner)
            count("banner serial written with 6 digits", s is not None and len(s.group(1)) == 6,
                  s is not None)
            sec = SECTION.search(banner)
            if sec:
                count("SECTION numbers written with 2 digits",
                      len(sec.group(1)) == 2 and len(sec.group(2)) == 2)
            count("blank line after the banner", len(text) > 1 and not text[1].strip())
            eo = next((i for i, l in enumerate(text) if EO.match(l)), None)
            tags = next((i for i, l in enumerate(text) if TAGS.match(l)), None)
            subj = next((i for i, l in enumerate(text) if SUBJECT.match(l)), None)
            if eo is not None:
                count("E.O. label written `E.O. nnnnn:`", re.match(r"^E\.O\. \d+:", text[eo]))
                d = DECL.search(text[eo])
                if d:
                    count("DECL date written MM/DD/YYYY",
                          len(d.group(1)) == 2 and len(d.group(2)) == 2)
            if tags is not None:
                t = text[tags]
                count("TAGS label written `TAGS:`", t.startswith("TAGS:"))
                body = TAGS.sub("", t, count=1)
                # Commas inside a personal tag's parentheses are not separators.
                outside = re.sub(r"\([^)]*\)", "", body)
                count("TAGS codes separated by spaces only (no commas)", "," not in outside)
            if subj is not None:
                count("SUBJECT label written `SUBJECT:`", text[subj].startswith("SUBJECT:"))
            if eo is not None and tags is not None and subj is not None:
                count("E.O., TAGS and SUBJECT on consecutive lines",
                      tags == eo + 1 and subj == tags + 1)
            paras = [i for i, l in enumerate(text) if PARA.match(l) and i > 0]
            for i in paras:
                p = PARA.match(text[i])
                count("numbered paragraphs preceded by a blank line", not text[i - 1].strip())
                if p.group(4):
                    count("paragraph number followed by a space before the marking (`1. (C)`)",
                          re.match(r"^¶?\s*\d{1,3}(\.|\)|\)\.) \(", text[i]) is not None)
                count("paragraph numbers with the release's ¶", p.group(1) == "¶")
            widths = [len(l.rstrip()) for l in text if l.strip()]
            if widths:
                count("cables whose text lines are all at most 69 characters", max(widths) <= 69)
                for w in widths:
                    count("text lines at most 69 characters", w <= 69)
            for l in text:
                count("lines without trailing whitespace", l == l.rstrip(), l.strip() != "")
            blanks = 0
            runs = 0
            for l in text:
                if not l.strip():
                    blanks += 1
                else:
                    if blanks >= 1:
                        runs += 1
                        count("blank runs of exactly one line", blanks == 1)
                    blanks = 0
    print(f"{cables} cables in {', '.join(dirs)}")
    for key, (n, m) in c.items():
        share = 100.0 * n / m if m else 0.0
        print(f"  {key}: {n:,} / {m:,} ({share:.1f}%)")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
