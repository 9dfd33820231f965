/**
 * The lead image a feed item names, as written (the caller resolves it against the feed's base):
 * Media RSS (media:content of an image, media:thumbnail, also inside media:group), an image
 * enclosure (RSS <enclosure>, Atom <link rel="enclosure">), itunes:image, JSON Feed's image,
 * banner_image or an image attachment. Larger first: a media:content image before a thumbnail,
 * the widest of several (a feed often lists 140px and 460px copies of one picture).
 */

interface MediaImage {
  url?: string;
  type?: string;
  medium?: string;
  width?: number;
}

/** feedsmith's Media RSS fields, as far as images go. */
export interface MediaFields {
  contents?: (MediaImage & { thumbnails?: MediaImage[] })[];
  thumbnails?: MediaImage[];
  groups?: { contents?: MediaImage[]; thumbnails?: MediaImage[] }[];
}

const IMAGE_TYPE = /^image\//i;
const IMAGE_PATH = /\.(jpe?g|png|gif|webp|avif)(?:[?#]|$)/i;

/** A media:content is a picture when it says so, or says nothing and its address ends like one. */
function isImageContent(content: MediaImage): boolean {
  if (content.medium) return content.medium.toLowerCase() === 'image';
  if (content.type) return IMAGE_TYPE.test(content.type);
  return IMAGE_PATH.test(content.url ?? '');
}

function widest(images: readonly MediaImage[]): string | undefined {
  let best: MediaImage | undefined;
  for (const image of images) {
    if (!image.url?.trim()) continue;
    if (!best || (image.width ?? 0) > (best.width ?? 0)) best = image;
  }
  return best?.url;
}

function mediaImage(media: MediaFields | undefined): string | undefined {
  if (!media) return undefined;
  const contents = [...(media.contents ?? []), ...(media.groups ?? []).flatMap((group) => group.contents ?? [])];
  const thumbnails = [
    ...(media.thumbnails ?? []),
    ...(media.groups ?? []).flatMap((group) => group.thumbnails ?? []),
    ...(media.contents ?? []).flatMap((content) => content.thumbnails ?? []),
  ];
  return widest(contents.filter(isImageContent)) ?? widest(thumbnails);
}

const imageEnclosure = (enclosures: readonly { url?: string; href?: string; type?: string }[] | undefined) => {
  const found = (enclosures ?? []).find((enclosure) => IMAGE_TYPE.test(enclosure.type ?? ''));
  return found?.url ?? found?.href;
};

/** An RSS (or RDF) item's image. */
export function rssItemImage(item: {
  media?: MediaFields;
  enclosures?: { url?: string; type?: string }[];
  itunes?: { image?: string };
}): string | undefined {
  return mediaImage(item.media) ?? imageEnclosure(item.enclosures) ?? item.itunes?.image;
}

/** An Atom entry's image: Media RSS, else a link with rel="enclosure" and an image type. */
export function atomEntryImage(entry: {
  media?: MediaFields;
  links?: { href?: string; rel?: string; type?: string }[];
}): string | undefined {
  return mediaImage(entry.media) ?? imageEnclosure((entry.links ?? []).filter((link) => link.rel === 'enclosure'));
}

/** A JSON Feed item's image, banner image or first image attachment. */
export function jsonItemImage(item: {
  image?: string;
  banner_image?: string;
  attachments?: { url?: string; mime_type?: string }[];
}): string | undefined {
  return (
    item.image ??
    item.banner_image ??
    (item.attachments ?? []).find((attachment) => IMAGE_TYPE.test(attachment.mime_type ?? ''))?.url
  );
}
