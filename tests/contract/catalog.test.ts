// The catalog is the oracle, so it is checked itself: well formed, and a faithful transcription
// of the reference copy beside it (catalog/error-code-reference.txt).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../scripts/lib/catalog.js';
import { REPO_ROOT } from '../../scripts/lib/layout.js';
import { readCatalog } from '../helpers/contract.ts';

const catalog = readCatalog();

describe('the catalog', () => {
  test('loads with no problems', async () => {
    expect((await loadCatalog(REPO_ROOT)).problems).toEqual([]);
  });

  test('has the seven types once each', () => {
    const types = catalog.map((t) => t.type);
    expect(types).toHaveLength(7);
    expect(new Set(types).size).toBe(types.length);
  });

  test.each(catalog.map((t) => [t.type, t] as const))('%s: no duplicate codes, no empty messages, status in range', (_type, t) => {
    const codes = t.codes.map((c) => c.code);
    expect(codes.filter((c, i) => codes.indexOf(c) !== i)).toEqual([]);
    expect(t.codes.filter((c) => typeof c.message !== 'string' || c.message.trim() === '')).toEqual([]);
    expect(t.httpStatus).toBeGreaterThanOrEqual(400);
    expect(t.httpStatus).toBeLessThanOrEqual(599);
  });
});

/**
 * Reads the reference's own text. Its tables lost their cell borders: in sections 2 to 4 a row
 * is code, message and how-to-fix run together on one line; in section 5 each cell is a line.
 */
function parseReference(text: string) {
  const lines = text.split('\n');
  const sectionStart = (title: RegExp) => lines.findIndex((l) => title.test(l));
  const statuses = new Map<string, number>();
  const typeTable = lines.slice(sectionStart(/^1\. Error Types/), sectionStart(/^2\. /));
  typeTable.forEach((line, i) => {
    const type = /^\s+1\. ([a-z_]+)$/.exec(line)?.[1];
    const status = typeTable.slice(i + 1).find((l) => l.trim() !== '');
    if (type && status) statuses.set(type, Number(status));
  });
  const rowsOf = (type: string) => {
    const start = sectionStart(new RegExp(`^\\d\\. ${type}$`));
    if (start < 0) return [];
    const end = lines.findIndex((l, i) => i > start && /^\d\. [a-z_]+$/.test(l));
    return lines.slice(start + 1, end < 0 ? undefined : end).filter((l) => l.trim() !== '');
  };
  return { statuses, rowsOf };
}

describe('the transcription of catalog/error-code-reference.txt', () => {
  const reference = parseReference(readFileSync(path.join(REPO_ROOT, 'catalog/error-code-reference.txt'), 'utf8'));

  test('has the reference\'s types and statuses', () => {
    expect(Object.fromEntries(catalog.map((t) => [t.type, t.httpStatus]))).toEqual(Object.fromEntries(reference.statuses));
  });

  test.each(catalog.map((t) => [t.type, t] as const))('%s: codes, messages and how-to-fix verbatim, in order', (type, t) => {
    const rows = reference.rowsOf(type);
    if (rows[0] === 'Error CodeError MessageHow to Fix') {
      // One line per code: code + message + how-to-fix, run together.
      expect(rows.slice(1)).toEqual(t.codes.map((c) => c.code + c.message + (c.howToFix ?? '')));
    } else if (rows[0] === 'Error Code') {
      // One line per cell; a how-to-fix list keeps its items on lines of their own.
      const cells = rows.slice(3).map((l) => l.trim());
      expect(cells).toEqual(t.codes.flatMap((c) => [c.code, c.message, ...(c.howToFix ? c.howToFix.split('\n') : [])]));
    } else {
      expect(t.codes, `${type} has no code table in the reference`).toEqual([]);
    }
  });

  test('has 64 codes in all, as the reference lists', () => {
    expect(catalog.reduce((n, t) => n + t.codes.length, 0)).toBe(64);
  });
});
