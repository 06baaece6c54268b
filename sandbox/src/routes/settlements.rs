//! `list_settlements`, `retrieve_settlement`, `list_direct_settlements`,
//! `retrieve_direct_settlement` and `retrieve_credit_loss_receivables`, and the admin hooks
//! that create settlements and credit losses.

use serde_json::{json, Value};

use super::{ok, Call, Reply};
use crate::errors::ApiError;
use crate::state::collection::{Case, CaseReceivable, CreditLossError};
use crate::state::ledger::{Settled, SettlementKind};
use crate::state::{App, Inner, Settlement};
use crate::values::{date_value, money, today};

/// Days before today that settlement lists cover when no date range is given.
pub const DEFAULT_SETTLEMENT_WINDOW_DAYS: u64 = 30;
/// Ledger account debited with the capital of a credit loss.
pub const CREDIT_LOSS_ACCOUNT: &str = "8460";
/// Ledger account credited with the capital of a credit loss (trade receivables).
pub const RECEIVABLES_ACCOUNT: &str = "1700";

fn kind_name(kind: SettlementKind) -> &'static str {
    match kind {
        SettlementKind::Collection => "Settlement",
        SettlementKind::Direct => "Direct settlement",
    }
}

/// Settlements (or direct settlements) dated within `dateFrom` / `dateTo` (inclusive; the last
/// 30 days when neither is given), oldest first, paged.
pub(crate) fn list(app: &App, call: &Call, kind: SettlementKind) -> Reply {
    let q = &call.query;
    let paging = q.paging()?;
    let range = q.window("dateFrom", "dateTo", Some(DEFAULT_SETTLEMENT_WINDOW_DAYS))?;
    let items = app.with(|s| {
        s.settlements
            .iter()
            .filter(|x| x.kind == kind && range.contains(x.date))
            .map(|x| {
                json!({
                    "SettlementNumber": x.number,
                    "SettlementDate": date_value(x.date),
                    "TotalAmount": money(x.total),
                    "Currency": x.currency,
                })
            })
            .collect::<Vec<_>>()
    });
    ok(paging.list(items))
}

fn rows(s: &Inner, settlement: &Settlement) -> Vec<Value> {
    settlement
        .allocations
        .iter()
        .filter_map(|id| s.allocation(*id))
        .map(|a| match settlement.kind {
            SettlementKind::Collection => json!({
                "CaseId": a.case_id,
                "InvoiceNumber": a.invoice_number,
                "Reference": a.reference,
                "PaymentDate": date_value(a.payment_date),
                "CapitalAmount": money(a.parts.capital),
                "InterestAmount": money(a.parts.interest),
                "CostsAmount": money(a.parts.costs),
                "TotalAmount": money(a.parts.total()),
            }),
            SettlementKind::Direct => json!({
                "InvoiceNumber": a.invoice_number,
                "Reference": a.reference,
                "PaymentDate": date_value(a.payment_date),
                "Amount": money(a.parts.total()),
            }),
        })
        .collect()
}

/// One settlement (or direct settlement) with a row per allocated payment; 404 unknown.
pub(crate) fn retrieve(app: &App, call: &Call, kind: SettlementKind) -> Reply {
    let number = call.id_param("settlementNumber")?;
    app.with(|s| {
        let settlement = s
            .settlement(kind, number)
            .ok_or_else(|| ApiError::not_found(format!("{} {number} not found", kind_name(kind))))?;
        ok(json!({
            "SettlementNumber": settlement.number,
            "SettlementDate": date_value(settlement.date),
            "TotalAmount": money(settlement.total),
            "Currency": settlement.currency,
            "Rows": rows(s, settlement),
        }))
    })
}

/// The ledger entry of a credit loss: the outstanding capital debited to credit losses and
/// credited to trade receivables, with the case and invoice as dimensions.
fn accounting(case: &Case, r: &CaseReceivable) -> Value {
    let capital = r.outstanding().capital;
    let dimensions = json!([
        { "Name": "CaseId", "Value": case.id.to_string() },
        { "Name": "InvoiceNumber", "Value": r.key },
    ]);
    json!({
        "Ledgers": [{
            "LedgerDate": case.credit_loss_on.map(date_value),
            "Description": format!("Credit loss, case {}, invoice {}", case.id, r.key),
            "Rows": [
                { "Account": CREDIT_LOSS_ACCOUNT, "Debit": money(capital), "Credit": money(rust_decimal::Decimal::ZERO), "Dimensions": dimensions },
                { "Account": RECEIVABLES_ACCOUNT, "Debit": money(rust_decimal::Decimal::ZERO), "Credit": money(capital), "Dimensions": dimensions },
            ],
        }],
    })
}

/// One `CreditLossReceivable` per receivable of the cases in stage CreditLoss, with the amounts
/// still outstanding, filtered by `dateFrom` / `dateTo` on the credit-loss date (no default
/// window), paged.
pub(crate) fn credit_losses(app: &App, call: &Call) -> Reply {
    let q = &call.query;
    let paging = q.paging()?;
    let range = q.window("dateFrom", "dateTo", None)?;
    let items = app.with(|s| {
        s.cases
            .iter()
            .filter(|c| c.credit_loss_on.is_some() && range.contains_some(c.credit_loss_on))
            .flat_map(|c| {
                c.receivables.iter().map(move |r| {
                    let outstanding = r.outstanding();
                    json!({
                        "CaseId": c.id,
                        "InvoiceNumber": r.number,
                        "Reference": r.reference,
                        "DebtorName": c.debtor_name(),
                        "CreditLossDate": c.credit_loss_on.map(date_value),
                        "CapitalAmount": money(outstanding.capital),
                        "InterestAmount": money(outstanding.interest),
                        "CostsAmount": money(outstanding.costs),
                        "AccountingData": accounting(c, r),
                    })
                })
            })
            .collect::<Vec<_>>()
    });
    ok(paging.list(items))
}

/// Settles every allocated payment transaction not yet settled (admin).
pub(crate) fn settle(app: &App) -> Settled {
    app.with(|s| s.settle(today()))
}

/// Moves a case to stage CreditLoss (admin); answers `{CaseId, Status, Stage, CreditLossDate}`.
pub(crate) fn credit_loss(app: &App, case_id: u64) -> Result<Value, ApiError> {
    app.with(|s| match s.credit_loss(case_id, today()) {
        Ok(case) => Ok(json!({
            "CaseId": case.id,
            "Status": case.status(),
            "Stage": case.stage.as_str(),
            "CreditLossDate": case.credit_loss_on.map(date_value),
        })),
        Err(CreditLossError::Unknown) => Err(ApiError::not_found(format!("Case {case_id} not found"))),
        Err(CreditLossError::Closed) => {
            Err(ApiError::business(format!("Case {case_id} is closed (paid) and cannot become a credit loss")))
        }
    })
}
