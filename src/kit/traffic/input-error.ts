// Why a recording (a HAR file, a JSON Lines file) cannot be used at all: the CLI exits 2 with
// its message. What is wrong with one entry only is reported with that entry instead.

export type InputProblem = 'not-json' | 'not-utf8' | 'not-har' | 'not-jsonl' | 'too-large';

export class TrafficInputError extends Error {
  constructor(
    readonly problem: InputProblem,
    message: string,
  ) {
    super(message);
  }
}

/** The most one entry of a HAR (or one line of JSON Lines) may take: bodies of tens of MB are normal, and memory is a few times this. */
export const MAX_ENTRY_BYTES = 128 * 1024 * 1024;
export const MAX_ENTRY_TEXT = '128 MiB';
/**
 * The most JSON values one entry (or line) may hold: parsed, each takes tens of bytes whatever its
 * size in the file (1,000,000 empty objects: about 80 MB), so that a file of small values is
 * bounded as one of large ones. Real entries hold hundreds to thousands; their bodies are strings.
 */
export const MAX_ENTRY_VALUES = 1_000_000;
export const MAX_ENTRY_VALUES_TEXT = '1,000,000';
