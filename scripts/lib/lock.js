// One pipeline command at a time in a project tree: two builds at once would write the same files
// under each other. The lock is the folder .pipeline/lock holding one file named after the pid of
// its holder. It is taken by renaming a complete folder onto that name, which fails while another
// holder's folder is there. A lock whose holder is no longer running is removed file first, then
// folder (removing a folder fails unless it is empty), so a new holder's lock is never removed.
import { mkdir, mkdtemp, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { WORK } from './layout.js';

/**
 * Runs `work` holding the lock of the project tree, waiting for it if another process holds it.
 * @template T
 * @param {string} root
 * @param {() => Promise<T>} work
 * @param {(line: string) => void} [say] told when it waits, and when it removes a stale lock
 * @returns {Promise<T>}
 */
export async function withLock(root, work, say = (line) => console.error(line)) {
  const lock = path.join(root, WORK, 'lock');
  const mine = path.join(lock, String(process.pid));
  let waiting = false;
  // Not recursive: a root that does not exist is an error, not a folder to make.
  await mkdir(path.dirname(lock)).catch((/** @type {NodeJS.ErrnoException} */ error) => {
    if (error.code !== 'EEXIST') throw error;
  });
  for (;;) {
    const candidate = await mkdtemp(path.join(root, WORK, `lock-${process.pid}-`));
    await writeFile(path.join(candidate, String(process.pid)), '');
    try {
      await rename(candidate, lock);
      break;
    } catch (error) {
      await rm(candidate, { recursive: true, force: true });
      if (!['ENOTEMPTY', 'EEXIST'].includes(/** @type {NodeJS.ErrnoException} */ (error).code ?? '')) throw error;
    }
    const [holder] = await readdir(lock).catch(() => []);
    if (holder !== undefined && isRunning(Number(holder))) {
      if (!waiting) say(`waiting: process ${holder} is running a pipeline command in this project (it holds ${path.relative(root, lock)})`);
      waiting = true;
      await sleep(100);
    } else if (holder !== undefined) {
      say(`removing the lock of process ${holder}, which is no longer running`);
      await rm(path.join(lock, holder), { force: true });
      await rmdir(lock).catch(() => {});
    } else {
      // Empty: its holder was stopped while taking or leaving it.
      await rmdir(lock).catch(() => {});
    }
  }
  try {
    return await work();
  } finally {
    await rm(mine, { force: true });
    await rmdir(lock).catch(() => {});
  }
}

/** Whether a process with this pid is running (on this machine). @param {number} pid */
export function isRunning(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}
