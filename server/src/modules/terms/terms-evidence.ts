import { createHash } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';

/**
 * The evidence chain, as pure functions: what a record's hash is computed over, and how a run of
 * records is checked. The service reads and writes; everything that decides whether evidence
 * is intact is here, so it is tested without a database and can be re-implemented by anyone
 * who wants to check the chain independently (the README gives the recipe).
 *
 * A record's content hash is the SHA-256 (lowercase hex) of the UTF-8 bytes of its canonical
 * content: a JSON object with exactly the fields of CANONICAL_FIELDS, serialised by RFC 8785
 * (JSON Canonicalization Scheme: keys sorted, no whitespace). Ids are the database UUIDs (not
 * the GraphQL global ids), timestamps ISO 8601 in UTC with milliseconds
 * ("2026-05-01T17:03:09.120Z"), absent values null, sequence a number.
 */

export const GENESIS_SHA256 = '0'.repeat(64);

export interface ChainRecord {
  id: string;
  sequence: number;
  bookingId: string;
  customerId: string;
  termsVersionId: string;
  termsSha256: string;
  channel: string;
  replyText: string | null;
  providerMessageId: string | null;
  fromAddress: string | null;
  signatureVerified: boolean;
  receivedAt: Date;
  ip: string | null;
  userAgent: string | null;
  recordedByStaffUserId: string | null;
  previousSha256: string;
  createdAt: Date;
}

/** The fields a content hash covers, in the order they are documented (the JSON sorts them). */
export const CANONICAL_FIELDS = [
  'id', 'sequence', 'bookingId', 'customerId', 'termsVersionId', 'termsSha256', 'channel', 'replyText', 'providerMessageId',
  'fromAddress', 'signatureVerified', 'receivedAt', 'ip', 'userAgent', 'recordedByStaffUserId', 'previousSha256', 'createdAt',
] as const satisfies ReadonlyArray<keyof ChainRecord>;

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The exact string a record's content hash is computed over. */
export function canonicalContent(record: ChainRecord): string {
  const content: Record<string, string | number | boolean | null> = {};
  for (const field of CANONICAL_FIELDS) {
    const value = record[field];
    content[field] = value instanceof Date ? value.toISOString() : value;
  }
  return canonicalize(content);
}

export function contentSha256(record: ChainRecord): string {
  return sha256Hex(canonicalContent(record));
}

export interface ChainMismatch {
  acknowledgmentId: string;
  sequence: number;
  reason: string;
}

/** What is known about a terms version when checking records that point at it. */
export interface VersionFacts {
  label: string;
  sha256: string;
  /** Whether sha256 is the SHA-256 of the version's text as stored now. */
  textMatches: boolean;
}

/**
 * Checks records in chain order, continuing from `previous` (the last record checked, or null
 * at the start of the chain). Every problem of every record is listed, in order; the first is
 * the one a person looks at.
 */
export function checkChainRun(params: {
  records: ReadonlyArray<ChainRecord & { contentSha256: string }>;
  previous: { sequence: number; contentSha256: string } | null;
  versions: ReadonlyMap<string, VersionFacts>;
}): { mismatches: ChainMismatch[]; last: { sequence: number; contentSha256: string } | null } {
  const mismatches: ChainMismatch[] = [];
  let previous = params.previous;
  for (const record of params.records) {
    const problem = (reason: string) => mismatches.push({ acknowledgmentId: record.id, sequence: record.sequence, reason });
    if (contentSha256(record) !== record.contentSha256) {
      problem(`Record ${record.sequence}'s content no longer matches its content hash: it was changed after it was written.`);
    }
    const expectedSequence = previous ? previous.sequence + 1 : 1;
    if (record.sequence !== expectedSequence) {
      problem(
        previous
          ? `Record ${record.sequence} follows record ${previous.sequence}: record ${expectedSequence} is missing.`
          : `The chain starts at record ${record.sequence} instead of 1: earlier records are missing.`,
      );
    }
    const expectedPrevious = previous ? previous.contentSha256 : GENESIS_SHA256;
    if (record.previousSha256 !== expectedPrevious) {
      problem(
        previous
          ? `Record ${record.sequence}'s previous hash does not match record ${previous.sequence}'s content hash: the chain was altered between them.`
          : `Record ${record.sequence} is first in the chain but its previous hash is not 64 zeros.`,
      );
    }
    const version = params.versions.get(record.termsVersionId);
    if (!version) problem(`Record ${record.sequence} names a terms version that does not exist.`);
    else if (!version.textMatches) problem(`The text of terms version ${version.label}, which record ${record.sequence} accepted, no longer matches its hash.`);
    else if (version.sha256 !== record.termsSha256) problem(`Record ${record.sequence}'s terms hash differs from the hash of version ${version.label}.`);
    previous = { sequence: record.sequence, contentSha256: record.contentSha256 };
  }
  return { mismatches, last: previous };
}
