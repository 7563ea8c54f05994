// The HAR reader: every entry of log.entries, whatever the chunks the input comes in, and a clear
// TrafficInputError (with the place) for input that is not a HAR.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../../../scripts/lib/layout.js';
import { HarReader } from '../../../src/kit/traffic/har-reader.ts';
import { TrafficInputError } from '../../../src/kit/traffic/input-error.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const FIXTURE = readFileSync(path.join(REPO_ROOT, 'tests/fixtures/traffic/checkout.har'));

/** The entries read from `bytes` given in chunks of `size` bytes (each a copy, as a stream gives them). */
function read(bytes: Uint8Array, size = bytes.length || 1, max?: number): unknown[] {
  const reader = new HarReader(max);
  const entries: unknown[] = [];
  for (let i = 0; i < bytes.length; i += size) {
    for (const entry of reader.push(bytes.slice(i, i + size))) {
      expect(entry.index).toBe(entries.length);
      entries.push(entry.value);
    }
  }
  reader.end();
  return entries;
}

function problem(input: string | Uint8Array, size?: number, max?: number): { problem: string; message: string } {
  try {
    read(typeof input === 'string' ? encode(input) : input, size, max);
  } catch (error) {
    if (error instanceof TrafficInputError) return { problem: error.problem, message: error.message };
    throw error;
  }
  throw new Error('read without a problem');
}

describe('valid: ', () => {
  test.each([1, 2, 3, 7, 64, 4096])('the fixture in chunks of %i bytes gives the entries JSON.parse gives', (size) => {
    expect(read(FIXTURE, size)).toEqual(JSON.parse(FIXTURE.toString()).log.entries);
  });

  test.each([1, 2, 5])('strings with escaped quotes, backslashes and brackets, in chunks of %i bytes', (size) => {
    const entries = [{ a: 'x\\"}]{[\\\\', b: ['\\\\', '"', '\\u0022}'] }, 'a string entry with \\"', 12, null, [[[]]], { '}': '{' }];
    const text = JSON.stringify({ log: { version: '1.2', entries, pages: [{ '"log"': 1 }] }, entries: 'not these' }, null, 1);
    expect(read(encode(text), size)).toEqual(entries);
  });

  test('members around log and entries are read and left alone, in any order; a byte order mark is skipped', () => {
    expect(read(encode('\ufeff{"x":{"entries":[1]},"log":{"creator":{"a":[1,{"b":"]"}]},"entries":[{"n":1} , {"n":2}],"version":"1.2"},"y":true}'))).toEqual([{ n: 1 }, { n: 2 }]);
    expect(read(encode('{"log":{"entries":[]}}'))).toEqual([]);
    // A member name written with escapes is the same name.
    expect(read(encode('{"\\u006cog":{"entrie\\u0073":[7]}}'))).toEqual([7]);
  });

  test.each([1, 2, 4])('a byte order mark in chunks of %i bytes is skipped', (size) => {
    expect(read(encode('\ufeff {"log":{"entries":[1]}}'), size)).toEqual([1]);
  });

  test('a million empty entries are read in bounded time, one by one', () => {
    const text = `{"log":{"entries":[${Array(1_000_000).fill('{}').join(',')}]}}`;
    const reader = new HarReader();
    let count = 0;
    for (const entry of reader.push(encode(text))) count += entry.index === count ? 1 : 0;
    reader.end();
    expect(count).toBe(1_000_000);
  });

  // Looked up afresh for each value, the next backslash (or newline) is a scan to the chunk's end
  // each time: a million entries on one line took minutes. Counted on the chunk itself.
  test('the next backslash and newline are looked up once per chunk, not once per value', () => {
    class CountedChunk extends Uint8Array {
      readonly lookups = new Map<number, number>();
      override indexOf(byte: number, from?: number): number {
        this.lookups.set(byte, (this.lookups.get(byte) ?? 0) + 1);
        return super.indexOf(byte, from);
      }
    }
    const entries = Array.from({ length: 1000 }, (_, i) => `{"a":"x${i}"}`);
    const chunk = new CountedChunk(encode(`{"log":{"entries":[${entries.join(',')},{"b":"\\n"}]}}\n`));
    const reader = new HarReader();
    expect([...reader.push(chunk)]).toHaveLength(1001);
    reader.end();
    expect({ backslash: chunk.lookups.get(0x5c), newline: chunk.lookups.get(0x0a) }).toEqual({ backslash: 2, newline: 1 });
  });

  test('an entry nested 100,000 deep is read (JSON.parse does not recurse)', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(read(encode(`{"log":{"entries":[${deep}]}}`), 4096)).toHaveLength(1);
  });
});

describe('invalid: ', () => {
  test.each<[string, string, string, RegExp]>([
    ['empty', '', 'not-json', /^it is empty/],
    ['white space only', ' \n ', 'not-json', /^it is empty/],
    ['not JSON at all', '<html>', 'not-json', /^it is not a HAR \(line 1, column 1\): it starts with '<'/],
    ['a JSON array', '[{"log":1}]', 'not-har', /it is a JSON array/],
    ['no log', '{"entries":[]}', 'not-har', /its top-level object has no "log" \(JSON Lines\? then use --jsonl\)/],
    ['JSON Lines', '{"method":"GET","url":"/","status":200}\n{"method":"GET"}\n', 'not-har', /no "log"/],
    ['log not an object', '{"log":[]}', 'not-har', /its "log" is not an object/],
    ['no entries', '{"log":{"version":"1.2"}}', 'not-har', /its log has no "entries"/],
    ['entries not a list', '{"log":{"entries":{}}}', 'not-har', /its log.entries is not a list/],
    ['two logs', '{"log":{"entries":[]},"log":{"entries":[]}}', 'not-har', /two "log" members/],
    ['truncated in an entry', '{"log":{"entries":[{"a":1},\n  {"request": {"url": "htt', 'not-json', /^it ends in the middle of entry 1 \(it starts at line 2, column 3\): the file is truncated/],
    ['truncated after an entry', '{"log":{"entries":[{"a":1}', 'not-json', /^it ends before the document does \(after 1 entries\)/],
    ['something after the document', '{"log":{"entries":[]}} {"log":{}}', 'not-json', /more follows the end of the HAR document/],
    ['a syntax error in an entry, with its place', '{"log":{"entries":[\n{"a":1},\n {"a": tru}]}}', 'not-json', /^it is not JSON \(in entry 1, which starts at line 3, column 2\): Unexpected token/],
    ['a syntax error V8 gives the position of', '{"log":{"entries":[\n{"a":1},\n {"a": 1 "b"}]}}', 'not-json', /^it is not JSON at line 3, column 10 \(in entry 1\): Expected ',' or '}' after property value/],
    ['a syntax error between entries', '{"log":{"entries":[{"a":1} {"a":2}]}}', 'not-json', /expected ',' or '\]' after entry 0/],
    ['a member name that is not a string', '{log:{}}', 'not-json', /expected a member name in double quotes/],
    ['a missing colon', '{"log" {}}', 'not-json', /expected ':'/],
  ])('%s', (_name, input, kind, message) => {
    const found = problem(input);
    expect(found.problem).toBe(kind);
    expect(found.message).toMatch(message);
  });

  test('bytes that are not UTF-8, in an entry: the byte and its place', () => {
    const bytes = Uint8Array.from([...encode('{"log":{"entries":[\n{"a":"'), 0xff, ...encode('"}]}}')]);
    expect(problem(bytes, 3)).toEqual({ problem: 'not-utf8', message: 'it is not UTF-8: byte 0xFF at line 2, column 7 (in entry 0); a HAR is UTF-8 text' });
  });

  test.each([1, 2])('a byte order mark cut short (its first %i bytes) is not UTF-8', (length) => {
    expect(problem(Uint8Array.from([0xef, 0xbb, 0xbf].slice(0, length).concat([...encode('{"log":{"entries":[]}}')])), 1)).toEqual({ problem: 'not-utf8', message: `it is not UTF-8: it starts with ${length} of the 3 bytes of a byte order mark (EF BB BF)` });
    expect(problem(Uint8Array.from([0xef, 0xbb, 0xbf].slice(0, length)))).toEqual({ problem: 'not-utf8', message: `it is not UTF-8: it starts with ${length} of the 3 bytes of a byte order mark (EF BB BF)` });
  });

  test('bytes that are not UTF-8 in a member name', () => {
    expect(problem(Uint8Array.from([...encode('{"lo'), 0xc3, 0x28, ...encode('g":{}}')])).problem).toBe('not-utf8');
  });

  test('an entry over the limit is refused as soon as it is, holding no more than the limit', () => {
    const found = problem(`{"log":{"entries":[{"a":1},{"big":"${'x'.repeat(5000)}"}]}}`, 100, 1000);
    expect(found).toEqual({ problem: 'too-large', message: 'entry 1 (line 1) is larger than 1000 bytes, the most check reads of one entry' });
  });

  // Parsed, each value takes tens of bytes: an entry of 120 MB of empty objects took 87 s and
  // 3.8 GB before this limit (now: refused in 0.2 s, 55 MB).
  test('an entry, or a member of log, holding more than 1,000,000 JSON values is refused before it is parsed', () => {
    // Counted: each `{`, `[` and `,` outside strings, and 1; an entry {"text": ..., "junk": [n × {}]} holds 2n + 3.
    const entry = (n: number) => `{"text":"${'[{,'.repeat(1_000_000)}","junk":[${Array(n).fill('{}').join(',')}]}`;
    expect(problem(`{"log":{"entries":[{"a":1},\n${entry(499_999)}]}}`, 65536)).toEqual({ problem: 'too-large', message: 'entry 1 (line 2) holds more than 1,000,000 JSON values (objects, arrays, members), the most check reads of one entry' });
    expect(read(encode(`{"log":{"entries":[${entry(499_998)}]}}`), 65536)).toHaveLength(1);
    expect(problem(`{"log":{"pages":[${Array(500_000).fill('{}').join(',')}],"entries":[]}}`, 65536)).toEqual({ problem: 'too-large', message: 'the value of "pages" (line 1) holds more than 1,000,000 JSON values (objects, arrays, members), the most check reads of one entry' });
  });

  test('the guard on entry size catches the fault it is for: without it, the same input is read whole', () => {
    expect(read(encode(`{"log":{"entries":[{"big":"${'x'.repeat(5000)}"}]}}`), 100, 10_000)).toHaveLength(1);
  });
});
