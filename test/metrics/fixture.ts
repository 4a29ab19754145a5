// Loads the R `NPS` package test data (test/fixtures/nps_testdata, see its README) for the metrics tests.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface NpsTestRow {
  REC: number;
  drivers: Record<string, number>;
  BU: string;
  PRODUCT: string;
  date: string;
  Account: string;
  Region: string;
}

export const DRIVER_COLUMNS = ['Product.Tastiness', 'Salesman.Smileyness', 'Salesman.Chirpiness', 'Salesman.Bubbliness'] as const;

export function loadNpsTestdata(): NpsTestRow[] {
  const here = dirname(fileURLToPath(import.meta.url));
  const text = readFileSync(join(here, '..', 'fixtures', 'nps_testdata', 'nps_testdata.csv'), 'utf8');
  const lines = text.trim().split(/\r?\n/);
  const header = (lines[0] as string).split(',').map((h) => h.replace(/"/g, ''));
  return lines.slice(1).map((line) => {
    const cells = line.split(',').map((c) => c.replace(/"/g, ''));
    const get = (name: string): string => cells[header.indexOf(name)] as string;
    const drivers: Record<string, number> = {};
    for (const d of DRIVER_COLUMNS) drivers[d] = Number(get(d));
    return { REC: Number(get('REC')), drivers, BU: get('BU'), PRODUCT: get('PRODUCT'), date: get('date'), Account: get('Account'), Region: get('Region') };
  });
}
