//! Property tests for `lasku::fi`: generate → validate, FI ↔ RF, barcode encode ↔ decode,
//! Y-tunnus generate → validate, and "never panics" on arbitrary input.

// Test helpers outside `#[test]` functions unwrap too; a failure there is a test failure.
#![allow(clippy::unwrap_used)]

use chrono::{Datelike, NaiveDate};
use lasku::fi::barcode::{decode_barcode, VirtualBarcode};
use lasku::fi::hetu::{Hetu, HetuOptions};
use lasku::fi::iban::{iban_check_digits, Iban, IbanError};
use lasku::fi::ovt::{EInvoiceAddress, Intermediator, Ovt};
use lasku::fi::reference::{national_check_digit, NationalReference, Reference, ReferenceError, RfReference};
use lasku::fi::vat::is_finnish_vat_rate;
use lasku::fi::ytunnus::{ytunnus_check_digit, VatNumber, Ytunnus, YtunnusError};
use lasku::fi::{Bic, BicError};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// A base of 3–19 digits that is not all zeros.
fn base() -> impl Strategy<Value = String> {
    "[0-9]{3,19}".prop_filter("not all zeros", |s| s.bytes().any(|b| b != b'0'))
}

/// A base of 3–19 digits without a leading zero.
fn base_without_leading_zero() -> impl Strategy<Value = String> {
    "[1-9][0-9]{2,18}"
}

fn finnish_iban() -> impl Strategy<Value = Iban> {
    "[0-9]{14}".prop_map(|bban| {
        let check = iban_check_digits("FI", &bban).unwrap();
        Iban::parse(&format!("FI{check}{bban}")).unwrap()
    })
}

fn due_date() -> impl Strategy<Value = Option<NaiveDate>> {
    proptest::option::of((2000i32..=2099, 1u32..=12, 1u32..=28))
        .prop_map(|d| d.map(|(y, m, day)| NaiveDate::from_ymd_opt(y, m, day).unwrap()))
}

/// A reference that fits in a barcode: national, or RF with a digits-only payload.
fn barcode_reference() -> impl Strategy<Value = Reference> {
    prop_oneof![
        base().prop_map(|b| Reference::National(NationalReference::from_base(&b).unwrap())),
        "[1-9][0-9]{0,20}".prop_map(|p| Reference::Rf(RfReference::from_payload(&p).unwrap())),
    ]
}

proptest! {
    #[test]
    fn national_generate_then_validate(base in base()) {
        let reference = NationalReference::from_base(&base).unwrap();
        let check = national_check_digit(&base).unwrap();
        prop_assert_eq!(reference.check_digit(), check);
        prop_assert_eq!(NationalReference::parse(&format!("{base}{check}")).unwrap(), reference.clone());
        prop_assert_eq!(NationalReference::parse(reference.as_str()).unwrap(), reference.clone());
        prop_assert_eq!(NationalReference::parse(&reference.machine_format()).unwrap(), reference.clone());
        // The print format parses back unless the significant part is under four digits.
        if reference.significant_digits().len() >= 4 {
            prop_assert_eq!(NationalReference::parse(&reference.formatted()).unwrap(), reference);
        }
    }

    #[test]
    fn national_wrong_check_digit_is_reported(base in base(), offset in 1u8..10) {
        let check = national_check_digit(&base).unwrap();
        let wrong = (check + offset) % 10;
        prop_assert_eq!(
            NationalReference::parse(&format!("{base}{wrong}")).unwrap_err(),
            ReferenceError::CheckDigit { expected: check, found: wrong }
        );
    }

    #[test]
    fn national_single_digit_errors_are_detected(base in base_without_leading_zero(), index in any::<prop::sample::Index>(), delta in 1u8..10) {
        let reference = NationalReference::from_base(&base).unwrap();
        let mut digits: Vec<u8> = reference.as_str().bytes().collect();
        let i = index.index(digits.len() - 1);
        digits[i] = b'0' + (digits[i] - b'0' + delta) % 10;
        let changed = String::from_utf8(digits).unwrap();
        // Any single changed digit (the check digit kept) must make the reference invalid.
        prop_assert!(NationalReference::parse(&changed).is_err(), "{} accepted", changed);
    }

    #[test]
    fn rf_generate_then_validate(payload in "[0-9A-Z]{1,21}") {
        let rf = RfReference::from_payload(&payload).unwrap();
        prop_assert_eq!(rf.payload(), payload.as_str());
        prop_assert_eq!(RfReference::parse(rf.as_str()).unwrap(), rf.clone());
        prop_assert_eq!(RfReference::parse(&rf.formatted()).unwrap(), rf.clone());
        prop_assert_eq!(RfReference::parse(&rf.as_str().to_lowercase()).unwrap(), rf.clone());
        prop_assert_eq!(Reference::parse(rf.as_str()).unwrap(), Reference::Rf(rf));
    }

    #[test]
    fn rf_wrong_check_digits_are_reported(payload in "[0-9A-Z]{1,21}", offset in 1u32..100) {
        // Includes 00, 01 and 99, which satisfy "mod 97 = 1" like 97, 98 and 02 do.
        let rf = RfReference::from_payload(&payload).unwrap();
        let check: u32 = rf.check_digits().parse().unwrap();
        let wrong = format!("{:02}", (check + offset) % 100);
        let err = RfReference::parse(&format!("RF{wrong}{payload}")).unwrap_err();
        prop_assert_eq!(err, ReferenceError::RfChecksum { expected: rf.check_digits().to_owned(), found: wrong });
    }

    #[test]
    fn fi_to_rf_and_back(base in base()) {
        let national = NationalReference::from_base(&base).unwrap();
        let rf = national.to_rf();
        prop_assert_eq!(rf.payload(), national.significant_digits());
        prop_assert_eq!(rf.to_national().unwrap(), national.clone());
        prop_assert_eq!(Reference::Rf(rf).to_national().unwrap(), national);
    }

    #[test]
    fn rf_to_fi_and_back(base in base_without_leading_zero()) {
        let payload = NationalReference::from_base(&base).unwrap().as_str().to_owned();
        let rf = RfReference::from_payload(&payload).unwrap();
        prop_assert_eq!(rf.to_national().unwrap().to_rf(), rf);
    }

    #[test]
    fn barcode_encode_then_decode(
        iban in finnish_iban(),
        cents in 0i64..=99_999_999,
        reference in barcode_reference(),
        due in due_date(),
    ) {
        let amount = Decimal::new(cents, 2);
        let barcode = VirtualBarcode::new(iban.clone(), amount, reference.clone(), due).unwrap();
        let code = barcode.encode();
        prop_assert_eq!(code.len(), 54);
        prop_assert!(code.bytes().all(|b| b.is_ascii_digit()));
        let decoded = decode_barcode(&code).unwrap();
        prop_assert_eq!(decoded.iban(), &iban);
        prop_assert_eq!(decoded.amount(), amount);
        prop_assert_eq!(decoded.reference(), &reference);
        prop_assert_eq!(decoded.due_date(), due);
        prop_assert_eq!(decoded.encode(), code);
    }

    #[test]
    fn barcode_refuses_amounts_over_the_maximum(iban in finnish_iban(), cents in 100_000_000i64..=i64::MAX / 2) {
        let reference = Reference::parse("1232").unwrap();
        let err = VirtualBarcode::new(iban, Decimal::new(cents, 2), reference, None).unwrap_err();
        prop_assert_eq!(err.code(), "barcode.amount_too_large");
    }

    #[test]
    fn ytunnus_generate_then_validate(base in "[0-9]{7}") {
        match ytunnus_check_digit(&base) {
            Some(check) => {
                let id = Ytunnus::from_base(&base).unwrap();
                prop_assert_eq!(id.check_digit(), check);
                prop_assert_eq!(id.to_string(), format!("{base}-{check}"));
                prop_assert_eq!(Ytunnus::parse(&id.to_string()).unwrap(), id.clone());
                prop_assert_eq!(Ytunnus::parse(id.compact()).unwrap(), id.clone());
                prop_assert_eq!(VatNumber::parse(&id.to_vat_number().to_string()).unwrap().to_ytunnus(), id.clone());
                let ovt = Ovt::from_ytunnus(&id, None).unwrap();
                prop_assert_eq!(ovt.ytunnus(), id.clone());
                for wrong in (0..10).filter(|d| *d != check) {
                    prop_assert_eq!(
                        Ytunnus::parse(&format!("{base}-{wrong}")).unwrap_err(),
                        YtunnusError::CheckDigit { expected: check, found: wrong }
                    );
                }
            }
            None => {
                prop_assert_eq!(Ytunnus::from_base(&base).unwrap_err(), YtunnusError::NoCheckDigit { base: base.clone() });
            }
        }
    }

    #[test]
    fn iban_generate_then_validate_and_detect_transpositions(bban in "[0-9]{14}", index in 0usize..13) {
        let check = iban_check_digits("FI", &bban).unwrap();
        let iban = Iban::parse(&format!("FI{check}{bban}")).unwrap();
        prop_assert_eq!(Iban::parse(&iban.formatted()).unwrap(), iban);
        let mut swapped: Vec<u8> = bban.bytes().collect();
        if swapped[index] != swapped[index + 1] {
            swapped.swap(index, index + 1);
            let swapped = String::from_utf8(swapped).unwrap();
            prop_assert_eq!(Iban::parse(&format!("FI{check}{swapped}")).unwrap_err().code(), "iban.checksum");
        }
    }

    #[test]
    fn iban_wrong_check_digits_are_reported(bban in "[0-9]{14}", offset in 1u32..100) {
        // Includes 00, 01 and 99, which satisfy "mod 97 = 1" like 97, 98 and 02 do.
        let check = iban_check_digits("FI", &bban).unwrap();
        let wrong = format!("{:02}", (check.parse::<u32>().unwrap() + offset) % 100);
        let err = Iban::parse(&format!("FI{wrong}{bban}")).unwrap_err();
        prop_assert_eq!(err, IbanError::Checksum { expected: check, found: wrong });
    }

    #[test]
    fn hetu_generate_then_validate(
        days in 0i64..109_572,
        individual in 2u32..1000,
        sign_pick in 0usize..6,
    ) {
        let birth = NaiveDate::from_ymd_opt(1800, 1, 1).unwrap() + chrono::Days::new(days as u64);
        let signs: &[char] = match birth.year() / 100 {
            18 => &['+'],
            19 => &['-', 'Y', 'X', 'W', 'V', 'U'],
            _ => &['A', 'B', 'C', 'D', 'E', 'F'],
        };
        let sign = signs[sign_pick % signs.len()];
        let digits = format!("{}{:03}", birth.format("%d%m%y"), individual);
        let check = "0123456789ABCDEFHJKLMNPRSTUVWXY"
            .chars()
            .nth((digits.parse::<u32>().unwrap() % 31) as usize)
            .unwrap();
        let code = format!("{}{sign}{:03}{check}", birth.format("%d%m%y"), individual);
        let lax = HetuOptions { allow_temporary: true };
        let hetu = Hetu::parse_with(&code, lax).unwrap();
        prop_assert_eq!(hetu.birth_date(), birth);
        prop_assert_eq!(hetu.individual_number() as u32, individual);
        prop_assert_eq!(Hetu::parse(&code).is_ok(), individual < 900);
    }

    #[test]
    fn parsers_never_panic(input in any::<String>()) {
        let _ = NationalReference::parse(&input);
        let _ = NationalReference::parse_lax(&input);
        let _ = NationalReference::from_base(&input);
        let _ = NationalReference::from_invoice_number(&input);
        let _ = RfReference::parse(&input);
        let _ = RfReference::from_payload(&input);
        let _ = Reference::parse(&input);
        let _ = Iban::parse(&input);
        let _ = Bic::parse(&input);
        let _ = Ytunnus::parse(&input);
        let _ = Ytunnus::from_base(&input);
        let _ = VatNumber::parse(&input);
        let _ = Hetu::parse_with(&input, HetuOptions { allow_temporary: true });
        let _ = Ovt::parse(&input);
        let _ = EInvoiceAddress::parse(&input);
        let _ = Intermediator::parse(&input);
        let _ = decode_barcode(&input);
    }

    #[test]
    fn parsers_never_panic_on_near_misses(input in "[0-9A-Za-z +\\-/]{0,60}") {
        let _ = Reference::parse(&input);
        let _ = Iban::parse(&input);
        let _ = Bic::parse(&input).map_err(|e: BicError| e.code());
        let _ = Ytunnus::parse(&input);
        let _ = VatNumber::parse(&input);
        let _ = Hetu::parse(&input);
        let _ = Ovt::parse(&input);
        let _ = EInvoiceAddress::parse(&input);
        let _ = decode_barcode(&input);
    }

    #[test]
    fn barcode_decode_never_panics_on_digit_strings(input in "[0-9]{54}") {
        if let Ok(barcode) = decode_barcode(&input) {
            prop_assert_eq!(barcode.encode(), input);
        }
    }

    #[test]
    fn vat_rate_scale_does_not_matter(tenths in 0i64..300, extra_scale in 0u32..4) {
        let date = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
        let plain = Decimal::new(tenths, 1);
        let scaled = Decimal::new(tenths * 10i64.pow(extra_scale), 1 + extra_scale);
        prop_assert_eq!(is_finnish_vat_rate(plain, date), is_finnish_vat_rate(scaled, date));
    }
}
