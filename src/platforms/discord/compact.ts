import type { APIEmbed } from 'discord.js';
import type { DigestSection } from '../../core/reply.js';
import { plainText, safeLinkUrl } from '../../core/digest/plain-text.js';
import { fitEscaped, fitPlain } from './markdown.js';

/**
 * A compact section (headlines and links only) as Discord embeds: one list per embed, a masked
 * link per story, as many embeds as the 4096-character description limit needs.
 */

const DESCRIPTION = 4096;

/** A masked link's target: parentheses and spaces would end it early. */
const maskedTarget = (url: string): string =>
  url.replace(/[()\s]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

export function compactEmbeds(section: DigestSection, colour: number, more?: string): APIEmbed[] {
  const topicName = fitPlain(section.topicName, 100);
  const lines = section.entries.map((entry) => {
    const headline = fitEscaped(plainText(entry.headline) || 'Untitled', 250);
    const url = safeLinkUrl(entry.url);
    return url ? `• [${headline}](${maskedTarget(url)})` : `• ${headline}`;
  });
  if (more) lines.push(more);
  const descriptions: string[] = [];
  let current = '';
  for (const line of lines) {
    if (current && current.length + 1 + line.length > DESCRIPTION) {
      descriptions.push(current);
      current = line;
    } else {
      current = current ? `${current}\n${line}` : line;
    }
  }
  if (current) descriptions.push(current);
  return descriptions.map((description, index) => ({
    ...(index === 0 ? { author: { name: topicName } } : {}),
    description,
    color: colour,
  }));
}
