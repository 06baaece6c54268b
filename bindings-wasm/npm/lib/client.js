"use strict";
// The Client: every core operation as an async camelCase method (generated from the core's
// operation table), pagination as async iterators, chunked invoice submission.

const { core, sync, run, generation } = require("./native.js");
const OPERATIONS = require("./operations.js");
const { ConfigurationError, InternalError, ValidationError, fromCore } = require("./errors.js");
const { toJson, unrepresentable, validationError, renamePaths } = require("./convert.js");
const { bridge, fetchTransport, sleep, now, runtimeName } = require("./transport.js");

const CHUNK = 1000;
const kHandle = Symbol("lasku.reportHandle");
const kGeneration = Symbol("lasku.reportGeneration");

const OPTION_TYPES = {
  apiKey: "string",
  environment: "string",
  baseUrl: "string",
  partnerKey: "string",
  transport: "transport",
  timeoutMs: "positive",
  connectTimeoutMs: "count",
  maxRetries: "count",
  pathOverrides: "record",
};

const OPTION_CHECKS = {
  string: (value) => typeof value === "string",
  count: (value) => Number.isSafeInteger(value) && value >= 0,
  // The core refuses a zero timeout (config.rs: "the timeout must be positive").
  positive: (value) => Number.isSafeInteger(value) && value >= 1,
  record: (value) => value !== null && typeof value === "object" && Object.values(value).every((v) => typeof v === "string"),
  transport: (value) => (value !== null && typeof value === "object" && typeof value.send === "function") || typeof value === "function",
};

function checkOptions(options) {
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new ConfigurationError("new Client(options): options must be an object, e.g. { apiKey }");
  }
  for (const [name, value] of Object.entries(options)) {
    const kind = OPTION_TYPES[name];
    if (kind === undefined) {
      throw new ConfigurationError(`unknown client option ${JSON.stringify(name)}; known: ${Object.keys(OPTION_TYPES).join(", ")}`);
    }
    if (value === undefined) continue;
    const ok = OPTION_CHECKS[kind](value);
    if (!ok) {
      const expected = {
        string: "a string",
        count: "a whole number ≥ 0",
        positive: "a whole number of milliseconds ≥ 1",
        record: "an object of strings (operation id → path template)",
        transport: "an object with send(request), or a function",
      }[kind];
      throw new ConfigurationError(`client option ${name} must be ${expected}`);
    }
  }
  if (typeof options.apiKey !== "string") throw new ConfigurationError("client option apiKey is required (a string)");
}

/** Renames the first segment of violation paths from the core's snake_case parameter names. */
function renameParams(error, names) {
  if (!(error instanceof ValidationError) || names === undefined) return error;
  return renamePaths(error, (path) => {
    const match = /^\/([^/]+)(.*)$/.exec(path);
    return match && names[match[1]] !== undefined ? `/${names[match[1]]}${match[2]}` : path;
  });
}

/** The arguments object of an operation call: required positional, then optional params. */
function namedArgs(id, required, optional, args) {
  const named = {};
  const max = required.length + (optional.length > 0 ? 1 : 0);
  if (args.length > max) {
    throw new ValidationError(`invalid input: ${id} takes at most ${max} argument(s), got ${args.length}`, {
      violations: [{ path: "", code: "argument.count", message: `takes at most ${max} argument(s), got ${args.length}`, severity: "error" }],
    });
  }
  for (let i = 0; i < required.length; i++) {
    if (args[i] !== undefined) named[required[i]] = args[i];
  }
  const params = args[required.length];
  if (params !== undefined && params !== null) {
    if (typeof params !== "object" || Array.isArray(params)) {
      throw new ValidationError("invalid input: the optional parameters must be an object", {
        violations: [{ path: "", code: "type", message: "the optional parameters must be an object", severity: "error" }],
      });
    }
    for (const key of Object.keys(params)) {
      const known = optional.find(([, camel]) => camel === key);
      if (params[key] !== undefined) named[known ? known[0] : key] = params[key];
    }
  }
  return named;
}

/**
 * Places violations found inside a model argument inside the model (`/TotalAmount`, not
 * `/invoice/TotalAmount`), as the core places its own: one path per member whatever the error.
 */
function intoModels(error, models) {
  if (!(error instanceof ValidationError)) return;
  renamePaths(error, (path) => {
    const match = /^\/([^/]+)(\/.+)$/.exec(path);
    return match && models.includes(match[1]) ? match[2] : path;
  });
}

function snakeToCamelMap(required, optional) {
  const names = {};
  for (const snake of required) names[snake] = snake.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
  for (const [snake, camel] of optional) names[snake] = camel;
  return names;
}

/**
 * What a paged method returns: await it for one page (`{ Data, Meta }`), or iterate it with
 * `for await` for every item across pages; `.pages()` iterates page by page.
 */
class PagedCall {
  #first;
  #open;
  #promise = null;

  constructor(first, open) {
    this.#first = first;
    this.#open = open;
  }

  #page() {
    this.#promise ??= this.#first();
    return this.#promise;
  }

  then(onFulfilled, onRejected) {
    return this.#page().then(onFulfilled, onRejected);
  }

  catch(onRejected) {
    return this.#page().catch(onRejected);
  }

  finally(onFinally) {
    return this.#page().finally(onFinally);
  }

  async *#walk(items) {
    const pager = this.#open();
    const gen = generation();
    try {
      for (;;) {
        if (gen !== generation()) {
          throw new InternalError("lasku's WebAssembly instance was reset during this iteration; start it again");
        }
        const text = await run(() => (items ? pager.nextItem() : pager.nextPage()));
        if (text === null) return;
        yield JSON.parse(text);
      }
    } finally {
      if (gen === generation()) {
        try {
          pager.free();
        } catch {
          // Already freed.
        }
      }
    }
  }

  [Symbol.asyncIterator]() {
    return this.#walk(true);
  }

  /** Every page, `{ Data, Meta }`, in order. */
  pages() {
    return this.#walk(false);
  }
}

function batchOptions(options) {
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new ConfigurationError("batch options must be an object");
  }
  const { maxPerRequest, wait, pollIntervalMs, maxWaitMs, ...unknown } = options;
  const names = Object.keys(unknown);
  if (names.length > 0) {
    throw new ConfigurationError(`unknown batch option ${JSON.stringify(names[0])}; known: maxPerRequest, wait, pollIntervalMs, maxWaitMs`);
  }
  for (const [name, value] of [["maxPerRequest", maxPerRequest], ["pollIntervalMs", pollIntervalMs], ["maxWaitMs", maxWaitMs]]) {
    if (value !== undefined && !(Number.isSafeInteger(value) && value >= 0)) {
      throw new ConfigurationError(`batch option ${name} must be a whole number ≥ 0`);
    }
  }
  if (wait !== undefined && typeof wait !== "boolean") throw new ConfigurationError("batch option wait must be a boolean");
  return JSON.stringify({ maxPerRequest, wait, pollIntervalMs, maxWaitMs });
}

/** Converts invoices into the core in chunks, so no JSON text ever holds all of them. */
function invoiceList(invoices) {
  if (!Array.isArray(invoices)) {
    throw new ValidationError("invalid input: invoices must be an array", {
      violations: [{ path: "", code: "type", message: "invoices must be an array", severity: "error" }],
    });
  }
  const bad = [];
  for (let i = 0; i < invoices.length && bad.length < 100; i++) bad.push(...unrepresentable(invoices[i], [i]));
  if (bad.length > 0) throw validationError(bad);
  const list = sync(() => new core.InvoiceList());
  try {
    for (let start = 0; start < invoices.length; start += CHUNK) {
      const json = JSON.stringify(invoices.slice(start, start + CHUNK));
      sync(() => list.pushJson(json, start));
    }
  } catch (error) {
    try {
      list.free();
    } catch {
      // The instance was reset.
    }
    throw error;
  }
  return list;
}

function makeReport(value) {
  const [report, handle] = value;
  for (const outcome of report.outcomes) {
    if (outcome.error !== undefined) outcome.error = fromCore(outcome.error);
  }
  for (const failure of report.followErrors) failure.error = fromCore(failure.error);
  Object.defineProperty(report, kHandle, { value: handle });
  Object.defineProperty(report, kGeneration, { value: generation() });
  return report;
}

/** A Cash-In API client. */
class Client {
  #config;
  #send;
  #inner = null;
  #generation = -1;

  /**
   * @param options `{ apiKey, environment: "production" | baseUrl, partnerKey?, transport?,
   *   timeoutMs?, connectTimeoutMs?, maxRetries?, pathOverrides? }`
   */
  constructor(options) {
    checkOptions(options);
    const { transport, ...rest } = options;
    this.#config = JSON.stringify({ ...rest, runtime: runtimeName() });
    this.#send = bridge(transport ?? fetchTransport());
    this.#core();
  }

  #core() {
    if (this.#generation !== generation()) {
      this.#inner = sync(() => new core.WasmClient(this.#config, this.#send, sleep, now));
      this.#generation = generation();
    }
    return this.#inner;
  }

  /** The user agent sent with every request: `lasku/<version> (javascript; <runtime>)`. */
  get userAgent() {
    return sync(() => this.#core().userAgent);
  }

  /** The base URL requests go to. */
  get baseUrl() {
    return sync(() => this.#core().baseUrl);
  }

  /**
   * Runs any operation by its catalog id with snake_case arguments, e.g.
   * `client.call("retrieve_invoice_status", { invoice_number: 1001 })`.
   */
  async call(operationId, args = {}) {
    if (typeof operationId !== "string") throw new ConfigurationError("operationId must be a string");
    const json = toJson(args);
    const text = await run(() => this.#core().call(operationId, json));
    return JSON.parse(text);
  }

  #invoke(id, required, optional, paged, models, args) {
    const names = snakeToCamelMap(required, optional);
    let json;
    try {
      json = toJson(namedArgs(id, required, optional, args));
    } catch (error) {
      intoModels(error, models);
      if (!paged) return Promise.reject(renameParams(error, names));
      json = error;
    }
    if (!paged) {
      return run(() => this.#core().call(id, json)).then(JSON.parse, (error) => {
        throw renameParams(error, names);
      });
    }
    const failed = json instanceof Error ? renameParams(json, names) : null;
    return new PagedCall(
      () => {
        if (failed) return Promise.reject(failed);
        return run(() => this.#core().call(id, json)).then(JSON.parse, (error) => {
          throw renameParams(error, names);
        });
      },
      () => {
        if (failed) throw failed;
        try {
          return sync(() => this.#core().pages(id, json));
        } catch (error) {
          throw renameParams(error, names);
        }
      },
    );
  }

  static {
    for (const [method, id, required, optional, paged, models] of OPERATIONS) {
      Object.defineProperty(Client.prototype, method, {
        value: {
          [method](...args) {
            if (!(this instanceof Client)) {
              throw new TypeError(`${method} must be called on a Client (client.${method}(...)), or bound to one: client.${method}.bind(client)`);
            }
            return this.#invoke(id, required, optional, paged, models, args);
          },
        }[method],
        writable: true,
        configurable: true,
      });
    }
  }

  /**
   * Submits any number of invoices: each is validated (invalid ones are reported, not sent),
   * the rest go in batches of `maxPerRequest` (1,000), each batch is followed until processed
   * (unless `wait: false`). Resolves to a report with one outcome per invoice, in input order.
   * Members of the wrong type in any invoice reject the whole call with a ValidationError.
   */
  async submitInvoices(invoices, options = {}) {
    const opts = batchOptions(options);
    const list = invoiceList(invoices);
    try {
      return makeReport(await run(() => this.#core().submitInvoices(list, opts)));
    } finally {
      if (generation() === this.#generation) list.free();
    }
  }

  /**
   * Sends again what `previous` did not settle. `invoices` must be the list `previous` is about,
   * in the same order (invalid or unsent ones may be fixed in between); another list is refused
   * with a ConfigurationError and nothing is sent.
   */
  async resubmitInvoices(invoices, previous, options = {}) {
    const handle = previous?.[kHandle];
    if (handle === undefined) throw new ConfigurationError("previous must be a report from submitInvoices or resubmitInvoices");
    if (previous[kGeneration] !== generation()) {
      throw new InternalError("this report is from before lasku's WebAssembly instance was reset; submit again");
    }
    const opts = batchOptions(options);
    const list = invoiceList(invoices);
    try {
      return makeReport(await run(() => this.#core().resubmitInvoices(list, handle, opts)));
    } finally {
      if (generation() === this.#generation) list.free();
    }
  }

  [Symbol.for("nodejs.util.inspect.custom")]() {
    let baseUrl = "?";
    try {
      baseUrl = this.baseUrl;
    } catch {
      // Unusable configuration.
    }
    return `Client { baseUrl: ${JSON.stringify(baseUrl)}, apiKey: [redacted] }`;
  }

  toJSON() {
    return { baseUrl: this.baseUrl };
  }
}

module.exports = { Client, PagedCall };
