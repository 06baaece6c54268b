//! The sales invoice and its rows, as in Cash-In's published batch example.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;

use crate::model::{code, model, InvoiceNumber};

code! {
    /// Language of the invoice (ISO 639-1, upper case in Cash-In's example).
    pub enum InvoiceLanguage {
        /// Finnish.
        "FI" => Finnish,
        /// Swedish.
        "SV" => Swedish,
        /// English.
        "EN" => English,
    }
}

model! {
    /// A sales invoice (`SalesInvoice`). Member names and shapes follow Cash-In's published batch
    /// example; members it does not show are kept in `extra`.
    ///
    /// Build one with [`crate::InvoiceBuilder`], which computes the amounts, or fill the members
    /// yourself and check them with [`crate::validate::validate_invoice`].
    pub struct SalesInvoice {
        /// The invoice number: the natural key that identifies the invoice.
        "InvoiceNumber" => invoice_number: InvoiceNumber,
        /// Status code of the invoice (example `"H"`; the code list is unpublished).
        "Status" => status: String,
        /// Invoice date.
        "InvoiceDate" => invoice_date: NaiveDate,
        /// Due date; never before the invoice date.
        "DueDate" => due_date: NaiveDate,
        /// Seller's reference (the buyer's contact at the seller).
        "SalesReference" => sales_reference: String,
        /// Buyer's reference.
        "BuyersReference" => buyers_reference: String,
        /// Order identifier.
        "OrderIdentifier" => order_identifier: String,
        /// Order timestamp.
        "OrderDate" => order_date: DateTime<Utc>,
        /// Agreement identifier.
        "AgreementIdentifier" => agreement_identifier: String,
        /// Payment terms code (example `14`).
        "PaymentTermsCode" => payment_terms_code: i64,
        /// Invoice language.
        "InvoiceLanguage" => invoice_language: InvoiceLanguage,
        /// ISO 4217 currency (example `EUR`).
        "Currency" => currency: String,
        /// Total without VAT.
        "NetAmount" => net_amount: Decimal,
        /// Discount amount.
        "DiscAmount" => disc_amount: Decimal,
        /// Rounding amount.
        "RoundAmount" => round_amount: Decimal,
        /// Total VAT.
        "TaxAmount" => tax_amount: Decimal,
        /// Total with VAT.
        "TotalAmount" => total_amount: Decimal,
        /// Payment reference: a Finnish reference number or an RF creditor reference.
        "Reference" => reference: String,
        /// Free-text description.
        "Description" => description: String,
        /// Buyer's name.
        "SalesName" => sales_name: String,
        /// Buyer's second name line.
        "SalesName2" => sales_name2: String,
        /// Buyer's street address.
        "SalesStreetAddress" => sales_street_address: String,
        /// Buyer's second street address line.
        "SalesStreetAddress2" => sales_street_address2: String,
        /// Buyer's postal code.
        "SalesPostalCode" => sales_postal_code: String,
        /// Buyer's city.
        "SalesCity" => sales_city: String,
        /// Buyer's country (ISO 3166-1 alpha-2).
        "SalesCountry" => sales_country: String,
        /// Buyer type code (example `"H"`).
        "SalesType" => sales_type: String,
        /// Buyer's customer code at the seller.
        "SalesCustomerCode" => sales_customer_code: String,
        /// Buyer's identifier (Y-tunnus or personal identity code).
        "SalesIdentifier" => sales_identifier: String,
        /// Buyer's e-mail address.
        "SalesEmail" => sales_email: String,
        /// Buyer's phone number.
        "SalesPhone" => sales_phone: String,
        /// Invoice type code (example `"I"`).
        "InvoiceType" => invoice_type: String,
        /// Penalty interest type code (example `"V"`).
        "InterestType" => interest_type: String,
        /// Penalty interest rate, percent.
        "InterestNumber" => interest_number: Decimal,
        /// Virtual bank barcode (54 digits).
        "VirtualBankBarcode" => virtual_bank_barcode: String,
        /// Delivery method code (example `"E"`).
        "DeliveryType" => delivery_type: String,
        /// Payment type.
        "PaymentType" => payment_type: String,
        /// Issue timestamp.
        "IssueDate" => issue_date: DateTime<Utc>,
        /// Finvoice version (example `"2.01"`).
        "FinvoiceVersion" => finvoice_version: String,
        /// Finvoice specification (example `"B2C"`).
        "FinvoiceSpecification" => finvoice_specification: String,
        /// Buyer's e-invoice address (OVT or IBAN).
        "FinvoiceAccount" => finvoice_account: String,
        /// Buyer's e-invoice intermediator (OVT / operator identifier).
        "FinvoiceOVT" => finvoice_ovt: String,
        /// Automatic advancement to collection (example `1`).
        "AutoAdvancement" => auto_advancement: i64,
        /// Where the invoice copy can be downloaded.
        "InvoiceCopyUrl" => invoice_copy_url: String,
        /// Billing name, line 1.
        "BillingName1" => billing_name1: String,
        /// Billing name, line 2.
        "BillingName2" => billing_name2: String,
        /// Billing street address, line 1.
        "BillingStreetAddr1" => billing_street_addr1: String,
        /// Billing street address, line 2.
        "BillingStreetAddr2" => billing_street_addr2: String,
        /// Billing street address, line 3.
        "BillingStreetAddr3" => billing_street_addr3: String,
        /// Billing postal code.
        "BillingPostalCode" => billing_postal_code: String,
        /// Billing city.
        "BillingCity" => billing_city: String,
        /// Billing country.
        "BillingCountry" => billing_country: String,
        /// Billing e-mail address.
        "BillingEmailAddress" => billing_email_address: String,
        /// Delivery name.
        "DeliveryName" => delivery_name: String,
        /// Delivery name, line 2.
        "DeliveryName2" => delivery_name2: String,
        /// Delivery street address, line 1.
        "DeliveryStreetAddr1" => delivery_street_addr1: String,
        /// Delivery street address, line 2.
        "DeliveryStreetAddr2" => delivery_street_addr2: String,
        /// Delivery street address, line 3.
        "DeliveryStreetAddr3" => delivery_street_addr3: String,
        /// Delivery postal code.
        "DeliveryPostalCode" => delivery_postal_code: String,
        /// Delivery city.
        "DeliveryCity" => delivery_city: String,
        /// Delivery country.
        "DeliveryCountry" => delivery_country: String,
        /// Free extended field 1.
        "ExtendedField1" => extended_field1: String,
        /// Free extended field 2.
        "ExtendedField2" => extended_field2: String,
        /// Free extended field 3.
        "ExtendedField3" => extended_field3: String,
        /// Free extended field 4.
        "ExtendedField4" => extended_field4: String,
        /// Free extended field 5.
        "ExtendedField5" => extended_field5: String,
        /// Free extended field 6.
        "ExtendedField6" => extended_field6: String,
        /// Free extended field 7.
        "ExtendedField7" => extended_field7: String,
        /// Free extended field 8.
        "ExtendedField8" => extended_field8: String,
        /// Free extended field 9.
        "ExtendedField9" => extended_field9: String,
        /// Free extended field 10.
        "ExtendedField10" => extended_field10: String,
        /// For a credit note: the credited invoice.
        "CreditedInvoiceInformation" => credited_invoice_information: String,
        /// Seller information, for "Create an invoice with seller information" (Inferred member name).
        "SellerInfo" => seller_info: SellerInfo,
        /// The invoice rows.
        "InvoiceRows" => invoice_rows: Vec<SalesInvoiceRow>,
    }
}

model! {
    /// One invoice row (`SalesInvoiceRow`).
    pub struct SalesInvoiceRow {
        /// Product code.
        "ProdCode" => prod_code: String,
        /// Row description.
        "Description" => description: String,
        /// VAT rate in percent (e.g. `25.5`).
        "VatPercent" => vat_percent: Decimal,
        /// Shipping date.
        "ShipDate" => ship_date: NaiveDate,
        /// Quantity (may be negative on credit notes).
        "Qty" => qty: Decimal,
        /// Unit price without VAT.
        "Price" => price: Decimal,
        /// Discount amount deducted from the row (Inferred meaning).
        "Discount" => discount: Decimal,
        /// Row total without VAT.
        "Nto" => nto: Decimal,
        /// Row VAT.
        "Tax" => tax: Decimal,
        /// Row rounding.
        "Round" => round: Decimal,
        /// Row total with VAT.
        "Total" => total: Decimal,
        /// Free text.
        "Text" => text: String,
        /// Row type code (example `"I"`).
        "Type" => row_type: String,
        /// Discount percent.
        "DiscountPercent" => discount_percent: Decimal,
        /// Unit (example `"kpl"`).
        "Unit" => unit: String,
        /// VAT type code (example `"N"`).
        "VatType" => vat_type: String,
        /// Currency.
        "Currency" => currency: String,
        /// Period start.
        "StartDate" => start_date: NaiveDate,
        /// Period end.
        "EndDate" => end_date: NaiveDate,
        /// Buyer's article identifier.
        "BuyerArticleId" => buyer_article_id: String,
        /// EAN code.
        "EanCode" => ean_code: String,
        /// Serial number.
        "SerialNumber" => serial_number: String,
        /// Delivery identifier.
        "DeliveryIdentifier" => delivery_identifier: String,
        /// Delivery date.
        "DeliveryDate" => delivery_date: NaiveDate,
        /// Manufacturer's order identifier.
        "ManufacturerOrderId" => manufacturer_order_id: String,
        /// Meter number.
        "MeterNbr" => meter_nbr: String,
        /// Meter start value.
        "MeterStartValue" => meter_start_value: String,
        /// Meter end value.
        "MeterEndValue" => meter_end_value: String,
        /// Meter time period.
        "MeterTimePeriod" => meter_time_period: String,
    }
}

model! {
    /// The seller of an invoice sent by an intermediation seller (`SellerInfoDTO`; member names
    /// Inferred: the schema's members are unpublished).
    pub struct SellerInfo {
        /// Seller's name.
        "SellerName" => seller_name: String,
        /// Seller's Y-tunnus.
        "SellerBusinessId" => seller_business_id: String,
        /// Seller's VAT number.
        "SellerVatNumber" => seller_vat_number: String,
        /// Seller's street address.
        "SellerStreetAddress" => seller_street_address: String,
        /// Seller's postal code.
        "SellerPostalCode" => seller_postal_code: String,
        /// Seller's city.
        "SellerCity" => seller_city: String,
        /// Seller's country.
        "SellerCountry" => seller_country: String,
        /// Seller's IBAN.
        "SellerIban" => seller_iban: String,
        /// Seller's BIC.
        "SellerBic" => seller_bic: String,
        /// Seller's e-mail address.
        "SellerEmail" => seller_email: String,
        /// Seller's phone number.
        "SellerPhone" => seller_phone: String,
    }
}

model! {
    /// A postal address (`SalesAddressDTO`; members Inferred).
    pub struct SalesAddress {
        /// Name.
        "Name" => name: String,
        /// Street address.
        "StreetAddress" => street_address: String,
        /// Second street address line.
        "StreetAddress2" => street_address2: String,
        /// Postal code.
        "PostalCode" => postal_code: String,
        /// City.
        "City" => city: String,
        /// Country.
        "Country" => country: String,
    }
}

/// Changes to a sales invoice (`SalesInvoiceUpdate`): any subset of the invoice's members.
/// A member marked with [`SalesInvoice::set_null`] is sent as `null` (clear it).
pub type SalesInvoiceUpdate = SalesInvoice;
