//! The buyer's Finvoice (e-invoice) account and electronic invoicing contracts.

use chrono::NaiveDate;

use crate::model::model;

model! {
    /// Sets a customer's e-invoice address; Cash-In creates the account when missing and makes it
    /// the customer's default delivery method (`FinvoiceAccountUpdate`; members Inferred).
    pub struct FinvoiceAccountUpdate {
        /// The customer's code at the seller.
        "CustomerCode" => customer_code: String,
        /// The customer's name.
        "CustomerName" => customer_name: String,
        /// E-invoice address (OVT or IBAN).
        "FinvoiceAddress" => finvoice_address: String,
        /// E-invoice intermediator (operator code or BIC).
        "FinvoiceIntermediator" => finvoice_intermediator: String,
    }
}

model! {
    /// The answer to a Finvoice account update (`FinvoiceAccountUpdateResponse`; members Inferred).
    pub struct FinvoiceAccountUpdateResponse {
        /// The customer's code.
        "CustomerCode" => customer_code: String,
        /// `Created` or `Updated`.
        "StatusDescription" => status_description: String,
        /// The customer's default delivery method after the update.
        "DefaultDeliveryMethod" => default_delivery_method: String,
    }
}

model! {
    /// An electronic invoicing contract from the registry (`ElectronicInvoicingContracts`;
    /// members Inferred).
    pub struct ElectronicInvoicingContract {
        /// The customer's code.
        "CustomerCode" => customer_code: String,
        /// E-invoice address.
        "FinvoiceAddress" => finvoice_address: String,
        /// E-invoice intermediator.
        "FinvoiceIntermediator" => finvoice_intermediator: String,
        /// When the contract was made.
        "ContractDate" => contract_date: NaiveDate,
        /// Contract state.
        "Status" => status: String,
    }
}
