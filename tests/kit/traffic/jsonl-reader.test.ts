// The JSON Lines reader: each line that is not blank, whatever the chunks; a line that is not
// JSON is reported with its number and the reading goes on; bytes that are not UTF-8 or a line
// over the limit stop it.
import { describe, expect, test } from 'vitest';
import { TrafficInputError } from '../../../src/kit/traffic/input-error.ts';
import { JsonLinesReader, type JsonLineRead } from '../../../src/kit/traffic/jsonl-reader.ts';

const encode = (text: string) => new TextEncoder().encode(text);

function read(bytes: Uint8Array, size = bytes.length || 1, max?: number): JsonLineRead[] {
  const reader = new JsonLinesReader(max);
  const out: JsonLineRead[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(...reader.push(bytes.slice(i, i + size)));
  out.push(...reader.end());
  return out;
}

describe('valid: ', () => {
  test.each([1, 2, 5, 1000])('lines in chunks of %i bytes: LF and CRLF, blank lines skipped, a last line without a newline, a byte order mark', (size) => {
    const text = '\ufeff{"a":1}\r\n\n  \n{"b":"é\\n"}\n[1,\n{"c":null}';
    expect(read(encode(text), size)).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 4, value: { b: 'é\n' } },
      { line: 5, problem: expect.stringMatching(/^not JSON: /) },
      { line: 6, value: { c: null } },
    ]);
  });
});

describe('invalid: ', () => {
  test('bytes that are not UTF-8: the byte, its line and column', () => {
    const bytes = Uint8Array.from([...encode('{"a":1}\n{"b":"'), 0xc0, 0x80, ...encode('"}\n')]);
    expect(() => read(bytes, 2)).toThrow(new TrafficInputError('not-utf8', 'it is not UTF-8: byte 0xC0 at line 2, column 7; JSON Lines are UTF-8 text'));
  });

  test('a line over the limit, refused as soon as it is', () => {
    const bytes = encode(`{"a":1}\n"${'x'.repeat(5000)}"\n`);
    expect(() => read(bytes, 100, 1000)).toThrow(new TrafficInputError('too-large', 'line 2 is longer than 1000 bytes, the most check reads of one entry'));
    // The guard's fault: with a larger limit the same line is read.
    expect(read(bytes, 100, 10_000)).toHaveLength(2);
  });

  test('a line holding more than 1,000,000 JSON values, refused before it is parsed; one just under is read', () => {
    // Counted: each `{`, `[` and `,` outside strings, and 1: this line holds 2n + 6.
    const line = (n: number) => `{"method":"GET","url":"/","status":200,"body":[${Array(n).fill('[]').join(',')}],"text":"${',,,'.repeat(1000)}"}`;
    expect(() => read(encode(`{"a":1}\n${line(499_998)}\n`))).toThrow(new TrafficInputError('too-large', 'line 2 holds more than 1,000,000 JSON values (objects, arrays, members), the most check reads of one entry'));
    expect(read(encode(`${line(499_997)}\n`))).toHaveLength(1);
  });
});
