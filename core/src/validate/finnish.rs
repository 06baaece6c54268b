//! The Finnish rules of an invoice: the payment reference, the seller's IBAN, BIC, Y-tunnus and
//! VAT number, the buyer's e-invoice address and intermediator, the virtual barcode, and VAT
//! rates by date (see [`crate::fi`]).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::Violation;
use crate::cashin::SalesInvoice;
use crate::fi::{self, EInvoiceAddress};

/// A text member that is present and not blank, trimmed.
fn filled(v: Option<&str>) -> Option<&str> {
    v.map(str::trim).filter(|s| !s.is_empty())
}

/// The text members the Finnish rules read, as given (blank ones count as absent).
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Texts<'a> {
    pub reference: Option<&'a str>,
    pub finvoice_account: Option<&'a str>,
    pub finvoice_ovt: Option<&'a str>,
    pub virtual_bank_barcode: Option<&'a str>,
    pub seller_iban: Option<&'a str>,
    pub seller_bic: Option<&'a str>,
    pub seller_business_id: Option<&'a str>,
    pub seller_vat_number: Option<&'a str>,
}

impl<'a> Texts<'a> {
    fn of(invoice: &'a SalesInvoice) -> Self {
        let seller = invoice.seller_info.as_ref();
        Texts {
            reference: invoice.reference.as_deref(),
            finvoice_account: invoice.finvoice_account.as_deref(),
            finvoice_ovt: invoice.finvoice_ovt.as_deref(),
            virtual_bank_barcode: invoice.virtual_bank_barcode.as_deref(),
            seller_iban: seller.and_then(|s| s.seller_iban.as_deref()),
            seller_bic: seller.and_then(|s| s.seller_bic.as_deref()),
            seller_business_id: seller.and_then(|s| s.seller_business_id.as_deref()),
            seller_vat_number: seller.and_then(|s| s.seller_vat_number.as_deref()),
        }
    }

    /// Whether they break none of the rules (warnings do not count).
    pub(crate) fn pass(&self) -> bool {
        // A reference of plain digits is settled here without building the parsed reference.
        let reference = self.reference.filter(|r| !plain_national_reference(r.trim()));
        let mut out = Vec::new();
        Texts { reference, ..*self }.check(None, &mut out);
        !out.iter().any(Violation::is_error)
    }

    /// The rules on the text members; `total` is the invoice's `TotalAmount`, for the barcode.
    fn check(&self, total: Option<Decimal>, out: &mut Vec<Violation>) {
        if let Some(reference) = filled(self.reference) {
            if let Err(e) = fi::validate_reference(reference) {
                out.push(Violation::error("/Reference", e.code(), format!("Reference {reference:?}: {e}")));
            }
        }
        if let Some(address) = filled(self.finvoice_account) {
            match fi::validate_einvoice_address(address) {
                Err(e) => out.push(Violation::error(
                    "/FinvoiceAccount",
                    e.code(),
                    format!("e-invoice address {address:?}: {e}"),
                )),
                Ok(EInvoiceAddress::Other(_)) => out.push(Violation::warning(
                    "/FinvoiceAccount",
                    "einvoice_address.unrecognised",
                    format!("e-invoice address {address:?} is neither an OVT code nor an IBAN"),
                )),
                Ok(_) => {}
            }
        }
        if let Some(intermediator) = filled(self.finvoice_ovt) {
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
        if let Some(code) = filled(self.virtual_bank_barcode) {
            match fi::decode_barcode(code) {
                Err(e) => out.push(Violation::error("/VirtualBankBarcode", e.code(), format!("virtual barcode: {e}"))),
                Ok(barcode) => {
                    if let Some(total) = total {
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
        let iban = filled(self.seller_iban);
        let mut parsed_iban = None;
        if let Some(iban) = &iban {
            match fi::validate_iban(iban) {
                Ok(ok) => parsed_iban = Some(ok),
                Err(e) => {
                    out.push(Violation::error("/SellerInfo/SellerIban", e.code(), format!("SellerIban {iban:?}: {e}")))
                }
            }
        }
        if let Some(bic) = filled(self.seller_bic) {
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
        if let Some(id) = filled(self.seller_business_id) {
            if let Err(e) = fi::validate_ytunnus(id) {
                out.push(Violation::error(
                    "/SellerInfo/SellerBusinessId",
                    e.code(),
                    format!("SellerBusinessId {id:?}: {e}"),
                ));
            }
        }
        if let Some(vat) = filled(self.seller_vat_number) {
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
}

/// Whether `r` is 4 to 20 ASCII digits, not all zeros, with the right check digit: exactly the
/// references of only digits that `fi::validate_reference` accepts.
fn plain_national_reference(r: &str) -> bool {
    use crate::fi::reference::{national_check_digit, NATIONAL_MAX_LEN, NATIONAL_MIN_LEN};
    let b = r.as_bytes();
    let Some((&last, base)) = b.split_last() else { return false };
    (NATIONAL_MIN_LEN..=NATIONAL_MAX_LEN).contains(&b.len())
        && b.iter().all(u8::is_ascii_digit)
        && b.iter().any(|&d| d != b'0')
        && national_check_digit(r.get(..base.len()).unwrap_or_default()) == Some(last - b'0')
}

/// Checks the Finnish identifiers and rates of an invoice; paths are absolute.
pub fn check_finnish_rules(invoice: &SalesInvoice) -> Vec<Violation> {
    let mut out = Vec::new();
    Texts::of(invoice).check(invoice.total_amount, &mut out);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_references_are_settled_as_the_parser_settles_them() {
        let mut seed = 12345u64;
        let mut digits = |n: usize| -> String {
            (0..n)
                .map(|_| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    char::from(b'0' + ((seed >> 33) % 10) as u8)
                })
                .collect()
        };
        let mut texts: Vec<String> = (0..23).flat_map(|n| (0..40).map(|_| digits(n)).collect::<Vec<_>>()).collect();
        texts.extend(
            ["0000", "00000000000000000000", "0013", "1000012", "1000013", "1 000012", "RF471000012", "१२३४"]
                .map(String::from),
        );
        for text in texts {
            let fast = plain_national_reference(&text);
            let parsed = fi::validate_reference(&text).is_ok();
            assert!(!fast || parsed, "{text}");
            if text.bytes().all(|b| b.is_ascii_digit()) {
                assert_eq!(fast, parsed, "{text}");
            }
        }
    }
}
