"use strict";
// JavaScript values to the JSON text the core reads. JSON.stringify silently turns NaN and
// Infinity into null and drops functions, which would send something the caller never meant;
// so values are checked first, and such members become violations naming their path
// (the core itself checks everything JSON can express: types, required members, rules).

const { ValidationError } = require("./errors.js");

const MAX_DEPTH = 64;
/** The batch helpers' limit: JSON.stringify and the core's quick path read deeper than 64. */
const MAX_BATCH_DEPTH = 1000;
const MAX_REPORTED = 100;

function pointerToken(key) {
  return String(key).replace(/~/g, "~0").replace(/\//g, "~1");
}

function describeBad(value) {
  switch (typeof value) {
    case "number":
      return `${value} is not a finite number`;
    case "bigint":
      return "a BigInt cannot be sent as JSON: pass the value as a string";
    case "function":
      return "a function is not data";
    case "symbol":
      return "a symbol is not data";
    default:
      return "not a JSON value";
  }
}

/** A number beyond the integers a JavaScript number holds exactly (2^53 - 1). */
function describeUnsafe(value) {
  return `${value} is beyond the integers JavaScript numbers hold exactly (2^53 - 1), so digits may be lost: pass it as a string`;
}

/**
 * Appends a violation for every member JSON cannot carry faithfully. `keys` is the path stack
 * (only turned into a string when something is wrong, so valid data costs no allocations).
 */
function walk(value, keys, out, parents, batch) {
  switch (typeof value) {
    case "string":
    case "boolean":
    case "undefined":
      return;
    case "number":
      if (value - value !== 0) out.push(violationAt(keys, "type", describeBad(value)));
      else if (value > Number.MAX_SAFE_INTEGER || value < -Number.MAX_SAFE_INTEGER) out.push(violationAt(keys, "type", describeUnsafe(value)));
      return;
    case "object": {
      if (value === null) return;
      if (parents.includes(value)) {
        out.push(violationAt(keys, "type", "a circular reference (this object contains itself)"));
        return;
      }
      if (parents.length >= (batch ? MAX_BATCH_DEPTH : MAX_DEPTH)) {
        out.push(violationAt(keys, "type", `nested more than ${batch ? MAX_BATCH_DEPTH : MAX_DEPTH} levels deep`));
        return;
      }
      parents.push(value);
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const item = value[i];
          if (typeof item === "object" || typeof item === "number" || typeof item === "bigint" || typeof item === "function" || typeof item === "symbol") {
            keys.push(i);
            walk(item, keys, out, parents, batch);
            keys.pop();
            if (out.length >= MAX_REPORTED) break;
          }
        }
        parents.pop();
        return;
      }
      if (typeof value.toJSON === "function") {
        parents.pop();
        return; // Dates and the like serialise themselves
      }
      for (const key in value) {
        const item = value[key];
        if (typeof item === "object" || typeof item === "number" || typeof item === "bigint" || typeof item === "function" || typeof item === "symbol") {
          keys.push(key);
          walk(item, keys, out, parents, batch);
          keys.pop();
          if (out.length >= MAX_REPORTED) break;
        }
      }
      parents.pop();
      return;
    }
    case "function":
    case "symbol":
      // In the batch helpers, members JSON.stringify leaves out are left out.
      if (!batch) out.push(violationAt(keys, "type", describeBad(value)));
      return;
    default:
      out.push(violationAt(keys, "type", describeBad(value)));
  }
}

function violationAt(keys, code, message) {
  const path = keys.length === 0 ? "" : "/" + keys.map(pointerToken).join("/");
  return { path, code, message, severity: "error" };
}

/**
 * Violations for members that JSON cannot carry, under `prefix` (a list of path keys). With
 * `batch` (the batch helpers, which send what JSON.stringify writes): functions and symbols,
 * which JSON.stringify leaves out, are not violations, and values may nest deeper.
 */
function unrepresentable(value, prefix = [], batch = false) {
  const out = [];
  walk(value, prefix.slice(), out, [], batch);
  return out;
}

/** A ValidationError's message, as the core writes it: the first error and how many more. */
function validationMessage(violations) {
  const errors = violations.filter((v) => v.severity === "error");
  if (errors.length === 0) return "invalid input: no errors";
  const [first] = errors;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : "";
  return `invalid input: error ${first.path} [${first.code}]: ${first.message}${more}`;
}

/**
 * Moves the violations of a ValidationError to the paths `rename` gives (JavaScript's names for
 * the core's), and its message with them when it names the first error the core's way.
 */
function renamePaths(error, rename) {
  let moved = false;
  for (const v of error.violations) {
    const path = rename(v.path);
    if (path !== v.path) {
      v.path = path;
      moved = true;
    }
  }
  if (moved && error.message.startsWith("invalid input: error ")) error.message = validationMessage(error.violations);
  return error;
}

function validationError(violations) {
  return new ValidationError(validationMessage(violations), { violations });
}

/** JSON text for a value, or a ValidationError naming every member JSON cannot carry. */
function toJson(value, prefix = []) {
  const bad = unrepresentable(value, prefix);
  if (bad.length > 0) throw validationError(bad);
  try {
    return JSON.stringify(value === undefined ? null : value);
  } catch (error) {
    throw new ValidationError(`invalid input: ${error.message}`, {
      violations: [{ path: prefix.length ? "/" + prefix.map(pointerToken).join("/") : "", code: "type", message: error.message, severity: "error" }],
    });
  }
}

module.exports = { toJson, unrepresentable, validationError, validationMessage, renamePaths, pointerToken };
