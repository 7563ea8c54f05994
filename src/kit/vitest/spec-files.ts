/// <reference types="node" />
// The spec files of the test matcher, read with Node (a test runner's helper runs there): the
// same reading as the CLI's (bin/spec-files.js: bounded, strictly UTF-8, $refs as paths, YAML
// through the optional js-yaml package, the package's own YAML read from its JSON twin), kept to
// the few lines loadSpec needs.
import { createReadStream } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SpecFiles } from '../openapi/load.ts';
import type { YamlModule } from '../openapi/source.ts';

/** The largest spec file read, as the CLI's. */
const MAX_SPEC_BYTES = 64 * 1024 * 1024;

export const specFiles: SpecFiles = {
  async read(file) {
    // In chunks, stopping past the limit: a file (or a device) larger than that is never held.
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_SPEC_BYTES) throw new Error(`it is larger than ${MAX_SPEC_BYTES / 1024 / 1024} MiB, more than a spec file has`);
      chunks.push(chunk);
    }
    const bytes = Buffer.concat(chunks);
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      throw new Error('it is not UTF-8 text');
    }
  },
  resolve: (fromFile, relative) => path.resolve(path.dirname(fromFile), relative),
  async yaml() {
    try {
      return (await import('js-yaml' as string)) as YamlModule;
    } catch {
      return undefined;
    }
  },
  async jsonTwin(file) {
    const match = /^(.*)[\\/]generated[\\/](openapi(?:-3\.0)?)\.ya?ml$/.exec(file);
    if (!match) return undefined;
    const [, root = '', name = ''] = match;
    try {
      const manifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { name?: unknown };
      if (manifest.name !== 'payment-error-contract') return undefined;
      const twin = path.join(root, 'generated', `${name}.json`);
      await access(twin);
      return twin;
    } catch {
      return undefined;
    }
  },
};

/** A spec path as a test names it: relative to the folder the runner runs in. */
export const resolveSpec = (file: string): string => path.resolve(file);
