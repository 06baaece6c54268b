"use strict";
// lasku for JavaScript: the Cash-In v2 client, validation, the invoice builder and the Finnish
// toolkit, running lasku's Rust core as WebAssembly.

const errors = require("./lib/errors.js");
const { Client, PagedCall } = require("./lib/client.js");
const { fetchTransport } = require("./lib/transport.js");
const tools = require("./lib/tools.js");
const { core } = require("./lib/native.js");
const OPERATIONS = require("./lib/operations.js");

/** The version of lasku's core (as in the user agent). */
const version = core.coreVersion();

/** Every operation: `{ method, id, required, optional, paged }`. */
const operations = OPERATIONS.map(([method, id, required, optional, paged]) => ({
  method,
  id,
  required: [...required],
  optional: optional.map(([, camel]) => camel),
  paged,
}));

module.exports = {
  Client,
  PagedCall,
  fetchTransport,
  version,
  operations,
  ...tools,
  LaskuError: errors.LaskuError,
  ValidationError: errors.ValidationError,
  ApiError: errors.ApiError,
  AuthenticationError: errors.AuthenticationError,
  BusinessRuleError: errors.BusinessRuleError,
  ForbiddenError: errors.ForbiddenError,
  NotFoundError: errors.NotFoundError,
  RateLimitError: errors.RateLimitError,
  TransportError: errors.TransportError,
  UnknownOutcomeError: errors.UnknownOutcomeError,
  DecodeError: errors.DecodeError,
  PaginationError: errors.PaginationError,
  ConfigurationError: errors.ConfigurationError,
  InternalError: errors.InternalError,
};
