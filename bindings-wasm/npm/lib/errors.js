"use strict";
// lasku's errors as Error subclasses. The WebAssembly core reports errors as plain objects
// ({ lasku: true, code, message, ...fields }); fromCore() maps them onto these classes.

/** The root of every error lasku throws. `code` is a stable name (`validation`, `not_found`, ...). */
class LaskuError extends Error {
  constructor(message, fields = {}) {
    super(message, fields.cause === undefined ? undefined : { cause: fields.cause });
    this.name = new.target.name;
    this.code = fields.code ?? "lasku";
    if (fields.operation !== undefined) this.operation = fields.operation;
  }
}

/** The input breaks rules lasku checks before sending; nothing was sent. */
class ValidationError extends LaskuError {
  constructor(message, fields = {}) {
    super(message, { code: "validation", ...fields });
    /** Every violation: `{ path, code, message, severity }` (`path` is a JSON pointer). */
    this.violations = fields.violations ?? [];
  }
}

/** The server answered with an error status. */
class ApiError extends LaskuError {
  constructor(message, fields = {}) {
    super(message, { code: "api", ...fields });
    this.status = fields.status ?? 0;
    this.body = fields.body ?? "";
    this.serverMessage = fields.serverMessage ?? null;
    this.fieldErrors = fields.fieldErrors ?? [];
    this.requestId = fields.requestId ?? null;
  }
}

/** 401: the key is missing, wrong, or for another environment. */
class AuthenticationError extends ApiError {}
/** 402: refused by a business rule (e.g. updating a delivered invoice, a duplicate number). */
class BusinessRuleError extends ApiError {}
/** 403: this key may not do that (e.g. a creditor key on a partner operation). */
class ForbiddenError extends ApiError {}
/** 404: no such object. */
class NotFoundError extends ApiError {}
/** 429: too many requests, after the retries the policy allowed. */
class RateLimitError extends ApiError {
  constructor(message, fields = {}) {
    super(message, fields);
    /** How long the server asked to wait, in milliseconds (`null` when it did not say). */
    this.retryAfterMs = fields.retryAfterMs ?? null;
  }
}

/** No complete response arrived (after the retries the policy allowed). */
class TransportError extends LaskuError {
  constructor(message, fields = {}) {
    super(message, { code: "transport", ...fields });
    /** `connect`, `timeout`, `io` or `other`. */
    this.kind = fields.kind ?? "other";
    /** Whether the request may have reached the server. */
    this.mayHaveBeenSent = fields.mayHaveBeenSent ?? true;
    /** What the transport reported. */
    this.detail = fields.detail ?? null;
  }
}

/** A create may or may not have happened; it was not re-sent. Look the objects up to settle it. */
class UnknownOutcomeError extends LaskuError {
  constructor(message, fields = {}) {
    super(message, { code: "unknown_outcome", ...fields });
    this.invoiceNumbers = fields.invoiceNumbers ?? [];
    this.references = fields.references ?? [];
    this.otherKeys = fields.otherKeys ?? [];
    /** Why the outcome is unknown. */
    this.reason = fields.reason ?? null;
  }
}

/** The server's answer could not be read. */
class DecodeError extends LaskuError {
  constructor(message, fields = {}) {
    super(message, { code: "decode", ...fields });
    this.status = fields.status ?? 0;
    this.body = fields.body ?? "";
  }
}

/** Auto-pagination stopped: the server repeated a page or answered out of order. */
class PaginationError extends LaskuError {
  constructor(message, fields = {}) {
    super(message, { code: "pagination", ...fields });
  }
}

/** The client's options are wrong; nothing was sent. */
class ConfigurationError extends LaskuError {
  constructor(message, fields = {}) {
    super(message, { code: "configuration", ...fields });
  }
}

/** A bug inside lasku, caught instead of crashing the host. lasku stays usable. */
class InternalError extends LaskuError {
  constructor(message, fields = {}) {
    super(message, { code: "internal", ...fields });
  }
}

const API_CLASSES = {
  unauthorized: AuthenticationError,
  business_rule: BusinessRuleError,
  forbidden: ForbiddenError,
  not_found: NotFoundError,
  rate_limited: RateLimitError,
  api: ApiError,
};

const OTHER_CLASSES = {
  validation: ValidationError,
  transport: TransportError,
  unknown_outcome: UnknownOutcomeError,
  decode: DecodeError,
  pagination: PaginationError,
  configuration: ConfigurationError,
  internal: InternalError,
};

/**
 * What transports threw, by number, for the errors they caused to give as their `cause`. The
 * core carries the number (`causeId`); one failure may become the error of many items of a
 * batch report, and an attempt that was retried is never asked for, so entries are not removed
 * when read: only the latest few hundred are kept.
 */
const causes = new Map();
const MAX_CAUSES = 256;
let lastCause = 0;

/** Keeps what a transport threw; the number the core carries for it. */
function keepCause(error) {
  lastCause = lastCause >= 2 ** 31 - 1 ? 1 : lastCause + 1;
  causes.set(lastCause, error);
  if (causes.size > MAX_CAUSES) causes.delete(causes.keys().next().value);
  return lastCause;
}

/** Maps what the core threw onto an Error subclass (other errors pass through as they are). */
function fromCore(thrown) {
  if (thrown instanceof LaskuError) return thrown;
  if (thrown === null || typeof thrown !== "object" || thrown.lasku !== true) {
    if (thrown instanceof Error) return new InternalError(`unexpected error inside lasku: ${thrown.message}`, { cause: thrown });
    return new InternalError(`unexpected error inside lasku: ${String(thrown)}`);
  }
  const { lasku: _tag, message, causeId, ...fields } = thrown;
  if (causeId !== undefined && causes.has(causeId)) fields.cause = causes.get(causeId);
  const Class = API_CLASSES[fields.code] ?? OTHER_CLASSES[fields.code] ?? LaskuError;
  return new Class(message, fields);
}

module.exports = {
  LaskuError,
  ValidationError,
  ApiError,
  AuthenticationError,
  BusinessRuleError,
  ForbiddenError,
  NotFoundError,
  RateLimitError,
  TransportError,
  UnknownOutcomeError,
  DecodeError,
  PaginationError,
  ConfigurationError,
  InternalError,
  fromCore,
  keepCause,
};
