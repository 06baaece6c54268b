// Type declarations of the npm package `lasku`. The models (types/models.d.ts) and the operation
// methods (types/operations.d.ts) are generated from lasku's Rust core; this file declares the
// hand-written rest: the client, pagination, transports, errors and the standalone helpers.

import type * as Models from "./types/models";
import type { Operations, OperationId } from "./types/operations";

export * from "./types/models";
export type * from "./types/operations";

/** One broken rule: a JSON-pointer `path`, a stable `code`, a message for people, and its severity. */
export interface Violation {
  path: string;
  code: string;
  message: string;
  severity: "error" | "warning";
}

/** The outcome of a standalone validation: `valid` is false when any violation is an error. */
export interface ValidationResult {
  valid: boolean;
  violations: Violation[];
}

/**
 * Bytes lasku hands out: a `Uint8Array` over an ordinary `ArrayBuffer`, so `fetch` takes it as a
 * body (TypeScript 5.7 and later type a plain `Uint8Array` as possibly shared memory, which
 * `BodyInit` refuses). Written without `Uint8Array<ArrayBuffer>`, which TypeScript before 5.7
 * rejects (TS2315).
 */
export type Bytes = Uint8Array & { readonly buffer: ArrayBuffer };

/** The request a transport sends. */
export interface TransportRequest {
  method: "GET" | "POST" | "PUT" | "DELETE";
  url: string;
  /** `X-Api-Key`, `Accept`, `User-Agent` and, with a body, `Content-Type`. */
  headers: Record<string, string>;
  /** The JSON body as UTF-8 bytes, if any. */
  body?: Bytes;
  /**
   * What is left of the client's deadline for this attempt. It may exceed what `setTimeout`
   * takes (2^31 - 1 ms); lasku itself sets no timer beyond that.
   */
  timeoutMs?: number;
  /**
   * The client's `connectTimeoutMs` (default 10,000), for transports that can limit the time
   * to connect, e.g. an undici `Agent({ connect: { timeout } })`. The default fetch transport
   * cannot set it: plain `fetch` has no connect timeout (only `timeoutMs` and `signal` apply).
   */
  connectTimeoutMs?: number;
  /** Aborted when the deadline passes or lasku stops waiting. */
  signal: AbortSignal;
}

/** What a transport resolves to (a fetch `Response` works too). */
export interface TransportResponse {
  status: number;
  headers?: Headers | Array<[string, string]> | Record<string, string | string[] | undefined>;
  /** Bytes, text, a Blob or a stream (such as a fetch Response's `body`). */
  body?: Uint8Array | ArrayBuffer | ArrayBufferView | string | Blob | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string> | null;
}

/**
 * Sends one HTTP request. Any status is a response; reject when no complete response arrived.
 * Set `mayHaveBeenSent: false` (and `kind: "connect"`) on the error when you know the request
 * never left, so lasku may retry even a create.
 */
export interface Transport {
  send(request: TransportRequest): Promise<TransportResponse | Response>;
}

export interface ClientOptions {
  /** The creditor's API key (`X-Api-Key`). */
  apiKey: string;
  /** `"production"` (the default): `https://api.cash-in.com/v2`. */
  environment?: "production";
  /** Any other base URL, e.g. the local sandbox `http://127.0.0.1:8080/v2` (plain http only for loopback). */
  baseUrl?: string;
  /** The partner master key, for the partner operations. */
  partnerKey?: string;
  /** How requests are sent; `fetchTransport()` (globalThis.fetch) by default. */
  transport?: Transport | ((request: TransportRequest) => Promise<TransportResponse | Response>);
  /**
   * Deadline for a whole call in milliseconds, retries included (default 60,000); a whole
   * number of at least 1. Anything from 2^31 ms (24.8 days) up is as good as no deadline.
   */
  timeoutMs?: number;
  /**
   * Connect timeout in milliseconds (default 10,000), handed to the transport as
   * `TransportRequest.connectTimeoutMs`. The default fetch transport cannot apply it; a
   * transport of your own can (e.g. fetch with an undici `Agent({ connect: { timeout } })`).
   */
  connectTimeoutMs?: number;
  /** Retries after the first attempt (default 3). Creates are never retried when they may have arrived. */
  maxRetries?: number;
  /** Path templates by operation id, when the live API's path differs from an Inferred one. */
  pathOverrides?: Partial<Record<OperationId, string>>;
}

/**
 * A paged list call: await it for one page (`{ Data, Meta }`), or iterate it with `for await`
 * for every item across pages; `.pages()` iterates page by page.
 */
export declare class PagedCall<T> implements PromiseLike<Models.Page<T>>, AsyncIterable<T> {
  /** Made by the paged methods of `Client`. */
  private constructor();
  then<R1 = Models.Page<T>, R2 = never>(
    onFulfilled?: ((page: Models.Page<T>) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2>;
  catch<R = never>(onRejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<Models.Page<T> | R>;
  finally(onFinally?: (() => void) | null): Promise<Models.Page<T>>;
  pages(): AsyncIterableIterator<Models.Page<T>>;
  [Symbol.asyncIterator](): AsyncIterableIterator<T>;
}

export interface BatchOptions {
  /** Invoices per request (default 1,000). */
  maxPerRequest?: number;
  /** Follow each batch until processed (default true). */
  wait?: boolean;
  /** How often to ask while following (default 500). */
  pollIntervalMs?: number;
  /** How long to follow before reporting items as still `submitted` (default 600,000). */
  maxWaitMs?: number;
}

/** What became of one invoice of a chunked submission. */
export type ItemOutcome =
  | { status: "accepted"; batchId: number | null }
  | { status: "rejected"; batchId: number; message: string }
  | { status: "invalid"; violations: Violation[] }
  | { status: "submitted"; batchId: number }
  | { status: "not_sent"; error: LaskuError }
  /** It may or may not have reached the server (`cause` says why); a resubmission looks it up first. */
  | { status: "unknown"; cause: string };

/** Per-invoice outcomes of `submitInvoices`, in input order. */
export interface BatchReport {
  accepted: number;
  rejected: number;
  invalid: number;
  /** Whether every invoice has a final answer (accepted, rejected or invalid). */
  settled: boolean;
  batchIds: number[];
  /**
   * Indices of the invoices `resubmitInvoices` would send again (unknown ones only if a lookup
   * does not find them). Invalid ones are not listed: a resubmission checks them again and sends
   * those fixed in between.
   */
  toResend: number[];
  outcomes: ItemOutcome[];
  /**
   * Batches no longer followed, with why; their invoices stay `submitted`. Following stops at an
   * error that stays (a revoked key, a refused request); errors that may pass (a dropped
   * connection, a 5xx, a 429, a status not found yet) are asked again until `maxWaitMs`, and a
   * batch still failing then is listed with its last error.
   */
  followErrors: { batchId: number; error: LaskuError }[];
}

/** A Cash-In API v2 client. Every operation is a method (see `Operations`). */
export declare class Client {
  constructor(options: ClientOptions);
  /** `lasku/<version> (javascript; node <version>)`. */
  readonly userAgent: string;
  readonly baseUrl: string;
  /** Any operation by its catalog id with snake_case arguments. */
  call(operationId: OperationId, args?: Record<string, unknown>): Promise<unknown>;
  /**
   * Submits any number of invoices in batches of `maxPerRequest`, following each batch until
   * processed. Invalid invoices are reported, not sent; a member of the wrong type anywhere
   * rejects the whole call with a ValidationError.
   */
  submitInvoices(invoices: Models.SalesInvoiceInput[], options?: BatchOptions): Promise<BatchReport>;
  /**
   * Sends again what `previous` did not settle: unknown outcomes are looked up first, invoices
   * that were invalid or not sent are checked and sent (they may be fixed in between). Takes the
   * list `previous` is about, in the same order; another list is refused with a
   * ConfigurationError and nothing is sent.
   */
  resubmitInvoices(
    invoices: Models.SalesInvoiceInput[],
    previous: BatchReport,
    options?: BatchOptions,
  ): Promise<BatchReport>;
}
export interface Client extends Operations {}

/** The default transport over `fetch`; extra options go into every fetch call (e.g. `dispatcher`). */
export declare function fetchTransport(options?: { fetch?: typeof fetch; [init: string]: unknown }): Transport;

/** The version of lasku's core. */
export declare const version: string;

/** Every operation: method name, catalog id, required and optional parameters. */
export declare const operations: ReadonlyArray<{
  method: keyof Operations;
  id: OperationId;
  required: string[];
  optional: string[];
  paged: boolean;
}>;

/** Validates one SalesInvoice without sending anything. */
export declare function validateInvoice(invoice: Models.SalesInvoiceInput): ValidationResult;
/** Validates a SalesInvoiceUpdate (any subset of SalesInvoice members). */
export declare function validateInvoiceUpdate(update: Models.SalesInvoiceInput): ValidationResult;
/** Validates any number of invoices (converted in chunks); paths start with the invoice index. */
export declare function validateInvoices(invoices: Models.SalesInvoiceInput[]): ValidationResult;
/**
 * Validates invoices and serialises them into `submitSalesInvoiceBatch` request bodies of
 * `maxPerRequest` (1,000) invoices each, as UTF-8 JSON bytes (exactly `JSON.stringify`'s text, but for decimals written as strings, which
 * lose their quotes: `"223.39"` is sent as `223.39`).
 * Throws a ValidationError otherwise. The bodies are views into a few buffers they share (so
 * `byteOffset` may not be 0): use the view, not its `.buffer`.
 *
 * On Node, bodies of 250 or more invoices of a plain array are checked on a worker thread while
 * the main thread writes them (the same bodies and errors, sooner); see `startBatchWorker`.
 */
export declare function prepareInvoiceBatches(
  invoices: Models.SalesInvoiceInput[],
  options?: PrepareOptions,
): Bytes[];

/** Options of `prepareInvoiceBatches`; any other name is a ValidationError. */
export interface PrepareOptions {
  /** Invoices per body (default 1,000). */
  maxPerRequest?: number;
  /**
   * The batch worker thread (Node only; bodies of 250 invoices or more). `"auto"` (the
   * default): used once it is ready (a big body starts it, ready some 40 ms later); `true`:
   * start it if need be and wait for it (at most 5 s); `false`: this thread only.
   */
  worker?: boolean | "auto";
}

/**
 * Starts the batch worker thread of `prepareInvoiceBatches` now rather than with the first big
 * body (also after the worker was given up on); resolves to whether it is ready (false where
 * worker threads are not available). It never keeps the process alive.
 */
export declare function startBatchWorker(): Promise<boolean>;
/** Stops the batch worker thread (a later big batch starts it again). */
export declare function stopBatchWorker(): Promise<void>;

export interface InvoiceRowInput {
  description: string;
  qty: Models.Money;
  unitPrice: Models.Money;
  vatPercent: Models.Money;
  discountPercent?: Models.Money;
  /** `unitPrice` includes VAT (default false). */
  priceIncludesVat?: boolean;
  productCode?: string;
  unit?: string;
}

/**
 * Builds a SalesInvoice with row and header amounts, the due date and the reference computed;
 * its decimals are exact strings, as answers give them (`TotalAmount: "223.39"`).
 */
export declare function buildInvoice(input: {
  invoice: Models.SalesInvoiceInput;
  rows: InvoiceRowInput[];
  paymentTermsDays?: number;
}): Models.SalesInvoice;

export type IdentifierKind = "reference" | "rf" | "iban" | "bic" | "ytunnus" | "vat" | "hetu" | "ovt";

/** A Finnish identifier's verdict; kind-specific extras (e.g. `bic`, `bank` of an IBAN) are included. */
export interface IdentifierVerdict {
  kind: string;
  value: string;
  valid: boolean;
  /** Why not valid: a stable code (e.g. `reference.check_digit`) and a message. */
  code: string | null;
  reason: string | null;
  formatted: string | null;
  label?: string;
  /** `[label, text]` pairs for display. */
  human?: Array<[string, string]>;
  [extra: string]: unknown;
}

/** Checks a Finnish identifier (reference, RF, IBAN, BIC, Y-tunnus, VAT number, henkilötunnus, OVT). */
export declare function checkIdentifier(kind: IdentifierKind, value: string): IdentifierVerdict;

/** The Finnish national reference for a base (3–19 digits) and its RF form. */
export declare function finnishReference(base: string | number): {
  base: string;
  reference: string;
  formatted: string;
  checkDigit: number;
  machineFormat: string;
  rf: string;
  rfFormatted: string;
};

/**
 * Encodes a Finnish virtual bank barcode (54 digits; version 4, or 5 for RF references). A
 * member of any other name (e.g. a misspelt `due`) is a ValidationError, not ignored.
 */
export declare function virtualBarcode(input: {
  iban: string;
  amount: string | number;
  reference: string;
  dueDate?: string | null;
}): string;

/** Decodes a Finnish virtual bank barcode. */
export declare function decodeVirtualBarcode(code: string): {
  barcode: string;
  version: 4 | 5;
  iban: string;
  ibanFormatted: string;
  bic: string | null;
  amount: string;
  reference: string;
  referenceFormatted: string;
  dueDate: string | null;
};

/** The root of every error lasku throws. */
export declare class LaskuError extends Error {
  /** `validation`, `unauthorized`, `business_rule`, `forbidden`, `not_found`, `rate_limited`, `api`,
   * `transport`, `unknown_outcome`, `decode`, `pagination`, `configuration` or `internal`. */
  readonly code: string;
  /** The catalog operation, where one was running. */
  readonly operation?: string;
}
/** The input breaks rules lasku checks before sending; nothing was sent. */
export declare class ValidationError extends LaskuError {
  readonly violations: Violation[];
}
/** The server answered with an error status. */
export declare class ApiError extends LaskuError {
  readonly status: number;
  /** The body as received. */
  readonly body: string;
  /** The server's `Message`. */
  readonly serverMessage: string | null;
  readonly fieldErrors: Array<{ field: string; message: string }>;
  readonly requestId: string | null;
}
/** 401. */
export declare class AuthenticationError extends ApiError {}
/** 402: refused by a business rule. */
export declare class BusinessRuleError extends ApiError {}
/** 403. */
export declare class ForbiddenError extends ApiError {}
/** 404. */
export declare class NotFoundError extends ApiError {}
/** 429, after the retries the policy allowed. */
export declare class RateLimitError extends ApiError {
  readonly retryAfterMs: number | null;
}
/** No complete response arrived. Its `cause` is what the transport threw on the last attempt
 * (lasku's own `Error` when the attempt ran out of time; none when the call's deadline passed). */
export declare class TransportError extends LaskuError {
  readonly kind: "connect" | "timeout" | "io" | "other";
  readonly mayHaveBeenSent: boolean;
  readonly detail: string | null;
}
/** A create may or may not have happened; it was not re-sent. When a transport failure is why,
 * its `cause` is what the transport threw. */
export declare class UnknownOutcomeError extends LaskuError {
  readonly invoiceNumbers: string[];
  readonly references: string[];
  readonly otherKeys: string[];
  readonly reason: string | null;
}
/** The server's answer could not be read. */
export declare class DecodeError extends LaskuError {
  readonly status: number;
  readonly body: string;
}
/** Auto-pagination stopped (a repeated page). */
export declare class PaginationError extends LaskuError {}
/** The client's options are wrong; nothing was sent. */
export declare class ConfigurationError extends LaskuError {}
/** A bug inside lasku, caught; lasku stays usable. */
export declare class InternalError extends LaskuError {}
