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
