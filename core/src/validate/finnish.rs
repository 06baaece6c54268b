//! The Finnish rules of an invoice: the payment reference, the seller's IBAN, BIC, Y-tunnus and
//! VAT number, the buyer's e-invoice address and intermediator, the virtual barcode, and VAT
//! rates by date (see [`crate::fi`]).

use chrono::NaiveDate;

use super::Violation;
use crate::cashin::SalesInvoice;
use crate::fi::{self, EInvoiceAddress};

/// A text member that is present and not blank, trimmed.
fn filled(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Checks the Finnish identifiers and rates of an invoice; paths are absolute.
pub fn check_finnish_rules(invoice: &SalesInvoice) -> Vec<Violation> {
    let mut out = Vec::new();

    if let Some(reference) = filled(&invoice.reference) {
        if let Err(e) = fi::validate_reference(reference) {
            out.push(Violation::error("/Reference", e.code(), format!("Reference {reference:?}: {e}")));
        }
    }
    if let Some(address) = filled(&invoice.finvoice_account) {
        match fi::validate_einvoice_address(address) {
            Err(e) => {
                out.push(Violation::error("/FinvoiceAccount", e.code(), format!("e-invoice address {address:?}: {e}")))
            }
            Ok(EInvoiceAddress::Other(_)) => out.push(Violation::warning(
                "/FinvoiceAccount",
                "einvoice_address.unrecognised",
                format!("e-invoice address {address:?} is neither an OVT code nor an IBAN"),
            )),
            Ok(_) => {}
        }
    }
    if let Some(intermediator) = filled(&invoice.finvoice_ovt) {
        match fi::validate_intermediator(intermediator) {
            Err(e) => out.push(Violation::error(
                "/FinvoiceOVT",
                e.code(),
                format!("e-invoice intermediator {intermediator:?}: {e}"),
            )),
            Ok(i) if !i.is_bic() && i.known_name().is_none() => out.push(Violation::warning(
                "/FinvoiceOVT",
                "intermediator.unrecognised",
                format!("e-invoice intermediator {intermediator:?} is neither a BIC nor a known operator code"),
            )),
            Ok(_) => {}
        }
    }
    if let Some(code) = filled(&invoice.virtual_bank_barcode) {
        match fi::decode_barcode(code) {
            Err(e) => out.push(Violation::error("/VirtualBankBarcode", e.code(), format!("virtual barcode: {e}"))),
            Ok(barcode) => {
                if let Some(total) = invoice.total_amount {
                    if !barcode.amount().is_zero() && barcode.amount() != total {
                        out.push(Violation::warning(
                            "/VirtualBankBarcode",
                            "barcode.amount_mismatch",
                            format!("the barcode's amount {} differs from TotalAmount {total}", barcode.amount()),
                        ));
                    }
                }
            }
        }
    }
    if let Some(seller) = &invoice.seller_info {
        let iban = filled(&seller.seller_iban);
        let mut parsed_iban = None;
        if let Some(iban) = &iban {
            match fi::validate_iban(iban) {
                Ok(ok) => parsed_iban = Some(ok),
                Err(e) => {
                    out.push(Violation::error("/SellerInfo/SellerIban", e.code(), format!("SellerIban {iban:?}: {e}")))
                }
            }
        }
        if let Some(bic) = filled(&seller.seller_bic) {
            match fi::validate_bic(bic) {
                Err(e) => {
                    out.push(Violation::error("/SellerInfo/SellerBic", e.code(), format!("SellerBic {bic:?}: {e}")))
                }
                Ok(bic) => {
                    if let Some(expected) = parsed_iban.as_ref().and_then(fi::bic_for_finnish_iban) {
                        if expected.as_str().get(..8) != bic.as_str().get(..8) {
                            out.push(Violation::warning(
                                "/SellerInfo/SellerBic",
                                "bic.iban_mismatch",
                                format!(
                                    "SellerBic {} does not belong to the bank of SellerIban (expected {})",
                                    bic.as_str(),
                                    expected.as_str()
                                ),
                            ));
                        }
                    }
                }
            }
        }
        if let Some(id) = filled(&seller.seller_business_id) {
            if let Err(e) = fi::validate_ytunnus(id) {
                out.push(Violation::error(
                    "/SellerInfo/SellerBusinessId",
                    e.code(),
                    format!("SellerBusinessId {id:?}: {e}"),
                ));
            }
        }
        if let Some(vat) = filled(&seller.seller_vat_number) {
            if vat.to_ascii_uppercase().starts_with("FI") {
                if let Err(e) = fi::validate_vat_number(vat) {
                    out.push(Violation::error(
                        "/SellerInfo/SellerVatNumber",
                        e.code(),
                        format!("SellerVatNumber {vat:?}: {e}"),
                    ));
                }
            }
        }
    }
    for (i, row) in invoice.invoice_rows.iter().flatten().enumerate() {
        let supply: Option<NaiveDate> = row.delivery_date.or(row.ship_date).or(invoice.invoice_date);
        if let (Some(rate), Some(date)) = (row.vat_percent, supply) {
            if let Err(e) = fi::check_finnish_vat_rate(rate, date) {
                out.push(Violation::warning(format!("/InvoiceRows/{i}/VatPercent"), e.code(), e.to_string()));
            }
        }
    }
    out
}
