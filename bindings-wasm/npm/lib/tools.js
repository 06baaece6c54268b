"use strict";
// Standalone helpers: validation, batch preparation, the invoice builder and the Finnish
// toolkit. All of them run the core's code; this file only converts names and values.

const { core, sync } = require("./native.js");
const { ValidationError } = require("./errors.js");
const { toJson, unrepresentable, validationError, renamePaths } = require("./convert.js");
const { structuredArgs, structuredReadable, structuredUsable } = require("./structured.js");
const batchWorker = require("./batch-worker.js");

const CHUNK = 1000;

function typeError(path, message) {
  return new ValidationError(`invalid input: error ${path} [type]: ${message}`, {
    violations: [{ path, code: "type", message, severity: "error" }],
  });
}

function typeName(value) {
  return value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
}

function requireString(value, name) {
  if (typeof value !== "string") throw typeError(`/${name}`, `${name} must be a string, got ${typeName(value)}`);
}

/**
 * Checks that `value` is a plain object (not null, not an array) whose keys are all `known`, as
 * the Client checks its options: a misspelt option is an error, not silently ignored.
 */
function requireObject(value, what, member, known) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw typeError("", `${what} must be an object, got ${typeName(value)}`);
  }
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) throw typeError(`/${key}`, `unknown ${member} ${JSON.stringify(key)}; known: ${known.join(", ")}`);
  }
}

function isError(v) {
  return v.severity === "error";
}

function report(violations) {
  return { valid: !violations.some(isError), violations };
}

/** snake_case keys to camelCase, one level deep. */
function camelKeys(object) {
  const out = {};
  for (const [key, value] of Object.entries(object)) out[key.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase())] = value;
  return out;
}

function validateDocument(kind, value) {
  // Undefined is no JSON value at all (JSON.stringify answers undefined, not text).
  if (value === undefined) {
    return report([{ path: "", code: "type", message: `expected a ${kind === "invoice" ? "SalesInvoice" : "SalesInvoiceUpdate"} object, got undefined`, severity: "error" }]);
  }
  const bad = unrepresentable(value);
  if (bad.length > 0) return report(bad);
  return report(sync(() => core.validateJson(kind, JSON.stringify(value))));
}

/**
 * Validates one SalesInvoice without sending anything: every violation at once
 * (`{ path, code, message, severity }`); `valid` is false when any is an error.
 */
function validateInvoice(invoice) {
  return validateDocument("invoice", invoice);
}

/** Validates a SalesInvoiceUpdate (any subset of SalesInvoice members). */
function validateInvoiceUpdate(update) {
  return validateDocument("invoice_update", update);
}

function checkArray(invoices) {
  if (!Array.isArray(invoices)) throw typeError("", "invoices must be an array");
}

function chunkViolations(invoices, start, end) {
  const bad = [];
  for (let i = start; i < end && bad.length < 100; i++) {
    const found = unrepresentable(invoices[i], [i], true);
    for (const v of found) bad.push(v);
  }
  return bad;
}

// Where JSON.stringify wrote `null` (a regular expression finds it about twice as fast as
// `includes`, which V8 drives by the frequent first letter).
const NULL = /null/;

/**
 * The JSON text of `invoices[start..end]`, or `{ bad }` naming members JSON cannot carry.
 * JSON.stringify writes NaN and Infinity as `null` and throws on BigInt and cycles, so the
 * values are only walked when the text holds a `null` or stringify threw. Members that are
 * `undefined`, functions or symbols are left out, as JSON.stringify leaves them out.
 */
function chunkJson(invoices, start, end) {
  let json;
  try {
    json = JSON.stringify(invoices.slice(start, end));
  } catch (error) {
    const bad = chunkViolations(invoices, start, end);
    return { bad: bad.length > 0 ? bad : [{ path: `/${start}`, code: "type", message: error.message, severity: "error" }] };
  }
  if (NULL.test(json)) {
    const bad = chunkViolations(invoices, start, end);
    if (bad.length > 0) return { bad };
  }
  return { json };
}

/** Re-roots a violation path from `/<prefix>/<k>/...` (k within a chunk) to `/<start + k>/...`. */
function reroot(violation, prefix, start) {
  const rest = violation.path.startsWith(prefix) ? violation.path.slice(prefix.length) : null;
  if (rest === null) return violation;
  const match = /^\/(\d+)(.*)$/.exec(rest);
  if (!match) return violation;
  return { ...violation, path: `/${start + Number(match[1])}${match[2]}` };
}

/**
 * Validates any number of invoices, converted in chunks (so no single JSON text holds them all).
 * Paths start with the invoice's index: `/1234/InvoiceRows/0/Tax`.
 */
function validateInvoices(invoices) {
  checkArray(invoices);
  const violations = [];
  for (let start = 0; start < invoices.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, invoices.length);
    const chunk = chunkJson(invoices, start, end);
    if (chunk.bad) {
      violations.push(...chunk.bad);
      continue;
    }
    const json = `{"SalesInvoice":${chunk.json}}`;
    const found = sync(() => core.validateJson("create_body", json));
    for (const v of found) violations.push(reroot(v, "/SalesInvoice", start));
  }
  return report(violations);
}

const encoder = new TextEncoder();
const ARGS_HEAD = '{"batch":{"SalesInvoices":[{"SalesInvoice":';
const ARGS_TAIL = "}]}}";
const BODY_HEAD = ARGS_HEAD.slice('{"batch":'.length);
const BODY_TAIL = ARGS_TAIL.slice(0, -1);
const BATCH = "submit_sales_invoice_batch";

/** Writes ASCII `text` into `memory` at `at`. */
function writeAscii(memory, at, text) {
  for (let i = 0; i < text.length; i++) memory[at + i] = text.charCodeAt(i);
}

/**
 * Writes the arguments of "submit a batch" around the JSON text of its invoices as UTF-8 straight
 * into the core's input buffer (no string concatenation, no intermediate copy); returns their
 * length in bytes. The buffer is sized for mostly-ASCII text first and grown when that is short.
 */
function writeBatchArgs(json) {
  const head = ARGS_HEAD.length;
  const tail = ARGS_TAIL.length;
  let capacity = head + json.length + (json.length >> 3) + tail + 16;
  let at = core.inputBuffer(capacity);
  let memory = new Uint8Array(core.wasmMemory().buffer);
  writeAscii(memory, at, ARGS_HEAD);
  let { read, written } = encoder.encodeInto(json, memory.subarray(at + head, at + capacity - tail));
  if (read < json.length) {
    // At most 3 bytes for each UTF-16 unit left.
    capacity = head + written + (json.length - read) * 3 + tail;
    at = core.inputBuffer(capacity);
    memory = new Uint8Array(core.wasmMemory().buffer);
    const rest = encoder.encodeInto(json.slice(read), memory.subarray(at + head + written, at + capacity - tail));
    written += rest.written;
  }
  writeAscii(memory, at + head + written, ARGS_TAIL);
  return head + written + tail;
}

const PREPARE_OPTIONS = ["maxPerRequest", "worker"];

/**
 * Validates invoices and serialises them into request bodies for `submitSalesInvoiceBatch`,
 * `maxPerRequest` (default 1,000) per body: `{"SalesInvoices":[{"SalesInvoice":[...]}]}` as
 * UTF-8 bytes (views into buffers the bodies share, see Bodies). Throws a ValidationError
 * listing every error of every invoice (paths start with the invoice's index) and returns
 * nothing then.
 */
function prepareInvoiceBatches(invoices, options = {}) {
  checkArray(invoices);
  requireObject(options, "the options (second argument)", "option", PREPARE_OPTIONS);
  const size = options.maxPerRequest ?? CHUNK;
  if (!Number.isSafeInteger(size) || size < 1) throw typeError("/maxPerRequest", "maxPerRequest must be a whole number ≥ 1");
  const mode = options.worker ?? "auto";
  if (mode !== "auto" && typeof mode !== "boolean") throw typeError("/worker", 'worker must be true, false or "auto"');
  const bodies = new Bodies(Math.ceil(invoices.length / size));
  const violations = [];
  const structured = structuredUsable(invoices);
  const readable = structuredReadable(invoices);
  const onWorker = { head: BODY_HEAD, tail: BODY_TAIL, bodies };
  for (let start = 0; start < invoices.length; start += size) {
    const end = Math.min(start + size, invoices.length);
    // On Node, a worker thread checks each body's invoices while they are being written (see
    // batch-worker.js); whatever it does not vouch for is decided on this thread below.
    const worker = readable && batchWorker.usable(end - start, mode);
    const onThread = worker ? batchWorker.prepareBody(invoices, start, end, onWorker) : "skipped";
    if (onThread === "made") continue;
    // On Node the arguments come from v8.serialize when they can (see structured.js); anything
    // that path cannot vouch for, errors included, is decided on JSON.stringify's text below.
    const length = structured && onThread === "skipped" ? structuredArgs(invoices, start, end, ARGS_HEAD, ARGS_TAIL) : null;
    if (length !== null) {
      try {
        bodies.add(sync(() => core.prepareInputInPlace(BATCH, length)));
        continue;
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
      }
    }
    const chunk = chunkJson(invoices, start, end);
    if (chunk.bad) {
      violations.push(...chunk.bad);
      continue;
    }
    try {
      bodies.add(sync(() => core.prepareInputInPlace(BATCH, writeBatchArgs(chunk.json))));
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      // Type errors carry the parameter's name (/batch/...); rule violations start at the batch.
      for (const v of error.violations) {
        const prefix = v.path.startsWith("/batch/") ? "/batch/SalesInvoices/0/SalesInvoice" : "/SalesInvoices/0/SalesInvoice";
        violations.push(reroot(v, prefix, start));
      }
    }
  }
  const errors = violations.filter(isError);
  if (errors.length > 0) throw validationError(errors);
  return bodies.list;
}

/** No buffer for bodies is made bigger than this. */
const SLAB_LIMIT = 512 << 20;

/**
 * The bodies of one prepareInvoiceBatches call, copied out of WebAssembly memory into a few
 * large buffers rather than one buffer each. V8 collects the whole heap whenever some 64 MB
 * more were allocated outside it; a 4 MB buffer per body of 1,000 invoices set that off every
 * 16 bodies, each time walking all the caller's invoices (a third of the time for 100,000).
 * The first body sizes a buffer for itself and every body still to come (their average size so
 * far times their number); a body that does not fit starts the next buffer. So each body is a
 * view (`byteOffset` may not be 0), and a buffer lives as long as any of its bodies.
 */
class Bodies {
  constructor(count) {
    this.left = count;
    this.list = [];
    this.slab = null;
    this.used = 0;
    this.written = 0;
  }

  /** Copies the body at `[address, length]` in WebAssembly memory. */
  add(place) {
    const [at, length] = place ?? [0, 0];
    this.alloc(length).set(new Uint8Array(core.wasmMemory().buffer, at, length));
  }

  /** The next body: `length` bytes for the caller to fill. */
  alloc(length) {
    this.room(length);
    return this.commit(length);
  }

  /**
   * The free room of the current buffer, at least `length` bytes (a new buffer if need be): the
   * caller writes the next body there and then `commit`s it.
   */
  room(length) {
    if (this.slab === null || this.slab.length - this.used < length) {
      const average = (this.written + length) / (this.list.length + 1);
      this.slab = new Uint8Array(Math.max(length, Math.min(SLAB_LIMIT, Math.ceil(average * this.left))));
      this.used = 0;
    }
    return this.slab.subarray(this.used);
  }

  /** The first `length` bytes of the room as the next body. */
  commit(length) {
    const body = this.slab.subarray(this.used, this.used + length);
    this.used += length;
    this.written += length;
    this.left -= 1;
    this.list.push(body);
    return body;
  }
}

const ROW_KEYS = {
  description: "description",
  qty: "qty",
  unitPrice: "unit_price",
  vatPercent: "vat_percent",
  discountPercent: "discount_percent",
  priceIncludesVat: "price_includes_vat",
  productCode: "product_code",
  unit: "unit",
};
const ROW_NAMES = Object.fromEntries(Object.entries(ROW_KEYS).map(([camel, snake]) => [snake, camel]));

function renameKeys(object, keys) {
  if (object === null || typeof object !== "object" || Array.isArray(object)) return object;
  const out = {};
  for (const [key, value] of Object.entries(object)) out[keys[key] ?? key] = value;
  return out;
}

/**
 * Builds a SalesInvoice with computed amounts: row net, VAT and total, header totals, the due
 * date from `paymentTermsDays` and the reference from the invoice number.
 * `{ invoice: {...SalesInvoice members...}, rows: [{ description, qty, unitPrice, vatPercent,
 * discountPercent?, priceIncludesVat?, productCode?, unit? }], paymentTermsDays? }`
 */
function buildInvoice(input) {
  if (input === null || typeof input !== "object" || Array.isArray(input)) throw typeError("", `the input must be an object, got ${typeName(input)}`);
  const { paymentTermsDays, rows, ...rest } = input;
  const converted = { ...rest, rows: Array.isArray(rows) ? rows.map((row) => renameKeys(row, ROW_KEYS)) : rows };
  if (paymentTermsDays !== undefined) converted.payment_terms_days = paymentTermsDays;
  try {
    const json = toJson(converted);
    return JSON.parse(sync(() => core.buildInvoiceJson(json)));
  } catch (error) {
    if (error instanceof ValidationError) {
      for (const v of error.violations) v.message = v.message.replace(/`payment_terms_days`/g, "`paymentTermsDays`");
      error.message = error.message.replace(/`payment_terms_days`/g, "`paymentTermsDays`");
      renamePaths(error, (path) =>
        path
          .replace(/^\/payment_terms_days/, "/paymentTermsDays")
          .replace(/^(\/rows\/\d+\/)([a-z_]+)/, (all, head, key) => head + (ROW_NAMES[key] ?? key)),
      );
    }
    throw error;
  }
}

/**
 * Checks a Finnish identifier: kind is `reference` (national or RF), `rf`, `iban`, `bic`,
 * `ytunnus`, `vat`, `hetu` or `ovt`. Returns `{ kind, value, valid, code, reason, formatted, ... }`.
 */
function checkIdentifier(kind, value) {
  requireString(kind, "kind");
  requireString(value, "value");
  return camelKeys(JSON.parse(sync(() => core.checkIdentifier(kind, value))));
}

/** The Finnish national reference for a base (3–19 digits) and its RF form. */
function finnishReference(base) {
  if (typeof base === "number" && Number.isSafeInteger(base) && base >= 0) base = String(base);
  requireString(base, "base");
  return camelKeys(JSON.parse(sync(() => core.referenceForms(base))));
}

const BARCODE_INPUT = ["iban", "amount", "reference", "dueDate"];

/** Encodes a Finnish virtual bank barcode (version 4, or 5 for RF references): 54 digits. */
function virtualBarcode(input) {
  requireObject(input, "the input", "member", BARCODE_INPUT);
  const { iban, reference, dueDate } = input;
  let { amount } = input;
  requireString(iban, "iban");
  if (typeof amount === "number") {
    if (!Number.isFinite(amount)) throw typeError("/amount", `${amount} is not a finite number`);
    amount = String(amount);
  }
  requireString(amount, "amount");
  requireString(reference, "reference");
  if (dueDate !== undefined && dueDate !== null) requireString(dueDate, "dueDate");
  try {
    return sync(() => core.encodeBarcode(iban, amount, reference, dueDate ?? undefined));
  } catch (error) {
    if (error instanceof ValidationError) renamePaths(error, (path) => path.replace(/^\/due$/, "/dueDate"));
    throw error;
  }
}

/** Decodes a Finnish virtual bank barcode: `{ version, iban, ibanFormatted, bic, amount, reference, dueDate, ... }`. */
function decodeVirtualBarcode(code) {
  requireString(code, "code");
  return camelKeys(JSON.parse(sync(() => core.decodeBarcode(code))));
}

module.exports = {
  startBatchWorker: batchWorker.startBatchWorker,
  stopBatchWorker: batchWorker.stopBatchWorker,
  validateInvoice,
  validateInvoiceUpdate,
  validateInvoices,
  prepareInvoiceBatches,
  buildInvoice,
  checkIdentifier,
  finnishReference,
  virtualBarcode,
  decodeVirtualBarcode,
};
