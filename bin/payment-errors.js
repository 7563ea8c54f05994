#!/usr/bin/env node
// @ts-check
// The `payment-errors` command: runs the CLI commands with this process's arguments and streams.
// The only file of the package that touches Node; type-checked with the tests (tests/tsconfig.json).
import { readFile } from 'node:fs/promises';
import { runCli } from '../dist/src/cli-commands.js';

/** The text of a file, or of standard input for `-`. @param {string} path */
async function readInput(path) {
  if (path !== '-') return readFile(path, 'utf8');
  /** @type {Buffer[]} */
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readInput,
});
