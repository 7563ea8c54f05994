// Matching a request to its operation: servers (absolute, relative, variables with enums and
// defaults, base paths, several, the operation's own), path templates (literal segments before
// templated ones), methods; unmatched and ambiguous requests say why.
import { describe, expect, test } from 'vitest';
import { Routes, type Route } from '../../../src/kit/traffic/routes.ts';
import { serverPattern, splitUrl } from '../../../src/kit/traffic/servers.ts';

const regional = serverPattern('https://{region}.api.example.com/{version}/', { region: { default: 'eu', enum: ['eu', 'us'] }, version: { default: 'v1' } });
const local = serverPattern('http://127.0.0.1:{port}', { port: { default: '4010' } });
const relative = serverPattern('/api', undefined);
const legacy = serverPattern('https://legacy.example.com:443/old', undefined);

const route = (method: string, path: string, servers = [regional, local]): Route<string> => ({ operation: `${method.toUpperCase()} ${path}`, method, path, servers });
const routes = new Routes([
  route('post', '/payments'),
  route('get', '/payments/{id}'),
  route('get', '/payments/mine'),
  route('get', '/files/{name}.json'),
  route('get', '/files/{name}'),
  route('get', '/accounts/{id}'),
  route('get', '/accounts/{number}'),
  route('get', '/{resource}/{id}/history'),
  route('get', '/payments/{id}/history'),
  route('get', '/ping', [relative]),
  route('get', '/status', [legacy]),
]);

const match = (method: string, url: string) => {
  const found = routes.match(method, url);
  return found.kind === 'matched' ? found.route.operation : found.kind === 'ambiguous' ? `ambiguous: ${found.routes.map((r) => r.operation).join(' | ')}` : `${found.reason}: ${found.message}`;
};

describe('matched', () => {
  test.each([
    ['POST', 'https://eu.api.example.com/v1/payments', 'POST /payments'],
    ['post', 'HTTPS://US.API.EXAMPLE.COM/v1/payments?x=1#y', 'POST /payments'],
    ['POST', 'https://eu.api.example.com/v2/payments', 'POST /payments'],
    ['POST', 'https://eu.api.example.com:443/v1/payments', 'POST /payments'],
    ['POST', 'http://127.0.0.1:4010/payments', 'POST /payments'],
    ['POST', 'http://127.0.0.1:39999/payments', 'POST /payments'],
    ['POST', 'https://user:secret@eu.api.example.com/v1/payments', 'POST /payments'],
    ['GET', 'https://eu.api.example.com/v1/payments/pay_1', 'GET /payments/{id}'],
    ['GET', 'https://eu.api.example.com/v1/payments/mine', 'GET /payments/mine'],
    ['GET', 'https://eu.api.example.com/v1/payments/m%69ne', 'GET /payments/mine'],
    ['GET', 'https://eu.api.example.com/v1/files/a.json', 'GET /files/{name}.json'],
    ['GET', 'https://eu.api.example.com/v1/files/a.txt', 'GET /files/{name}'],
    ['GET', 'https://eu.api.example.com/v1/payments/p1/history', 'GET /payments/{id}/history'],
    ['GET', 'https://eu.api.example.com/v1/refunds/r1/history', 'GET /{resource}/{id}/history'],
    ['GET', 'https://anywhere.test/api/ping', 'GET /ping'],
    ['GET', '/api/ping', 'GET /ping'],
    ['GET', 'https://legacy.example.com/old/status', 'GET /status'],
    ['GET', '/v1/payments/mine', 'GET /payments/mine'],
  ])('%s %s is %s', (method, url, want) => {
    expect(match(method, url)).toBe(want);
  });
});

describe('not matched', () => {
  test.each([
    ['POST', 'https://fr.api.example.com/v1/payments', 'server: no server of the spec serves https://fr.api.example.com'],
    ['GET', 'https://cdn.example.com/app.js', 'server: no server of the spec serves https://cdn.example.com'],
    ['GET', 'https://legacy.example.com/new/status', "server: no server of the spec has a base path the URL's path starts with (its servers there: https://legacy.example.com:443/old)"],
    ['DELETE', 'https://eu.api.example.com/v1/payments', 'method: /payments has no DELETE operation (POST)'],
    ['GET', 'https://eu.api.example.com/v1/payments/', 'path: no path of the spec matches it'],
    ['GET', 'https://eu.api.example.com/v1/nothing/here/at/all', 'path: no path of the spec matches it'],
    ['GET', 'https://eu.api.example.com/v1/accounts/a1', 'ambiguous: GET /accounts/{id} | GET /accounts/{number}'],
    ['GET', 'not a url', 'url: the URL does not parse: it holds a space or a control character'],
    ['GET', 'https://eu.api.example.com/v1/pay\u001b[2Jments', 'url: the URL does not parse: it holds a space or a control character'],
    ['GET', 'v1/payments', 'url: the URL does not parse: it is neither an absolute URL (scheme://host/path) nor a path (/path)'],
    ['GET', 'mailto:someone', 'server: no request to a server (its scheme is mailto:)'],
    ['GET', 'data:image/png;base64,iVBORw0KGgo=', 'server: no request to a server (its scheme is data:)'],
    ['GET', 'blob:https://eu.api.example.com/5f0c-11aa', 'server: no request to a server (its scheme is blob:)'],
    ['GET', 'about:blank', 'server: no request to a server (its scheme is about:)'],
    ['GET', 'https://[::1/x', 'url: the URL does not parse: its host "[::1" does not parse'],
    ['GET', 'https://a.test:99999/x', 'url: the URL does not parse: its port 99999 is not a port'],
  ])('%s %j: %s', (method, url, want) => {
    expect(match(method, url)).toBe(want);
  });
});

test('the operation\'s own servers replace the document\'s', () => {
  const own = new Routes([route('get', '/x', [serverPattern('https://files.example.com', undefined)]), route('get', '/y')]);
  expect(own.match('GET', 'https://files.example.com/x').kind).toBe('matched');
  expect(own.match('GET', 'https://eu.api.example.com/v1/x').kind).toBe('unmatched');
});

test('a method the path has on other servers only: said so, not "no such operation"', () => {
  const uploads = serverPattern('https://uploads.example.com', undefined);
  const split = new Routes([route('get', '/files'), route('post', '/files', [uploads])]);
  expect(split.match('POST', 'https://eu.api.example.com/v1/files')).toEqual({ kind: 'unmatched', reason: 'method', message: '/files has no POST operation on this server (GET); POST /files is served at https://uploads.example.com' });
  expect(split.match('POST', 'https://uploads.example.com/files').kind).toBe('matched');
});

test('a server without a scheme ("//host") and relative forms ("v1", ".", "./v1")', () => {
  expect(serverPattern('//api.example.com/v1', undefined).origin?.test('https://api.example.com')).toBe(true);
  for (const url of ['v1', './v1', '/v1/']) expect(serverPattern(url, undefined).base.ends('/v1/x')).toEqual([3]);
  expect(serverPattern('.', undefined).base.ends('/v1/x')).toEqual([0]);
});

test('server variables: an enum value may be empty or hold a slash; a default that holds one is taken as written', () => {
  const prefixed = serverPattern('https://api.example.com/{prefix}', { prefix: { default: '', enum: ['', 'beta', 'beta/v2'] } });
  expect(prefixed.base.ends('/beta/v2/x')).toEqual([0, 5, 8]);
  expect(prefixed.base.ends('/gamma/x')).toEqual([0]);
  const nested = serverPattern('/{base}', { base: { default: 'api/v1' } });
  expect(nested.base.ends('/api/v1/x')).toEqual([4, 7]);
});

// With backtracking regular expressions these took seconds to minutes for each request
// (three variables in a host: 0.37 s at 2,000 characters, ~24 s at 8,000, growing as the cube).
describe('several variables in one host or path segment: matched in time linear in the URL', () => {
  const hostile = 'a.'.repeat(4000);
  const bounded = (run: () => unknown) => {
    const started = performance.now();
    run();
    return performance.now() - started;
  };

  test('a host of 8,000 characters against three variables', () => {
    const tenants = serverPattern('https://{tenant}.{region}.{env}.example.com', undefined);
    expect(tenants.origin?.test('https://acme.eu.prod.example.com')).toBe(true);
    expect(bounded(() => expect(tenants.origin?.test(`https://${hostile}x`)).toBe(false))).toBeLessThan(1000);
  });

  test('a path segment of 8,000 characters against three variables, and a base path against three', () => {
    const files = new Routes([route('get', '/files/{name}.{version}.{ext}.json', [relative])]);
    expect(files.match('GET', '/api/files/a.1.tar.json').kind).toBe('matched');
    expect(bounded(() => expect(files.match('GET', `/api/files/${hostile}x`).kind).toBe('unmatched'))).toBeLessThan(1000);
    const based = serverPattern('/{a}.{b}.{c}.v1', undefined);
    expect(based.base.ends('/x.y.z.v1/p')).toEqual([9]);
    expect(bounded(() => expect(based.base.ends(`/${hostile}x/p`)).toEqual([]))).toBeLessThan(1000);
  });
});

test('splitUrl: origin in lower case, the default port dropped, query and fragment left out', () => {
  expect(splitUrl('HTTPS://Api.Example.COM:443/A/b?c#d')).toEqual({ origin: 'https://api.example.com', originWithPort: 'https://api.example.com:443', path: '/A/b' });
  expect(splitUrl('http://[::1]:8080')).toEqual({ origin: 'http://[::1]:8080', originWithPort: undefined, path: '/' });
});
