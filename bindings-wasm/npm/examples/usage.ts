// A typed tour of the package. The package's tests check it with `tsc --noEmit` against the
// generated declarations (`refused` shows what TypeScript rejects), then compile it and run
// `tour` against the sandbox.
import {
  Client,
  ValidationError,
  RateLimitError,
  UnknownOutcomeError,
  ApiError,
  LaskuError,
  PagedCall,
  buildInvoice,
  validateInvoice,
  finnishReference,
  virtualBarcode,
  checkIdentifier,
  prepareInvoiceBatches,
  startBatchWorker,
  stopBatchWorker,
  type SalesInvoice,
  type DecimalString,
  type Money,
  type SalesInvoiceInput,
  type InvoiceStatus,
  type Page,
  type BatchReport,
  type Bytes,
  type ItemOutcome,
  type Transport,
  type TransportRequest,
} from "lasku";

const logging: Transport = {
  async send(request) {
    const started = Date.now();
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: request.signal,
    });
    console.log(request.method, request.url, response.status, `${Date.now() - started} ms`);
    return response;
  },
};

/** A transport that uses everything a request carries, the connect timeout included. */
async function withConnectTimeout(request: TransportRequest): Promise<Response> {
  const body: Bytes | undefined = request.body;
  const connect: number | undefined = request.connectTimeoutMs;
  const whole: number | undefined = request.timeoutMs;
  console.log(connect, whole); // e.g. for an undici Agent({ connect: { timeout: connect } })
  return fetch(request.url, { method: request.method, headers: request.headers, body, signal: request.signal });
}

/** Every outcome of a chunked submission, each with its own members (checked exhaustively). */
function describeOutcome(outcome: ItemOutcome): string {
  switch (outcome.status) {
    case "accepted":
      return `accepted in batch ${outcome.batchId ?? "?"}`;
    case "rejected":
      return `rejected in batch ${outcome.batchId}: ${outcome.message}`;
    case "invalid":
      return `invalid: ${outcome.violations.map((v) => v.code).join(", ")}`;
    case "submitted":
      return `still processing in batch ${outcome.batchId}`;
    case "not_sent": {
      const error: LaskuError = outcome.error;
      return `not sent: ${error.code}`;
    }
    case "unknown":
      return `unknown: ${outcome.cause}`;
    default: {
      const none: never = outcome;
      return none;
    }
  }
}

/** Runs against the sandbox (`lasku sandbox` prints its base URL). */
export async function tour(baseUrl = "http://127.0.0.1:8080/v2"): Promise<void> {
  const client = new Client({ apiKey: "lasku-sandbox-key", baseUrl, transport: logging, maxRetries: 2 });

  const invoice: SalesInvoice = buildInvoice({
    invoice: { InvoiceNumber: 1001, InvoiceDate: "2026-11-21", SalesName: "Sami Santikko", Currency: "EUR" },
    rows: [{ description: "Consulting", qty: 2, unitPrice: "80.00", vatPercent: "25.5" }],
    paymentTermsDays: 14,
  });
  const total: DecimalString | null | undefined = invoice.TotalAmount; // "200.80": exact
  console.log(total, validateInvoice(invoice).valid);

  try {
    const created = await client.createInvoice(invoice);
    console.log(created.SalesInvoices?.[0]?.Status);
  } catch (error) {
    if (error instanceof ValidationError) console.log(error.violations.map((v) => v.path));
    else if (error instanceof RateLimitError) console.log(error.retryAfterMs, error.status);
    else if (error instanceof UnknownOutcomeError) console.log(error.invoiceNumbers, error.cause);
    else if (error instanceof ApiError) console.log(error.status, error.body);
    else throw error;
  }

  const status: InvoiceStatus = await client.retrieveInvoiceStatus(1001);
  const open: DecimalString | null | undefined = status.OpenAmount; // "200.80": every digit, no float
  console.log(open);

  await client.updateInvoice(1001, { DueDate: "2026-12-31" });
  await client.submitInvoicePayment("1001", { PaymentDate: "2026-11-25", Amount: "10.00" });

  const first: Page<SalesInvoice> = await client.listSalesInvoices({ status: "Received", pageSize: 50 });
  console.log(first.Data.length, first.Meta?.TotalCount);
  for await (const item of client.listSalesInvoices({ dateFrom: "2026-01-01" })) {
    const n: number | string | null | undefined = item.InvoiceNumber;
    console.log(n);
  }
  for await (const page of client.listProducts().pages()) console.log(page.Data.length);
  const paged = client.listProducts();
  if (paged instanceof PagedCall) console.log("a PagedCall: await it or iterate it");
  const timed = new Client({ apiKey: "k", transport: withConnectTimeout, timeoutMs: 2 ** 31, connectTimeoutMs: 2000 });
  console.log(timed.baseUrl);

  const input: SalesInvoiceInput[] = [
    { ...invoice, InvoiceNumber: "1002" },
    { ...invoice, InvoiceNumber: "1003", TotalAmount: "134.40" }, // not the rows' sum: reported as invalid
  ];
  const report: BatchReport = await client.submitInvoices(input, { maxPerRequest: 500 });
  for (const outcome of report.outcomes) {
    if (outcome.status === "rejected") console.log(outcome.message);
    if (outcome.status === "invalid") console.log(outcome.violations[0]?.code);
    console.log(describeOutcome(outcome));
  }
  for (const { batchId, error } of report.followErrors) console.log(`batch ${batchId} not followed: ${error.code}`);
  if (!report.settled) await client.resubmitInvoices(input, report, { maxPerRequest: 500 });
  const ready: boolean = await startBatchWorker();
  const bodies: Bytes[] = prepareInvoiceBatches([invoice], { worker: ready ? "auto" : false });
  console.log(bodies.length);
  await stopBatchWorker();

  const ref = finnishReference(1001);
  console.log(ref.rfFormatted, checkIdentifier("iban", "FI2112345600000785").valid);
  console.log(virtualBarcode({ iban: "FI2112345600000785", amount: 134.4, reference: ref.reference, dueDate: "2026-12-05" }));
  console.log(client.userAgent);
}

/** What TypeScript refuses (each line must stay an error, or tsc fails on the unused directive). Never run. */
export async function refused(client: Client, input: SalesInvoiceInput[], report: BatchReport, status: InvoiceStatus): Promise<void> {
  // @ts-expect-error a misspelt member
  validateInvoice({ InvoiceNumbr: 1 });
  // @ts-expect-error money is a number or a decimal string, not a boolean
  validateInvoice({ TotalAmount: true });
  // @ts-expect-error the invoice number is required
  await client.retrieveInvoiceStatus();
  // @ts-expect-error unknown option
  new Client({ apiKey: "k", retries: 3 });
  // @ts-expect-error the worker option is a boolean or "auto"
  prepareInvoiceBatches(input, { worker: "always" });
  for (const outcome of report.outcomes) {
    // @ts-expect-error an unknown outcome says why in `cause`
    if (outcome.status === "unknown") console.log(outcome.reason);
  }
  // @ts-expect-error answers give decimals as exact strings, never numbers
  const wrong: number = status.OpenAmount ?? 0;
  console.log(wrong);
}
