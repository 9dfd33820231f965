import { detect } from 'chardet';
import { TextDecoder } from 'node:util';

/**
 * Bytes → text in the document's own character set: a byte-order mark, else the Content-Type
 * charset, else the XML declaration or an HTML <meta charset>. With none declared, valid UTF-8 is
 * UTF-8; anything else is decoded as the chardet detector reads it, else as windows-1252 (the
 * WHATWG Encoding Standard's fallback for undeclared legacy text), never as UTF-8 full of U+FFFD.
 * Unknown labels fall back to UTF-8.
 */
export function decodeText(bytes: Uint8Array, contentType: string | null): string {
  const declared = bomCharset(bytes) ?? headerCharset(contentType) ?? sniffedCharset(bytes);
  if (declared) return (decoderFor(declared) ?? new TextDecoder('utf-8')).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return (decoderFor(detectedCharset(bytes)) ?? new TextDecoder('windows-1252')).decode(bytes);
  }
}

function decoderFor(label: string | null): TextDecoder | null {
  if (!label) return null;
  try {
    return new TextDecoder(label);
  } catch {
    return null;
  }
}

/** chardet's best guess for bytes that are not UTF-8 (a UTF-8 guess is no use here). */
function detectedCharset(bytes: Uint8Array): string | null {
  const guess = detect(bytes);
  return guess && !/^utf-?8$/i.test(guess) ? guess.toLowerCase() : null;
}

function bomCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

function headerCharset(contentType: string | null): string | null {
  const match = contentType ? /charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType) : null;
  return match ? match[1]!.toLowerCase() : null;
}

/** Looks for encoding="…" or <meta charset> in the first kilobyte, read as ASCII. */
function sniffedCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return xml[1]!.toLowerCase();
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return meta ? meta[1]!.toLowerCase() : null;
}
