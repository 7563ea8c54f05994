// @ts-check
// The Node side of check --har and --jsonl: a file, or standard input for `-`, read in chunks of
// 1 MiB, each a buffer of its own (src/kit/traffic/ keeps parts of chunks until their entry is
// complete, so a chunk must never be reused). Memory is bounded by what the reader keeps, not the file.
import { createReadStream } from 'node:fs';

const CHUNK_BYTES = 1024 * 1024;

/** @param {string} path @returns {AsyncIterable<Uint8Array>} */
export function readChunks(path) {
  if (path === '-') {
    if (process.stdin.isTTY) process.stderr.write('payment-errors: reading the recording from standard input; end it with Ctrl-D\n');
    return process.stdin;
  }
  // Each read fills a new buffer (Node's file streams allocate one per read).
  return createReadStream(path, { highWaterMark: CHUNK_BYTES });
}
