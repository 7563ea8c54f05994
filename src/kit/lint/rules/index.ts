// The rules of the lint kit, as data: each one's name (`payment-error-<name>` in Spectral,
// `payment-errors/<name>` in Redocly), severity and description, and its check, one file each.
// The order is the one their findings read best in.
import { DECLARATION } from '../../../runtime/declaration.ts';
import type { Rule } from '../rule.ts';
import { body } from './body.ts';
import { declarationDeprecated } from './declaration-deprecated.ts';
import { declarationSendable } from './declaration-sendable.ts';
import { declaration } from './declaration.ts';
import { documentVersion } from './document-version.ts';
import { exampleDeclared } from './example-declared.ts';
import { exampleMessage } from './example-message.ts';
import { example } from './example.ts';
import { idempotencyKeyUuid } from './idempotency-key-uuid.ts';
import { mediaType } from './media-type.ts';
import { onBehalfOfHeader } from './on-behalf-of-header.ts';
import { otherStatus } from './other-status.ts';
import { responsesDeclared } from './responses-declared.ts';
import { statusFitsType } from './status-fits-type.ts';

export const rules: readonly Rule[] = [
  {
    name: 'document-version',
    severity: 'error',
    description: "A spec uses the package's document of its own OpenAPI version: openapi-3.0.yaml from a 3.0 spec, openapi.yaml from a 3.1 spec.",
    check: documentVersion,
  },
  { name: 'body', severity: 'error', description: 'The JSON body of every 4xx, 5xx and default response is the standardized error body, by $ref to the shared schema.', check: body },
  { name: 'media-type', severity: 'error', description: 'Error responses carry their body as JSON.', check: mediaType },
  { name: 'status-fits-type', severity: 'error', description: 'A 400 response carries only the 400 error types; a 500 response only api_error.', check: statusFitsType },
  { name: 'other-status', severity: 'warn', description: 'Error bodies sit under 400 or 500: the reference maps every error to one of them.', check: otherStatus },
  { name: 'example', severity: 'error', description: 'Error examples use a known type, a code of that type and a message, under the status of their type.', check: example },
  { name: 'example-message', severity: 'warn', description: 'An error example of a documented code carries its message verbatim.', check: exampleMessage },
  { name: 'idempotency-key-uuid', severity: 'error', description: 'An idempotency key header is a UUID (format: uuid).', check: idempotencyKeyUuid },
  { name: 'on-behalf-of-header', severity: 'error', description: 'The sub-account header is spelled x-on-behalf-of.', check: onBehalfOfHeader },
  { name: 'responses-declared', severity: 'warn', description: 'Every operation declares the 400 and 500 responses any request may get.', check: responsesDeclared },
  { name: 'declaration', severity: 'error', description: `An operation's ${DECLARATION} maps error types of the contract to \`all\` or to a list of their codes, each once.`, check: declaration },
  { name: 'declaration-deprecated', severity: 'warn', description: `A code an operation's ${DECLARATION} declares is not deprecated by the contract.`, check: declarationDeprecated },
  {
    name: 'declaration-sendable',
    severity: 'error',
    description: `An operation can send each error type its ${DECLARATION} declares: a response of the type's status (or its range, or default) carries it.`,
    check: declarationSendable,
  },
  { name: 'example-declared', severity: 'error', description: `The error examples of an operation that declares its errors use only (type, code) pairs its ${DECLARATION} declares.`, check: exampleDeclared },
];
