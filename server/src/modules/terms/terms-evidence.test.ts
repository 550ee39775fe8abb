import { describe, expect, it } from 'vitest';
import { canonicalContent, checkChainRun, contentSha256, GENESIS_SHA256, sha256Hex, type ChainRecord } from './terms-evidence';

const VERSION = { id: '5b0a2a8e-51b4-4a43-9c59-8f1a0cfb6f01', sha256: sha256Hex('Terms text') };
const versions = new Map([[VERSION.id, { label: 'v1', sha256: VERSION.sha256, textMatches: true }]]);

function record(sequence: number, previousSha256: string, overrides: Partial<ChainRecord> = {}): ChainRecord & { contentSha256: string } {
  const fields: ChainRecord = {
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    sequence,
    bookingId: '11111111-1111-4111-8111-111111111111',
    customerId: '22222222-2222-4222-8222-222222222222',
    termsVersionId: VERSION.id,
    termsSha256: VERSION.sha256,
    channel: 'SMS',
    replyText: 'I agree',
    providerMessageId: 'msg-1',
    fromAddress: '+15555550100',
    signatureVerified: true,
    receivedAt: new Date('2026-05-01T17:03:09.120Z'),
    ip: null,
    userAgent: null,
    recordedByStaffUserId: null,
    previousSha256,
    createdAt: new Date('2026-05-01T17:03:09.500Z'),
    ...overrides,
  };
  return { ...fields, contentSha256: contentSha256(fields) };
}

function chain(length: number) {
  const records: Array<ReturnType<typeof record>> = [];
  for (let i = 1; i <= length; i++) records.push(record(i, records.at(-1)?.contentSha256 ?? GENESIS_SHA256));
  return records;
}

describe('canonical content', () => {
  it('is RFC 8785 JSON: sorted keys, no whitespace, ISO UTC timestamps, nulls kept', () => {
    expect(canonicalContent(record(1, GENESIS_SHA256))).toBe(
      '{"bookingId":"11111111-1111-4111-8111-111111111111","channel":"SMS","createdAt":"2026-05-01T17:03:09.500Z",' +
        '"customerId":"22222222-2222-4222-8222-222222222222","fromAddress":"+15555550100","id":"00000000-0000-4000-8000-000000000001",' +
        `"ip":null,"previousSha256":"${GENESIS_SHA256}","providerMessageId":"msg-1","receivedAt":"2026-05-01T17:03:09.120Z",` +
        `"recordedByStaffUserId":null,"replyText":"I agree","sequence":1,"signatureVerified":true,"termsSha256":"${VERSION.sha256}",` +
        `"termsVersionId":"${VERSION.id}","userAgent":null}`,
    );
  });

  it('changes its hash with any field, including the link to the previous record', () => {
    const base = contentSha256(record(1, GENESIS_SHA256));
    expect(contentSha256(record(1, GENESIS_SHA256, { replyText: 'I agree ' }))).not.toBe(base);
    expect(contentSha256(record(1, GENESIS_SHA256, { signatureVerified: false }))).not.toBe(base);
    expect(contentSha256(record(1, 'f'.repeat(64)))).not.toBe(base);
    expect(contentSha256(record(1, GENESIS_SHA256, { receivedAt: new Date('2026-05-01T17:03:09.121Z') }))).not.toBe(base);
  });
});

describe('checkChainRun', () => {
  it('passes an intact chain, also when checked in runs', () => {
    const records = chain(5);
    expect(checkChainRun({ records, previous: null, versions }).mismatches).toEqual([]);
    const first = checkChainRun({ records: records.slice(0, 2), previous: null, versions });
    expect(checkChainRun({ records: records.slice(2), previous: first.last, versions }).mismatches).toEqual([]);
  });

  it('names a record whose content was changed, and only it', () => {
    const records = chain(4);
    records[2] = { ...records[2], replyText: 'no' };
    expect(checkChainRun({ records, previous: null, versions }).mismatches).toEqual([
      { acknowledgmentId: records[2].id, sequence: 3, reason: "Record 3's content no longer matches its content hash: it was changed after it was written." },
    ]);
  });

  it('names a missing record and a broken link', () => {
    const records = chain(4);
    expect(checkChainRun({ records: [records[0], records[2], records[3]], previous: null, versions }).mismatches.map((m) => m.sequence)).toEqual([3, 3]);
    const rehashed = record(2, 'a'.repeat(64));
    expect(checkChainRun({ records: [records[0], rehashed], previous: null, versions }).mismatches).toEqual([
      { acknowledgmentId: rehashed.id, sequence: 2, reason: "Record 2's previous hash does not match record 1's content hash: the chain was altered between them." },
    ]);
  });

  it('names a record whose terms hash does not match its version, or whose version text changed', () => {
    const records = [record(1, GENESIS_SHA256, { termsSha256: sha256Hex('Other text') })];
    expect(checkChainRun({ records, previous: null, versions }).mismatches[0].reason).toMatch(/terms hash differs from the hash of version v1/);
    const changed = new Map([[VERSION.id, { label: 'v1', sha256: VERSION.sha256, textMatches: false }]]);
    expect(checkChainRun({ records: chain(1), previous: null, versions: changed }).mismatches[0].reason).toMatch(/text of terms version v1.*no longer matches/);
  });
});
