"use strict";
// Invoices handed to the core as `v8.serialize` bytes rather than JSON text (Node only).
//
// `v8.serialize` of a chunk of invoices takes about two thirds of the time of `JSON.stringify`
// and yields bytes: no flattening of a long string, no scan for the `null` that hides a `NaN`,
// no encoding. The core turns them into exactly the text `JSON.stringify` writes
// (bindings-wasm/src/structured.rs) and gives up on anything but plain data (a date, a BigInt,
// `NaN`, a hole in an array, a cycle...), and then, as whenever this path declines, the
// JSON.stringify path decides. What the bytes cannot show is a prototype's `toJSON`, which
// JSON.stringify calls: so the prototypes of the objects the core reports are checked here.

const { core, sync } = require("./native.js");

const v8 = loadV8();
const OBJECT = Object.prototype;
const ARRAY = Array.prototype;

/** Node's `v8` module, when this runs on Node's V8 (not Bun, whose format differs). */
function loadV8() {
  if (typeof process !== "object" || !process.versions?.v8 || process.versions.bun) return null;
  try {
    return require("node:v8");
  } catch {
    return null;
  }
}

// The bytes v8.serialize hands over live outside V8's heap (4 MB per chunk of 1,000 invoices),
// and memory allocated there makes V8 collect the whole heap about every 64 MB. That costs
// little while the heap is small and more as it grows: on the benchmark's data this path saves
// about 4 ms per chunk, and the extra full collection every 16 chunks costs as much once the
// heap holds some 30-60 MB (measured: faster with 7 MB, slower with 44 MB; with 100,000
// invoices in memory, 1.2 s slower per batch). So the path is taken below 32 MB.
const HEAP_LIMIT = 32 << 20;

/** Whether v8.serialize can stand in for JSON.stringify on these invoices at all. */
function structuredReadable(invoices) {
  return v8 !== null && Object.getPrototypeOf(invoices) === ARRAY && !("toJSON" in OBJECT) && !("toJSON" in ARRAY);
}

/**
 * Whether this thread should take the path (the batch worker takes it in any heap: there the
 * reading is off this thread and it saves more than the collections cost).
 */
function structuredUsable(invoices) {
  return structuredReadable(invoices) && v8.getHeapStatistics().used_heap_size < HEAP_LIMIT;
}

/** An object or array whose prototype is the plain one (so no `toJSON` of its own class). */
function plain(value) {
  const proto = Object.getPrototypeOf(value);
  return proto === OBJECT || proto === null || (proto === ARRAY && Array.isArray(value));
}

/**
 * Whether every object the core found is plain: the invoices, their members `nested` names, and
 * the elements of those that are arrays (where invoice rows sit). Deeper objects were reported
 * as `deeper` and never reach here.
 */
function plainObjects(invoices, start, end, nested) {
  for (let i = start; i < end; i++) {
    const invoice = invoices[i];
    if (typeof invoice !== "object" || invoice === null) continue;
    if (!plain(invoice)) return false;
    for (const name of nested) {
      const member = invoice[name];
      if (typeof member !== "object" || member === null) continue;
      if (!plain(member)) return false;
      if (!Array.isArray(member)) continue;
      for (let j = 0; j < member.length; j++) {
        const element = member[j];
        if (typeof element === "object" && element !== null && !plain(element)) return false;
      }
    }
  }
  return true;
}

/**
 * Puts `head`, the JSON text of `invoices[start..end]` and `tail` into the core's input buffer
 * (for `prepareInputInPlace`) by way of `v8.serialize`; returns their length in bytes, or null when
 * JSON.stringify has to decide what the values become.
 */
function structuredArgs(invoices, start, end, head, tail) {
  let bytes;
  try {
    bytes = v8.serialize(invoices.slice(start, end));
  } catch {
    return null; // a function, a symbol, a proxy...: not data v8.serialize can carry
  }
  const at = core.inputBuffer(bytes.length);
  new Uint8Array(core.wasmMemory().buffer, at, bytes.length).set(bytes);
  const shape = sync(() => core.structuredInput(bytes.length, head, tail));
  if (shape === undefined) return null;
  const { length, nested, deeper } = JSON.parse(shape);
  return !deeper && plainObjects(invoices, start, end, nested) ? length : null;
}

module.exports = { structuredReadable, structuredUsable, structuredArgs, plainObjects, v8 };
