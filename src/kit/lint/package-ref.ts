// The $ref a finding suggests, written so that it resolves from the user's file: a relative path
// from that file to this package's document in node_modules (the OpenAPI 3.0 translation for a
// 3.0 spec), then the component. Engines resolve a $ref as a file path, never as a package name.
import type { Finding, OpenApiVersion } from '../openapi/document.ts';

export const PACKAGE_NAME = 'payment-error-contract';

/** The document of the package a spec of this version $refs, relative to the package root. */
export function packageDocument(version: OpenApiVersion): string {
  return version === '3.0' ? 'generated/openapi-3.0.yaml' : 'generated/openapi.yaml';
}

/** The OpenAPI version of this package's document a file is (its openapi.yaml or .json, or the 3.0 translation), installed; undefined for any other file. */
export function packageDocumentVersion(file: string): OpenApiVersion | undefined {
  const match = /[\\/]node_modules[\\/]payment-error-contract[\\/]generated[\\/]openapi(-3\.0)?\.(ya?ml|json)$/.exec(filePath(file));
  return match ? (match[1] ? '3.0' : '3.1') : undefined;
}

/**
 * The $ref to `component` (`#/components/...`) as written in `fromFile`, given where the package
 * is installed. Without both as absolute paths: the path from a spec at the root of the project.
 */
export function packageRef(component: string, version: OpenApiVersion, fromFile: string | undefined, packageRoot: string | undefined): string {
  const document = packageDocument(version);
  const relative = fromFile && packageRoot ? relativePath(fromFile, `${packageRoot.replace(/[\\/]+$/, '')}/${document}`) : undefined;
  return `${relative ?? `./node_modules/${PACKAGE_NAME}/${document}`}${component}`;
}

/** The finding's message with its suggested $refs written in, one per `{ref}` token, in order. */
export function messageOf(finding: Finding, version: OpenApiVersion, fromFile: string | undefined, packageRoot: string | undefined): string {
  if (finding.suggest === undefined) return finding.message;
  const refs = (typeof finding.suggest === 'string' ? [finding.suggest] : finding.suggest).map((component) => packageRef(component, version, fromFile, packageRoot));
  let next = 0;
  return finding.message.replace(/\{ref\}/g, (token) => refs[next++] ?? token);
}

/**
 * Where this package is installed, for the $refs findings suggest: the folder of a package
 * document the spec already $refs (among `files`, the documents the engine read), or else
 * node_modules of the folder the linter runs in (the project root, for `npx spectral lint`).
 */
export function installedPackageRoot(files: Iterable<string>): string | undefined {
  for (const file of files) {
    const match = /^(.*[\\/]node_modules[\\/]payment-error-contract)[\\/]generated[\\/]openapi(-3\.0)?\.(ya?ml|json)$/.exec(filePath(file));
    if (match) return match[1];
  }
  const cwd = (globalThis as { process?: { cwd?: () => string } }).process?.cwd?.();
  return cwd ? `${cwd}/node_modules/${PACKAGE_NAME}` : undefined;
}

/**
 * True for a file of an installed package, seen from the spec being linted (`root`): a file in a
 * node_modules folder below the spec's own folder. Findings are never placed there. (A spec that
 * is itself installed, in node_modules, is the user's with everything beside it.)
 */
export function isInstalledFile(file: string | undefined, root: string | undefined): boolean {
  if (file === undefined) return false;
  const path = filePath(file).replace(/\\/g, '/');
  const base = root === undefined ? '' : filePath(root).replace(/\\/g, '/').replace(/[^/]*$/, '');
  const below = base && path.startsWith(base) ? path.slice(base.length) : path;
  return /(^|\/)node_modules\//.test(below);
}

/** A file path from a path or a file: URL. */
export function filePath(file: string): string {
  if (!file.startsWith('file://')) return file;
  const path = decodeURIComponent(file.slice('file://'.length));
  return /^\/[A-Za-z]:\//.test(path) ? path.slice(1) : path;
}

/** The relative path from a file's folder to a target file, `./` or `../` first; undefined unless both are absolute on one root. */
function relativePath(fromFile: string, target: string): string | undefined {
  // Drive letters in one case: c:\ and C:\ are the same drive.
  const parts = (file: string) => filePath(file).replace(/\\/g, '/').replace(/^[a-z]:/, (d) => d.toUpperCase()).split('/');
  const from = parts(fromFile).slice(0, -1);
  const to = parts(target);
  const absolute = (parts: string[]) => parts[0] === '' || /^[A-Za-z]:$/.test(parts[0] ?? '');
  if (!absolute(from) || !absolute(to) || from[0] !== to[0]) return undefined;
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = from.length - common;
  const rest = to.slice(common).join('/');
  return up === 0 ? `./${rest}` : `${'../'.repeat(up)}${rest}`;
}
