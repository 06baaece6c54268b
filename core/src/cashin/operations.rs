//! The Invoice Service and token operations as [`Client`] methods.

use chrono::NaiveDate;

use super::requests;
use super::*;
use crate::client::Client;
use crate::model::InvoiceNumber;
use crate::Result;

impl Client {
    /// "Validate token": whether the configured key is accepted. A rejected key is
    /// [`crate::Error::Unauthorized`].
    pub async fn validate_token(&self) -> Result<TokenValidation> {
        self.execute_json(&requests::validate_token()?).await
    }

    /// "Renew token": a new token for your customer code and public IP address. Store it before
    /// retiring the old one.
    pub async fn renew_token(&self, request: &RenewTokenRequest) -> Result<RenewResponse> {
        self.execute_json(&requests::renew_token(request)?).await
    }

    /// "Create an invoice". The invoice is validated first; invalid input is never sent.
    ///
    /// The API has no idempotency keys, so a create is never re-sent after it may have reached
    /// the server: that is [`crate::Error::UnknownOutcome`], settled by [`Client::settle`].
    pub async fn create_invoice(&self, invoice: &SalesInvoice) -> Result<SalesInvoiceResponse> {
        self.execute_json(&requests::create_invoice(invoice)?).await
    }

    /// "Create an invoice with seller information" (`SellerInfo` required).
    pub async fn create_invoice_with_seller_info(&self, invoice: &SalesInvoice) -> Result<SalesInvoiceResponse> {
        self.execute_json(&requests::create_invoice_with_seller_info(invoice)?).await
    }

    /// "Submit a batch of sales invoices": answered with 202 and a batch id; follow it with
    /// [`Client::list_batch_uploads`].
    pub async fn submit_sales_invoice_batch(&self, batch: &SalesInvoiceBatch) -> Result<SalesInvoiceBatchResponse> {
        self.execute_json(&requests::submit_sales_invoice_batch(batch)?).await
    }

    /// "List batch uploads and export lines".
    pub async fn list_batch_uploads(&self, query: &BatchUploadQuery) -> Result<Page<BatchUpload>> {
        self.execute_json(&requests::list_batch_uploads(query)?).await
    }

    /// "List all sales invoices" (one page).
    pub async fn list_sales_invoices(&self, query: &InvoiceQuery) -> Result<Page<SalesInvoice>> {
        self.execute_json(&requests::list_sales_invoices(query)?).await
    }

    /// "Retrieve invoice status".
    pub async fn retrieve_invoice_status(&self, invoice_number: &InvoiceNumber) -> Result<InvoiceStatus> {
        self.execute_json(&requests::retrieve_invoice_status(invoice_number)?).await
    }

    /// "Retrieve invoice delivery information" (Cash-In suggests polling once a day).
    pub async fn retrieve_invoice_delivery_information(
        &self,
        query: &InvoiceQuery,
    ) -> Result<Page<DeliveryInformation>> {
        self.execute_json(&requests::retrieve_invoice_delivery_information(query)?).await
    }

    /// "Update an invoice": possible until the invoice is delivered; after that the server
    /// answers [`crate::Error::BusinessRule`] (402).
    pub async fn update_invoice(
        &self,
        invoice_number: &InvoiceNumber,
        update: &SalesInvoiceUpdate,
    ) -> Result<SalesInvoiceUpdateResponse> {
        self.execute_json(&requests::update_invoice(invoice_number, update)?).await
    }

    /// "Submit payment for an invoice": a payment the creditor received directly; less than the
    /// open amount is a partial payment.
    pub async fn submit_invoice_payment(
        &self,
        invoice_number: &InvoiceNumber,
        payment: &SalesInvoicePayment,
    ) -> Result<InvoicePaymentsResponse> {
        self.execute_json(&requests::submit_invoice_payment(invoice_number, payment)?).await
    }

    /// "Retrieve delivery statistics": invoice counts and sums per delivery type and date.
    pub async fn retrieve_delivery_statistics(
        &self,
        date_from: Option<NaiveDate>,
        date_to: Option<NaiveDate>,
    ) -> Result<Page<DeliveryStatistics>> {
        self.execute_json(&requests::retrieve_delivery_statistics(date_from, date_to)?).await
    }

    /// "Retrieve received payments" (the last 30 days unless dates are given).
    pub async fn retrieve_received_payments(&self, query: &ReceivedPaymentsQuery) -> Result<Page<ReceivedPayment>> {
        self.execute_json(&requests::retrieve_received_payments(query)?).await
    }

    /// "Submit update to Finvoice Account": creates the account when missing and makes it the
    /// customer's default delivery method.
    pub async fn update_finvoice_account(
        &self,
        update: &FinvoiceAccountUpdate,
    ) -> Result<FinvoiceAccountUpdateResponse> {
        self.execute_json(&requests::update_finvoice_account(update)?).await
    }

    /// "Retrieve electronic invoicing contracts".
    pub async fn retrieve_electronic_invoicing_contracts(
        &self,
        customer_code: Option<&str>,
        page: PageRequest,
    ) -> Result<Page<ElectronicInvoicingContract>> {
        self.execute_json(&requests::retrieve_electronic_invoicing_contracts(customer_code, page)?).await
    }
}
