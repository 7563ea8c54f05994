// The verdict on one response an operation sent: an error response (status >= 400) must have a
// JSON body (by its Content-Type) that conforms to the contract (checkErrorResponse: type, code,
// message, status), is one the operation declares, and says a documented code's message verbatim. Shared by `check --har`/`--jsonl` and the
// test matcher, so both judge alike. What cannot be judged (no response, no body captured) is
// said, never counted as conforming or not.
import { checkErrorResponse, type ContractViolation } from '../../runtime/check.ts';
import { ownValue, type DeclarationValue } from '../../runtime/declaration.ts';
import { entryOf } from '../../runtime/lookup.ts';
import { isJsonMediaType } from '../openapi/walk.ts';
import { base64Bytes, clip, utf8Text } from '../../lib/bytes.ts';
import type { RecordedBody } from './exchange.ts';
import { holdsMoreValuesThan } from './json-values.ts';

/**
 * A way an error response breaks the contract: checkErrorResponse's, or the response's own: its
 * Content-Type, and a documented code sent with another message than the reference's (the API
 * sends the reference's messages verbatim; a conforming body built by hand may say anything).
 */
export type Violation = ContractViolation | { readonly rule: 'content-type' | 'message-verbatim'; readonly message: string };

export type Verdict =
  /** Not an error response (1xx to 3xx): counted, not judged. */
  | { readonly kind: 'not-error' }
  /** Cannot be judged: no response, aborted (status 0), body not captured. */
  | { readonly kind: 'not-checked'; readonly why: string }
  | { readonly kind: 'conforms'; readonly type: string; readonly code: string }
  | {
      readonly kind: 'violates';
      /** The body's type and code, when it has them as strings (clipped). */
      readonly type: string | undefined;
      readonly code: string | undefined;
      readonly violations: readonly Violation[];
    };

export interface RecordedResponse {
  readonly status: number | undefined;
  /** See Exchange.contentType: undefined is not checked, null is none. */
  readonly contentType: string | null | undefined;
  readonly body: RecordedBody;
}

/** How much of a body that is not JSON a message quotes. */
const QUOTED_BODY = 60;
/**
 * The most JSON values of a body that is parsed: an error body is one object of three strings, and
 * a body of millions of small values (a few MB of text) would take hundreds of MB once parsed.
 */
const MAX_BODY_VALUES = 10_000;

export function judgeResponse(response: RecordedResponse, allowed: DeclarationValue | undefined): Verdict {
  const { status, contentType, body } = response;
  if (status === undefined) return { kind: 'not-checked', why: body.kind === 'unreadable' ? body.why : 'no response was recorded' };
  if (status === 0) return { kind: 'not-checked', why: 'status 0: the request got no answer (aborted, blocked or failed)' };
  if (status < 400) return { kind: 'not-error' };
  if (body.kind === 'unreadable') return { kind: 'not-checked', why: body.why };

  const violations: Violation[] = [];
  if (contentType === null) violations.push({ rule: 'content-type', message: 'the response has no Content-Type: it must be application/json' });
  // White space around a header's value is not part of it (RFC 9110, 5.5).
  else if (contentType !== undefined && !isJsonMediaType(contentType.trim())) violations.push({ rule: 'content-type', message: `the Content-Type is ${JSON.stringify(clip(contentType, QUOTED_BODY))}, not application/json` });

  let value: unknown;
  if (body.kind === 'value') value = body.value;
  else {
    let text: string;
    if (body.kind === 'base64' || body.kind === 'bytes') {
      const bytes = body.kind === 'bytes' ? body.bytes : base64Bytes(body.base64);
      if (!bytes) return { kind: 'not-checked', why: 'content.encoding says base64, and content.text is not base64' };
      const decoded = utf8Text(bytes);
      if ('invalidAt' in decoded) {
        violations.push({ rule: 'body', message: `the body is not UTF-8 (byte 0x${(bytes[decoded.invalidAt] ?? 0).toString(16).toUpperCase().padStart(2, '0')} at offset ${decoded.invalidAt})` });
        return { kind: 'violates', type: undefined, code: undefined, violations };
      }
      text = decoded.text;
    } else text = body.text;
    // Invisible in a message, and JSON.parse refuses it: said apart, and the rest judged.
    if (text.startsWith('\ufeff')) {
      violations.push({ rule: 'body', message: 'the body starts with a byte order mark (U+FEFF), which JSON sent over a network must not have (RFC 8259, 8.1)' });
      text = text.slice(1);
    }
    if (text.trim() === '') {
      violations.push({ rule: 'body', message: 'the body is empty: an error response has a JSON body' });
      return { kind: 'violates', type: undefined, code: undefined, violations };
    }
    if (holdsMoreValuesThan(text, MAX_BODY_VALUES)) {
      violations.push({ rule: 'body', message: `the body holds more than ${MAX_BODY_VALUES} JSON values: an error body is one object {"type", "code", "message"}` });
      return { kind: 'violates', type: undefined, code: undefined, violations };
    }
    try {
      value = JSON.parse(text);
    } catch {
      violations.push({ rule: 'body', message: `the body is not JSON: ${JSON.stringify(clip(text.trim(), QUOTED_BODY))}` });
      return { kind: 'violates', type: undefined, code: undefined, violations };
    }
  }
  const broken = checkErrorResponse(status, value, allowed ? { allowed } : undefined);
  violations.push(...broken);
  const type = stringMember(value, 'type');
  const code = stringMember(value, 'code');
  const said = ownValue(value, 'message');
  const entry = broken.length === 0 && type !== undefined && code !== undefined ? entryOf(type, code) : undefined;
  if (entry && said !== entry.message) {
    violations.push({ rule: 'message-verbatim', message: `${entry.type}.${entry.code} is sent with the message ${JSON.stringify(entry.message)}, verbatim; this response says ${JSON.stringify(clip(String(said), QUOTED_BODY))}` });
  }
  if (violations.length === 0) return { kind: 'conforms', type: type ?? '', code: code ?? '' };
  return { kind: 'violates', type, code, violations };
}

function stringMember(value: unknown, name: string): string | undefined {
  const member = ownValue(value, name);
  return typeof member === 'string' ? clip(member, 64) : undefined;
}
