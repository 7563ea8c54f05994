// Generated from openapi/ by `npm run build`. Do not edit: change openapi/ and rebuild.

/**
 * The schema of each error type, self-contained and valid in OpenAPI 3.0 and 3.1: what a
 * narrowed response copies, with only the codes its operation declares.
 */
export const errorTypeSchemas: { readonly [type: string]: Readonly<Record<string, unknown>> } = {
  "invalid_request_error": {
    "type": "object",
    "description": "**Scope**\n\n- invalid parameters",
    "x-http-status": 400,
    "required": [
      "type",
      "code",
      "message"
    ],
    "additionalProperties": false,
    "properties": {
      "type": {
        "type": "string",
        "description": "The error type.",
        "enum": [
          "invalid_request_error"
        ]
      },
      "code": {
        "type": "string",
        "description": "The error code: one of the codes the reference documents for `invalid_request_error`. A newer server may add codes, announced in a minor release.",
        "enum": [
          "missing_parameter",
          "invalid_parameter"
        ],
        "x-enumDescriptions": {
          "missing_parameter": "Mandatory parameter is missing",
          "invalid_parameter": "parameter is invalid"
        },
        "x-enumHowToFix": {
          "missing_parameter": "Check whether all required request parameters are provided. Add any missing fields (e.g., amount, currency).",
          "invalid_parameter": "Verify the format and value range of the corresponding parameter."
        }
      },
      "message": {
        "type": "string",
        "minLength": 1,
        "description": "A message for people. For a documented code it is the message the reference gives for that code, verbatim. Switch on `type` and `code`, never on the message."
      }
    }
  },
  "idempotence_error": {
    "type": "object",
    "description": "**Scope**\n\n- idempotence request",
    "x-http-status": 400,
    "required": [
      "type",
      "code",
      "message"
    ],
    "additionalProperties": false,
    "properties": {
      "type": {
        "type": "string",
        "description": "The error type.",
        "enum": [
          "idempotence_error"
        ]
      },
      "code": {
        "type": "string",
        "description": "The error code: one of the codes the reference documents for `idempotence_error`. A newer server may add codes, announced in a minor release.",
        "enum": [
          "request_being_processed",
          "key_mismatch_account",
          "key_mismatch_api",
          "invalid_key_format"
        ],
        "x-enumDescriptions": {
          "request_being_processed": "request is being processed",
          "key_mismatch_account": "key does not belong to account",
          "key_mismatch_api": "api associated with key is not the original",
          "invalid_key_format": "invalid idempotency key format"
        },
        "x-enumHowToFix": {
          "request_being_processed": "Ensure requests are not sent too frequently, particularly within a short interval.",
          "key_mismatch_api": "Request the original endpoint directly.",
          "invalid_key_format": "Using uuid v4"
        }
      },
      "message": {
        "type": "string",
        "minLength": 1,
        "description": "A message for people. For a documented code it is the message the reference gives for that code, verbatim. Switch on `type` and `code`, never on the message."
      }
    }
  },
  "account_error": {
    "type": "object",
    "description": "**Scope**\n\n- house account\n- sub account\n- account product (metadata, restrict, auth trade)",
    "x-http-status": 400,
    "required": [
      "type",
      "code",
      "message"
    ],
    "additionalProperties": false,
    "properties": {
      "type": {
        "type": "string",
        "description": "The error type.",
        "enum": [
          "account_error"
        ]
      },
      "code": {
        "type": "string",
        "description": "The error code: one of the codes the reference documents for `account_error`. A newer server may add codes, announced in a minor release.",
        "enum": [
          "account_not_found",
          "sub_account_not_found",
          "user_not_found",
          "product_not_found"
        ],
        "x-enumDescriptions": {
          "account_not_found": "account not found or deactivated",
          "sub_account_not_found": "sub-account associated with the on-behalf-of not found or deactivated",
          "user_not_found": "user associated with account not found or deactivated",
          "product_not_found": "product not found or inactive"
        },
        "x-enumHowToFix": {
          "sub_account_not_found": "Ensure the ID specified in the x-on-behalf-of header corresponds to a valid sub-account.",
          "product_not_found": "Contact technical support."
        }
      },
      "message": {
        "type": "string",
        "minLength": 1,
        "description": "A message for people. For a documented code it is the message the reference gives for that code, verbatim. Switch on `type` and `code`, never on the message."
      }
    }
  },
  "api_error": {
    "type": "object",
    "description": "**Scope**\n\n- any internal unexpected error\n\n**Remarks**\n\nContact technical support.",
    "x-http-status": 500,
    "required": [
      "type",
      "code",
      "message"
    ],
    "additionalProperties": false,
    "properties": {
      "type": {
        "type": "string",
        "description": "The error type.",
        "enum": [
          "api_error"
        ]
      },
      "code": {
        "type": "string",
        "pattern": "^[A-Za-z0-9_]{1,64}$",
        "description": "The reference lists no codes for `api_error` yet: any well-formed code may be sent."
      },
      "message": {
        "type": "string",
        "minLength": 1,
        "description": "A message for people. For a documented code it is the message the reference gives for that code, verbatim. Switch on `type` and `code`, never on the message."
      }
    }
  },
  "payment_error": {
    "type": "object",
    "description": "**Scope**\n\nThe reference states no scope for this type.",
    "x-http-status": 400,
    "required": [
      "type",
      "code",
      "message"
    ],
    "additionalProperties": false,
    "properties": {
      "type": {
        "type": "string",
        "description": "The error type.",
        "enum": [
          "payment_error"
        ]
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
        ],
        "x-enumDescriptions": {
          "missing_billing_info": "Missing billing info",
          "missing_shipping_info": "Missing shipping info",
          "invalid_order_currency": "Invalid order currency",
          "invalid_order_amount": "Invalid order amount",
          "order_amount_too_small": "Order amount is less than the minimum transaction amount",
          "amount_exceeded": "Amount exceeded",
          "count_exceeded": "Count exceeded",
          "avs_declined": "AVS declined",
          "invalid_payment_method": "Invalid paymentmethod",
          "invalid_billing_info_error": "Invalid billing info",
          "invalid_shipping_info": "Invalid shipping info",
          "payment_refused": "Payment refused",
          "invalid_card_number": "Invalid Card Number",
          "restricted_card": "Restricted card",
          "expired_card": "Expired card",
          "invalid_card_expire_date": "Invalid card expire date",
          "transtype_error": "Transaction Typeerror",
          "payment_rejected": "Payment rejected by issuer",
          "abnormal_transaction": "Abnormal transaction",
          "expired_order": "Expired order",
          "closed_order": "Closed order",
          "issuer_unavailable": "Issuer unavailable",
          "not_enough_balance": "Not enough balance",
          "transaction_cancelled": "Transaction cancelled",
          "invalid_pin": "Invalid Pin",
          "pin_retry_exceeded": "PIN tries exceeded",
          "pin_validation_not_possible": "PIN validation not possible",
          "card_requires_online_pin": "Card requires online pin",
          "mobile_pin_required": "Mobile PIN required",
          "fraud": "FRAUD",
          "risk_reject": "Reject by risk control",
          "channel_parameters_error": "Channel parameters error",
          "transaction_already_reversed": "Transaction was reversed",
          "reversal_not_supported": "Transaction does not support reversal",
          "3ds_not_authenticated": "3DS Not Authenticated",
          "3ds_not_authenticated_error": "3DS Authentication Error",
          "3ds_not_authenticated_failed": "3DS Authentication Failed",
          "retrieve_payment_fail": "Retrieve payment information error",
          "order_conflict": "Order number duplication",
          "idempotency_violation": "Channel Idempotency exception",
          "invalid_refund_window": "Exceeded the refund time limit",
          "invalid_qr_code": "QRC not found or status error",
          "data_mismatch": "The request data does not match the original order",
          "system_error": "System error",
          "timeout": "Timeout",
          "operation_in_progress": "The program is in progress.",
          "signature_verify_fail": "signature error",
          "3DS_required": "The issuer bank requires the 3D Secure process",
          "invalid_encoding": "The encoding format is incorrect",
          "resource_not_found": "Resource does not exists",
          "invalid_cardholder_info": "Cardholder identity information or mobile number incorrect",
          "awaiting_user_input": "Transaction has been redirected, waiting for cardholder input",
          "internal_error": "Internal Error: Please contact support for assistance",
          "not_found_id": "Not Found ID"
        },
        "x-enumHowToFix": {
          "order_amount_too_small": "1. Adjust the order amount to meet the minimum limit required by the payment channel (e.g., ¥1.00);\n2. Contact customer support to confirm the exact threshold requirements.",
          "restricted_card": "Try the transaction with a different card.",
          "payment_rejected": "Prompt the user to contact their issuing bank to remove the restriction, or choose a different payment method.",
          "abnormal_transaction": "Contact technical support.",
          "channel_parameters_error": "Check wx mid, appid",
          "internal_error": "Contact technical support."
        }
      },
      "message": {
        "type": "string",
        "minLength": 1,
        "description": "A message for people. For a documented code it is the message the reference gives for that code, verbatim. Switch on `type` and `code`, never on the message."
      }
    }
  },
  "refund_error": {
    "type": "object",
    "description": "**Scope**\n\nThe reference states no scope for this type.",
    "x-http-status": 400,
    "required": [
      "type",
      "code",
      "message"
    ],
    "additionalProperties": false,
    "properties": {
      "type": {
        "type": "string",
        "description": "The error type.",
        "enum": [
          "refund_error"
        ]
      },
      "code": {
        "type": "string",
        "pattern": "^[A-Za-z0-9_]{1,64}$",
        "description": "The reference lists no codes for `refund_error` yet: any well-formed code may be sent."
      },
      "message": {
        "type": "string",
        "minLength": 1,
        "description": "A message for people. For a documented code it is the message the reference gives for that code, verbatim. Switch on `type` and `code`, never on the message."
      }
    }
  },
  "terminal_error": {
    "type": "object",
    "description": "**Scope**\n\nThe reference states no scope for this type.",
    "x-http-status": 400,
    "required": [
      "type",
      "code",
      "message"
    ],
    "additionalProperties": false,
    "properties": {
      "type": {
        "type": "string",
        "description": "The error type.",
        "enum": [
          "terminal_error"
        ]
      },
      "code": {
        "type": "string",
        "pattern": "^[A-Za-z0-9_]{1,64}$",
        "description": "The reference lists no codes for `terminal_error` yet: any well-formed code may be sent."
      },
      "message": {
        "type": "string",
        "minLength": 1,
        "description": "A message for people. For a documented code it is the message the reference gives for that code, verbatim. Switch on `type` and `code`, never on the message."
      }
    }
  }
};
