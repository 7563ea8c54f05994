// `node run-in-one-process.js <runs.json>`: runs pipeline commands one after another in this one
// process, each as `node scripts/<script>.js ...args --root <root>` runs it: the script module's
// own top-level code (a fresh instance of the module each time; the libraries it imports are
// loaded once, which is what makes this cheap). Prints one JSON array: per run its exit code,
// stdout, stderr, time and the process's memory afterwards.
//
// A watchdog kills the process when its memory (Buffers included, which a heap limit does not
// count) passes MAX_RSS_MB, or one run takes more than MAX_RUN_SECONDS, naming the run: a command
// that reads without bound fails its test instead of the machine. A run that blocks the event
// loop is stopped by the heap limit node is started with (--max-old-space-size) or the caller's
// timeout.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** @typedef {{ script: string, args?: string[], root: string }} Run script: a file name in scripts/, without .js */
/** @typedef {{ exitCode: number, stdout: string, stderr: string, ms: number, rssMb: number }} RunResult */

const SCRIPTS = path.resolve(import.meta.dirname, '../../scripts');
const maxRss = Number(process.env.MAX_RSS_MB ?? 1024) * (1 << 20);
const maxMs = Number(process.env.MAX_RUN_SECONDS ?? 30) * 1000;

/** @type {Run[]} */
const runs = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8'));
const out = { write: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
let current = '';
let started = performance.now();
setInterval(() => {
  const rss = process.memoryUsage.rss();
  const late = performance.now() - started > maxMs;
  if (rss <= maxRss && !late) return;
  const why = late ? `ran more than ${maxMs / 1000} s` : `grew to ${Math.round(rss / (1 << 20))} MB`;
  out.write(JSON.stringify({ stopped: `${current} ${why}` }));
  // Not process.exit(): it waits for the threads of Node's pool, and one may wait for ever (opening a named pipe).
  process.kill(process.pid, 'SIGKILL');
}, 20).unref();

/** @type {RunResult[]} */
const results = [];
for (const [i, { script, args = [], root }] of runs.entries()) {
  const file = path.join(SCRIPTS, `${script}.js`);
  current = `node scripts/${script}.js ${[...args, '--root', root].join(' ')}`;
  let stdout = '';
  let stderr = '';
  process.stdout.write = /** @type {any} */ ((/** @type {string | Uint8Array} */ chunk) => ((stdout += String(chunk)), true));
  process.stderr.write = /** @type {any} */ ((/** @type {string | Uint8Array} */ chunk) => ((stderr += String(chunk)), true));
  process.argv = [process.argv[0] ?? 'node', file, ...args, '--root', root];
  process.exitCode = undefined;
  started = performance.now();
  try {
    // The query makes a new instance of the module, so that its top-level code runs again.
    await import(`${pathToFileURL(file).href}?run=${i}`);
  } catch (error) {
    stderr += `uncaught: ${error instanceof Error ? error.stack : String(error)}`;
    process.exitCode = 70;
  } finally {
    process.stdout.write = out.write;
    process.stderr.write = out.err;
  }
  results.push({ exitCode: Number(process.exitCode ?? 0), stdout, stderr, ms: Math.round(performance.now() - started), rssMb: Math.round(process.memoryUsage.rss() / (1 << 20)) });
}
process.exitCode = 0;
process.stdout.write(JSON.stringify(results));
