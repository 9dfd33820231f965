#!/usr/bin/env python3
"""Writes the reference titles for the feed evaluation: FOLDER/expected.json.

Usage: python3 scripts/feed-eval/expected.py FOLDER

Reads every file in FOLDER/feeds (fetched by fetch.py from the repositories in manifest.json) with
Python's feedparser, the reference parser, and records each entry's title and its type. The feeds and
this output are third-party text: keep FOLDER outside the repository.
"""
import json
import os
import sys

import feedparser


def main(folder):
    expected = {}
    feeds = os.path.join(folder, 'feeds')
    for name in sorted(os.listdir(feeds)):
        with open(os.path.join(feeds, name), 'rb') as handle:
            parsed = feedparser.parse(handle.read())
        entries = []
        for entry in parsed.entries:
            detail = entry.get('title_detail') or {}
            entries.append({'title': entry.get('title'), 'type': detail.get('type'), 'id': entry.get('id')})
        expected[name] = {
            'version': parsed.get('version') or None,
            'bozo': bool(parsed.get('bozo')),
            'entries': entries,
        }
    with open(os.path.join(folder, 'expected.json'), 'w') as handle:
        json.dump({'feedparser': feedparser.__version__, 'feeds': expected}, handle, indent=1, ensure_ascii=False)
    print(f'{len(expected)} feeds, {sum(len(feed["entries"]) for feed in expected.values())} entries')


if __name__ == '__main__':
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
