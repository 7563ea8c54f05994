/// <reference types="node" />
// A spec's files read with Node, for every reader of specs on disk (the CLI's narrow and check
// --spec, through bin/spec-files.js, and the test matcher): only regular files, each once however
// many names lead to it, strictly as UTF-8 and up to a size; $refs resolved as paths; the package's
// own YAML documents read from their JSON twins. load.ts does the rest, free of Node.
import { constants, type Stats } from 'node:fs';
import { access, open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { bytePlace, decodeUtf8 } from '../../lib/bytes.ts';
import type { SpecFiles } from './load.ts';

/** Reading a spec's files from disk. */
export const nodeSpecFiles: SpecFiles = { identify, read, resolve, jsonTwin };

/** What a file that is not a regular one is, for messages. */
export function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** The same for every name (symbolic or hard link) of one file. */
async function identify(file: string): Promise<string> {
  const info = await stat(file);
  if (!info.isFile()) throw new Error(`it is ${kindOf(info)}, not a file`);
  return `${info.dev}:${info.ino}`;
}

/**
 * A regular file's text and size, or undefined past `maxBytes`: UTF-8 or an error naming the first
 * byte that is not; a byte order mark is kept (narrow writes it back). A named pipe, a device or a
 * socket is never read: opened without waiting (O_NONBLOCK), and refused by what it is.
 */
async function read(file: string, maxBytes: number): Promise<{ text: string; bytes: number } | undefined> {
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK).catch(async (error: NodeJS.ErrnoException) => {
    // A socket cannot be opened at all (ENXIO): say what it is.
    const info = error.code === 'ENXIO' ? await stat(file).catch(() => undefined) : undefined;
    throw info ? new Error(`it is ${kindOf(info)}, not a file`) : error;
  });
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new Error(`it is ${kindOf(info)}, not a file`);
    const chunks: Buffer[] = [];
    let bytes = 0;
    // At most one byte past the limit is read: "too large" is told without holding more.
    for (;;) {
      const chunk = Buffer.alloc(Math.min(Math.max(info.size + 1 - bytes, 64 * 1024), maxBytes + 1 - bytes));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      bytes += bytesRead;
      if (bytes > maxBytes) return undefined;
    }
    return { text: decoded(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)), bytes };
  } finally {
    await handle.close();
  }
}

function decoded(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // Where: the byte to look at (read again only now, on the way out).
    const result = decodeUtf8(bytes);
    const at = 'invalidAt' in result ? result.invalidAt : undefined;
    throw new Error(`it is not UTF-8 text${at === undefined ? '' : ` (byte 0x${bytes[at]?.toString(16).toUpperCase().padStart(2, '0')} at ${bytePlace(bytes, at)})`}`);
  }
}

function resolve(fromFile: string, relative: string): string {
  return path.resolve(path.dirname(fromFile), relative);
}

/**
 * generated/openapi.json for generated/openapi.yaml (and the 3.0 pair) of an installed copy of
 * this package (its package.json says so), when it is there; undefined for any other file.
 */
async function jsonTwin(file: string): Promise<string | undefined> {
  const match = /^(.*)[\\/]generated[\\/](openapi(?:-3\.0)?)\.ya?ml$/.exec(file);
  if (!match) return undefined;
  const [, root = '', name = ''] = match;
  try {
    const manifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { name?: unknown } | null;
    if (manifest?.name !== 'payment-error-contract') return undefined;
    const twin = path.join(root, 'generated', `${name}.json`);
    await access(twin);
    return twin;
  } catch {
    return undefined;
  }
}


/** A spec path as a person names it: relative to the folder the process runs in. */
export const specPath = (file: string): string => path.resolve(file);
