// The fenced code blocks of a guide in docs/, in order, for the tests that run them as written:
// each test takes the blocks it exercises, and the file checks at the end that none was left out.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from '../../scripts/lib/layout.js';

export interface DocBlock {
  /** The info string's language: sh, text, ts, js, json, jsonl. */
  readonly lang: string;
  /** From `title="..."`, when the block names the file it is. */
  readonly title: string | undefined;
  readonly code: string;
}

export async function docBlocks(guide: string): Promise<DocBlock[]> {
  const text = await readFile(path.join(REPO_ROOT, 'docs', guide), 'utf8');
  return [...text.matchAll(/^```(\w+)(?: title="([^"]+)")?\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1] ?? '', title: m[2], code: m[3] ?? '' }));
}

/** Hands out a guide's blocks one at a time and remembers which were taken. */
export class Blocks {
  private readonly used = new Set<number>();
  constructor(readonly all: readonly DocBlock[]) {}

  /** The block titled so (the file it is), or the `nth` block (from 0) of a language. */
  take(which: { title: string } | { lang: string; nth?: number }): DocBlock {
    const index = 'title' in which ? this.all.findIndex((b) => b.title === which.title) : this.all.map((b, i) => [b, i] as const).filter(([b]) => b.lang === which.lang)[which.nth ?? 0]?.[1] ?? -1;
    const block = this.all[index];
    if (!block) throw new Error(`no block ${JSON.stringify(which)} in the guide`);
    this.used.add(index);
    return block;
  }

  /** The blocks no test took. */
  unused(): DocBlock[] {
    return this.all.filter((_, i) => !this.used.has(i));
  }
}
