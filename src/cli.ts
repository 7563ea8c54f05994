#!/usr/bin/env node
/// <reference types="node" />
// The `payment-errors` command: runs the CLI commands with this process's arguments and streams.
import { readFile } from 'node:fs/promises';
import { runCli } from './cli-commands.ts';

async function readInput(path: string): Promise<string> {
  if (path !== '-') return readFile(path, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readInput,
});
