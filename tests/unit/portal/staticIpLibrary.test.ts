/**
 * The static-IP check stays hand-written (docs/libraries.md says why); ipaddr.js, the library
 * that does the same job, checks it here: the same addresses parse, and every address ipaddr.js
 * puts in a special-purpose range is refused with one of our reasons.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { nonPublicReason, parseIPv4 } from '@/utils/portal/profiles';

// Anycast infrastructure ipaddr.js names but that can still be a routable server address;
// our list (the IANA special-purpose registry's "not globally reachable" rows) leaves them in.
const PUBLIC_FOR_US = new Set(['unicast', 'as112', 'amt']);

const octet = fc.integer({ min: 0, max: 255 });
const address = fc.tuple(octet, octet, octet, octet);

function classify(octets: number[]): string {
  return ipaddr.IPv4.parse(octets.join('.')).range();
}

describe('static IP check against ipaddr.js', () => {
  it('parses exactly the dotted quads ipaddr.js calls four-part decimal', () => {
    const piece = fc.oneof(
      fc.integer({ min: 0, max: 300 }).map(String),
      fc.constantFrom('', '00', '01', '007', ' 1', '1 ', '0x1', '+1', '1e2', 'a'),
    );
    const text = fc.oneof(
      fc.array(piece, { minLength: 1, maxLength: 6 }).map((p) => p.join('.')),
      fc.string({ maxLength: 20 }),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(parseIPv4(t) !== null).toBe(ipaddr.IPv4.isValidFourPartDecimal(t));
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses every address of a special-purpose range and accepts the rest', () => {
    fc.assert(
      fc.property(address, (ip) => {
        const range = classify(ip);
        expect(nonPublicReason(ip) === null, `${ip.join('.')} (${range})`).toBe(PUBLIC_FOR_US.has(range));
      }),
      { numRuns: 20_000 },
    );
  });

  it('agrees on the first and last address of each of ipaddr.js’s ranges and their neighbours', () => {
    type Cidr = [ipaddr.IPv4, number];
    // Not in the typings: the table behind range(), one CIDR or a list of them per name.
    const table = (ipaddr.IPv4.prototype as unknown as { SpecialRanges: Record<string, Cidr | Cidr[]> })
      .SpecialRanges;
    const ranges = Object.values(table).flatMap((r): Cidr[] =>
      Array.isArray(r[0]) ? (r as Cidr[]) : [r as Cidr],
    );
    expect(ranges.length).toBeGreaterThan(10);
    for (const [base, bits] of ranges) {
      const first = ipaddr.IPv4.networkAddressFromCIDR(`${base.toString()}/${bits}`).octets;
      const last = ipaddr.IPv4.broadcastAddressFromCIDR(`${base.toString()}/${bits}`).octets;
      const toInt = (o: number[]) => o.reduce((n, b) => n * 256 + b, 0);
      const fromInt = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
      for (const n of [toInt(first) - 1, toInt(first), toInt(last), toInt(last) + 1]) {
        if (n < 0 || n > 0xffffffff) continue;
        const ip = fromInt(n);
        expect(nonPublicReason(ip) === null, `${ip.join('.')} (${classify(ip)})`).toBe(
          PUBLIC_FOR_US.has(classify(ip)),
        );
      }
    }
  });
});
