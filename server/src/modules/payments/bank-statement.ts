import { createHash } from 'node:crypto';
import { parse as parseCsv } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import type { BankTransactionInput } from './payments.service';

/**
 * A bank's export of an account, read into bank lines for the matcher: OFX/QFX (1.x SGML and
 * 2.x XML, read by ofx-js) and the CSV exports of US banks (read by csv-parse): Chase checking
 * and card, Bank of America (with its summary block above the lines), Wells Fargo (no header
 * row), and any CSV whose header names a date, a description and an amount (or debit and
 * credit) column. Pure: no database.
 *
 * External ids are stable, so uploading the same export twice, or two exports that overlap,
 * stores each line once: OFX lines by their FITID (with the account's last four digits, as a
 * FITID is unique only within its account); CSV lines, which carry no id, by a hash of the
 * date, amount and description and how many identical lines came before it in the file.
 */
export type StatementFormat = 'OFX' | 'CHASE_CSV' | 'BANK_OF_AMERICA_CSV' | 'WELLS_FARGO_CSV' | 'CSV';

export interface ParsedStatement {
  format: StatementFormat;
  lines: BankTransactionInput[];
}

/** A file that is not a bank export we can read; the message names what is wrong, for the person who uploaded it. */
export class StatementError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join(' '));
    this.name = 'StatementError';
  }
}

const NOT_A_STATEMENT =
  'This file is not a bank statement export we can read. Upload the CSV or OFX/QFX file your bank’s website exports (Chase, Bank of America, Wells Fargo and most other US banks).';
const MAX_ROW_PROBLEMS = 5;

export async function parseBankStatement(text: string): Promise<ParsedStatement> {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw new StatementError(['The file is empty.']);
  if (/<OFX>/i.test(body) || /^\s*OFXHEADER:/i.test(body)) return { format: 'OFX', lines: await parseOfx(body) };
  // A PDF, a zip (an .xlsx), JSON, or any binary file.
  if (/^\s*(%PDF|PK|\{|\[)/.test(body) || body.includes('\u0000')) throw new StatementError([NOT_A_STATEMENT]);
  return parseCsvStatement(body);
}

// ---------------------------------------------------------------------------------------------
// OFX

async function parseOfx(text: string): Promise<BankTransactionInput[]> {
  // ofx-js is an ES module; this CommonJS build loads it with a dynamic import.
  const { parseSync } = await import('ofx-js');
  let ofx: Record<string, unknown>;
  try {
    ofx = parseSync(text).OFX;
  } catch {
    throw new StatementError(['This OFX file could not be read: its tags are not well formed. Export it from your bank again.']);
  }
  if (!ofx || typeof ofx !== 'object') throw new StatementError(['This OFX file has no <OFX> section with transactions.']);
  const statements = [
    ...asArray(path(ofx, 'BANKMSGSRSV1', 'STMTTRNRS')).map((rs) => path(rs, 'STMTRS')),
    ...asArray(path(ofx, 'CREDITCARDMSGSRSV1', 'CCSTMTTRNRS')).map((rs) => path(rs, 'CCSTMTRS')),
  ].filter((statement): statement is Record<string, unknown> => !!statement && typeof statement === 'object');
  if (statements.length === 0) throw new StatementError(['This OFX file holds no bank or card statement (no STMTRS section).']);

  const lines: BankTransactionInput[] = [];
  const problems: string[] = [];
  for (const statement of statements) {
    const accountNumber = String(path(statement, 'BANKACCTFROM', 'ACCTID') ?? path(statement, 'CCACCTFROM', 'ACCTID') ?? '');
    const account = accountNumber ? accountNumber.replace(/\s/g, '').slice(-4) : null;
    for (const [index, transaction] of asArray(path(statement, 'BANKTRANLIST', 'STMTTRN')).entries()) {
      const row = transaction as Record<string, unknown>;
      const where = `Transaction ${index + 1}`;
      const fitId = text1(row.FITID);
      const postedOn = ofxDate(text1(row.DTPOSTED));
      const amountCents = amountToCents(text1(row.TRNAMT));
      if (!fitId) problems.push(`${where} has no FITID (the bank’s id of the transaction).`);
      if (!postedOn) problems.push(`${where}: the posting date "${text1(row.DTPOSTED)}" is not an OFX date (YYYYMMDD).`);
      if (amountCents === null) problems.push(`${where}: the amount "${text1(row.TRNAMT)}" is not a number.`);
      if (!fitId || !postedOn || amountCents === null) continue;
      const description = [text1(row.NAME), text1(row.MEMO)].filter(Boolean).join(' ').trim() || text1(row.TRNTYPE) || 'Transaction';
      lines.push({ externalId: `ofx:${account ?? '-'}:${fitId}`, accountId: account, amountCents, postedOn, description, counterpartyName: null, pending: false });
    }
  }
  if (problems.length > 0) throw new StatementError(limit(problems));
  return lines;
}

function path(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) current = current && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined;
  return current;
}

function asArray(value: unknown): unknown[] {
  return value === undefined || value === null || value === '' ? [] : Array.isArray(value) ? value : [value];
}

function text1(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** "20260105", "20260105120000", "20260105120000.000[-5:EST]": the date as the bank wrote it. */
function ofxDate(value: string): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})/.exec(value);
  if (!match) return null;
  const date = DateTime.fromObject({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) });
  return date.isValid ? date.toISODate() : null;
}

// ---------------------------------------------------------------------------------------------
// CSV

type Columns = { date: number; description: number; amount?: number; credit?: number; debit?: number; details?: number };

function parseCsvStatement(text: string): ParsedStatement {
  let rows: string[][];
  try {
    rows = parseCsv(text, { relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true, bom: true }) as string[][];
  } catch (error) {
    throw new StatementError([`${NOT_A_STATEMENT} (It is not a readable CSV file: ${(error as Error).message.replace(/^Invalid /, 'invalid ')}.)`]);
  }
  rows = rows.filter((row) => row.some((cell) => cell !== ''));
  if (rows.length === 0) throw new StatementError(['The file is empty.']);

  const headerAt = rows.findIndex((row) => headerColumns(row) !== null);
  if (headerAt >= 0) {
    const header = rows[headerAt];
    const columns = headerColumns(header)!;
    const names = header.map(normalise);
    const format: StatementFormat = names.includes('details') && names.includes('posting date')
      ? 'CHASE_CSV'
      : names.includes('post date') && names.includes('transaction date')
        ? 'CHASE_CSV'
        : names.includes('running bal')
          ? 'BANK_OF_AMERICA_CSV'
          : 'CSV';
    return { format, lines: readRows(rows.slice(headerAt + 1), columns, headerAt + 2) };
  }
  // Wells Fargo: no header; "date","amount","*","check number","description" on every row.
  if (rows.every((row) => row.length === 5 && csvDate(row[0]) !== null && amountToCents(row[1]) !== null)) {
    return { format: 'WELLS_FARGO_CSV', lines: readRows(rows, { date: 0, amount: 1, description: 4 }, 1) };
  }
  throw new StatementError([
    `${NOT_A_STATEMENT} No row names a date, a description and an amount (or debit and credit) column, and the rows are not in Wells Fargo’s layout (date, amount, *, check number, description).`,
  ]);
}

const DATE_NAMES = ['posting date', 'post date', 'date', 'posted date', 'transaction date', 'trans date', 'effective date'];
const DESCRIPTION_NAMES = ['description', 'payee', 'memo', 'details', 'transaction description', 'name'];

function normalise(cell: string): string {
  return cell.toLowerCase().replace(/[^a-z ]/g, '').replace(/\s+/g, ' ').trim();
}

function headerColumns(row: string[]): Columns | null {
  const names = row.map(normalise);
  const first = (candidates: string[]) => {
    for (const candidate of candidates) {
      const at = names.indexOf(candidate);
      if (at >= 0) return at;
    }
    return -1;
  };
  const date = first(DATE_NAMES);
  // Chase calls the credit/debit column "Details" and the text "Description": prefer "description".
  const description = first(DESCRIPTION_NAMES.filter((name) => name !== 'details' || !names.includes('description')));
  const amount = first(['amount', 'transaction amount', 'amount usd']);
  const credit = first(['credit', 'credits', 'deposits', 'credit amount', 'deposit']);
  const debit = first(['debit', 'debits', 'withdrawals', 'debit amount', 'withdrawal']);
  if (date < 0 || description < 0 || (amount < 0 && credit < 0)) return null;
  return { date, description, ...(amount >= 0 ? { amount } : { credit, ...(debit >= 0 ? { debit } : {}) }) };
}

function readRows(rows: string[][], columns: Columns, firstRowNumber: number): BankTransactionInput[] {
  const problems: string[] = [];
  const read: Array<{ postedOn: string; amountCents: number; description: string }> = [];
  for (const [index, row] of rows.entries()) {
    const where = `Row ${firstRowNumber + index}`;
    const rawDate = row[columns.date] ?? '';
    const description = (row[columns.description] ?? '').replace(/\s+/g, ' ').trim();
    let amountCents: number | null;
    let rawAmount: string;
    if (columns.amount !== undefined) {
      rawAmount = row[columns.amount] ?? '';
      // Bank of America's opening "Beginning balance" line has no amount: it is not a transaction.
      if (rawAmount === '' && /^beginning balance/i.test(description)) continue;
      amountCents = amountToCents(rawAmount);
    } else {
      const credit = row[columns.credit!] ?? '';
      const debit = columns.debit !== undefined ? (row[columns.debit] ?? '') : '';
      rawAmount = credit || debit;
      const creditCents = credit ? amountToCents(credit) : 0;
      const debitCents = debit ? amountToCents(debit) : 0;
      amountCents = creditCents === null || debitCents === null ? null : Math.abs(creditCents ?? 0) - Math.abs(debitCents ?? 0);
    }
    const postedOn = csvDate(rawDate);
    if (!postedOn) problems.push(`${where}: "${rawDate}" is not a date (MM/DD/YYYY or YYYY-MM-DD).`);
    if (amountCents === null) problems.push(`${where}: the amount "${rawAmount}" is not a number.`);
    if (!description) problems.push(`${where} has no description.`);
    if (!postedOn || amountCents === null || !description || amountCents === 0) continue;
    read.push({ postedOn, amountCents, description });
  }
  if (problems.length > 0) throw new StatementError(limit(problems));
  if (read.length === 0) throw new StatementError(['The file has a header row but no transactions under it.']);
  const seen = new Map<string, number>();
  return read.map((line) => {
    const key = `${line.postedOn}|${line.amountCents}|${line.description.toUpperCase()}`;
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    const hash = createHash('sha256').update(`${key}|${occurrence}`).digest('hex').slice(0, 32);
    return { externalId: `csv:${hash}`, accountId: null, amountCents: line.amountCents, postedOn: line.postedOn, description: line.description, counterpartyName: null, pending: false };
  });
}

const CSV_DATE_FORMATS = ['M/d/yyyy', 'M/d/yy', 'yyyy-MM-dd', 'M-d-yyyy', 'yyyy/MM/dd'];

function csvDate(value: string): string | null {
  const trimmed = value.trim();
  for (const format of CSV_DATE_FORMATS) {
    const date = DateTime.fromFormat(trimmed, format);
    if (date.isValid && date.year >= 1990 && date.year <= 2100) return date.toISODate();
  }
  return null;
}

/** "1,234.56", "$45.00", "-45", "(45.00)", "+12.5" to cents; null when it is not an amount. */
export function amountToCents(value: string): number | null {
  let text = value.trim().replace(/[$\s,]/g, '');
  let negative = false;
  const parenthesised = /^\((.*)\)$/.exec(text);
  if (parenthesised) {
    negative = true;
    text = parenthesised[1];
  }
  const match = /^([+-]?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  if (match[1] === '-') negative = !negative;
  const cents = Number(match[2]) * 100 + Number((match[3] ?? '0').padEnd(2, '0'));
  if (!Number.isSafeInteger(cents) || cents > 100_000_000_00) return null;
  return negative ? -cents : cents;
}

function limit(problems: string[]): string[] {
  return problems.length > MAX_ROW_PROBLEMS ? [...problems.slice(0, MAX_ROW_PROBLEMS), `…and ${problems.length - MAX_ROW_PROBLEMS} more problems like these.`] : problems;
}
