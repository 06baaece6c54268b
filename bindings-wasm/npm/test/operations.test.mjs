// Every operation of the core, called from JavaScript against the sandbox: each one must appear
// in the sandbox's hit log with the JavaScript user agent.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { lasku, startSandbox, sandboxClient, invoice, builtInvoice, today } from "./helpers.mjs";

let sandbox;
let client;

before(async () => {
  sandbox = await startSandbox();
  client = sandboxClient(sandbox);
});

after(() => sandbox?.stop());

test("the user agent names JavaScript and the runtime", () => {
  assert.equal(client.userAgent, `lasku/${lasku.version} (javascript; node ${process.versions.node})`);
  assert.equal(lasku.operations.length, 48);
});

test("every operation is callable and reaches the sandbox with the JavaScript user agent", async () => {
  const n = 42;
  const called = new Set();
  const call = async (method, ...args) => {
    called.add(method);
    return client[method](...args);
  };

  assert.equal((await call("validateToken")).IsValid, true);
  assert.ok((await call("renewToken", "C", "192.0.2.1")).Message);
  const created = await call("createInvoice", builtInvoice(n)); // decimals as exact strings
  assert.equal(created.SalesInvoices[0].Status, "Received");
  const seller = invoice(43, { SellerInfo: { SellerName: "Myyjä Oy", SellerBusinessId: "0737546-2" } });
  await call("createInvoiceWithSellerInfo", seller);
  const batch = await call("submitSalesInvoiceBatch", { SalesInvoices: [{ SalesInvoice: [invoice(44)] }] });
  assert.ok(batch.BatchId);
  const uploads = await call("listBatchUploads", { batchId: batch.BatchId });
  assert.ok(Array.isArray(uploads.Data));
  const invoices = await call("listSalesInvoices");
  assert.ok(invoices.Data.length >= 2);
  const status = await call("retrieveInvoiceStatus", n);
  assert.equal(status.InvoiceNumber, n);
  // Decimals come as strings with every digit, never as binary floats.
  assert.equal(typeof status.TotalAmount, "string");
  assert.match(status.TotalAmount, /^\d+\.\d\d$/);
  await call("retrieveInvoiceDeliveryInformation");
  const updated = await call("updateInvoice", n, { Description: "x" });
  assert.deepEqual(updated.UpdatedFields, ["Description"]);
  const paid = await call("submitInvoicePayment", String(n), { PaymentDate: today(), Amount: "1.00" });
  assert.equal(paid.PaidAmount, "1.00");
  await call("retrieveDeliveryStatistics");
  const received = await call("retrieveReceivedPayments", { invoiceNumber: n });
  assert.equal(received.Data.length, 1);
  await call("updateFinvoiceAccount", {
    CustomerCode: "C1",
    FinvoiceAddress: "003707375462",
    FinvoiceIntermediator: "003721291126",
  });
  await call("retrieveElectronicInvoicingContracts");

  const cases = await call("createCollectionCases", {
    Cases: [{ Debtor: { Name: "Velallinen" }, Receivables: [{ InvoiceNumber: 900, DueDate: today(), CapitalAmount: "5.00" }] }],
  });
  await call("retrieveCaseBatchStatus", cases.BatchId);
  const receivables = await call("updateCollectionReceivables", {
    Receivables: [{ InvoiceNumber: 900, PaymentDate: today(), PaidAmount: 1 }],
  });
  await call("retrieveCollectionReceivablesStatus", receivables.BatchId);
  await call("retrieveCollectionCase");
  await call("retrieveDebtorSummary");
  await sandbox.settle();
  const settlements = await call("listSettlements");
  if (settlements.Data.length > 0) {
    await call("retrieveSettlement", settlements.Data[0].SettlementNumber);
  } else {
    await call("retrieveSettlement", 1).catch((e) => assert.ok(e instanceof lasku.NotFoundError));
  }
  const direct = await call("listDirectSettlements");
  const settlement = await call("retrieveDirectSettlement", direct.Data[0].SettlementNumber);
  assert.ok(settlement.Rows.length > 0);
  await call("retrieveCreditLossReceivables");
  const allocated = await call("retrieveAllocatedPaymentTransactions", { sortOrder: "desc", hasAllocatedBreakdown: true });
  assert.ok(allocated.Data.length > 0);

  await call("listProducts");
  const products = await call("submitProducts", { Products: [{ ProductCode: "P", Name: "P", UnitPrice: "10.00000000000" }] });
  assert.equal(products.Items[0].Status, "Created");
  const listed = await call("listProducts");
  assert.equal(listed.Data.find((p) => p.ProductCode === "P").UnitPrice, "10.00000000000");
  await call("deleteProduct", "P");
  await call("listCustomers");
  await call("submitCustomers", { Customers: [{ CustomerCode: "K", Name: "K" }] });
  await call("updateCustomer", "K", { Phone: "+358401234567" });
  await call("deleteCustomer", "K");

  await call("retrieveExternalDeliveryInformation");
  await call("retrieveExternalPaymentInformation");
  await call("createDirectPayment", { DirectPayments: [{ InvoiceNumber: n, PaymentDate: today(), Amount: 1 }] });
  await call("submitInvoiceAction", { Actions: [{ Code: "OBJECTION", InvoiceNumber: n }] });
  assert.ok((await call("retrieveAgreementStatus")).AgreementIdentifier);

  const creditor = await call("submitCreditor", { CreditorData: { Name: "V Oy", BusinessId: "0737546-2" } });
  assert.ok(creditor.ApiKey);
  await call("updateCreditor", "0737546-2", { CreditorDetails: { Email: "talous@example.fi" } });
  await call("retrieveCreditorCredentials", "0737546-2");
  await call("retrieveFinvoiceCredentials", "0737546-2");
  await call("retrieveExternalAgreementIdentifiers", "0737546-2");
  await call("retrieveDeliveryInformationBySeller", "0737546-2", { dateFrom: "2020-01-01" });
  const sms = await call("sendSms", { PhoneNumber: "+358401234567", Message: "Hei" });
  assert.equal(sms.Status, "Queued");
  await call("createMeterReadingDocuments", {
    Documents: [
      { DocumentNumber: "D", Customer: { Name: "A" }, Readings: [{ MeterNumber: "1", ReadingDate: today(), ReadingValue: 1 }] },
    ],
  });
  assert.equal((await call("serviceStatus")).Status, "OK");

  assert.equal(called.size, 48, "the test calls every method");
  const hits = await sandbox.hits();
  const ua = client.userAgent;
  const missing = lasku.operations.filter((op) => !hits.some((h) => h.Operation === op.id && h.UserAgent === ua));
  assert.deepEqual(missing.map((op) => op.id), [], "operations missing from the hit log");
});

test("the generic call() reaches any operation by id with snake_case arguments", async () => {
  const status = await client.call("retrieve_invoice_status", { invoice_number: 42 });
  assert.equal(status.InvoiceNumber, 42);
  await assert.rejects(client.call("no_such_operation"), lasku.ConfigurationError);
});
