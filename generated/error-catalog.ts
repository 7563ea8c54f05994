// Generated from openapi/ by `npm run build`. Do not edit: change openapi/ and rebuild.

/** Freezes a value and everything in it, so that no caller can change the data another caller reads. */
function frozen<const T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const member of Object.values(value)) frozen(member);
    Object.freeze(value);
  }
  return value;
}

/** The version of the contract (the document's info.version) this data was generated from. */
export const contractVersion = "1.0.0";

/** The error types, in the order of the reference. */
export const errorTypes = /* @__PURE__ */ frozen(["invalid_request_error", "idempotence_error", "account_error", "api_error", "payment_error", "refund_error", "terminal_error"] as const);

/** The HTTP status each error type is sent with. */
export const httpStatusByType = /* @__PURE__ */ frozen({
  "invalid_request_error": 400,
  "idempotence_error": 400,
  "account_error": 400,
  "api_error": 500,
  "payment_error": 400,
  "refund_error": 400,
  "terminal_error": 400,
} as const);

/** The codes the reference lists for each type, in its order; empty for a type whose codes it leaves open. */
export const codesByType = /* @__PURE__ */ frozen({
  "invalid_request_error": ["missing_parameter", "invalid_parameter"],
  "idempotence_error": ["request_being_processed", "key_mismatch_account", "key_mismatch_api", "invalid_key_format"],
  "account_error": ["account_not_found", "sub_account_not_found", "user_not_found", "product_not_found"],
  "api_error": [],
  "payment_error": ["missing_billing_info", "missing_shipping_info", "invalid_order_currency", "invalid_order_amount", "order_amount_too_small", "amount_exceeded", "count_exceeded", "avs_declined", "invalid_payment_method", "invalid_billing_info_error", "invalid_shipping_info", "payment_refused", "invalid_card_number", "restricted_card", "expired_card", "invalid_card_expire_date", "transtype_error", "payment_rejected", "abnormal_transaction", "expired_order", "closed_order", "issuer_unavailable", "not_enough_balance", "transaction_cancelled", "invalid_pin", "pin_retry_exceeded", "pin_validation_not_possible", "card_requires_online_pin", "mobile_pin_required", "fraud", "risk_reject", "channel_parameters_error", "transaction_already_reversed", "reversal_not_supported", "3ds_not_authenticated", "3ds_not_authenticated_error", "3ds_not_authenticated_failed", "retrieve_payment_fail", "order_conflict", "idempotency_violation", "invalid_refund_window", "invalid_qr_code", "data_mismatch", "system_error", "timeout", "operation_in_progress", "signature_verify_fail", "3DS_required", "invalid_encoding", "resource_not_found", "invalid_cardholder_info", "awaiting_user_input", "internal_error", "not_found_id"],
  "refund_error": [],
  "terminal_error": [],
} as const);

/** What the reference states as the scope of each type (empty when it states none), and its remarks (empty when none). */
export const scopeByType = /* @__PURE__ */ frozen({
  "invalid_request_error": ["invalid parameters"],
  "idempotence_error": ["idempotence request"],
  "account_error": ["house account", "sub account", "account product (metadata, restrict, auth trade)"],
  "api_error": ["any internal unexpected error"],
  "payment_error": [],
  "refund_error": [],
  "terminal_error": [],
} as const);
export const remarksByType = /* @__PURE__ */ frozen({
  "invalid_request_error": "",
  "idempotence_error": "",
  "account_error": "",
  "api_error": "Contact technical support.",
  "payment_error": "",
  "refund_error": "",
  "terminal_error": "",
} as const);

/** The format every code has, documented or not. */
export const codeFormat = "^[A-Za-z0-9_]{1,64}$";

/** For each type whose codes the reference leaves open: the format any of its codes has. */
export const openCodePatternByType = /* @__PURE__ */ frozen({
  "api_error": "^[A-Za-z0-9_]{1,64}$",
  "refund_error": "^[A-Za-z0-9_]{1,64}$",
  "terminal_error": "^[A-Za-z0-9_]{1,64}$",
} as const);

/** The name of the schema of each error type in the OpenAPI document (openapi.yaml#/components/schemas/<name>). */
export const schemaByType = /* @__PURE__ */ frozen({
  "invalid_request_error": "InvalidRequestError",
  "idempotence_error": "IdempotenceError",
  "account_error": "AccountError",
  "api_error": "ApiError",
  "payment_error": "PaymentError",
  "refund_error": "RefundError",
  "terminal_error": "TerminalError",
} as const);

/** The standard error response of each status in the OpenAPI document (openapi.yaml#/components/responses/<name>). */
export const responseByStatus = /* @__PURE__ */ frozen({
  "400": "BadRequest",
  "500": "InternalServerError",
} as const);

/**
 * Every documented code as a constant, by type: `errorCodes.payment_error.expired_card`. A
 * deprecated code is marked `@deprecated`, so that editors strike through its uses.
 */
export const errorCodes = /* @__PURE__ */ frozen({
  "invalid_request_error": {
    "missing_parameter": "missing_parameter",
    "invalid_parameter": "invalid_parameter",
  },
  "idempotence_error": {
    "request_being_processed": "request_being_processed",
    "key_mismatch_account": "key_mismatch_account",
    "key_mismatch_api": "key_mismatch_api",
    "invalid_key_format": "invalid_key_format",
  },
  "account_error": {
    "account_not_found": "account_not_found",
    "sub_account_not_found": "sub_account_not_found",
    "user_not_found": "user_not_found",
    "product_not_found": "product_not_found",
  },
  "api_error": {
  },
  "payment_error": {
    "missing_billing_info": "missing_billing_info",
    "missing_shipping_info": "missing_shipping_info",
    "invalid_order_currency": "invalid_order_currency",
    "invalid_order_amount": "invalid_order_amount",
    "order_amount_too_small": "order_amount_too_small",
    "amount_exceeded": "amount_exceeded",
    "count_exceeded": "count_exceeded",
    "avs_declined": "avs_declined",
    "invalid_payment_method": "invalid_payment_method",
    "invalid_billing_info_error": "invalid_billing_info_error",
    "invalid_shipping_info": "invalid_shipping_info",
    "payment_refused": "payment_refused",
    "invalid_card_number": "invalid_card_number",
    "restricted_card": "restricted_card",
    "expired_card": "expired_card",
    "invalid_card_expire_date": "invalid_card_expire_date",
    "transtype_error": "transtype_error",
    "payment_rejected": "payment_rejected",
    "abnormal_transaction": "abnormal_transaction",
    "expired_order": "expired_order",
    "closed_order": "closed_order",
    "issuer_unavailable": "issuer_unavailable",
    "not_enough_balance": "not_enough_balance",
    "transaction_cancelled": "transaction_cancelled",
    "invalid_pin": "invalid_pin",
    "pin_retry_exceeded": "pin_retry_exceeded",
    "pin_validation_not_possible": "pin_validation_not_possible",
    "card_requires_online_pin": "card_requires_online_pin",
    "mobile_pin_required": "mobile_pin_required",
    "fraud": "fraud",
    "risk_reject": "risk_reject",
    "channel_parameters_error": "channel_parameters_error",
    "transaction_already_reversed": "transaction_already_reversed",
    "reversal_not_supported": "reversal_not_supported",
    "3ds_not_authenticated": "3ds_not_authenticated",
    "3ds_not_authenticated_error": "3ds_not_authenticated_error",
    "3ds_not_authenticated_failed": "3ds_not_authenticated_failed",
    "retrieve_payment_fail": "retrieve_payment_fail",
    "order_conflict": "order_conflict",
    "idempotency_violation": "idempotency_violation",
    "invalid_refund_window": "invalid_refund_window",
    "invalid_qr_code": "invalid_qr_code",
    "data_mismatch": "data_mismatch",
    "system_error": "system_error",
    "timeout": "timeout",
    "operation_in_progress": "operation_in_progress",
    "signature_verify_fail": "signature_verify_fail",
    "3DS_required": "3DS_required",
    "invalid_encoding": "invalid_encoding",
    "resource_not_found": "resource_not_found",
    "invalid_cardholder_info": "invalid_cardholder_info",
    "awaiting_user_input": "awaiting_user_input",
    "internal_error": "internal_error",
    "not_found_id": "not_found_id",
  },
  "refund_error": {
  },
  "terminal_error": {
  },
} as const);

/** Every documented code with its type, HTTP status, message and how to fix, in the order of the reference. */
export const errorCatalog = /* @__PURE__ */ frozen([
  {"type":"invalid_request_error","code":"missing_parameter","httpStatus":400,"message":"Mandatory parameter is missing","howToFix":"Check whether all required request parameters are provided. Add any missing fields (e.g., amount, currency)."},
  {"type":"invalid_request_error","code":"invalid_parameter","httpStatus":400,"message":"parameter is invalid","howToFix":"Verify the format and value range of the corresponding parameter."},
  {"type":"idempotence_error","code":"request_being_processed","httpStatus":400,"message":"request is being processed","howToFix":"Ensure requests are not sent too frequently, particularly within a short interval."},
  {"type":"idempotence_error","code":"key_mismatch_account","httpStatus":400,"message":"key does not belong to account"},
  {"type":"idempotence_error","code":"key_mismatch_api","httpStatus":400,"message":"api associated with key is not the original","howToFix":"Request the original endpoint directly."},
  {"type":"idempotence_error","code":"invalid_key_format","httpStatus":400,"message":"invalid idempotency key format","howToFix":"Using uuid v4"},
  {"type":"account_error","code":"account_not_found","httpStatus":400,"message":"account not found or deactivated"},
  {"type":"account_error","code":"sub_account_not_found","httpStatus":400,"message":"sub-account associated with the on-behalf-of not found or deactivated","howToFix":"Ensure the ID specified in the x-on-behalf-of header corresponds to a valid sub-account."},
  {"type":"account_error","code":"user_not_found","httpStatus":400,"message":"user associated with account not found or deactivated"},
  {"type":"account_error","code":"product_not_found","httpStatus":400,"message":"product not found or inactive","howToFix":"Contact technical support."},
  {"type":"payment_error","code":"missing_billing_info","httpStatus":400,"message":"Missing billing info"},
  {"type":"payment_error","code":"missing_shipping_info","httpStatus":400,"message":"Missing shipping info"},
  {"type":"payment_error","code":"invalid_order_currency","httpStatus":400,"message":"Invalid order currency"},
  {"type":"payment_error","code":"invalid_order_amount","httpStatus":400,"message":"Invalid order amount"},
  {"type":"payment_error","code":"order_amount_too_small","httpStatus":400,"message":"Order amount is less than the minimum transaction amount","howToFix":"1. Adjust the order amount to meet the minimum limit required by the payment channel (e.g., ¥1.00);\n2. Contact customer support to confirm the exact threshold requirements."},
  {"type":"payment_error","code":"amount_exceeded","httpStatus":400,"message":"Amount exceeded"},
  {"type":"payment_error","code":"count_exceeded","httpStatus":400,"message":"Count exceeded"},
  {"type":"payment_error","code":"avs_declined","httpStatus":400,"message":"AVS declined"},
  {"type":"payment_error","code":"invalid_payment_method","httpStatus":400,"message":"Invalid paymentmethod"},
  {"type":"payment_error","code":"invalid_billing_info_error","httpStatus":400,"message":"Invalid billing info"},
  {"type":"payment_error","code":"invalid_shipping_info","httpStatus":400,"message":"Invalid shipping info"},
  {"type":"payment_error","code":"payment_refused","httpStatus":400,"message":"Payment refused"},
  {"type":"payment_error","code":"invalid_card_number","httpStatus":400,"message":"Invalid Card Number"},
  {"type":"payment_error","code":"restricted_card","httpStatus":400,"message":"Restricted card","howToFix":"Try the transaction with a different card."},
  {"type":"payment_error","code":"expired_card","httpStatus":400,"message":"Expired card"},
  {"type":"payment_error","code":"invalid_card_expire_date","httpStatus":400,"message":"Invalid card expire date"},
  {"type":"payment_error","code":"transtype_error","httpStatus":400,"message":"Transaction Typeerror"},
  {"type":"payment_error","code":"payment_rejected","httpStatus":400,"message":"Payment rejected by issuer","howToFix":"Prompt the user to contact their issuing bank to remove the restriction, or choose a different payment method."},
  {"type":"payment_error","code":"abnormal_transaction","httpStatus":400,"message":"Abnormal transaction","howToFix":"Contact technical support."},
  {"type":"payment_error","code":"expired_order","httpStatus":400,"message":"Expired order"},
  {"type":"payment_error","code":"closed_order","httpStatus":400,"message":"Closed order"},
  {"type":"payment_error","code":"issuer_unavailable","httpStatus":400,"message":"Issuer unavailable"},
  {"type":"payment_error","code":"not_enough_balance","httpStatus":400,"message":"Not enough balance"},
  {"type":"payment_error","code":"transaction_cancelled","httpStatus":400,"message":"Transaction cancelled"},
  {"type":"payment_error","code":"invalid_pin","httpStatus":400,"message":"Invalid Pin"},
  {"type":"payment_error","code":"pin_retry_exceeded","httpStatus":400,"message":"PIN tries exceeded"},
  {"type":"payment_error","code":"pin_validation_not_possible","httpStatus":400,"message":"PIN validation not possible"},
  {"type":"payment_error","code":"card_requires_online_pin","httpStatus":400,"message":"Card requires online pin"},
  {"type":"payment_error","code":"mobile_pin_required","httpStatus":400,"message":"Mobile PIN required"},
  {"type":"payment_error","code":"fraud","httpStatus":400,"message":"FRAUD"},
  {"type":"payment_error","code":"risk_reject","httpStatus":400,"message":"Reject by risk control"},
  {"type":"payment_error","code":"channel_parameters_error","httpStatus":400,"message":"Channel parameters error","howToFix":"Check wx mid, appid"},
  {"type":"payment_error","code":"transaction_already_reversed","httpStatus":400,"message":"Transaction was reversed"},
  {"type":"payment_error","code":"reversal_not_supported","httpStatus":400,"message":"Transaction does not support reversal"},
  {"type":"payment_error","code":"3ds_not_authenticated","httpStatus":400,"message":"3DS Not Authenticated"},
  {"type":"payment_error","code":"3ds_not_authenticated_error","httpStatus":400,"message":"3DS Authentication Error"},
  {"type":"payment_error","code":"3ds_not_authenticated_failed","httpStatus":400,"message":"3DS Authentication Failed"},
  {"type":"payment_error","code":"retrieve_payment_fail","httpStatus":400,"message":"Retrieve payment information error"},
  {"type":"payment_error","code":"order_conflict","httpStatus":400,"message":"Order number duplication"},
  {"type":"payment_error","code":"idempotency_violation","httpStatus":400,"message":"Channel Idempotency exception"},
  {"type":"payment_error","code":"invalid_refund_window","httpStatus":400,"message":"Exceeded the refund time limit"},
  {"type":"payment_error","code":"invalid_qr_code","httpStatus":400,"message":"QRC not found or status error"},
  {"type":"payment_error","code":"data_mismatch","httpStatus":400,"message":"The request data does not match the original order"},
  {"type":"payment_error","code":"system_error","httpStatus":400,"message":"System error"},
  {"type":"payment_error","code":"timeout","httpStatus":400,"message":"Timeout"},
  {"type":"payment_error","code":"operation_in_progress","httpStatus":400,"message":"The program is in progress."},
  {"type":"payment_error","code":"signature_verify_fail","httpStatus":400,"message":"signature error"},
  {"type":"payment_error","code":"3DS_required","httpStatus":400,"message":"The issuer bank requires the 3D Secure process"},
  {"type":"payment_error","code":"invalid_encoding","httpStatus":400,"message":"The encoding format is incorrect"},
  {"type":"payment_error","code":"resource_not_found","httpStatus":400,"message":"Resource does not exists"},
  {"type":"payment_error","code":"invalid_cardholder_info","httpStatus":400,"message":"Cardholder identity information or mobile number incorrect"},
  {"type":"payment_error","code":"awaiting_user_input","httpStatus":400,"message":"Transaction has been redirected, waiting for cardholder input"},
  {"type":"payment_error","code":"internal_error","httpStatus":400,"message":"Internal Error: Please contact support for assistance","howToFix":"Contact technical support."},
  {"type":"payment_error","code":"not_found_id","httpStatus":400,"message":"Not Found ID"},
] as const);
