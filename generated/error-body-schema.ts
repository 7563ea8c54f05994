// Generated from openapi/ by `npm run build`. Do not edit: change openapi/ and rebuild.

/** The JSON Schema (2020-12) of an error body: generated/error-body.schema.json, for code that imports it. */
export const errorBodyJsonSchema: { readonly [keyword: string]: unknown } = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "urn:payment-error-contract:error-body",
  "$comment": "Generated from openapi/ by `npm run build`. Do not edit: change openapi/ and rebuild. Contract version 1.0.0.",
  "title": "ErrorBody",
  "description": "The body of every failed response: one of the error types, told apart by `type`. `code` says what exactly went wrong; its values depend on `type`. A body has exactly these three members: servers send no others, and clients ignore any they do not know.",
  "oneOf": [
    {
      "$ref": "#/$defs/InvalidRequestError"
    },
    {
      "$ref": "#/$defs/IdempotenceError"
    },
    {
      "$ref": "#/$defs/AccountError"
    },
    {
      "$ref": "#/$defs/ApiError"
    },
    {
      "$ref": "#/$defs/PaymentError"
    },
    {
      "$ref": "#/$defs/RefundError"
    },
    {
      "$ref": "#/$defs/TerminalError"
    }
  ],
  "$defs": {
    "InvalidRequestError": {
      "type": "object",
      "description": "**Scope**\n\n- invalid parameters",
      "required": [
        "type",
        "code",
        "message"
      ],
      "additionalProperties": false,
      "properties": {
        "type": {
          "type": "string",
          "const": "invalid_request_error",
          "description": "The error type."
        },
        "code": {
          "type": "string",
          "description": "The error code: one of the codes the reference documents for `invalid_request_error`. A newer server may add codes, announced in a minor release.",
          "enum": [
            "missing_parameter",
            "invalid_parameter"
          ]
        },
        "message": {
          "$ref": "#/$defs/ErrorMessage"
        }
      }
    },
    "IdempotenceError": {
      "type": "object",
      "description": "**Scope**\n\n- idempotence request",
      "required": [
        "type",
        "code",
        "message"
      ],
      "additionalProperties": false,
      "properties": {
        "type": {
          "type": "string",
          "const": "idempotence_error",
          "description": "The error type."
        },
        "code": {
          "type": "string",
          "description": "The error code: one of the codes the reference documents for `idempotence_error`. A newer server may add codes, announced in a minor release.",
          "enum": [
            "request_being_processed",
            "key_mismatch_account",
            "key_mismatch_api",
            "invalid_key_format"
          ]
        },
        "message": {
          "$ref": "#/$defs/ErrorMessage"
        }
      }
    },
    "AccountError": {
      "type": "object",
      "description": "**Scope**\n\n- house account\n- sub account\n- account product (metadata, restrict, auth trade)",
      "required": [
        "type",
        "code",
        "message"
      ],
      "additionalProperties": false,
      "properties": {
        "type": {
          "type": "string",
          "const": "account_error",
          "description": "The error type."
        },
        "code": {
          "type": "string",
          "description": "The error code: one of the codes the reference documents for `account_error`. A newer server may add codes, announced in a minor release.",
          "enum": [
            "account_not_found",
            "sub_account_not_found",
            "user_not_found",
            "product_not_found"
          ]
        },
        "message": {
          "$ref": "#/$defs/ErrorMessage"
        }
      }
    },
    "ApiError": {
      "type": "object",
      "description": "**Scope**\n\n- any internal unexpected error\n\n**Remarks**\n\nContact technical support.",
      "required": [
        "type",
        "code",
        "message"
      ],
      "additionalProperties": false,
      "properties": {
        "type": {
          "type": "string",
          "const": "api_error",
          "description": "The error type."
        },
        "code": {
          "$ref": "#/$defs/OpenErrorCode",
          "description": "The reference lists no codes for `api_error` yet: any well-formed code may be sent."
        },
        "message": {
          "$ref": "#/$defs/ErrorMessage"
        }
      }
    },
    "PaymentError": {
      "type": "object",
      "description": "**Scope**\n\nThe reference states no scope for this type.",
      "required": [
        "type",
        "code",
        "message"
      ],
      "additionalProperties": false,
      "properties": {
        "type": {
          "type": "string",
          "const": "payment_error",
          "description": "The error type."
        },
        "code": {
          "type": "string",
          "description": "The error code: one of the codes the reference documents for `payment_error`. A newer server may add codes, announced in a minor release.",
          "enum": [
            "missing_billing_info",
            "missing_shipping_info",
            "invalid_order_currency",
            "invalid_order_amount",
            "order_amount_too_small",
            "amount_exceeded",
            "count_exceeded",
            "avs_declined",
            "invalid_payment_method",
            "invalid_billing_info_error",
            "invalid_shipping_info",
            "payment_refused",
            "invalid_card_number",
            "restricted_card",
            "expired_card",
            "invalid_card_expire_date",
            "transtype_error",
            "payment_rejected",
            "abnormal_transaction",
            "expired_order",
            "closed_order",
            "issuer_unavailable",
            "not_enough_balance",
            "transaction_cancelled",
            "invalid_pin",
            "pin_retry_exceeded",
            "pin_validation_not_possible",
            "card_requires_online_pin",
            "mobile_pin_required",
            "fraud",
            "risk_reject",
            "channel_parameters_error",
            "transaction_already_reversed",
            "reversal_not_supported",
            "3ds_not_authenticated",
            "3ds_not_authenticated_error",
            "3ds_not_authenticated_failed",
            "retrieve_payment_fail",
            "order_conflict",
            "idempotency_violation",
            "invalid_refund_window",
            "invalid_qr_code",
            "data_mismatch",
            "system_error",
            "timeout",
            "operation_in_progress",
            "signature_verify_fail",
            "3DS_required",
            "invalid_encoding",
            "resource_not_found",
            "invalid_cardholder_info",
            "awaiting_user_input",
            "internal_error",
            "not_found_id"
          ]
        },
        "message": {
          "$ref": "#/$defs/ErrorMessage"
        }
      }
    },
    "RefundError": {
      "type": "object",
      "description": "**Scope**\n\nThe reference states no scope for this type.",
      "required": [
        "type",
        "code",
        "message"
      ],
      "additionalProperties": false,
      "properties": {
        "type": {
          "type": "string",
          "const": "refund_error",
          "description": "The error type."
        },
        "code": {
          "$ref": "#/$defs/OpenErrorCode",
          "description": "The reference lists no codes for `refund_error` yet: any well-formed code may be sent."
        },
        "message": {
          "$ref": "#/$defs/ErrorMessage"
        }
      }
    },
    "TerminalError": {
      "type": "object",
      "description": "**Scope**\n\nThe reference states no scope for this type.",
      "required": [
        "type",
        "code",
        "message"
      ],
      "additionalProperties": false,
      "properties": {
        "type": {
          "type": "string",
          "const": "terminal_error",
          "description": "The error type."
        },
        "code": {
          "$ref": "#/$defs/OpenErrorCode",
          "description": "The reference lists no codes for `terminal_error` yet: any well-formed code may be sent."
        },
        "message": {
          "$ref": "#/$defs/ErrorMessage"
        }
      }
    },
    "ErrorMessage": {
      "type": "string",
      "minLength": 1,
      "description": "A message for people. For a documented code it is the message the reference gives for that code, verbatim. Switch on `type` and `code`, never on the message."
    },
    "OpenErrorCode": {
      "type": "string",
      "pattern": "^[A-Za-z0-9_]{1,64}$",
      "description": "An error code of a type for which the reference lists no codes yet: letters, digits and underscores, at most 64 characters."
    }
  }
};
