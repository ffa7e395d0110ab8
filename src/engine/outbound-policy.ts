import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { Readable } from 'node:stream';
import ipaddr from 'ipaddr.js';
import { ConfigurationError } from '../domain/errors.js';
import type { OutboundClient, OutboundRequest } from '../domain/task.js';
import { OUTBOUND_ALLOW_ENV, OutboundRefusedError } from '../domain/outbound-refused.js';

export { OUTBOUND_ALLOW_ENV, OutboundRefusedError };

/** Where outbound requests (the http.request task, webhooks) may go beyond the public internet. */
export interface OutboundConfig {
  /** CIDR ranges, single addresses or host names (`*.example.org` for subdomains) to allow. */
  allow?: readonly string[];
}

const REDIRECTS_MAX = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const NULL_BODY_STATUSES = new Set([204, 205, 304]);
// Headers that identify the caller: not sent on to another origin after a redirect.
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/**
 * The one outbound policy: only public unicast addresses, unless allow-listed. Checked on the
 * address actually connected to (the DNS answer is checked inside the connection's own lookup,
 * so a second resolution cannot swap it) and again on every redirect, which are followed here.
 */
export class OutboundPolicy implements OutboundClient {
  readonly allow: readonly string[];
  readonly #ranges: [Address, number][] = [];
  readonly #hosts: string[] = [];

  constructor(allow: readonly string[] = []) {
    this.allow = allow.map((entry) => entry.trim()).filter(Boolean);
    for (const entry of this.allow) {
      if (ipaddr.isValidCIDR(entry)) this.#ranges.push(ipaddr.parseCIDR(entry));
      else if (ipaddr.isValid(entry)) {
        const address = unmapped(ipaddr.parse(entry));
        this.#ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
      } else if (/^(\*\.)?[a-z0-9.-]+$/i.test(entry)) this.#hosts.push(entry.toLowerCase());
      else throw new ConfigurationError(`outbound.allow: "${entry}" is not a CIDR range, an address or a host name.`);
    }
  }

  /** The config's allow-list together with JOBDECK_OUTBOUND_ALLOW (comma-separated). */
  static from(config: OutboundConfig = {}, env: NodeJS.ProcessEnv = process.env): OutboundPolicy {
    return new OutboundPolicy([...(config.allow ?? []), ...(env[OUTBOUND_ALLOW_ENV]?.split(',') ?? [])]);
  }

  /** Why the address is refused ("loopback", "private", …), or undefined when it may be called. */
  refusal(address: string): string | undefined {
    if (!ipaddr.isValid(address)) return 'unparseable';
    const parsed = unmapped(ipaddr.parse(address));
    if (this.#ranges.some(([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits))) {
      return undefined;
    }
    const range = parsed.range();
    return range === 'unicast' ? undefined : range;
  }

  hostAllowed(hostname: string): boolean {
    const host = hostname.toLowerCase().replace(/\.$/, '');
    return this.#hosts.some((entry) => (entry.startsWith('*.') ? host.endsWith(entry.slice(1)) : host === entry));
  }

  /** fetch() under the policy; redirects are followed (at most 5, each checked) unless maxRedirects is 0. */
  async fetch(url: string, init: OutboundRequest = {}): Promise<Response> {
    let target = new URL(url);
    let method = (init.method ?? 'GET').toUpperCase();
    const headers = new Headers(init.headers);
    let body = init.body ?? undefined;
    const maxRedirects = init.maxRedirects ?? REDIRECTS_MAX;
    for (let redirects = 0; ; redirects += 1) {
      const response = await this.#send(target, method, headers, body, init.signal);
      const location = response.headers.get('location');
      if (!REDIRECT_STATUSES.has(response.status) || !location || maxRedirects === 0) return response;
      await response.body?.cancel().catch(() => undefined);
      if (redirects >= maxRedirects) throw new Error(`Too many redirects (more than ${maxRedirects}).`);
      const next = new URL(location, target);
      if (next.origin !== target.origin) for (const name of CREDENTIAL_HEADERS) headers.delete(name);
      // As fetch does: 303, and 301/302 after a POST, continue as a GET without a body.
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
        if (method !== 'HEAD') method = 'GET';
        body = undefined;
        headers.delete('content-type');
        headers.delete('content-length');
      }
      target = next;
    }
  }

  #send(
    url: URL,
    method: string,
    headers: Headers,
    body: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<Response> {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return Promise.reject(new Error(`Only http and https URLs can be called, not ${url.protocol}`));
    }
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const byName = this.hostAllowed(host);
    // An address in the URL is never looked up, so it is checked here.
    const literal = net.isIP(host) ? this.refusal(host) : undefined;
    if (!byName && literal) return Promise.reject(new OutboundRefusedError(url.hostname, host, literal));
    const lookup: net.LookupFunction = (hostname, options, callback) => {
      dns.lookup(hostname, { ...options, all: true }, (error, found) => {
        if (error) return (callback as (e: Error) => void)(error);
        const allowed = byName ? found : found.filter((entry) => !this.refusal(entry.address));
        const first = allowed[0];
        if (!first) {
          const refused = found[0];
          const reason = refused ? this.refusal(refused.address) : 'unknown';
          return (callback as (e: Error) => void)(
            new OutboundRefusedError(url.hostname, refused?.address ?? hostname, reason ?? 'refused'),
          );
        }
        if (options.all) (callback as (e: null, a: dns.LookupAddress[]) => void)(null, allowed);
        else callback(null, first.address, first.family);
      });
    };
    return new Promise((resolve, reject) => {
      const request = (url.protocol === 'https:' ? https : http).request(url, {
        method,
        headers: Object.fromEntries(headers),
        lookup,
        // A fresh connection each time: a pooled one may have been opened under other rules.
        agent: false,
        ...(signal && { signal }),
      });
      // Like fetch, an abort rejects with the signal's own reason (a stop, a timeout).
      request.on('error', (error) => reject(signal?.aborted ? (signal.reason as Error) : error));
      request.on('response', (res) => {
        const status = res.statusCode ?? 0;
        const responseHeaders = new Headers();
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
          responseHeaders.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
        }
        const empty = method === 'HEAD' || NULL_BODY_STATUSES.has(status);
        if (empty) res.resume();
        try {
          resolve(
            new Response(empty ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>), {
              status,
              statusText: res.statusMessage ?? '',
              headers: responseHeaders,
            }),
          );
        } catch (error) {
          res.destroy();
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
      request.end(body);
    });
  }
}

/** An IPv4-mapped IPv6 address (::ffff:127.0.0.1) is judged as the IPv4 address it is. */
function unmapped(address: Address): Address {
  return address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()
    ? (address as ipaddr.IPv6).toIPv4Address()
    : address;
}
