//! Amount consistency: each row against its quantity, price, discount and VAT rate, and the
//! header against the rows, within one cent (rules in [`crate::money`]).

use rust_decimal::Decimal;

use super::Violation;
use crate::cashin::{SalesInvoice, SalesInvoiceRow};
use crate::money::{self, within_cent};

/// Checks one row's `Nto`, `Tax` and `Total`; paths are relative to the row (`/Nto`).
pub fn check_row_amounts(row: &SalesInvoiceRow) -> Vec<Violation> {
    let mut out = Vec::new();
    let zero = Decimal::ZERO;
    out.extend(cents_only(&[("Nto", row.nto), ("Tax", row.tax), ("Total", row.total), ("Round", row.round)]));
    let expected_net = match (row.qty, row.price) {
        (Some(qty), Some(price)) => {
            let net = money::row_net(qty, price, row.discount_percent.unwrap_or(zero), row.discount.unwrap_or(zero));
            if net.is_none() {
                out.push(overflow("/Nto", format!("Qty {qty} × Price {price}{}", discount_text(row))));
            }
            net
        }
        _ => None,
    };
    if let (Some(net), Some(expected)) = (row.nto, expected_net) {
        if !within_cent(net, expected) {
            out.push(Violation::error(
                "/Nto",
                "amount.row_net",
                format!(
                    "Nto is {net} but Qty {} × Price {}{} gives {expected}",
                    row.qty.unwrap_or(zero),
                    row.price.unwrap_or(zero),
                    discount_text(row)
                ),
            ));
        }
    }
    let net = row.nto.or(expected_net);
    let expected_tax = match (net, row.vat_percent) {
        (Some(net), Some(rate)) => {
            let tax = money::vat(net, rate);
            if tax.is_none() {
                out.push(overflow("/Tax", format!("{rate} % VAT of {net}")));
            }
            tax
        }
        _ => None,
    };
    if let (Some(net), Some(rate), Some(tax), Some(expected)) = (net, row.vat_percent, row.tax, expected_tax) {
        if !within_cent(tax, expected) {
            out.push(Violation::error(
                "/Tax",
                "amount.row_tax",
                format!("Tax is {tax} but {rate} % VAT of {net} is {expected}"),
            ));
        }
    }
    let tax = row.tax.or(expected_tax);
    if let (Some(net), Some(tax), Some(total)) = (net, tax, row.total) {
        let Some(expected) = money::sum([net, tax, row.round.unwrap_or(zero)]) else {
            out.push(overflow("/Total", format!("Nto {net} + Tax {tax}{}", round_text(row.round))));
            return out;
        };
        if !within_cent(total, expected) {
            out.push(Violation::error(
                "/Total",
                "amount.row_total",
                format!("Total is {total} but Nto {net} + Tax {tax}{} is {expected}", round_text(row.round)),
            ));
        }
    }
    out
}

/// An `amount.overflow` error: `what` comes out beyond what a decimal holds.
fn overflow(path: &str, what: String) -> Violation {
    Violation::error(path, "amount.overflow", format!("{what} is beyond what a decimal holds (about 7.9 × 10^28)"))
}

/// `amount.precision` errors for the amounts with more than two decimals.
fn cents_only(amounts: &[(&str, Option<Decimal>)]) -> Vec<Violation> {
    amounts
        .iter()
        .filter_map(|(name, value)| {
            let v = (*value)?;
            (v.round_dp(2) != v).then(|| {
                Violation::error(
                    format!("/{name}"),
                    "amount.precision",
                    format!("{name} {v} has more than two decimals"),
                )
            })
        })
        .collect()
}

fn discount_text(row: &SalesInvoiceRow) -> String {
    let mut text = String::new();
    if let Some(p) = row.discount_percent.filter(|p| !p.is_zero()) {
        text.push_str(&format!(" − {p} %"));
    }
    if let Some(d) = row.discount.filter(|d| !d.is_zero()) {
        text.push_str(&format!(" − {d}"));
    }
    text
}

fn round_text(round: Option<Decimal>) -> String {
    match round.filter(|r| !r.is_zero()) {
        Some(r) => format!(" + Round {r}"),
        None => String::new(),
    }
}

/// Checks `NetAmount`, `TaxAmount` and `TotalAmount` against the rows; paths are absolute.
pub fn check_header_amounts(invoice: &SalesInvoice) -> Vec<Violation> {
    let mut out = Vec::new();
    let zero = Decimal::ZERO;
    out.extend(cents_only(&[
        ("NetAmount", invoice.net_amount),
        ("TaxAmount", invoice.tax_amount),
        ("TotalAmount", invoice.total_amount),
        ("RoundAmount", invoice.round_amount),
    ]));
    let rows = invoice.invoice_rows.as_deref().unwrap_or(&[]);
    let mut sum_net = Some(zero);
    let mut sum_tax = Some(zero);
    // The rows' net by VAT rate (few rates: a list, searched).
    let mut net_by_rate: Vec<(Decimal, Option<Decimal>)> = Vec::new();
    let mut complete = !rows.is_empty();
    for row in rows {
        let net = row.nto.or_else(|| match (row.qty, row.price) {
            (Some(q), Some(p)) => {
                money::row_net(q, p, row.discount_percent.unwrap_or(zero), row.discount.unwrap_or(zero))
            }
            _ => None,
        });
        let rate = row.vat_percent.unwrap_or(zero);
        // A row whose amounts cannot be computed (the row's own rules say why) leaves the
        // header unchecked.
        let Some((net, tax)) = net.and_then(|net| Some((net, row.tax.or_else(|| money::vat(net, rate))?))) else {
            complete = false;
            continue;
        };
        sum_net = sum_net.and_then(|sum| money::add(sum, net));
        sum_tax = sum_tax.and_then(|sum| money::add(sum, tax));
        let rate = rate.normalize();
        match net_by_rate.iter_mut().find(|(known, _)| *known == rate) {
            Some((_, sum)) => *sum = sum.and_then(|sum| money::add(sum, net)),
            None => net_by_rate.push((rate, Some(net))),
        }
    }
    let (Some(sum_net), Some(sum_tax)) = (sum_net, sum_tax) else {
        out.push(overflow("/NetAmount", "the rows' amounts added up".to_owned()));
        return out;
    };
    if !complete {
        return out;
    }
    if let Some(net) = invoice.net_amount {
        if !within_cent(net, sum_net) {
            out.push(Violation::error(
                "/NetAmount",
                "amount.net_total",
                format!("NetAmount is {net} but the rows' Nto add up to {sum_net}"),
            ));
        }
    }
    if let Some(tax) = invoice.tax_amount {
        let by_rate = net_by_rate.iter().map(|(rate, net)| money::vat((*net)?, *rate)).collect::<Option<Vec<_>>>();
        let by_rate = by_rate.and_then(money::sum);
        if !within_cent(tax, sum_tax) && !by_rate.is_some_and(|by_rate| within_cent(tax, by_rate)) {
            out.push(Violation::error(
                "/TaxAmount",
                "amount.tax_total",
                format!("TaxAmount is {tax} but the rows' Tax add up to {sum_tax}"),
            ));
        }
    }
    if let Some(total) = invoice.total_amount {
        let net = invoice.net_amount.unwrap_or(sum_net);
        let tax = invoice.tax_amount.unwrap_or(sum_tax);
        let round = invoice.round_amount.unwrap_or(zero);
        let Some(expected) = money::sum([net, tax, round]) else {
            out.push(overflow("/TotalAmount", format!("NetAmount {net} + TaxAmount {tax}{}", round_text(Some(round)))));
            return out;
        };
        if !within_cent(total, expected) {
            out.push(Violation::error(
                "/TotalAmount",
                "amount.total",
                format!(
                    "TotalAmount is {total} but NetAmount {net} + TaxAmount {tax}{} is {expected}",
                    round_text(Some(round))
                ),
            ));
        }
    }
    out
}
