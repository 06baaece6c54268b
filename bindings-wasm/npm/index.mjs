// ES module entry: the same module instance as require("lasku"), so classes (and instanceof)
// are shared between import and require.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const lasku = require("./index.js");

export const {
  Client,
  PagedCall,
  fetchTransport,
  version,
  operations,
  validateInvoice,
  validateInvoiceUpdate,
  validateInvoices,
  prepareInvoiceBatches,
  startBatchWorker,
  stopBatchWorker,
  buildInvoice,
  checkIdentifier,
  finnishReference,
  virtualBarcode,
  decodeVirtualBarcode,
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
} = lasku;
export default lasku;
