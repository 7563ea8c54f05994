// `node write-plan.js <plan.json> --root <dir>`: writes the files of a plan (path -> content, as
// planRelease returns them) with the pipeline's all-or-nothing writer, for tests that stop it at
// each of its writes (kill-at-write.js).
import { readFile } from 'node:fs/promises';
import { rootFromArgv } from '../../scripts/lib/layout.js';
import { writeFiles } from '../../scripts/lib/write-files.js';

await writeFiles(rootFromArgv(), JSON.parse(await readFile(process.argv[2] ?? '', 'utf8')));
