// Loaded with `node --import` into a command under test, it kills the process with SIGKILL (as a
// closed terminal, the OOM killer or a cancelled CI job would) just before a given write to the
// file system: a file written, renamed onto, removed, or a folder made. It sits outside the code
// under test, so the same test runs against any version of it. Set in the environment:
//   KILL_AT_WRITE           which write to stop before: 1 is the first
//   KILL_AT_WRITE_IN        only writes inside this folder count (the project copy)
//   KILL_AT_WRITE_MATCHING  only writes whose path, relative to that folder, matches this
//                           regular expression count (a rename counts by its target)
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';

const stopAt = Number(process.env.KILL_AT_WRITE);
const inside = path.resolve(process.env.KILL_AT_WRITE_IN ?? '.');
const matching = new RegExp(process.env.KILL_AT_WRITE_MATCHING ?? '');
let writes = 0;

/** @param {unknown} target */
function beforeWrite(target) {
  const relative = path.relative(inside, path.resolve(String(target)));
  if (relative.startsWith('..') || !matching.test(relative.split(path.sep).join('/'))) return;
  writes++;
  if (writes === stopAt) process.kill(process.pid, 'SIGKILL');
}

/**
 * @param {Record<string, any>} api @param {string[]} names @param {number} which the argument that is the target
 * @param {(args: unknown[]) => boolean} [writes] whether this call writes (default: always)
 */
function watch(api, names, which, writes = () => true) {
  for (const name of names) {
    const original = api[name];
    api[name] = (/** @type {unknown[]} */ ...args) => {
      if (writes(args)) beforeWrite(args[which]);
      return original.apply(api, args);
    };
  }
}

const { O_WRONLY, O_RDWR, O_CREAT, O_TRUNC, O_APPEND } = fs.constants;
/** An open for writing: TypeScript writes its output through fs.openSync. @param {unknown[]} args */
const opensForWriting = ([, flags]) => (typeof flags === 'number' ? (flags & (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC | O_APPEND)) !== 0 : /[wa+]/.test(String(flags ?? 'r')));

watch(fs.promises, ['writeFile', 'appendFile', 'rm', 'rmdir', 'unlink', 'mkdir', 'mkdtemp'], 0);
watch(fs.promises, ['rename', 'copyFile'], 1);
watch(fs, ['writeFileSync', 'appendFileSync', 'rmSync', 'rmdirSync', 'unlinkSync', 'mkdirSync', 'mkdtempSync'], 0);
watch(fs, ['renameSync', 'copyFileSync'], 1);
watch(fs, ['openSync'], 0, opensForWriting);
watch(fs.promises, ['open'], 0, opensForWriting);
// The modules under test import these by name (import { rename } from 'node:fs/promises').
syncBuiltinESMExports();
