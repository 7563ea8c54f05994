// Every rule of the lint kit, one file each; the order is the one their findings read best in.
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

/** Every rule, in the order their findings read best. */
export const rules: readonly Rule[] = [
  documentVersion,
  body,
  mediaType,
  statusFitsType,
  otherStatus,
  example,
  exampleMessage,
  idempotencyKeyUuid,
  onBehalfOfHeader,
  responsesDeclared,
  declaration,
  declarationDeprecated,
  declarationSendable,
  exampleDeclared,
];

