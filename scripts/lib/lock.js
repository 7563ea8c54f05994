// One pipeline command at a time in a project tree: two builds at once would write the same files
// under each other. The lock is the folder .pipeline/lock holding one file, named after its holder
// (pid and a random part, so that no other holder ever has that name), which says who the holder
// is: its pid, and when that process started. A pid alone does not name a process: pids are
// reused, and a CI container with a kept workspace repeats the pids of the last run. So a holder
// counts as running only while a process with its pid runs *and* started when it did (field 22 of
// /proc/<pid>/stat, with the boot id; where there is no /proc, as on macOS, the pid alone is
// compared). A lock that names this process's own pid is stale: this process holds no lock yet.
//
// The lock is taken by renaming a complete folder onto that name, which fails while another
// holder's folder is there. A stale lock is removed file first, then folder (removing a folder
// fails unless it is empty), so a new holder's lock is never removed. Under the lock, everything a
// killed command left in .pipeline/ is recovered (write-files.js); what other processes make there
// while waiting for the lock (their lock-<pid>-* candidates) may vanish under them, and they retry.
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { WORK } from './layout.js';

/** @typedef {{ pid: number, started?: string | undefined }} Holder who holds (or held) a lock; `started` is undefined where it cannot be known */

/** The locks this process holds, by path: a second withLock on one of them is a bug, not a wait. */
const held = new Set();

/**
 * Runs `work` holding the lock of the project tree, waiting for it if another process holds it.
 * @template T
 * @param {string} root
 * @param {() => Promise<T>} work
 * @param {(line: string) => void} [say] told when it waits, and when it removes a stale lock
 * @returns {Promise<T>}
 */
export async function withLock(root, work, say = (line) => console.error(line)) {
  const folder = path.join(root, WORK);
  const lock = path.join(folder, 'lock');
  if (held.has(lock)) throw new Error(`withLock: this process holds the lock of ${root} already`);
  const me = { pid: process.pid, started: startedAt(process.pid) };
  let mine = '';
  let waiting = false;
  for (;;) {
    // Not recursive: a root that does not exist is an error, not a folder to make.
    await mkdir(folder).catch((/** @type {NodeJS.ErrnoException} */ error) => {
      if (error.code !== 'EEXIST') throw error;
    });
    const taken = await tryTake(folder, lock, me);
    if (taken) {
      mine = taken;
      break;
    }
    const holder = await readHolder(lock);
    if (!holder) {
      // Empty or gone: its holder was stopped while taking or leaving it, or just left.
      await rmdir(lock).catch(() => {});
      continue;
    }
    const stale = holder.pid === process.pid ? ` (pid ${holder.pid} is this process's own now)` : isRunning(holder) ? undefined : alive(holder.pid) ? ` (pid ${holder.pid} is another process now: it started at another time)` : '';
    if (stale !== undefined) {
      say(`removing the lock of process ${holder.pid}, which is no longer running${stale}`);
      await rm(path.join(lock, holder.name), { force: true });
      await rmdir(lock).catch(() => {});
      continue;
    }
    const unsure = holder.started === undefined ? `; if no pipeline command runs, remove ${path.relative(root, lock)}: its holder's start time is unknown, and pid ${holder.pid} may be another process now` : '';
    if (!waiting) say(`waiting: process ${holder.pid} is running a pipeline command in this project (it holds ${path.relative(root, lock)})${unsure}`);
    waiting = true;
    await sleep(100);
  }
  held.add(lock);
  try {
    return await work();
  } finally {
    held.delete(lock);
    await rm(path.join(lock, mine), { force: true });
    await rmdir(lock).catch(() => {});
    // .pipeline/ itself goes too when nothing else is in it; a process waiting for the lock makes it again.
    await rmdir(folder).catch(() => {});
  }
}

/**
 * Tries once to take the lock: a complete candidate folder renamed onto its name.
 * @param {string} folder .pipeline @param {string} lock @param {Holder} me
 * @returns {Promise<string | undefined>} the name of the holder's file when taken
 */
async function tryTake(folder, lock, me) {
  /** @type {string | undefined} */
  let candidate;
  try {
    candidate = await mkdtemp(path.join(folder, `lock-${me.pid}-`));
    const name = `${me.pid}-${path.basename(candidate).slice(`lock-${me.pid}-`.length)}`;
    await writeFile(path.join(candidate, name), JSON.stringify(me));
    await rename(candidate, lock);
    return name;
  } catch (error) {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code ?? '';
    if (candidate) await rm(candidate, { recursive: true, force: true });
    // ENOENT: .pipeline/ or the candidate was removed meanwhile (by the holder's recovery or exit).
    if (!['ENOTEMPTY', 'EEXIST', 'ENOENT'].includes(code)) throw error;
    return undefined;
  }
}

/** Who holds the lock, or undefined when nobody does. @param {string} lock @returns {Promise<(Holder & { name: string }) | undefined>} */
async function readHolder(lock) {
  const [name] = await readdir(lock).catch(() => []);
  if (name === undefined) return undefined;
  return { ...(await readHolderFile(path.join(lock, name))), name };
}

/**
 * Who made a lock file (or lock candidate folder's file). A file from an older version of the
 * pipeline is empty and named after the pid alone.
 * @param {string} file @returns {Promise<Holder>}
 */
export async function readHolderFile(file) {
  const pid = Number(/^\d+/.exec(path.basename(file))?.[0]);
  try {
    const holder = JSON.parse(await readFile(file, 'utf8'));
    if (holder.pid === pid) return { pid, ...(typeof holder.started === 'string' ? { started: holder.started } : {}) };
  } catch {
    // Empty, half-written or from an older version: the pid in its name is all there is.
  }
  return { pid };
}

/** Whether the process a holder names is still running (on this machine). @param {Holder} holder */
export function isRunning({ pid, started }) {
  if (!alive(pid)) return false;
  const now = started === undefined ? undefined : startedAt(pid);
  return now === undefined || now === started;
}

/** Whether some process has this pid. @param {number} pid */
function alive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

/** The boot of the machine, so that start times are not compared across reboots; '' without /proc. */
const bootId = readOr('/proc/sys/kernel/random/boot_id', '').trim();

/**
 * When the process with this pid started: "<boot id>:<clock ticks since boot>", or undefined
 * where /proc cannot tell (no such process, or no /proc).
 * @param {number} pid
 */
export function startedAt(pid) {
  const stat = bootId ? readOr(`/proc/${pid}/stat`, '') : '';
  // The name of the program (field 2) is in parentheses and may hold spaces: count after it.
  const ticks = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  return ticks && /^\d+$/.test(ticks) ? `${bootId}:${ticks}` : undefined;
}

/** @param {string} file @param {string} fallback */
function readOr(file, fallback) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
}
