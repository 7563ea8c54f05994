// A small contract document in the shape of openapi/ (one error type with two codes, a union,
// an example), for the tests of the contract's own Spectral rules. Each case changes one thing.
export function contractFixture(): any {
  return {
    openapi: '3.1.0',
    info: { title: 'fixture', version: '1.0.0' },
    components: {
      schemas: {
        ErrorBody: {
          oneOf: [{ $ref: '#/components/schemas/CardError' }, { $ref: '#/components/schemas/ServerError' }],
          discriminator: {
            propertyName: 'type',
            mapping: { card_error: '#/components/schemas/CardError', server_error: '#/components/schemas/ServerError' },
          },
        },
        CardError: {
          type: 'object',
          'x-http-status': 400,
          required: ['type', 'code', 'message'],
          additionalProperties: false,
          properties: {
            type: { type: 'string', const: 'card_error' },
            code: {
              type: 'string',
              enum: ['expired_card', '3DS_required'],
              'x-enumDescriptions': { expired_card: 'Expired card', '3DS_required': 'The issuer bank requires the 3D Secure process' },
              'x-enumHowToFix': { expired_card: 'Use another card.' },
            },
            message: { type: 'string', minLength: 1 },
          },
        },
        ServerError: {
          type: 'object',
          'x-http-status': 500,
          required: ['type', 'code', 'message'],
          additionalProperties: false,
          properties: {
            type: { type: 'string', const: 'server_error' },
            code: { $ref: '#/components/schemas/OpenErrorCode' },
            message: { type: 'string', minLength: 1 },
          },
        },
        OpenErrorCode: { type: 'string', pattern: '^[A-Za-z0-9_]{1,64}$' },
      },
      examples: {
        ExpiredCard: { value: { type: 'card_error', code: 'expired_card', message: 'Expired card' } },
      },
    },
  };
}
