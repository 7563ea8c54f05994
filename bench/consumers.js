// Benchmark: what the package costs a consumer. The type-check time a strict TypeScript consumer
// that imports the package and switches exhaustively adds over the same consumer without the
// import (TypeScript API, same process, alternating runs); and the size of the packed tarball,
// without and with the docs page.
import { cp, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { DOCS, REPO_ROOT } from '../scripts/lib/layout.js';
import { pack, packedProject } from '../tests/helpers/packed-project.js';
import { median } from './stats.js';

const WITH_IMPORT = `import { parseErrorBody, type ErrorBody, type ErrorCodeOf } from 'payment-error-contract';
export function advice(body: ErrorBody): string {
  switch (body.type) {
    case 'payment_error': return payment(body.code);
    case 'invalid_request_error': case 'idempotence_error': case 'account_error':
    case 'api_error': case 'refund_error': case 'terminal_error': return body.message;
    default: { const never: never = body; return never; }
  }
}
function payment(code: ErrorCodeOf<'payment_error'>): string {
  switch (code) {
    case 'expired_card': case '3DS_required': return 'card';
    default: return code;
  }
}
export const parsed = parseErrorBody(JSON.parse('{}'));
`;
const WITHOUT_IMPORT = `type ErrorBody = { type: 'payment_error' | 'api_error'; code: string; message: string };
export function advice(body: ErrorBody): string {
  switch (body.type) {
    case 'payment_error': return payment(body.code);
    case 'api_error': return body.message;
    default: { const never: never = body.type; return never; }
  }
}
function payment(code: string): string {
  switch (code) {
    case 'expired_card': case '3DS_required': return 'card';
    default: return code;
  }
}
export const parsed: unknown = JSON.parse('{}');
`;

/** @param {{ runs: number }} options */
export async function benchConsumers({ runs }) {
  const project = await packedProject();
  try {
    const files = { with: path.join(project.dir, 'with-import.ts'), without: path.join(project.dir, 'without-import.ts') };
    await writeFile(files.with, WITH_IMPORT);
    await writeFile(files.without, WITHOUT_IMPORT);
    /** @type {ts.CompilerOptions} */
    const options = { strict: true, noEmit: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, types: [], skipLibCheck: false };
    // The standard library is read once and shared, so that each run measures the consumer and
    // what it imports; both variants pay the same for the library's checker set-up.
    const host = ts.createCompilerHost(options);
    /** @type {Map<string, ts.SourceFile>} */
    const library = new Map();
    const read = host.getSourceFile.bind(host);
    host.getSourceFile = (file, language, onError, fresh) => {
      const isLibrary = file.includes(`${path.sep}typescript${path.sep}lib${path.sep}`);
      const known = isLibrary ? library.get(file) : undefined;
      if (known) return known;
      const source = read(file, language, onError, fresh);
      if (source && isLibrary) library.set(file, source);
      return source;
    };
    const check = (/** @type {string} */ file) => {
      const start = performance.now();
      const diagnostics = ts.getPreEmitDiagnostics(ts.createProgram([file], options, host));
      if (diagnostics.length) throw new Error(`bench: ${path.basename(file)} does not compile: ${ts.flattenDiagnosticMessageText(diagnostics[0]?.messageText ?? '', '\n')}`);
      return performance.now() - start;
    };
    check(files.with); // warm-up
    check(files.without);
    /** @type {{ with: number[], without: number[] }} */
    const times = { with: [], without: [] };
    for (let i = 0; i < runs; i++) {
      /** @type {Array<'with' | 'without'>} */
      const order = i % 2 ? ['without', 'with'] : ['with', 'without'];
      for (const variant of order) times[variant].push(check(files[variant]));
    }
    const added = median(times.with) - median(times.without);

    // The same package with the docs page in it, packed into a directory of its own (same name).
    const kib = async (/** @type {string} */ file) => (await stat(file)).size / 1024;
    const size = await kib(project.tarball);
    const withDocs = path.join(path.dirname(project.dir), 'with-docs');
    await mkdir(path.join(withDocs, 'packed'), { recursive: true });
    await cp(project.installed, withDocs, { recursive: true });
    await cp(path.join(REPO_ROOT, DOCS), path.join(withDocs, 'docs/index.html'));
    const manifest = JSON.parse(await readFile(path.join(withDocs, 'package.json'), 'utf8'));
    await writeFile(path.join(withDocs, 'package.json'), JSON.stringify({ ...manifest, files: [...manifest.files, 'docs'] }, null, 2));
    const docsTarball = await pack(path.join(withDocs, 'packed'), withDocs);

    return [
      { figure: 'Consumers: tsc of a strict consumer that imports the package and switches exhaustively, over the same without it', unit: 'ms added', ours: added, alternative: undefined, target: { max: 150 } },
      { figure: 'Consumers: packed tarball without the docs page vs with it', unit: 'KiB', ours: size, alternative: await kib(docsTarball), target: {} },
    ];
  } finally {
    await project.remove();
  }
}
