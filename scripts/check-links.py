#!/usr/bin/env python3
"""Checks every link of a built HTML site (the mdBook output): each relative `href` or `src` must name a
file of the site, and each `#fragment` an element id in that file (or the page itself). External links
(http:, https:, mailto:) are not followed: the machines that run CI reach no web site.

Usage: scripts/check-links.py SITE_DIR
Prints one line per broken link and a summary; exits 1 when a link is broken, 2 on bad usage.
"""
import html.parser
import os
import sys
import urllib.parse


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids = set()
        self.links = []  # (attribute value, line)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("id", "name"):
            if attrs.get(key):
                self.ids.add(attrs[key])
        for key in ("href", "src"):
            if attrs.get(key) is not None and tag in ("a", "link", "script", "img", "iframe"):
                self.links.append((attrs[key], self.getpos()[0]))


def main(argv):
    if len(argv) != 2 or not os.path.isdir(argv[1]):
        print(__doc__.strip().splitlines()[-3], file=sys.stderr)
        return 2
    site = os.path.abspath(argv[1])
    pages = {}
    for dirpath, _, files in os.walk(site):
        for name in files:
            if name.endswith(".html"):
                path = os.path.join(dirpath, name)
                page = Page()
                with open(path, encoding="utf-8") as f:
                    page.feed(f.read())
                pages[path] = page
    broken, checked = [], 0
    for path, page in sorted(pages.items()):
        for link, line in page.links:
            url = urllib.parse.urlsplit(link)
            if url.scheme or link.startswith("//"):
                continue  # external: http(s), mailto, javascript
            checked += 1
            target = path
            if url.path:
                target = os.path.normpath(os.path.join(os.path.dirname(path), urllib.parse.unquote(url.path)))
                if os.path.isdir(target):
                    target = os.path.join(target, "index.html")
                if not target.startswith(site + os.sep):
                    broken.append(f"{os.path.relpath(path, site)}:{line}: {link} leaves the site")
                    continue
                if not os.path.isfile(target):
                    broken.append(f"{os.path.relpath(path, site)}:{line}: {link}: no such file")
                    continue
            if url.fragment and target.endswith(".html"):
                ids = pages[target].ids if target in pages else set()
                if urllib.parse.unquote(url.fragment) not in ids:
                    broken.append(f"{os.path.relpath(path, site)}:{line}: {link}: no element with id {url.fragment!r}")
    for b in broken:
        print(f"BROKEN {b}")
    print(f"links: {checked} checked in {len(pages)} pages, {len(broken)} broken")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
