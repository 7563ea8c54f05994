#!/usr/bin/env node
// @ts-check
// The `payment-errors` command: runs the CLI commands with this process's arguments and streams.
// With spec-files.js and traffic-files.js, the CLI's Node side (its processes, streams and writes;
// a spec's files are read by src/kit/openapi/spec-files.ts); type-checked with the tests.
import { writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { wantsJson } from '../dist/src/cli/args.js';
import { runCli } from '../dist/src/cli/commands.js';
import { jsonText } from '../dist/src/lib/text.js';
import { specFiles } from './spec-files.js';
import { readChunks } from './traffic-files.js';

/**
 * At most `maxBytes` bytes of a file, or of standard input for `-`. Reading stops one byte past
 * the limit, so that the caller can tell "too large" without this ever holding more.
 * @param {string} path @param {number} maxBytes @returns {Promise<Uint8Array>}
 */
async function readInput(path, maxBytes) {
  if (path === '-') return readStdin(maxBytes + 1);
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await file.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return buffer.subarray(0, length);
  } finally {
    await file.close();
  }
}

/** @param {number} limit @returns {Promise<Uint8Array>} */
async function readStdin(limit) {
  if (process.stdin.isTTY) process.stderr.write('payment-errors: reading the response from standard input; end it with Ctrl-D\n');
  /** @type {Buffer[]} */
  const chunks = [];
  let length = 0;
  // Leaving the loop early destroys the stream: nothing past the limit is read or kept.
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
    length += chunk.length;
    if (length >= limit) break;
  }
  return Buffer.concat(chunks).subarray(0, limit);
}

/**
 * A write to standard output or error that fails (EPIPE: the reader closed the pipe; ENOSPC: the
 * disk is full) ends the run with exit 2 and a message, never with a stack trace: exit 1 would
 * say "does not conform".
 * @param {'standard output' | 'standard error'} name @param {NodeJS.ErrnoException} error
 */
function writeFailed(name, error) {
  const reason =
    error.code === 'EPIPE' ? 'the reader closed the pipe (EPIPE)' : error.code === 'ENOSPC' ? 'no space left on the device (ENOSPC)' : error.message;
  if (name === 'standard output') {
    try {
      writeSync(2, `payment-errors: cannot write to standard output: ${reason}\n`);
    } catch {
      // Standard error is gone too: the exit code is all that is left.
    }
  }
  process.exit(2);
}
process.stdout.on('error', (error) => writeFailed('standard output', error));
process.stderr.on('error', (error) => writeFailed('standard error', error));

try {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readInput,
    readChunks,
    specs: specFiles(),
  });
} catch (error) {
  // A bug, not bad input (runCli reports those of the commands itself): still no stack trace for
  // the user, but enough to report it, and with --json still one JSON document.
  const message = `unexpected error (please report it): ${error instanceof Error ? error.message : String(error)}`;
  process.stderr.write(`payment-errors: ${message}\n`);
  if (wantsJson(process.argv.slice(2))) process.stdout.write(jsonText({ error: { kind: 'unexpected', message, suggestions: [] } }));
  process.exitCode = 2;
}
