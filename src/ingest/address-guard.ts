import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { FetchError } from './fetch-error.js';

/**
 * The address guard: feeds and article pages come from strangers, so a URL may not make the bot
 * talk to its own machine or network (loopback, private, link-local — cloud metadata at
 * 169.254.169.254 included —, multicast, unspecified or otherwise special addresses). The check
 * runs on the addresses DNS actually returned, inside the connection's own lookup, so a name
 * that resolves differently a second time (DNS rebinding) cannot slip past it.
 */

/** Why an IP address is refused, or null when it is an ordinary public unicast address. */
export function refusedRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  // process() unwraps IPv4-mapped IPv6 (::ffff:127.0.0.1) so it is judged as the IPv4 it is.
  const range = ipaddr.process(address).range();
  return range === 'unicast' ? null : range;
}

/** ipaddr.js range names as a person reads them: linkLocal → link-local, carrierGradeNat → carrier-grade NAT. */
const RANGE_WORDS: Record<string, string> = {
  linkLocal: 'link-local',
  uniqueLocal: 'unique local',
  carrierGradeNat: 'carrier-grade NAT',
  unspecified: 'unspecified',
};
const rangeInWords = (range: string): string =>
  RANGE_WORDS[range] ?? range.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** Decides whether an address may be connected to: null to allow, else the reason (its range). */
export type AddressPolicy = (address: string) => string | null;

/** Throws a `refused-address` FetchError when `address` (which `host` resolved to) is refused. */
export function assertAllowedAddress(host: string, address: string, policy: AddressPolicy = refusedRange): void {
  const range = policy(address);
  if (range === null) return;
  const via = host === address ? address : `${host} resolves to ${address}`;
  throw new FetchError('refused-address', `refused address: ${via} (${rangeInWords(range)})`);
}

/** Host name without the brackets URL puts around IPv6 literals. */
export const bareHost = (url: URL): string => url.hostname.replace(/^\[|\]$/g, '');

/**
 * Checks what can be checked before connecting: the scheme, and the address itself when the host
 * is an IP literal (the connection skips its lookup for those). Names are checked at connect time.
 * `policy` null means the guard is lifted (ALLOW_PRIVATE_FEEDS): only the scheme is checked.
 */
export function assertFetchableUrl(url: URL, policy: AddressPolicy | null): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError(
      'refused-address',
      `refused address: only http and https URLs can be fetched, not ${url.protocol}`,
    );
  }
  if (url.username || url.password) {
    throw new FetchError('refused-address', 'refused address: URLs with a user name or password are not fetched');
  }
  const host = bareHost(url);
  if (policy && isIP(host) !== 0) assertAllowedAddress(host, host, policy);
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
export type LookupFunction = (hostname: string, options: LookupOptions, callback: LookupCallback) => void;

/**
 * A `dns.lookup` replacement for net/tls connect options: resolves as usual, then refuses the
 * connection when any address is refused by `policy`. Supports both the single and the `all` form.
 */
export function guardedLookup(policy: AddressPolicy = refusedRange): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      try {
        if (addresses.length === 0) throw new FetchError('network', `${hostname} has no address`);
        for (const entry of addresses) assertAllowedAddress(hostname, entry.address, policy);
      } catch (refusal) {
        return callback(refusal as NodeJS.ErrnoException, []);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}
