//! The rules for a sales invoice.

use super::{amounts, pointer_token, Report, Violation};
use crate::cashin::{SalesInvoice, SalesInvoiceBatch};
use crate::model::Identifier;

/// Which rules apply.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct InvoiceRules {
    /// An update: only the members present are checked; nothing is required.
    pub partial: bool,
    /// "Create an invoice with seller information": `SellerInfo` is required.
    pub require_seller_info: bool,
}

/// Validates an invoice for "Create an invoice".
///
/// ```
/// let invoice: lasku::cashin::SalesInvoice = serde_json::from_str(r#"{"InvoiceNumber": 1}"#).unwrap();
/// let report = lasku::validate::validate_invoice(&invoice);
/// assert!(report.violations.iter().any(|v| v.path == "/InvoiceDate" && v.code == "required"));
/// ```
pub fn validate_invoice(invoice: &SalesInvoice) -> Report {
    validate_with(invoice, InvoiceRules::default())
}

/// Validates the members present in an update.
pub fn validate_invoice_update(update: &SalesInvoice) -> Report {
    validate_with(update, InvoiceRules { partial: true, ..InvoiceRules::default() })
}

/// Validates an invoice under the given rules.
pub fn validate_with(invoice: &SalesInvoice, rules: InvoiceRules) -> Report {
    let mut v = Vec::new();
    if !rules.partial {
        required(&mut v, "InvoiceNumber", invoice.invoice_number.as_ref().map(|n| n.as_str()));
        required_present(&mut v, "InvoiceDate", invoice.invoice_date.is_some());
        required_present(&mut v, "DueDate", invoice.due_date.is_some());
        required(&mut v, "SalesName", invoice.sales_name.as_deref());
        required_present(&mut v, "TotalAmount", invoice.total_amount.is_some());
        match invoice.invoice_rows.as_deref() {
            None => v.push(Violation::error("/InvoiceRows", "required", "InvoiceRows is required")),
            Some([]) => {
                v.push(Violation::error("/InvoiceRows", "invoice_rows.empty", "an invoice needs at least one row"))
            }
            Some(_) => {}
        }
        if rules.require_seller_info && invoice.seller_info.is_none() {
            v.push(Violation::error(
                "/SellerInfo",
                "required",
                "SellerInfo is required when creating an invoice with seller information",
            ));
        }
    }
    if let Some(number) = &invoice.invoice_number {
        if number.as_str().trim().is_empty() {
            v.push(Violation::error("/InvoiceNumber", "required", "InvoiceNumber is empty"));
        }
    }
    if let (Some(invoice_date), Some(due)) = (invoice.invoice_date, invoice.due_date) {
        if due < invoice_date {
            v.push(Violation::error(
                "/DueDate",
                "date.due_before_invoice",
                format!("DueDate {due} is before InvoiceDate {invoice_date}"),
            ));
        }
    }
    for (i, row) in invoice.invoice_rows.iter().flatten().enumerate() {
        let prefix = || format!("/InvoiceRows/{i}");
        if !rules.partial {
            for (name, present) in
                [("Qty", row.qty.is_some()), ("Price", row.price.is_some()), ("VatPercent", row.vat_percent.is_some())]
            {
                if !present {
                    v.push(Violation::error(
                        format!("{}/{name}", prefix()),
                        "required",
                        format!("{name} is required on every row"),
                    ));
                }
            }
        }
        if let Some(rate) = row.vat_percent {
            if rate.is_sign_negative() || rate > rust_decimal::Decimal::ONE_HUNDRED {
                v.push(Violation::error(
                    format!("{}/VatPercent", prefix()),
                    "vat.range",
                    format!("VatPercent {rate} is not between 0 and 100"),
                ));
            }
        }
        let found = amounts::check_row_amounts(row);
        if !found.is_empty() {
            let prefix = prefix();
            v.extend(found.into_iter().map(|x| x.under(&prefix)));
        }
    }
    v.extend(amounts::check_header_amounts(invoice));
    v.extend(super::finnish::check_finnish_rules(invoice));
    Report { violations: in_path_order(v) }
}

/// Validates a batch: every invoice, with paths into the batch document, plus invoice numbers
/// repeated within the batch.
pub fn validate_batch(batch: &SalesInvoiceBatch) -> Report {
    let mut check = BatchCheck::default();
    for (g, group) in batch.sales_invoices.iter().enumerate() {
        for (i, invoice) in group.sales_invoice.iter().enumerate() {
            check.add(g, i, invoice);
        }
    }
    check.finish()
}

/// The batch rules for one group of borrowed invoices: what [`validate_batch`] reports of a
/// batch of that one group.
pub(crate) fn validate_group(invoices: &[&SalesInvoice]) -> Report {
    let mut check = BatchCheck::default();
    for (i, invoice) in invoices.iter().enumerate() {
        check.add(0, i, invoice);
    }
    check.finish()
}

/// Whether an invoice breaks any of its own rules (warnings do not count).
pub(crate) fn breaks_rules(invoice: &SalesInvoice) -> bool {
    validate_invoice(invoice).violations.iter().any(Violation::is_error)
}

/// The batch rules one invoice at a time, so a caller need not hold every invoice at once.
#[derive(Default)]
pub(crate) struct BatchCheck {
    violations: Vec<Violation>,
    // `table::Keys` (random SipHash keys), not `crate::fx`: the keys are the caller's invoice
    // numbers, which may come from anyone (a service validating uploaded batches).
    seen: crate::table::Table<String, (usize, usize)>,
}

impl BatchCheck {
    /// Checks invoice `i` of group `g`; `true` when it broke a rule (warnings do not count).
    pub(crate) fn add(&mut self, g: usize, i: usize, invoice: &SalesInvoice) -> bool {
        let before = self.violations.len();
        let prefix = |g: usize, i: usize| format!("/SalesInvoices/{g}/SalesInvoice/{i}");
        let found = validate_invoice(invoice).violations;
        if !found.is_empty() {
            let prefix = prefix(g, i);
            self.violations.extend(found.into_iter().map(|x| x.under(&prefix)));
        }
        self.add_number(g, i, invoice.invoice_number.as_ref());
        self.violations.get(before..).is_some_and(|new| new.iter().any(Violation::is_error))
    }

    /// Notes the invoice number of invoice `i` of group `g`, whose own rules were checked
    /// elsewhere; `true` when the number appeared before.
    pub(crate) fn add_number(&mut self, g: usize, i: usize, number: Option<&Identifier>) -> bool {
        let Some(number) = number else { return false };
        let prefix = |g: usize, i: usize| format!("/SalesInvoices/{g}/SalesInvoice/{i}");
        match self.seen.get(number.as_str()).copied() {
            Some((fg, fi)) => {
                self.violations.push(Violation::error(
                    format!("{}/InvoiceNumber", prefix(g, i)),
                    "invoice_number.duplicate",
                    format!("InvoiceNumber {number} already appears at {}", prefix(fg, fi)),
                ));
                true
            }
            None => {
                self.seen.insert(number.as_str().to_owned(), (g, i));
                false
            }
        }
    }

    /// Every violation, in batch order.
    pub(crate) fn finish(self) -> Report {
        Report { violations: self.violations }
    }
}

fn required(v: &mut Vec<Violation>, name: &str, value: Option<&str>) {
    match value {
        None => {
            v.push(Violation::error(format!("/{}", pointer_token(name)), "required", format!("{name} is required")))
        }
        Some(s) if s.trim().is_empty() => {
            v.push(Violation::error(format!("/{}", pointer_token(name)), "required", format!("{name} is empty")))
        }
        Some(_) => {}
    }
}

fn required_present(v: &mut Vec<Violation>, name: &str, present: bool) {
    if !present {
        v.push(Violation::error(format!("/{}", pointer_token(name)), "required", format!("{name} is required")));
    }
}

/// Where a violation goes in the report: `0` for the header's members, `1 + i` for row `i`.
fn path_order(path: &str) -> usize {
    match path.strip_prefix("/InvoiceRows/") {
        Some(rest) => rest.split('/').next().and_then(|i| i.parse::<usize>().ok()).unwrap_or(0).saturating_add(1),
        None => 0,
    }
}

/// The header's violations first, then the rows' by row, each group in the order found: a
/// counting sort by [`path_order`] (the rows number at most the invoice's rows). std's stable
/// sort, for this one call, was 1.8 KB of the WebAssembly module gzipped.
fn in_path_order(found: Vec<Violation>) -> Vec<Violation> {
    let places: Vec<usize> = found.iter().map(|x| path_order(&x.path)).collect();
    if places.windows(2).all(|w| w.first() <= w.get(1)) {
        return found; // already in order, as most reports are
    }
    // `start[p]`: where the violations of place `p` begin.
    let mut start = vec![0usize; places.iter().max().map_or(0, |&m| m.saturating_add(2))];
    for &p in &places {
        if let Some(n) = start.get_mut(p + 1) {
            *n += 1;
        }
    }
    for p in 1..start.len() {
        let before = start.get(p - 1).copied().unwrap_or(0);
        if let Some(n) = start.get_mut(p) {
            *n += before;
        }
    }
    let mut out: Vec<Option<Violation>> = (0..found.len()).map(|_| None).collect();
    for (violation, p) in found.into_iter().zip(places) {
        if let Some(at) = start.get_mut(p) {
            if let Some(slot) = out.get_mut(*at) {
                *slot = Some(violation);
            }
            *at += 1;
        }
    }
    out.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_first_then_rows_by_index_each_in_the_order_found() {
        let found: Vec<Violation> = [
            "/InvoiceRows/10/Qty",
            "/DueDate",
            "/InvoiceRows/2/Qty",
            "/InvoiceRows/10/Tax",
            "/A",
            "/InvoiceRows/2/Nto",
            "/InvoiceRows/x",
        ]
        .into_iter()
        .map(|p| Violation::error(p, "c", "m"))
        .collect();
        let paths: Vec<String> = in_path_order(found).into_iter().map(|v| v.path).collect();
        assert_eq!(
            paths,
            [
                "/DueDate",
                "/A",
                "/InvoiceRows/x",
                "/InvoiceRows/2/Qty",
                "/InvoiceRows/2/Nto",
                "/InvoiceRows/10/Qty",
                "/InvoiceRows/10/Tax"
            ]
        );
        assert!(in_path_order(Vec::new()).is_empty());
    }
}
