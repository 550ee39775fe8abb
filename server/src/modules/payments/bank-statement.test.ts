import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { amountToCents, parseBankStatement, StatementError } from './bank-statement';

const SAMPLES = path.join(__dirname, '../../../../test/payments/statements');
const sample = (name: string) => fs.readFileSync(path.join(SAMPLES, name), 'utf8');
const brief = (lines: Array<{ amountCents: number; postedOn: string; description: string }>) => lines.map(({ amountCents, postedOn, description }) => ({ amountCents, postedOn, description }));

async function problemOf(text: string): Promise<string> {
  const error = await parseBankStatement(text).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(StatementError);
  return (error as StatementError).message;
}

describe('bank statement exports', () => {
  it('reads a Chase checking CSV, with its trailing commas, and gives identical lines different ids', async () => {
    const { format, lines } = await parseBankStatement(sample('chase-checking.csv'));
    expect(format).toBe('CHASE_CSV');
    expect(brief(lines)).toEqual([
      { amountCents: 54_000, postedOn: '2026-01-06', description: 'Zelle payment from JOHN A SMITH Conf# 8xk2ab' },
      { amountCents: -21_237, postedOn: '2026-01-05', description: 'COSTCO WHSE #0123 SACRAMENTO CA' },
      { amountCents: 12_000, postedOn: '2026-01-05', description: 'VENMO CASHOUT PPD ID: 5264681992' },
      { amountCents: 12_000, postedOn: '2026-01-05', description: 'VENMO CASHOUT PPD ID: 5264681992' },
    ]);
    expect(new Set(lines.map((line) => line.externalId)).size).toBe(4);
  });

  it('gives the same ids to the same export read twice, and to the same lines in an export that overlaps it', async () => {
    const first = await parseBankStatement(sample('chase-checking.csv'));
    const again = await parseBankStatement(sample('chase-checking.csv'));
    expect(again.lines.map((line) => line.externalId)).toEqual(first.lines.map((line) => line.externalId));
    const rows = sample('chase-checking.csv').trim().split(/\r?\n/);
    const shorter = await parseBankStatement([rows[0], rows[1], rows[3]].join('\n'));
    expect(shorter.lines.map((line) => line.externalId)).toEqual([first.lines[0].externalId, first.lines[2].externalId]);
  });

  it('reads a Chase card CSV', async () => {
    const { format, lines } = await parseBankStatement(sample('chase-card.csv'));
    expect(format).toBe('CHASE_CSV');
    expect(brief(lines)).toEqual([
      { amountCents: -41_022, postedOn: '2026-01-04', description: 'RESTAURANT DEPOT' },
      { amountCents: 100_000, postedOn: '2026-01-06', description: 'Payment Thank You-Mobile' },
    ]);
  });

  it('reads a Bank of America CSV below its summary block, without the beginning balance line', async () => {
    const { format, lines } = await parseBankStatement(sample('bank-of-america.csv'));
    expect(format).toBe('BANK_OF_AMERICA_CSV');
    expect(brief(lines)).toEqual([
      { amountCents: 54_000, postedOn: '2026-01-07', description: 'Zelle payment from MARIA GARCIA for "hibachi HB-1A2B3C"; Conf# ba7c1' },
      { amountCents: 50_000, postedOn: '2026-01-09', description: 'CASH APP*JANE DOE 8774174551 CA' },
      { amountCents: -7_510, postedOn: '2026-01-12', description: 'PG&E DES:WEB ONLINE ID:XXXXX INDN:HIBACHI CO' },
    ]);
  });

  it('reads a Wells Fargo CSV, which has no header row', async () => {
    const { format, lines } = await parseBankStatement(sample('wells-fargo.csv'));
    expect(format).toBe('WELLS_FARGO_CSV');
    expect(brief(lines)).toEqual([
      { amountCents: 35_000, postedOn: '2026-01-08', description: 'ZELLE FROM WILLIAM JOHNSON ON 01/08 REF # PP0ABCDE' },
      { amountCents: -6_418, postedOn: '2026-01-09', description: 'PURCHASE AUTHORIZED ON 01/08 SAFEWAY #1234 SACRAMENTO CA' },
      { amountCents: 120_000, postedOn: '2026-01-10', description: 'DEPOSITED CHECK' },
    ]);
  });

  it('reads a CSV with separate debit and credit columns', async () => {
    const { lines } = await parseBankStatement('Date,Description,Debit,Credit\n2026-01-03,ZELLE FROM AMY LEE,,250.00\n2026-01-04,CHECK 1001,80.00,\n');
    expect(brief(lines)).toEqual([
      { amountCents: 25_000, postedOn: '2026-01-03', description: 'ZELLE FROM AMY LEE' },
      { amountCents: -8_000, postedOn: '2026-01-04', description: 'CHECK 1001' },
    ]);
  });

  it('reads OFX 1.x (SGML) by FITID, with the account’s last four digits', async () => {
    const { format, lines } = await parseBankStatement(sample('ofx1.ofx'));
    expect(format).toBe('OFX');
    expect(lines).toEqual([
      { externalId: 'ofx:6789:202601060', accountId: '6789', amountCents: 54_000, postedOn: '2026-01-06', description: 'Zelle payment from JOHN A SMITH Conf# 8xk2ab', counterpartyName: null, pending: false },
      { externalId: 'ofx:6789:202601070', accountId: '6789', amountCents: -4_599, postedOn: '2026-01-07', description: 'AMAZON.COM*AB12CD', counterpartyName: null, pending: false },
    ]);
  });

  it('reads OFX 2.x (XML)', async () => {
    const { format, lines } = await parseBankStatement(sample('ofx2.ofx'));
    expect(format).toBe('OFX');
    expect(brief(lines)).toEqual([{ amountCents: 35_000, postedOn: '2026-01-08', description: 'ZELLE FROM WILLIAM JOHNSON REF # PP0ABCDE hibachi & tip' }]);
    expect(lines[0].externalId).toBe('ofx:3210:FT26008ABCDE');
  });

  it('says what is wrong with a file that is not a bank export', async () => {
    expect(await problemOf('')).toBe('The file is empty.');
    expect(await problemOf('%PDF-1.7 binary')).toMatch(/^This file is not a bank statement export we can read/);
    expect(await problemOf('name,email\nAmy,amy@example.com\n')).toMatch(/No row names a date, a description and an amount/);
    expect(await problemOf('<OFX><SIGNONMSGSRSV1></SIGNONMSGSRSV1></OFX>')).toMatch(/no bank or card statement/);
    expect(await problemOf('Date,Description,Amount\n')).toBe('The file has a header row but no transactions under it.');
  });

  it('names every bad row, and reads nothing from a file that has one', async () => {
    const message = await problemOf('Date,Description,Amount\n13/45/2026,ZELLE FROM A,10.00\n01/02/2026,ZELLE FROM B,ten\n01/03/2026,,5.00\n01/04/2026,OK,1.00\n');
    expect(message).toBe('Row 2: "13/45/2026" is not a date (MM/DD/YYYY or YYYY-MM-DD). Row 3: the amount "ten" is not a number. Row 4 has no description.');
  });

  it('reads amounts as banks write them', () => {
    expect(['1,234.56', '$45.00', '-45', '(45.00)', '+12.5', '0.07', 'abc', '1.234'].map(amountToCents)).toEqual([123_456, 4_500, -4_500, -4_500, 1_250, 7, null, null]);
  });
});
