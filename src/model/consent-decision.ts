/**
 * The consent log's deciding record (internal): the rule {@link canContact} documents, without
 * allocating, so that planners asking it millions of times pay only for the scan.
 *
 * @internal
 * @module
 */
import type { Channel } from './common.js';
import type { Consent, ConsentPurpose } from './consent.js';

/**
 * The record that decides a contact on `channel` for `purpose` at `at` (epoch milliseconds): among
 * the records recorded at or before `at` that cover the channel (or `all`) and the purpose (or `all`),
 * the latest; on a tie a refusal wins over a grant. Undefined when nothing covers the contact.
 *
 * @param consents - The consent log, in any order.
 * @param channel - The channel.
 * @param purpose - The purpose.
 * @param at - Epoch milliseconds.
 * @returns The deciding record, or undefined.
 * @internal
 */
export function decidingConsent(consents: Iterable<Consent>, channel: Channel, purpose: Exclude<ConsentPurpose, 'all'>, at: number): Consent | undefined {
  let latest: Consent | undefined;
  let latestTime = -Infinity;
  for (const c of consents) {
    if (c.channel !== channel && c.channel !== 'all') continue;
    if (c.purpose !== purpose && c.purpose !== 'all') continue;
    const t = c.recordedAt.getTime();
    if (t > at) continue;
    if (t > latestTime || (t === latestTime && latest !== undefined && latest.status === 'granted' && c.status !== 'granted')) {
      latest = c;
      latestTime = t;
    }
  }
  return latest;
}

/**
 * Whether the deciding record allows the contact at `at`: a grant that has not expired.
 *
 * @param consents - The consent log, in any order.
 * @param channel - The channel.
 * @param purpose - The purpose.
 * @param at - Epoch milliseconds.
 * @returns True when a contact is allowed.
 * @internal
 */
export function consentAllows(consents: Iterable<Consent>, channel: Channel, purpose: Exclude<ConsentPurpose, 'all'>, at: number): boolean {
  const d = decidingConsent(consents, channel, purpose, at);
  return d !== undefined && d.status === 'granted' && (d.expiresAt === undefined || d.expiresAt.getTime() > at);
}
