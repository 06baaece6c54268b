//! Settling an unknown outcome by natural key: the API has no idempotency keys, so the invoice
//! number is what tells whether a create happened.

use super::{InvoiceQuery, SalesInvoice};
use crate::client::Client;
use crate::error::UnknownOutcome;
use crate::model::InvoiceNumber;
use crate::Result;

/// What a lookup found for an [`UnknownOutcome`].
#[derive(Debug, Clone, PartialEq)]
pub struct SettledOutcome {
    /// Invoices that exist on the server: the create happened (do not send them again).
    pub created: Vec<SalesInvoice>,
    /// Invoice numbers the server does not know: safe to send again.
    pub missing: Vec<InvoiceNumber>,
}

impl SettledOutcome {
    /// Whether everything the create would have made exists.
    pub fn all_created(&self) -> bool {
        self.missing.is_empty()
    }
}

impl Client {
    /// Looks an invoice up by its number (via "List all sales invoices").
    pub async fn find_invoice(&self, invoice_number: &InvoiceNumber) -> Result<Option<SalesInvoice>> {
        let query = InvoiceQuery { invoice_number: Some(invoice_number.clone()), ..InvoiceQuery::default() };
        let page = self.list_sales_invoices(&query).await?;
        Ok(page.data.into_iter().find(|inv| inv.invoice_number.as_ref() == Some(invoice_number)))
    }

    /// Settles an unknown outcome: looks up each invoice number it carries and tells which
    /// invoices exist and which are safe to send again. For a payment, check
    /// [`Client::retrieve_received_payments`] for the invoice instead.
    pub async fn settle(&self, outcome: &UnknownOutcome) -> Result<SettledOutcome> {
        let mut settlement = SettledOutcome { created: Vec::new(), missing: Vec::new() };
        for number in &outcome.invoice_numbers {
            match self.find_invoice(number).await? {
                Some(invoice) => settlement.created.push(invoice),
                None => settlement.missing.push(number.clone()),
            }
        }
        Ok(settlement)
    }
}
