//! Building an invoice whose amounts are right by construction.
//!
//! Give each row a quantity, a unit price (net, or VAT-inclusive), an optional discount and the
//! VAT rate; the builder computes every row's `Nto`, `Tax` and `Total` and the header's
//! `NetAmount`, `TaxAmount` and `TotalAmount` with the rule in [`crate::money`], fills the due
//! date from payment terms and the payment reference from the invoice number, and validates the
//! result.

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;

use crate::cashin::{SalesInvoice, SalesInvoiceRow};
use crate::model::InvoiceNumber;
use crate::money;
use crate::validate::validate_invoice;
use crate::Result;

/// Whether a unit price includes VAT.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum PriceBasis {
    /// The unit price is without VAT (the API's `Price`).
    #[default]
    Net,
    /// The unit price includes VAT: the row's total is fixed, net and VAT are split from it.
    Gross,
}

/// One row to build.
#[derive(Debug, Clone, PartialEq)]
pub struct RowInput {
    /// Row description.
    pub description: String,
    /// Quantity.
    pub qty: Decimal,
    /// Unit price (see `basis`).
    pub unit_price: Decimal,
    /// Whether `unit_price` includes VAT.
    pub basis: PriceBasis,
    /// Discount percent (0–100).
    pub discount_percent: Decimal,
    /// VAT percent, e.g. `25.5`.
    pub vat_percent: Decimal,
    /// Product code.
    pub product_code: Option<String>,
    /// Unit, e.g. `kpl`.
    pub unit: Option<String>,
}

impl RowInput {
    /// A row with a net unit price.
    pub fn new(description: impl Into<String>, qty: Decimal, unit_price: Decimal, vat_percent: Decimal) -> Self {
        RowInput {
            description: description.into(),
            qty,
            unit_price,
            basis: PriceBasis::Net,
            discount_percent: Decimal::ZERO,
            vat_percent,
            product_code: None,
            unit: None,
        }
    }

    /// The unit price includes VAT.
    pub fn gross(mut self) -> Self {
        self.basis = PriceBasis::Gross;
        self
    }

    /// A discount percent.
    pub fn discount_percent(mut self, percent: Decimal) -> Self {
        self.discount_percent = percent;
        self
    }

    /// A product code.
    pub fn product_code(mut self, code: impl Into<String>) -> Self {
        self.product_code = Some(code.into());
        self
    }

    /// A unit.
    pub fn unit(mut self, unit: impl Into<String>) -> Self {
        self.unit = Some(unit.into());
        self
    }

    /// Computes the row. An amount that would go beyond what a decimal holds is left out (the
    /// invoice's validation then names it).
    pub fn compute(&self) -> SalesInvoiceRow {
        let hundred = Decimal::ONE_HUNDRED;
        let (price, nto, tax) = match self.basis {
            PriceBasis::Net => {
                let nto = money::row_net(self.qty, self.unit_price, self.discount_percent, Decimal::ZERO);
                (Some(self.unit_price), nto, nto.and_then(|nto| money::vat(nto, self.vat_percent)))
            }
            PriceBasis::Gross => {
                let total = money::mul(self.qty, self.unit_price).and_then(|gross| {
                    let discount = money::div(money::mul(gross, self.discount_percent)?, hundred)?;
                    Some(money::round_cents(money::sub(gross, discount)?))
                });
                let nto =
                    total.and_then(|total| money::net_unit_price(total, self.vat_percent)).map(money::round_cents);
                let price = money::net_unit_price(self.unit_price, self.vat_percent).map(|p| p.round_dp(6).normalize());
                let tax = total.zip(nto).and_then(|(total, nto)| money::sub(total, nto));
                (price, nto, tax)
            }
        };
        SalesInvoiceRow {
            prod_code: self.product_code.clone(),
            description: Some(self.description.clone()),
            vat_percent: Some(self.vat_percent),
            qty: Some(self.qty),
            price,
            discount_percent: (!self.discount_percent.is_zero()).then_some(self.discount_percent),
            nto,
            tax,
            total: nto.zip(tax).and_then(|(nto, tax)| money::add(nto, tax)),
            unit: self.unit.clone(),
            ..SalesInvoiceRow::default()
        }
    }
}

/// Builds a [`SalesInvoice`] with computed amounts.
///
/// ```
/// use lasku::{InvoiceBuilder, RowInput};
/// use rust_decimal::Decimal;
/// let date = chrono::NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
/// let invoice = InvoiceBuilder::new(1001u64)
///     .invoice_date(date)
///     .payment_terms_days(14)
///     .buyer_name("Matti Meikäläinen")
///     .row(RowInput::new("Widget", Decimal::from(3), Decimal::new(1990, 2), Decimal::new(255, 1)))
///     .build()
///     .unwrap();
/// assert_eq!(invoice.net_amount, Some(Decimal::new(5970, 2)));   // 3 × 19.90
/// assert_eq!(invoice.tax_amount, Some(Decimal::new(1522, 2)));   // 25.5 % of 59.70 = 15.2235
/// assert_eq!(invoice.total_amount, Some(Decimal::new(7492, 2)));
/// assert_eq!(invoice.due_date, chrono::NaiveDate::from_ymd_opt(2026, 1, 29));
/// ```
#[derive(Debug, Clone)]
pub struct InvoiceBuilder {
    invoice: SalesInvoice,
    rows: Vec<RowInput>,
    terms_days: Option<u32>,
}

impl InvoiceBuilder {
    /// Starts an invoice with its number, in euros, in Finnish.
    pub fn new(invoice_number: impl Into<InvoiceNumber>) -> Self {
        let invoice = SalesInvoice {
            invoice_number: Some(invoice_number.into()),
            currency: Some("EUR".to_owned()),
            ..SalesInvoice::default()
        };
        InvoiceBuilder { invoice, rows: Vec::new(), terms_days: None }
    }

    /// Starts from an invoice whose other members you filled; its rows are replaced by the
    /// builder's when you add any.
    pub fn from_invoice(invoice: SalesInvoice) -> Self {
        InvoiceBuilder { invoice, rows: Vec::new(), terms_days: None }
    }

    /// The invoice date.
    pub fn invoice_date(mut self, date: NaiveDate) -> Self {
        self.invoice.invoice_date = Some(date);
        self
    }

    /// The due date (instead of payment terms).
    pub fn due_date(mut self, date: NaiveDate) -> Self {
        self.invoice.due_date = Some(date);
        self
    }

    /// Payment terms: the due date is the invoice date plus this many days.
    pub fn payment_terms_days(mut self, days: u32) -> Self {
        self.terms_days = Some(days);
        self
    }

    /// The payment reference (otherwise computed from the invoice number).
    pub fn reference(mut self, reference: impl Into<String>) -> Self {
        self.invoice.reference = Some(reference.into());
        self
    }

    /// The buyer's name.
    pub fn buyer_name(mut self, name: impl Into<String>) -> Self {
        self.invoice.sales_name = Some(name.into());
        self
    }

    /// The buyer's postal address.
    pub fn buyer_address(
        mut self,
        street: impl Into<String>,
        postal_code: impl Into<String>,
        city: impl Into<String>,
        country: impl Into<String>,
    ) -> Self {
        self.invoice.sales_street_address = Some(street.into());
        self.invoice.sales_postal_code = Some(postal_code.into());
        self.invoice.sales_city = Some(city.into());
        self.invoice.sales_country = Some(country.into());
        self
    }

    /// The buyer's e-mail address.
    pub fn buyer_email(mut self, email: impl Into<String>) -> Self {
        self.invoice.sales_email = Some(email.into());
        self
    }

    /// Adds a row.
    pub fn row(mut self, row: RowInput) -> Self {
        self.rows.push(row);
        self
    }

    /// Sets any other member directly.
    pub fn with(mut self, f: impl FnOnce(&mut SalesInvoice)) -> Self {
        f(&mut self.invoice);
        self
    }

    /// Computes the amounts, the due date and the reference, then validates. Errors are
    /// [`crate::Error::Validation`] with every violation.
    pub fn build(self) -> Result<SalesInvoice> {
        let invoice = self.compute();
        validate_invoice(&invoice).into_result()?;
        Ok(invoice)
    }

    /// Computes without validating.
    pub fn compute(mut self) -> SalesInvoice {
        if !self.rows.is_empty() {
            self.invoice.invoice_rows = Some(self.rows.iter().map(RowInput::compute).collect());
        }
        let rows = self.invoice.invoice_rows.as_deref().unwrap_or(&[]);
        // Sums beyond a decimal are left out (the invoice's validation names them).
        let net = money::sum(rows.iter().filter_map(|r| r.nto));
        let tax = money::sum(rows.iter().filter_map(|r| r.tax));
        let round = self.invoice.round_amount.unwrap_or(Decimal::ZERO);
        self.invoice.net_amount = net;
        self.invoice.tax_amount = tax;
        self.invoice.total_amount = net.zip(tax).and_then(|(net, tax)| money::sum([net, tax, round]));
        if let (Some(days), Some(date)) = (self.terms_days, self.invoice.invoice_date) {
            self.invoice.due_date = date.checked_add_days(Days::new(u64::from(days)));
            self.invoice.payment_terms_code.get_or_insert(i64::from(days));
        }
        if self.invoice.reference.is_none() {
            self.invoice.reference = self.invoice.invoice_number.as_ref().and_then(|n| {
                crate::fi::NationalReference::from_invoice_number(n.as_str()).ok().map(|r| r.as_str().to_owned())
            });
        }
        self.invoice
    }
}
