"use strict";
// Transports: the default one over fetch, and the bridge between any user transport
// ({ send(request) } or a function) and the core.

const { handOver } = require("./native.js");
const { keepCause } = require("./errors.js");

/** Error codes (Node's and undici's) that mean no connection was made, so nothing was sent. */
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EADDRNOTAVAIL",
  "UND_ERR_CONNECT_TIMEOUT",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "CERT_HAS_EXPIRED",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
]);

/**
 * The default transport: `fetch` (globalThis.fetch unless `options.fetch` is given). Any other
 * option goes into every fetch call's init, e.g. `{ dispatcher: new ProxyAgent(url) }` in Node.
 */
function fetchTransport(options = {}) {
  const { fetch: fetchImpl, ...init } = options;
  return {
    async send(request) {
      const f = fetchImpl ?? globalThis.fetch;
      if (typeof f !== "function") {
        const error = new Error("no fetch in this runtime: pass a transport, or fetchTransport({ fetch })");
        error.kind = "other";
        error.mayHaveBeenSent = false;
        throw error;
      }
      const response = await f(request.url, {
        ...init,
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: request.signal,
        redirect: "manual",
      });
      const body = new Uint8Array(await response.arrayBuffer());
      return { status: response.status, headers: [...response.headers], body };
    },
  };
}

function describe(error) {
  if (error === null || error === undefined) return "the transport failed";
  if (typeof error !== "object") return String(error);
  let text = error.message || String(error);
  const cause = error.cause;
  if (cause && typeof cause === "object") {
    const detail = cause.code || cause.message;
    if (detail && !text.includes(detail)) text += ` (${detail})`;
  }
  return text;
}

/** What a transport's failure means to the core: kind, whether the request may have arrived, and
 * the number under which the thrown value is kept. */
function classify(error, signal, timedOut) {
  return { ...verdict(error, signal, timedOut), causeId: keepCause(error) };
}

function verdict(error, signal, timedOut) {
  const message = describe(error);
  if (error && typeof error === "object" && typeof error.mayHaveBeenSent === "boolean") {
    const kind = ["connect", "timeout", "io", "other"].includes(error.kind) ? error.kind : "other";
    return { kind, mayHaveBeenSent: error.mayHaveBeenSent, message };
  }
  if (timedOut()) return { kind: "timeout", mayHaveBeenSent: true, message: `no response in time: ${message}` };
  if (signal.aborted) return { kind: "other", mayHaveBeenSent: true, message: `aborted: ${message}` };
  const code = (error && error.cause && error.cause.code) || (error && error.code);
  if (NOT_SENT_CODES.has(code)) return { kind: "connect", mayHaveBeenSent: false, message };
  // fetch refuses blocked ports ("bad port") before connecting.
  if (error && error.cause && error.cause.message === "bad port") return { kind: "connect", mayHaveBeenSent: false, message };
  if (error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return { kind: "timeout", mayHaveBeenSent: true, message };
  }
  return { kind: "io", mayHaveBeenSent: true, message };
}

const encoder = new TextEncoder();

function headerPairs(headers) {
  if (headers === null || headers === undefined) return [];
  if (Array.isArray(headers)) return headers.map(([name, value]) => [String(name), String(value)]);
  if (typeof headers[Symbol.iterator] === "function") return [...headers].map(([n, v]) => [String(n), String(v)]);
  if (typeof headers === "object") {
    return Object.entries(headers)
      .filter(([, value]) => value !== undefined && value !== null)
      .map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : String(value)]);
  }
  return [];
}

async function bodyBytes(response) {
  const body = response.body;
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (typeof body === "string") return encoder.encode(body);
  if (body !== null && typeof body === "object") {
    // A Blob, a stream (a Node Readable, or a web ReadableStream such as a fetch Response's
    // `body`), or a reader's stream without async iteration.
    if (typeof body.arrayBuffer === "function") return new Uint8Array(await body.arrayBuffer());
    if (typeof body[Symbol.asyncIterator] === "function") return await collect(body);
    if (typeof body.getReader === "function") return await collect(chunksOf(body.getReader()));
  }
  if (typeof response.arrayBuffer === "function") return new Uint8Array(await response.arrayBuffer());
  if (body === null || body === undefined) return new Uint8Array(0);
  return encoder.encode(JSON.stringify(body));
}

/** The chunks a stream reader gives, as an async iterable. */
async function* chunksOf(reader) {
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock?.();
  }
}

/** Reads an async iterable of chunks (bytes or strings) into one array. */
async function collect(stream) {
  const chunks = [];
  let length = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === "string" ? encoder.encode(chunk) : new Uint8Array(chunk.buffer ?? chunk, chunk.byteOffset ?? 0, chunk.byteLength);
    chunks.push(bytes);
    length += bytes.byteLength;
  }
  const all = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return all;
}

/**
 * Accepts `{ status, headers, body }` or a fetch Response. The body may be bytes (a Uint8Array,
 * Buffer, ArrayBuffer or typed array), a string, a Blob, a stream (a web ReadableStream such as a
 * fetch Response's `body`, or a Node Readable), or any other JSON value, sent as its JSON text.
 */
async function normalizeResponse(response) {
  if (response === null || typeof response !== "object" || typeof response.status !== "number") {
    throw new TypeError("the transport must resolve to { status, headers, body } or a fetch Response");
  }
  return { status: response.status, headers: headerPairs(response.headers), body: await bodyBytes(response) };
}

/**
 * The longest delay setTimeout takes (2^31 - 1 ms, some 24.8 days): a longer one makes Node warn
 * (TimeoutOverflowWarning) and fire after 1 ms, and browsers do the same without the warning.
 */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Turns a user transport into the function the core calls: it gets
 * `{ method, url, headers: [[name, value]], body?, timeoutMs?, connectTimeoutMs? }` and returns
 * `[promise, abort]`. The user's `send` sees `{ method, url, headers: { name: value }, body?,
 * timeoutMs?, connectTimeoutMs?, signal }`.
 *
 * When the attempt's time is up the promise rejects as a timeout and the signal aborts, whether
 * or not the user's `send` ever settles.
 */
function bridge(transport) {
  const send =
    typeof transport === "function"
      ? transport
      : transport && typeof transport.send === "function"
        ? transport.send.bind(transport)
        : null;
  if (send === null) throw new TypeError("transport must be an object with send(request) or a function");
  return (raw) => {
    const controller = new AbortController();
    let timedOut = false;
    let timer;
    const request = {
      method: raw.method,
      url: raw.url,
      headers: Object.fromEntries(raw.headers),
      body: raw.body,
      timeoutMs: raw.timeoutMs,
      connectTimeoutMs: raw.connectTimeoutMs,
      signal: controller.signal,
    };
    const exchange = new Promise((resolve, reject) => {
      // Only the first outcome counts (a `send` aborted at the deadline rejects after it), and
      // only that one's error is kept as a cause.
      let settled = false;
      const fail = (error, late) => {
        if (settled) return;
        settled = true;
        reject(classify(error, controller.signal, late));
      };
      // A deadline beyond setTimeout's range is as good as none: the core keeps its own.
      if (typeof raw.timeoutMs === "number" && raw.timeoutMs <= MAX_TIMER_MS) {
        timer = setTimeout(() => {
          timedOut = true;
          const error = new Error(`no response within ${raw.timeoutMs} ms`);
          controller.abort(error);
          fail(error, () => true);
        }, raw.timeoutMs);
      }
      (async () => normalizeResponse(await send(request)))().then(
        (response) => {
          settled = true;
          resolve(response);
        },
        (error) => fail(error, () => timedOut),
      );
    });
    const stopTimer = () => clearTimeout(timer);
    exchange.then(stopTimer, stopTimer);
    const abort = () => {
      clearTimeout(timer);
      if (!controller.signal.aborted) controller.abort(new Error("lasku stopped waiting for this response"));
    };
    return handOver(exchange, abort);
  };
}

/** The core's sleep: `[promise, cancel]`. Delays beyond setTimeout's range are chained. */
function sleep(ms) {
  let timer;
  const done = new Promise((resolve) => {
    const arm = (left) => {
      timer = left > MAX_TIMER_MS ? setTimeout(() => arm(left - MAX_TIMER_MS), MAX_TIMER_MS) : setTimeout(resolve, left);
    };
    arm(ms);
  });
  return handOver(done, () => clearTimeout(timer));
}

function now() {
  return Date.now();
}

/** `node 20.20.2`, `deno 2.1.0`, `bun 1.1.0`, or `web`: the runtime named in the user agent. */
function runtimeName() {
  if (typeof globalThis.Deno === "object" && globalThis.Deno?.version?.deno) return `deno ${globalThis.Deno.version.deno}`;
  if (typeof globalThis.Bun === "object" && globalThis.Bun?.version) return `bun ${globalThis.Bun.version}`;
  if (typeof process === "object" && process?.versions?.node) return `node ${process.versions.node}`;
  return "web";
}

module.exports = { fetchTransport, bridge, sleep, now, runtimeName, normalizeResponse, MAX_TIMER_MS };
