//! Standalone functions: build an invoice whose amounts are right, validate one, the version.

use crate::conv::lift_one;
use crate::{Decimal, LaskuError, SalesInvoice, Violation};

/// One invoice row to build: the core computes `Nto`, `Tax` and `Total` from it.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct RowInput {
    /// Row description.
    pub description: String,
    /// Quantity.
    pub qty: Decimal,
    /// Unit price: without VAT, or with VAT when `price_includes_vat`.
    pub unit_price: Decimal,
    /// VAT percent, e.g. `25.5`.
    pub vat_percent: Decimal,
    /// Whether `unit_price` includes VAT.
    #[uniffi(default)]
    pub price_includes_vat: bool,
    /// Discount percent (0–100).
    #[uniffi(default)]
    pub discount_percent: Option<Decimal>,
    /// Product code.
    #[uniffi(default)]
    pub product_code: Option<String>,
    /// Unit, e.g. `kpl`.
    #[uniffi(default)]
    pub unit: Option<String>,
}

/// Completes an invoice with the core's builder: computes every row from `rows` (replacing the
/// invoice's rows when `rows` is not empty), the header totals, the due date from
/// `payment_terms_days` and the payment reference from the invoice number, then validates.
/// Throws `Validation` listing every problem.
#[uniffi::export(default(payment_terms_days = None))]
pub fn build_invoice(
    invoice: SalesInvoice,
    rows: Vec<RowInput>,
    payment_terms_days: Option<i32>,
) -> Result<SalesInvoice, LaskuError> {
    let invoice: lasku::cashin::SalesInvoice = lift_one(invoice, "invoice")?;
    let mut builder = lasku::InvoiceBuilder::from_invoice(invoice);
    for row in rows {
        let mut input = lasku::RowInput::new(row.description, row.qty, row.unit_price, row.vat_percent);
        if row.price_includes_vat {
            input = input.gross();
        }
        if let Some(percent) = row.discount_percent {
            input = input.discount_percent(percent);
        }
        if let Some(code) = row.product_code {
            input = input.product_code(code);
        }
        if let Some(unit) = row.unit {
            input = input.unit(unit);
        }
        builder = builder.row(input);
    }
    if let Some(days) = payment_terms_days {
        let days: u32 = lift_one(days, "payment_terms_days")?;
        builder = builder.payment_terms_days(days);
    }
    Ok(crate::conv::Lower::lower(builder.build()?))
}

/// Every rule "Create an invoice" checks before sending, as violations (errors block sending,
/// warnings do not). An empty list means the invoice would be sent.
#[uniffi::export]
pub fn validate_invoice(invoice: SalesInvoice) -> Result<Vec<Violation>, LaskuError> {
    let invoice: lasku::cashin::SalesInvoice = lift_one(invoice, "invoice")?;
    Ok(lasku::validate::validate_invoice(&invoice).violations.into_iter().map(Violation::from).collect())
}

/// The version of lasku inside this library.
#[uniffi::export]
pub fn lasku_version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
