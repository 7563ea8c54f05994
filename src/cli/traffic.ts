// `payment-errors check --spec <spec> --har <file | ->` and `--jsonl <file | ->`: every recorded
// exchange matched to its operation and every error response judged against the contract and the
// operation's declaration (src/kit/traffic/ does that, free of Node); this file reads the input
// through the CLI's io (in chunks: a 200 MB HAR is never held whole) and writes the report: a
// summary per operation, then each violation. Exit 0 when every error response of a matched
// operation conforms, 1 when one does not, 2 when the spec or the recording cannot be used.
import type { CliArgs } from './args.ts';
import type { CliIo } from './run.ts';
import { jsonText, printable, quote } from '../lib/text.ts';
import { loadSpec, SpecError } from '../kit/openapi/load.ts';
import { clip } from '../lib/bytes.ts';
import { trafficContract } from '../kit/traffic/contract.ts';
import { harExchange, jsonLineExchange } from '../kit/traffic/exchange.ts';
import { HarReader } from '../kit/traffic/har-reader.ts';
import { TrafficInputError } from '../kit/traffic/input-error.ts';
import { JsonLinesReader, type JsonLineRead } from '../kit/traffic/jsonl-reader.ts';
import { LIST_LIMIT, TrafficReport, type TrafficReportDocument, type UnmatchedEntry } from '../kit/traffic/report.ts';

export interface TrafficRun {
  readonly io: CliIo;
  readonly json: boolean;
  readonly args: CliArgs;
  /** A read error as the CLI words it ("no such file"). */
  readProblem(error: unknown): string;
}

/** A run that cannot report: what commands.ts's fail() writes. */
export interface TrafficFailure {
  readonly exit: 2;
  readonly kind: string;
  readonly message: string;
  readonly problems?: ReadonlyArray<{ readonly path: string; readonly message: string }>;
  readonly file?: string;
  readonly help?: string;
}

const INPUT_KINDS = { 'not-json': 'input-not-json', 'not-utf8': 'input-not-utf8', 'not-har': 'input-not-har', 'not-jsonl': 'input-not-jsonl', 'too-large': 'input-too-large' } as const;

/** How many entries of each list the text report shows; --json lists up to LIST_LIMIT. */
const SHOWN = 50;

/** Runs check --har / --jsonl: the exit code, or the failure for commands.ts to write. */
export async function checkTraffic(run: TrafficRun, operands: readonly string[]): Promise<number | { failure: TrafficFailure }> {
  const usage = (message: string) => ({ failure: { exit: 2, kind: 'usage', message, help: 'check' } as const });
  const { har, jsonl, spec, operation, status } = run.args;
  if (har !== undefined && jsonl !== undefined) return usage('check takes --har or --jsonl, not both');
  const path = (har ?? jsonl)!;
  const format = har !== undefined ? 'har' : 'jsonl';
  if (operands.length > 0) return usage(`check --${format} reads the recording ${quote(path)}; it takes no other file (${quote(operands[0] ?? '')})`);
  if (spec === undefined) return usage(`check --${format} needs --spec <spec>: each exchange is matched to an operation of the spec`);
  if (operation !== undefined) return usage(`check --${format} takes no --operation: each exchange's operation is found by its method and URL`);
  if (status !== undefined) return usage(`check --${format} takes no --status: each exchange has its own`);
  const readChunks = run.io.readChunks;
  if (!run.io.specs || !readChunks) return { failure: { exit: 2, kind: 'spec-unreadable', message: 'this CLI cannot read spec files and recordings' } };

  let loaded;
  try {
    loaded = await loadSpec(spec, run.io.specs, false);
  } catch (error) {
    if (error instanceof SpecError) return { failure: { exit: 2, kind: 'spec-unreadable', message: error.message } };
    throw error;
  }
  const contract = trafficContract(loaded.source.data, loaded.tree);
  if ('unusable' in contract) return { failure: { exit: 2, kind: 'spec-unreadable', message: `${printable(spec)}: ${contract.unusable}` } };
  if ('problems' in contract) {
    return { failure: { exit: 2, kind: 'declaration', message: `${printable(spec)} has an x-payment-errors that check cannot use; fix it first`, problems: contract.problems, file: spec } };
  }

  const source = path === '-' ? 'standard input' : path;
  const report = new TrafficReport(contract, format);
  try {
    if (format === 'har') {
      const reader = new HarReader();
      for await (const chunk of readChunks(path)) {
        for (const entry of reader.push(chunk)) report.add({ entry: entry.index, where: `log.entries[${entry.index}]` }, harExchange(entry.value));
      }
      reader.end();
    } else {
      const reader = new JsonLinesReader();
      let exchanges = 0;
      let notJson = 0;
      const add = (read: JsonLineRead) => {
        const place = { entry: read.line, where: `line ${read.line}` };
        if ('problem' in read) {
          notJson++;
          report.add(place, { problem: read.problem });
          return;
        }
        const exchange = jsonLineExchange(read.value);
        if (!('problem' in exchange)) exchanges++;
        report.add(place, exchange);
      };
      for await (const chunk of readChunks(path)) for (const read of reader.push(chunk)) add(read);
      for (const read of reader.end()) add(read);
      // Not one exchange, and lines that are not JSON: not JSON Lines at all (a HAR, say).
      if (exchanges === 0 && notJson > 0) throw new TrafficInputError('not-jsonl', 'no line of it is a JSON object {"method", "url", "status", "body"}: is it a HAR? then use --har');
    }
  } catch (error) {
    if (error instanceof TrafficInputError) return { failure: { exit: 2, kind: INPUT_KINDS[error.problem], message: `${printable(source)}: ${error.message}` } };
    if (error instanceof Error && typeof (error as { code?: unknown }).code === 'string') {
      return { failure: { exit: 2, kind: 'input-unreadable', message: `cannot read ${printable(source)}: ${run.readProblem(error)}` } };
    }
    throw error;
  }

  const document = report.document(source, spec);
  const exit = document.conforms ? 0 : 1;
  if (run.json) run.io.stdout(jsonText(document));
  else run.io.stdout(reportText(document));
  return exit;
}

/** The report for people: the verdict, the summary per operation, then each entry worth a look. */
export function reportText(d: TrafficReportDocument): string {
  const t = d.totals;
  const what = d.format === 'har' ? `${d.entries} ${d.entries === 1 ? 'entry' : 'entries'}` : `${d.entries} ${d.entries === 1 ? 'line' : 'lines'}`;
  const out: string[] = [];
  // "Every error response conforms" of none at all would read as a pass.
  const verdict =
    t.violations > 0
      ? `${t.violations} of ${t.errorResponses} error ${t.errorResponses === 1 ? 'response does' : 'responses do'} not conform to the error contract`
      : t.conforming > 0
        ? `every error response conforms to the error contract (${t.conforming} of ${t.errorResponses} judged)`
        : `no error response was judged (${t.errorResponses} of ${t.matched} ${t.matched === 1 ? 'entry' : 'entries'} matched to an operation ${t.errorResponses === 1 ? 'is an error response' : 'are error responses'})`;
  out.push(`${verdict}: ${printable(d.input)}, ${what}, against ${printable(d.spec)}`);
  for (const note of d.notes) out.push(`note: ${printable(note)}`);
  if (d.operations.length > 0) {
    // Operation names are the spec's paths: escaped before they are measured.
    const width = Math.max(9, ...d.operations.map((o) => printable(o.operation).length));
    const row = (cells: ReadonlyArray<string | number>) => `  ${String(cells[0]).padEnd(width)}${cells.slice(1).map((c) => String(c).padStart(12)).join('')}`;
    out.push('', row(['operation', 'responses', 'errors', 'conforming', 'violations', 'not checked']));
    for (const o of d.operations) out.push(row([printable(o.operation), o.responses, o.errorResponses, o.conforming, o.violations, o.notChecked]));
  }
  const others = [
    t.unmatched ? `${t.unmatched} unmatched (${d.unmatchedBy.map((u) => `${u.count} ${REASONS[u.reason]}`).join(', ')})` : '',
    t.ambiguous ? `${t.ambiguous} ambiguous` : '',
    t.malformed ? `${t.malformed} not ${d.format === 'har' ? 'entries' : 'exchanges'} check can read` : '',
  ].filter(Boolean);
  if (others.length) out.push('', `Not matched to one operation: ${others.join('; ')}.`);

  const request = (e: { where: string; method: string; url: string; status: number | null }) => `${e.where}: ${e.method} ${url(e.url)}${e.status === null ? '' : ` -> HTTP ${e.status}`}`;
  section(out, 'Violations', d.violations, t.violations, (e) => [
    `${request(e)} (${printable(e.operation)}): ${e.type === null ? 'no error type' : printable(e.type)}${e.code === null ? '' : ` ${quote(e.code)}`}`,
    ...e.problems.map((p) => `    - ${printable(p.message)}`),
  ]);
  section(out, 'Not checked', d.notChecked, t.notChecked, (e) => [`${request(e)} (${printable(e.operation)}): ${printable(e.why)}`]);
  section(out, 'Ambiguous', d.ambiguous, t.ambiguous, (e) => [`${request(e)}: matches ${e.operations.map(printable).join(' and ')} as closely`]);
  // Requests to other hosts are noise in a browser's HAR: counted above, listed only with --json.
  const by = (reason: UnmatchedEntry['reason']) => d.unmatchedBy.find((u) => u.reason === reason)?.count ?? 0;
  const onServers = d.unmatched.filter((e) => e.reason === 'path' || e.reason === 'method');
  section(out, 'Unmatched, on a server of the spec', onServers, by('path') + by('method'), (e) => [`${request(e)}: ${printable(e.why)}`]);
  section(out, 'Unmatched, with a URL that does not parse', d.unmatched.filter((e) => e.reason === 'url'), by('url'), (e) => [`${request(e)}: ${printable(e.why)}`]);
  section(out, d.format === 'har' ? 'Not entries check can read' : 'Not exchanges check can read', d.malformed, t.malformed, (e) => [`${e.where}: ${printable(e.problem)}`]);
  return out.join('\n') + '\n';
}

const REASONS = { server: 'to hosts or base paths no server of the spec names', path: 'to no path of the spec', method: 'with a method the path has no operation for', url: 'with a URL that does not parse' } as const;

/** A list of the report: its first SHOWN entries, of `total`. */
function section<T>(out: string[], title: string, entries: readonly T[], total: number, lines: (entry: T) => string[]): void {
  if (total === 0) return;
  out.push('', `${title} (${total}):`);
  for (const entry of entries.slice(0, SHOWN)) {
    const [first = '', ...rest] = lines(entry);
    out.push(`  ${first}`, ...rest);
  }
  if (total > SHOWN) out.push(`  ... and ${total - SHOWN} more (--json lists up to ${LIST_LIMIT} of each kind)`);
}

/** A URL from the recording: escaped, and bounded. */
function url(text: string): string {
  return printable(clip(text, 200));
}
