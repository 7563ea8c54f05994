// The report of a recording checked against a spec's contract, built entry by entry in bounded
// memory: counts per operation and in total, and lists of the entries worth a look (violations,
// entries not checked, unmatched, ambiguous, not entries at all), each list holding at most
// LIST_LIMIT entries and counting the rest. The same facts make the CLI's text and its --json
// document (the JSON form is the report itself).
import { clip } from '../../lib/bytes.ts';
import type { OperationContract, TrafficContract } from './contract.ts';
import type { Exchange, NotAnExchange } from './exchange.ts';
import { judgeResponse, type Violation } from './judge.ts';

/** The most entries a list of the report holds; past it, entries are counted. */
export const LIST_LIMIT = 1000;
/** A recording of which nothing was matched "conforms": most likely the spec's servers are not the hosts it was recorded from. */
const NOTHING_MATCHED = 'no entry was matched to an operation of the spec, so nothing was judged: do its servers name the hosts the recording was made on? (the unmatched entries say where each went)';
/** How much of a URL the report keeps. */
const URL_LENGTH = 300;

/** Where an entry is: its index in log.entries (0-based), or its line (1-based) in JSON Lines. */
export interface EntryPlace {
  readonly entry: number;
  /** "log.entries[12]" or "line 13". */
  readonly where: string;
}

interface RecordedRequest extends EntryPlace {
  readonly method: string;
  readonly url: string;
  /** null: no response recorded. */
  readonly status: number | null;
}

export interface ViolationEntry extends RecordedRequest {
  readonly operation: string;
  readonly type: string | null;
  readonly code: string | null;
  readonly problems: readonly Violation[];
}

export interface NotCheckedEntry extends RecordedRequest {
  readonly operation: string;
  readonly why: string;
}

export interface UnmatchedEntry extends RecordedRequest {
  /** url: does not parse; server: no server serves it; path: no path matches; method: the path has no such operation. */
  readonly reason: 'url' | 'server' | 'path' | 'method';
  readonly why: string;
}

export interface AmbiguousEntry extends RecordedRequest {
  readonly operations: readonly string[];
}

export interface MalformedEntry extends EntryPlace {
  readonly problem: string;
  readonly method: string | null;
  readonly url: string | null;
}

export interface OperationSummary {
  readonly operation: string;
  readonly operationId: string | null;
  /** Responses recorded (an entry without a response counts under notChecked only). */
  readonly responses: number;
  /** Of them, with status >= 400. */
  readonly errorResponses: number;
  readonly conforming: number;
  readonly violations: number;
  /** Error responses that could not be judged (body not captured), and entries without a response or with status 0. */
  readonly notChecked: number;
}

/** The --json document of `check --har` / `--jsonl`. */
export interface TrafficReportDocument {
  /** No error response of a matched operation breaks the contract. */
  readonly conforms: boolean;
  readonly format: 'har' | 'jsonl';
  readonly input: string;
  readonly spec: string;
  /** Entries read (HAR) or lines that are not blank (JSON Lines). */
  readonly entries: number;
  readonly totals: {
    readonly matched: number;
    readonly errorResponses: number;
    readonly conforming: number;
    readonly violations: number;
    readonly notChecked: number;
    readonly unmatched: number;
    readonly ambiguous: number;
    readonly malformed: number;
  };
  readonly operations: readonly OperationSummary[];
  readonly violations: readonly ViolationEntry[];
  readonly notChecked: readonly NotCheckedEntry[];
  readonly unmatched: readonly UnmatchedEntry[];
  readonly ambiguous: readonly AmbiguousEntry[];
  readonly malformed: readonly MalformedEntry[];
  /** Entries of each list left out past LIST_LIMIT. */
  readonly omitted: { readonly violations: number; readonly notChecked: number; readonly unmatched: number; readonly ambiguous: number; readonly malformed: number };
  /** Unmatched entries by what they were sent to, most first: the hosts no server names, for instance. */
  readonly unmatchedBy: ReadonlyArray<{ readonly reason: UnmatchedEntry['reason']; readonly count: number }>;
  readonly notes: readonly string[];
}

interface Lists {
  violations: ViolationEntry[];
  notChecked: NotCheckedEntry[];
  /** Those sent to the spec's servers (and URLs that do not parse); requests elsewhere are in `elsewhere`. */
  unmatched: UnmatchedEntry[];
  ambiguous: AmbiguousEntry[];
  malformed: MalformedEntry[];
}

type Counts = { responses: number; errorResponses: number; conforming: number; violations: number; notChecked: number };

export class TrafficReport {
  private entries = 0;
  private readonly counts = new Map<OperationContract, Counts>();
  private readonly lists: Lists = { violations: [], notChecked: [], unmatched: [], ambiguous: [], malformed: [] };
  private readonly totals = { matched: 0, errorResponses: 0, conforming: 0, violations: 0, notChecked: 0, unmatched: 0, ambiguous: 0, malformed: 0 };
  private readonly omitted = { violations: 0, notChecked: 0, unmatched: 0, ambiguous: 0, malformed: 0 };
  private readonly unmatchedBy = new Map<UnmatchedEntry['reason'], number>();
  /**
   * Unmatched requests to hosts no server of the spec names (scripts, images, analytics: most of a
   * browser's HAR). They share the unmatched list's LIST_LIMIT with the others, and give up their
   * places to them: a thousand requests to a CDN must not hide the one the API did not expect.
   */
  private readonly elsewhere: UnmatchedEntry[] = [];

  constructor(
    private readonly contract: TrafficContract,
    private readonly format: 'har' | 'jsonl',
  ) {}

  /** Judges one entry of the recording and counts it. */
  add(place: EntryPlace, read: Exchange | NotAnExchange): void {
    this.entries++;
    if ('problem' in read) {
      this.totals.malformed++;
      this.list('malformed', { ...place, problem: read.problem, method: read.method ?? null, url: read.url === undefined ? null : clip(read.url, URL_LENGTH) });
      return;
    }
    const request: RecordedRequest = { ...place, method: read.method, url: clip(read.url, URL_LENGTH), status: read.status ?? null };
    const match = this.contract.routes.match(read.method, read.url);
    if (match.kind === 'unmatched') {
      this.totals.unmatched++;
      this.unmatchedBy.set(match.reason, (this.unmatchedBy.get(match.reason) ?? 0) + 1);
      this.addUnmatched({ ...request, reason: match.reason, why: match.message });
      return;
    }
    if (match.kind === 'ambiguous') {
      this.totals.ambiguous++;
      this.list('ambiguous', { ...request, operations: match.routes.map((r) => `${r.method.toUpperCase()} ${r.path}`) });
      return;
    }
    const operation = match.route.operation;
    this.totals.matched++;
    let counts = this.counts.get(operation);
    if (!counts) this.counts.set(operation, (counts = { responses: 0, errorResponses: 0, conforming: 0, violations: 0, notChecked: 0 }));
    if (read.status !== undefined) counts.responses++;
    if (read.status !== undefined && read.status >= 400) {
      counts.errorResponses++;
      this.totals.errorResponses++;
    }
    const verdict = judgeResponse(read, operation.allowed);
    const name = `${match.route.method.toUpperCase()} ${match.route.path}`;
    switch (verdict.kind) {
      case 'not-error':
        return;
      case 'not-checked':
        counts.notChecked++;
        this.totals.notChecked++;
        this.list('notChecked', { ...request, operation: name, why: verdict.why });
        return;
      case 'conforms':
        counts.conforming++;
        this.totals.conforming++;
        return;
      case 'violates':
        counts.violations++;
        this.totals.violations++;
        this.list('violations', { ...request, operation: name, type: verdict.type ?? null, code: verdict.code ?? null, problems: verdict.violations });
    }
  }

  private addUnmatched(entry: UnmatchedEntry): void {
    const full = this.lists.unmatched.length + this.elsewhere.length >= LIST_LIMIT;
    if (entry.reason === 'server') {
      if (full) this.omitted.unmatched++;
      else this.elsewhere.push(entry);
      return;
    }
    if (full) {
      this.omitted.unmatched++;
      if (this.elsewhere.length === 0) return;
      this.elsewhere.pop();
    }
    this.lists.unmatched.push(entry);
  }

  private list<K extends keyof Lists>(name: K, entry: Lists[K][number]): void {
    const list = this.lists[name] as Array<Lists[K][number]>;
    if (list.length < LIST_LIMIT) list.push(entry);
    else this.omitted[name]++;
  }

  /** The report so far, as the --json document. */
  document(input: string, spec: string): TrafficReportDocument {
    const operations = this.contract.operations.flatMap((o) => {
      const c = this.counts.get(o);
      return c ? [{ operation: o.name, operationId: o.operationId ?? null, ...c }] : [];
    });
    return {
      conforms: this.totals.violations === 0,
      format: this.format,
      input,
      spec,
      entries: this.entries,
      totals: { ...this.totals },
      operations,
      ...this.lists,
      // In the recording's order.
      unmatched: [...this.lists.unmatched, ...this.elsewhere].sort((a, b) => a.entry - b.entry),
      omitted: { ...this.omitted },
      unmatchedBy: [...this.unmatchedBy].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
      notes: [...this.contract.notes, ...(this.entries > 0 && this.totals.matched === 0 ? [NOTHING_MATCHED] : [])],
    };
  }
}
