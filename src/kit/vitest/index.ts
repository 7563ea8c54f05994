// payment-error-contract/vitest: `await expect(response).toBeDeclaredError('POST /payments')` in a
// server's own tests. The response must be an error response (status >= 400) with a JSON body
// that conforms to the contract and is one the operation declares (its x-payment-errors): the
// judgment of `payment-errors check --har` (src/kit/traffic/judge.ts), on one response.
//
//   // vitest.setup.ts (setupFiles), or jest's setupFilesAfterEach
//   import { expect } from 'vitest';
//   import { errorContract } from 'payment-error-contract/vitest';
//   expect.extend(errorContract('openapi.yaml'));
//
// The spec is read once, at the first assertion (and once per test file where the runner loads
// setup files per file), then kept: errorContract() of the same path shares it. The matcher is
// asynchronous (a Fetch Response's body is read asynchronously): await it. An operation the spec
// does not have, a spec that cannot be read, or a response whose body cannot be judged throws, so
// that `.not` never passes on a mistake.
// Only for the declaration below: vitest's types, where vitest is installed.
import type {} from 'vitest';
import { printable } from '../../lib/text.ts';
import { loadSpec, SpecError } from '../openapi/load.ts';
import { clip, utf8Text } from '../../lib/bytes.ts';
import { declaredText, trafficContract, type OperationContract, type TrafficContract } from '../traffic/contract.ts';
import { judgeResponse, type Verdict } from '../traffic/judge.ts';
import { receivedResponse } from './received.ts';
import { nodeSpecFiles, specPath } from '../openapi/spec-files.ts';

/** What a test runner gives a matcher as `this` (vitest's and jest's both have it). */
export interface MatcherContext {
  readonly isNot: boolean;
}

export interface MatcherResult {
  readonly pass: boolean;
  readonly message: () => string;
}

/** The matchers to give `expect.extend` (a type, not an interface: expect.extend takes a map of matchers, and only a type has the index signature that needs). */
export type ErrorContractMatchers = {
  /**
   * Passes when `received` is an error response (status >= 400) whose JSON body conforms to the
   * contract and is one the operation declares. `operation` is "POST /payments" (the path as the
   * spec writes it) or an operationId. `received`: a Fetch Response, a supertest or
   * light-my-request response, or `{ status, body, headers? }`.
   */
  toBeDeclaredError(this: MatcherContext, received: unknown, operation: string): Promise<MatcherResult>;
};

/** The contract of each spec read, by its absolute path. */
const contracts = new Map<string, Promise<TrafficContract>>();

/** The matchers for the operations of a spec (a path relative to the folder the tests run in). */
export function errorContract(spec: string): ErrorContractMatchers {
  const file = specPath(spec);
  const contract = (): Promise<TrafficContract> => {
    let loading = contracts.get(file);
    if (!loading) {
      loading = load(file, spec);
      contracts.set(file, loading);
    }
    return loading;
  };
  return {
    async toBeDeclaredError(received, operation) {
      if (typeof operation !== 'string') throw new TypeError('toBeDeclaredError: name the operation, e.g. toBeDeclaredError("POST /payments")');
      const found = await operationOf(await contract(), operation, spec);
      const response = await receivedResponse(received);
      if (typeof response === 'string') throw new TypeError(`toBeDeclaredError: the value given to expect() is no response the matcher reads: ${response}`);
      const verdict = judgeResponse(response, found.allowed);
      if (verdict.kind === 'not-checked') throw new Error(`toBeDeclaredError: the response cannot be judged: ${verdict.why}`);
      const sent = `HTTP ${response.status} ${sentText(response.body)}`;
      // The operation's name is the spec's text: shown escaped, as the traffic's.
      const shown = printable(found.name);
      const name = `${operation === found.name ? shown : `${shown} (${printable(clip(operation, 80))})`}`;
      const declares = `${shown} declares: ${declaredText(found)}`;
      if (verdict.kind === 'conforms') {
        return { pass: true, message: () => `expected the response not to be a declared error of ${name}, but it is one: ${sent}\n${declares}` };
      }
      return { pass: false, message: () => failure(name, verdict, sent, declares) };
    },
  };
}

async function load(file: string, spec: string): Promise<TrafficContract> {
  let loaded;
  try {
    loaded = await loadSpec(file, nodeSpecFiles, false);
  } catch (error) {
    // A SpecError names the file (and the place in it) itself.
    throw new Error(`payment-error-contract/vitest: cannot read the spec${error instanceof SpecError ? `: ${error.message}` : ` ${spec}: ${error instanceof Error ? error.message : String(error)}`}`);
  }
  const contract = trafficContract(loaded.source.data, loaded.tree);
  if ('unusable' in contract) throw new Error(`payment-error-contract/vitest: ${spec}: ${contract.unusable}`);
  if ('problems' in contract) {
    throw new Error(`payment-error-contract/vitest: ${spec} has an x-payment-errors that cannot be used; fix it first:\n${contract.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
  }
  return contract;
}

async function operationOf(contract: TrafficContract, wanted: string, spec: string): Promise<OperationContract> {
  const found = contract.find(wanted);
  if (found) return found;
  const near = contract.suggest(wanted);
  throw new Error(`toBeDeclaredError: ${spec} has no operation ${JSON.stringify(printable(clip(wanted, 80)))}${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}: name it "POST /payments" (the path as the spec writes it) or by its operationId`);
}

function failure(name: string, verdict: Verdict, sent: string, declares: string): string {
  if (verdict.kind === 'not-error') return `expected a declared error of ${name}, but the response is no error: ${sent}\n${declares}`;
  const problems = verdict.kind === 'violates' ? verdict.violations.map((v) => `  - ${printable(v.message)}`) : [];
  return [`expected a declared error of ${name}, but the response is not one:`, ...problems, `sent: ${sent}`, declares].join('\n');
}

/** The body as sent, for a message: escaped and bounded. */
function sentText(body: Parameters<typeof judgeResponse>[0]['body']): string {
  let text: string;
  if (body.kind === 'text') text = body.text;
  else if (body.kind === 'value') {
    try {
      text = JSON.stringify(body.value) ?? String(body.value);
    } catch {
      text = 'a value that is not JSON';
    }
  } else if (body.kind === 'base64') text = `base64: ${body.base64}`;
  else if (body.kind === 'bytes') {
    const decoded = utf8Text(body.bytes);
    text = 'text' in decoded ? decoded.text : `${body.bytes.length} bytes, not UTF-8`;
  }
  else text = body.why;
  return printable(clip(text, 300));
}

// The matcher in vitest's types: `expect(response).toBeDeclaredError(...)` type-checks once this
// module is imported (a setup file that imports it is enough when it is in the compilation).
declare module 'vitest' {
  interface Matchers<T = any> {
    /**
     * Passes when the response is an error response (status >= 400) whose JSON body conforms to
     * the contract and is one the operation declares (x-payment-errors). Await it.
     * @param operation "POST /payments" (the path as the spec writes it) or an operationId
     */
    toBeDeclaredError(operation: string): Promise<void>;
  }
}
