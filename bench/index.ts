/** `npm run bench`: every benchmark, one after another. */
import { benchDigest } from './digest.js';
import { benchExtract } from './extract.js';
import { benchIngest } from './ingest.js';
import { benchPlatforms } from './platforms.js';

await benchExtract();
await benchIngest();
await benchPlatforms();
await benchDigest();
