// Readers of the CDNOW fixture files (test helper, not a test).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../fixtures/cdnow/', import.meta.url));

/** One CDNOW transaction: sample (or master) customer id, the day at midnight UTC, dollars. */
export interface CdnowRow {
  customerId: string;
  at: Date;
  amount: number;
}

function dayOf(yyyymmdd: string): Date {
  return new Date(`${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}T00:00:00Z`);
}

/** CDNOW_sample.txt: columns master id, sample id, YYYYMMDD, CDs, dollars; the sample id is the summary's ID. */
export function readCdnowSample(): CdnowRow[] {
  return readFileSync(`${dir}CDNOW_sample.txt`, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [, id, date, , dollars] = l.trim().split(/\s+/);
      return { customerId: String(Number(id)), at: dayOf(date as string), amount: Number(dollars) };
    });
}

/** CDNOW_master.txt: header line, then customer id, YYYYMMDD, CDs, dollars. */
export function readCdnowMaster(): CdnowRow[] {
  return readFileSync(`${dir}CDNOW_master.txt`, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [id, date, , dollars] = l.trim().split(/\s+/);
      return { customerId: id as string, at: dayOf(date as string), amount: Number(dollars) };
    });
}

/** A CSV with a header line as records of strings. */
export function readCsv(path: string): Record<string, string>[] {
  const lines = readFileSync(fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url)), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const header = (lines[0] as string).split(',').map((h) => h.replace(/^"|"$/g, ''));
  return lines.slice(1).map((l) => {
    const cells = l.split(',').map((c) => c.replace(/^"|"$/g, ''));
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}
