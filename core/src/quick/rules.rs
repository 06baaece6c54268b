//! An invoice's own rules ([`crate::validate::validate_invoice`]) on the members they read, with
//! amounts as exact [`Fixed`] values instead of `Decimal`s: the quick answer to whether an
//! invoice passes. It answers only "passes" (`Some`); a broken rule, an amount past the bounds of
//! [`Fixed`] or anything unusual is `None`, and the ordinary rules decide then. Each check here
//! is one of those rules, computed on the same values, and every computation the rules make on
//! `Decimal`s is made here too, so where the rules would fail, this does not pass.

use std::borrow::Cow;

use super::fixed::Fixed;
use crate::model::Identifier;
use crate::validate::FinnishTexts;

/// The members of an invoice the rules read.
#[derive(Default)]
pub struct Invoice<'a> {
    pub invoice_number: Option<Identifier>,
    /// Dates as [`super::schema::day`] gives them.
    pub invoice_date: Option<u32>,
    pub due_date: Option<u32>,
    pub sales_name: Option<Cow<'a, str>>,
    pub net_amount: Option<Fixed>,
    pub tax_amount: Option<Fixed>,
    pub total_amount: Option<Fixed>,
    pub round_amount: Option<Fixed>,
    pub reference: Option<Cow<'a, str>>,
    pub finvoice_account: Option<Cow<'a, str>>,
    pub finvoice_ovt: Option<Cow<'a, str>>,
    pub virtual_bank_barcode: Option<Cow<'a, str>>,
    pub seller_iban: Option<Cow<'a, str>>,
    pub seller_bic: Option<Cow<'a, str>>,
    pub seller_business_id: Option<Cow<'a, str>>,
    pub seller_vat_number: Option<Cow<'a, str>>,
    /// `InvoiceRows`, each checked as it was read.
    pub rows: Option<Rows>,
}

/// The members of a row the amount rules read. `VatPercent` is never negative here (not even
/// `-0`, which the rules refuse by its sign): a sign leaves the row to the ordinary rules.
#[derive(Default)]
pub struct Row {
    pub qty: Option<Fixed>,
    pub price: Option<Fixed>,
    pub discount: Option<Fixed>,
    pub discount_percent: Option<Fixed>,
    pub vat_percent: Option<Fixed>,
    pub nto: Option<Fixed>,
    pub tax: Option<Fixed>,
    pub total: Option<Fixed>,
    pub round: Option<Fixed>,
}

/// The most VAT rates an invoice may have here.
const RATES: usize = 6;

/// What the header rules need of the rows that passed their own rules.
#[derive(Default)]
pub struct Rows {
    count: usize,
    sum_net: Fixed,
    sum_tax: Fixed,
    /// The nets summed by VAT rate, in order of appearance.
    by_rate: [(Fixed, Fixed); RATES],
    rates: usize,
}

impl Rows {
    /// Adds a row that passes its own rules (`validate_with` and `check_row_amounts`), and what
    /// `check_header_amounts` takes of it.
    pub fn add(&mut self, row: &Row) -> Option<()> {
        let zero = Fixed::ZERO;
        let (qty, price, rate) = (row.qty?, row.price?, row.vat_percent?);
        if rate.above_hundred()? {
            return None;
        }
        for amount in [row.nto, row.tax, row.total, row.round].into_iter().flatten() {
            amount.cents_only().then_some(())?;
        }
        let expected = Fixed::row_net(qty, price, row.discount_percent.unwrap_or(zero), row.discount.unwrap_or(zero))?;
        let net = match row.nto {
            Some(nto) => nto.within_cent(expected)?.then_some(nto)?,
            None => expected,
        };
        let tax = match row.tax {
            Some(tax) => tax.within_cent(Fixed::vat(net, rate)?)?.then_some(tax)?,
            None => Fixed::vat(net, rate)?,
        };
        if let Some(total) = row.total {
            total.within_cent(net.add(tax)?.add(row.round.unwrap_or(zero))?)?.then_some(())?;
        }
        self.count += 1;
        self.sum_net = self.sum_net.add(net)?;
        self.sum_tax = self.sum_tax.add(tax)?;
        let rates = self.by_rate.get_mut(..self.rates)?;
        match rates.iter_mut().find(|(r, _)| matches!(r.cmp(rate), Some(std::cmp::Ordering::Equal))) {
            Some((_, sum)) => *sum = sum.add(net)?,
            None => {
                *self.by_rate.get_mut(self.rates)? = (rate, net);
                self.rates += 1;
            }
        }
        Some(())
    }
}

impl Invoice<'_> {
    /// `Some` when the invoice passes its own rules; `None` when the ordinary rules must decide.
    pub fn passes(&self) -> Option<()> {
        let zero = Fixed::ZERO;
        let number = self.invoice_number.as_ref()?;
        filled(Some(number.as_str()))?;
        filled(self.sales_name.as_deref())?;
        let (invoice_date, due_date) = (self.invoice_date?, self.due_date?);
        if due_date < invoice_date {
            return None;
        }
        let total = self.total_amount?;
        let rows = self.rows.as_ref().filter(|rows| rows.count > 0)?;
        for amount in [self.net_amount, self.tax_amount, Some(total), self.round_amount].into_iter().flatten() {
            amount.cents_only().then_some(())?;
        }
        if let Some(net) = self.net_amount {
            net.within_cent(rows.sum_net)?.then_some(())?;
        }
        if let Some(tax) = self.tax_amount {
            let mut by_rate = zero;
            for &(rate, net) in rows.by_rate.get(..rows.rates)? {
                by_rate = by_rate.add(Fixed::vat(net, rate)?)?;
            }
            (tax.within_cent(rows.sum_tax)? || tax.within_cent(by_rate)?).then_some(())?;
        }
        let net = self.net_amount.unwrap_or(rows.sum_net);
        let tax = self.tax_amount.unwrap_or(rows.sum_tax);
        total.within_cent(net.add(tax)?.add(self.round_amount.unwrap_or(zero))?)?.then_some(())?;
        FinnishTexts {
            reference: self.reference.as_deref(),
            finvoice_account: self.finvoice_account.as_deref(),
            finvoice_ovt: self.finvoice_ovt.as_deref(),
            virtual_bank_barcode: self.virtual_bank_barcode.as_deref(),
            seller_iban: self.seller_iban.as_deref(),
            seller_bic: self.seller_bic.as_deref(),
            seller_business_id: self.seller_business_id.as_deref(),
            seller_vat_number: self.seller_vat_number.as_deref(),
        }
        .pass()
        .then_some(())
    }
}

/// A text that is present and not blank.
fn filled(text: Option<&str>) -> Option<()> {
    (!text?.trim().is_empty()).then_some(())
}
