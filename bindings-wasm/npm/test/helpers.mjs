// Shared by the node --test suites: the installed package and a running sandbox.
//
// The suites test the package as a user gets it: tests/suites/50-wasm.sh packs it (`npm pack`),
// installs the tarball into a fresh folder and passes that folder in LASKU_PKG_DIR. Without it,
// the package is packed and installed here (into a temporary folder).
// The sandbox is `lasku sandbox --port 0` (LASKU_BIN, default <repo>/target/debug/lasku).

import { spawn, execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const NPM_DIR = path.resolve(HERE, "..");
export const ROOT = path.resolve(NPM_DIR, "..", "..");

function installed() {
  if (process.env.LASKU_PKG_DIR) return process.env.LASKU_PKG_DIR;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lasku-npm-test-"));
  const tarball = execFileSync("npm", ["pack", "--silent", "--pack-destination", dir], { cwd: NPM_DIR, encoding: "utf8" })
    .trim()
    .split("\n")
    .pop();
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "lasku-test-install", private: true }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--offline", path.join(dir, tarball)], { cwd: dir, stdio: "ignore" });
  process.env.LASKU_PKG_DIR = dir;
  return dir;
}

/** The folder the package is installed in (it has node_modules/lasku). */
export const PKG_DIR = installed();
const requireFromInstall = createRequire(path.join(PKG_DIR, "package.json"));

/** The package through require (CommonJS). */
export const lasku = requireFromInstall("lasku");

/**
 * A module of the installed package's lib/ folder (the same instance `lasku` uses), for tests
 * that look at its internals, e.g. `internal("native.js").diagnostics()`.
 */
export function internal(file) {
  return createRequire(requireFromInstall.resolve("lasku"))(`./lib/${file}`);
}

/** The package through import (ES module). */
export async function importLasku() {
  const entry = requireFromInstall.resolve("lasku").replace(/index\.js$/, "index.mjs");
  return import(pathToFileURL(entry).href);
}

export const CREDITOR_KEY = "lasku-sandbox-key";
export const PARTNER_KEY = "lasku-sandbox-partner-key";

/** Starts `lasku sandbox --port 0`; resolves to { baseUrl, admin, stop, hits, fault, ... }. */
export async function startSandbox() {
  const bin = process.env.LASKU_BIN ?? path.join(ROOT, "target", "debug", "lasku");
  const child = spawn(bin, ["sandbox", "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  const baseUrl = await new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`the sandbox did not start: ${out}`)), 15000);
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const match = /base URL:\s+(\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`the sandbox exited with ${code}: ${out}`)));
  });
  const admin = baseUrl.replace(/\/v2$/, "/__admin");
  const adminCall = async (method, suffix, body) => {
    const response = await fetch(admin + suffix, {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return text ? JSON.parse(text) : null;
  };
  return {
    baseUrl,
    admin,
    /** Every request the sandbox saw: [{ Operation, Method, Path, Status, UserAgent, Fault }]. */
    async hits() {
      return (await adminCall("GET", "/hits")).Hits;
    },
    async clearHits() {
      await adminCall("DELETE", "/hits");
    },
    /** Queues a fault for the next request(s) of an operation (or any operation). */
    async fault(operation, fault, times = 1) {
      await adminCall("POST", "/faults", { operation, fault, times });
    },
    async clearFaults() {
      await adminCall("DELETE", "/faults");
    },
    async settle() {
      return adminCall("POST", "/settle");
    },
    async deliver(invoiceNumber) {
      return adminCall("POST", `/invoices/${invoiceNumber}/deliver`);
    },
    async reset() {
      await adminCall("POST", "/reset");
    },
    stop() {
      child.kill();
    },
  };
}

/** A client for the sandbox (both keys, quick retries unless overridden). */
export function sandboxClient(sandbox, options = {}) {
  return new lasku.Client({ apiKey: CREDITOR_KEY, partnerKey: PARTNER_KEY, baseUrl: sandbox.baseUrl, ...options });
}

export function today() {
  return new Date().toISOString().slice(0, 10);
}

/** The decimal members of invoices and their rows. */
const DECIMAL = /Amount$|^(Qty|Price|Discount|DiscountPercent|VatPercent|Nto|Tax|Total|Round)$/;

/** `value` with its decimal members as JSON numbers instead of the builder's exact strings. */
export function decimalsAsNumbers(value) {
  if (Array.isArray(value)) return value.map(decimalsAsNumbers);
  if (!value || typeof value !== "object") return value;
  const entries = Object.entries(value).map(([k, v]) => [k, DECIMAL.test(k) && typeof v === "string" ? Number(v) : decimalsAsNumbers(v)]);
  return Object.fromEntries(entries);
}

/**
 * A valid invoice (amounts computed by the core's builder), its decimals as numbers so that a
 * batch's body is the text `JSON.stringify` writes (decimals as strings lose their quotes).
 */
export function invoice(number, extra = {}) {
  return decimalsAsNumbers(builtInvoice(number, extra));
}

/** A valid invoice as the builder gives it (decimals as exact strings). */
export function builtInvoice(number, extra = {}) {
  return lasku.buildInvoice({
    invoice: {
      InvoiceNumber: number,
      InvoiceDate: today(),
      SalesName: "Sami Santikko",
      SalesAddress: "Kauppapuistikko 17 A 23",
      SalesPostalCode: "65100",
      SalesCity: "VAASA",
      SalesCountry: "FI",
      ...extra,
    },
    rows: [
      { description: "Consulting", qty: 2, unitPrice: "80.00", vatPercent: "25.5" },
      { description: "Book", qty: 1, unitPrice: "19.90", vatPercent: "13.5" },
    ],
    paymentTermsDays: 14,
  });
}

/** A seeded xorshift generator of numbers in [0, 1), for tests that build random data. */
export function random(seed) {
  let s = seed >>> 0;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}
