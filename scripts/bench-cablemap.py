# -*- coding: utf-8 -*-
"""Throughput of cablemap's reader (github.com/heuer/cablemap, cablemap.core) over a directory of
cables, for the side-by-side figure in the README (issue 10).

cablemap has no installable distribution (PyPI lists cablemap.core 0.1.0-0.2.0 with no files) and is
Python 2 code, so it is run from its source under Python 2.7:

    git -C <mirror of heuer/cablemap> archive HEAD cablemap.core | tar -x -C /tmp/cablemap
    PYENV_VERSION=2.7.18 python2 scripts/bench-cablemap.py /tmp/cablemap/cablemap.core ../shared/corpus

cablemap reads the site's HTML; our corpora hold the same cables as text (the header block, a blank
line, the text), so the header and the text are handed to its reader functions directly, skipping
only its HTML clean-up. Every element `cablelint inspect` reports that cablemap reads is asked for:
transmission id, TO and INFO recipients, subject, declassification
deadline, references (with the cable's year), TAGS, summary, signer and classification
authority. Prints the cables, the seconds and cables per second; cables whose parse raises are
counted and skipped.
"""
from __future__ import print_function
import io
import os
import sys
import time

def main():
    if len(sys.argv) != 3:
        print(__doc__)
        sys.exit(2)
    sys.path.insert(0, sys.argv[1])
    from cablemap.core import reader
    directory = sys.argv[2]
    names = sorted(n for n in os.listdir(directory) if n.endswith('.txt'))
    cables = []
    for name in names:
        with io.open(os.path.join(directory, name), encoding='utf-8') as f:
            text = f.read()
        header, sep, content = text.partition(u'\n\n')
        if not sep:
            header, content = u'', text
        reference_id = name[:-4]
        yy = int(reference_id[:2]) if reference_id[:2].isdigit() else 10
        year = str(1900 + yy if yy >= 60 else 2000 + yy)
        cables.append((reference_id, year, header, content))
    failed = 0
    start = time.time()
    for reference_id, year, header, content in cables:
        try:
            reader.parse_transmission_id(header, reference_id)
            reader.parse_recipients(header, reference_id)
            reader.parse_info_recipients(header, reference_id)
            reader.parse_subject(content, reference_id)
            reader.parse_nondisclosure_deadline(content)
            reader.parse_references(content, year, reference_id)
            reader.parse_tags(content, reference_id)
            reader.parse_summary(content, reference_id)
            reader.parse_signed_by(content)
            reader.parse_classified_by(content)
        except Exception:
            failed += 1
    elapsed = time.time() - start
    done = len(cables)
    print('cablemap: %d cables (%d raised) in %.3f s: %.0f cables/s' % (done, failed, elapsed, done / elapsed))

if __name__ == '__main__':
    main()
