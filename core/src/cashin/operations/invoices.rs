//! Token and Invoice Service operations.

use chrono::NaiveDate;

use super::client_methods;
use crate::cashin::*;
use crate::model::InvoiceNumber;

client_methods! {
    /// "Validate token": whether the configured key is accepted. A rejected key is
    /// [`crate::Error::Unauthorized`].
    fn validate_token() -> TokenValidation;

    /// "Renew token": a new token for your customer code and public IP address. Store it before
    /// retiring the old one.
    fn renew_token(request: &RenewTokenRequest) -> RenewResponse;

    /// "Create an invoice". The invoice is validated first; invalid input is never sent.
    ///
    /// The API has no idempotency keys, so a create is never re-sent after it may have reached
    /// the server: that is [`crate::Error::UnknownOutcome`], settled by [`crate::Client::settle`].
    fn create_invoice(invoice: &SalesInvoice) -> SalesInvoiceResponse;

    /// "Create an invoice with seller information" (`SellerInfo` required).
    fn create_invoice_with_seller_info(invoice: &SalesInvoice) -> SalesInvoiceResponse;

    /// "Submit a batch of sales invoices": answered with 202 and a batch id; follow it with
    /// [`crate::Client::list_batch_uploads`]. For large inputs use
    /// [`crate::Client::submit_invoices`], which chunks, follows and reports per invoice.
    fn submit_sales_invoice_batch(batch: &SalesInvoiceBatch) -> SalesInvoiceBatchResponse;

    /// "List batch uploads and export lines".
    fn list_batch_uploads(query: &BatchUploadQuery) -> Page<BatchUpload>;

    /// "List all sales invoices" (one page; [`crate::Client::paginate`] walks them all).
    fn list_sales_invoices(query: &InvoiceQuery) -> Page<SalesInvoice>;

    /// "Retrieve invoice status".
    fn retrieve_invoice_status(invoice_number: &InvoiceNumber) -> InvoiceStatus;

    /// "Retrieve invoice delivery information" (Cash-In suggests polling once a day).
    fn retrieve_invoice_delivery_information(query: &InvoiceQuery) -> Page<DeliveryInformation>;

    /// "Update an invoice": possible until the invoice is delivered; after that the server
    /// answers [`crate::Error::BusinessRule`] (402).
    fn update_invoice(invoice_number: &InvoiceNumber, update: &SalesInvoiceUpdate) -> SalesInvoiceUpdateResponse;

    /// "Submit payment for an invoice": a payment the creditor received directly; less than
    /// the open amount is a partial payment.
    fn submit_invoice_payment(invoice_number: &InvoiceNumber, payment: &SalesInvoicePayment) -> InvoicePaymentsResponse;

    /// "Retrieve delivery statistics": invoice counts and sums per delivery type and date.
    fn retrieve_delivery_statistics(date_from: Option<NaiveDate>, date_to: Option<NaiveDate>) -> Page<DeliveryStatistics>;

    /// "Retrieve received payments" (the last 30 days unless dates are given).
    fn retrieve_received_payments(query: &ReceivedPaymentsQuery) -> Page<ReceivedPayment>;

    /// "Submit update to Finvoice Account": creates the account when missing and makes it the
    /// customer's default delivery method.
    fn update_finvoice_account(update: &FinvoiceAccountUpdate) -> FinvoiceAccountUpdateResponse;

    /// "Retrieve electronic invoicing contracts".
    fn retrieve_electronic_invoicing_contracts(customer_code: Option<&str>, page: PageRequest) -> Page<ElectronicInvoicingContract>;

    /// "Retrieve status of the agreement" of an external (intermediation) seller.
    fn retrieve_agreement_status() -> ExternalAgreementStatusResponse;

    /// "Retrieve delivery information" of intermediated invoices, with their rows.
    fn retrieve_external_delivery_information(query: &InvoiceQuery) -> Page<IntermediatorInvoice>;

    /// "Retrieve payment information" of intermediated invoices.
    fn retrieve_external_payment_information(query: &InvoiceQuery) -> Page<Payment>;

    /// "Create an direct payment": payments the seller received outside Cash-In.
    fn create_direct_payment(payments: &IntermediationInvoiceDirectPayments) -> IntermediationInvoiceDirectPaymentResponse;

    /// "Submit an invoice action" (comment, withdraw, due date, payment plan, objection, pause).
    fn submit_invoice_action(actions: &ExternalInvoiceActions) -> InvoiceActionResponse;

    /// "Create meter reading documents".
    fn create_meter_reading_documents(documents: &MeterDocumentList) -> DocumentResponse;

    /// "Service Status".
    fn service_status() -> ServiceStatus;
}
