//! The Finnish toolkit snippet of the README, kept compiling and true.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use lasku::fi;

#[test]
fn readme_finnish_toolkit_snippet() -> Result<(), Box<dyn std::error::Error>> {
    let reference = fi::NationalReference::from_invoice_number("INV-2024-0042")?; // 202400424
    assert_eq!(reference.as_str(), "202400424");
    assert_eq!(reference.to_rf().formatted(), "RF67 2024 0042 4");
    let iban = fi::validate_iban("FI21 1234 5600 0007 85")?;
    assert_eq!(fi::bic_for_finnish_iban(&iban).map(|b| b.as_str().to_owned()).as_deref(), Some("NDEAFIHH"));
    let code = fi::encode_barcode("FI2112345600000785", "4883.15".parse()?, "868516259619897", None)?;
    assert_eq!(code.len(), 54);
    Ok(())
}
