import { describe, expect, it } from 'vitest';
import { canonicalUrl, feedStoryKey, storyKey } from '../../src/ingest/story-key.js';

const FEED = 'https://paper.example/rss';

describe('story identity', () => {
  it('canonicalises links: scheme and host lower-cased, fragment and tracking parameters removed', () => {
    expect(
      canonicalUrl('HTTPS://News.Example.ORG:443/World/Story?utm_source=rss&utm_medium=x&id=5&fbclid=abc#comments'),
    ).toBe('https://news.example.org/World/Story?id=5');
    expect(canonicalUrl('https://news.example/a?utm_campaign=x')).toBe('https://news.example/a');
    expect(canonicalUrl('javascript:alert(1)')).toBeNull();
    expect(canonicalUrl('not a url')).toBeNull();
  });

  it('keys by guid first, a URL guid like a link, so one article reached either way is one story', () => {
    expect(
      storyKey(
        { guid: 'tag:paper.example,2026:42', link: 'https://paper.example/42', title: 'T', publishedAt: null },
        FEED,
      ),
    ).toBe('guid:tag:paper.example,2026:42');
    const byGuid = storyKey(
      { guid: 'https://paper.example/42?utm_source=a', link: null, title: 'T', publishedAt: null },
      FEED,
    );
    const byLink = storyKey(
      { guid: null, link: 'https://PAPER.example/42#top', title: 'Other', publishedAt: null },
      'https://other.example/feed',
    );
    expect(byGuid).toBe('url:https://paper.example/42');
    expect(byLink).toBe(byGuid);
  });

  it('scopes a short opaque guid to its feed, since "123" is only unique there', () => {
    expect(storyKey({ guid: '123', link: null, title: 'T', publishedAt: null }, FEED)).toBe(
      'guid:https://paper.example/rss#123',
    );
  });

  it('falls back to a hash of title and date, the same for the same item', () => {
    const a = storyKey(
      { guid: null, link: null, title: 'Storm hits coast', publishedAt: '2026-11-19T08:00:00.000Z' },
      FEED,
    );
    const b = storyKey(
      { guid: null, link: null, title: 'Storm hits coast', publishedAt: '2026-11-19T08:00:00.000Z' },
      FEED,
    );
    const later = storyKey(
      { guid: null, link: null, title: 'Storm hits coast', publishedAt: '2026-11-20T08:00:00.000Z' },
      FEED,
    );
    expect(a).toMatch(/^hash:[0-9a-f]{32}$/);
    expect(a).toBe(b);
    expect(later).not.toBe(a);
  });
});

describe('feed-scoped story keys', () => {
  it('gives the same item in two feeds two keys, and the same item in one feed the same key', () => {
    const item = { guid: 'https://victim.example/a', link: null, title: 'T', publishedAt: null };
    expect(feedStoryKey(1, storyKey(item, FEED))).toBe('feed:1 url:https://victim.example/a');
    expect(feedStoryKey(2, storyKey(item, 'https://hostile.example/rss'))).not.toBe(
      feedStoryKey(1, storyKey(item, FEED)),
    );
  });
});
