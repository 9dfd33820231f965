#!/usr/bin/env python3
"""Fetches the feeds listed in manifest.json into FOLDER/feeds, each from its repository at its commit.

Usage: python3 scripts/feed-eval/fetch.py FOLDER

Nothing fetched is committed: the feeds are other projects' test data. File names are
owner+repo+path with slashes as '+'.
"""
import json
import os
import sys
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))


def main(folder):
    target = os.path.join(folder, 'feeds')
    os.makedirs(target, exist_ok=True)
    with open(os.path.join(HERE, 'manifest.json')) as handle:
        manifest = json.load(handle)
    for entry in manifest:
        name = entry['repo'].replace('/', '+') + '+' + entry['path'].replace('/', '+')
        path = os.path.join(target, name)
        if os.path.exists(path):
            continue
        url = f"https://raw.githubusercontent.com/{entry['repo']}/{entry['commit']}/{entry['path']}"
        with urllib.request.urlopen(url) as response, open(path, 'wb') as out:
            out.write(response.read())
    print(f'{len(manifest)} feeds in {target}')


if __name__ == '__main__':
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
