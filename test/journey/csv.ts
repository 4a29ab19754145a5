// A small reader for the quoted CSV files in test/fixtures (RFC 4180 quoting, no embedded newlines).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

function splitLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

/** Reads test/fixtures/<relative> as rows keyed by header. */
export function readFixtureCsv(relative: string): Record<string, string>[] {
  const file = fileURLToPath(new URL(`../fixtures/${relative}`, import.meta.url));
  const lines = readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.length > 0);
  const header = splitLine(lines[0]!);
  return lines.slice(1).map((line) => {
    const cells = splitLine(line);
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}
