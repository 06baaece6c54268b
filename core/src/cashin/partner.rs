//! Confirma Software partner operations, called with the partner master key (members Inferred;
//! see `docs/cashin-wire.md`).

use chrono::{DateTime, Utc};

use super::ContactPerson;
use crate::model::model;
use crate::Secret;

model! {
    /// The creditor's company details (`CreditorData`).
    pub struct CreditorData {
        /// Company name.
        "Name" => name: String,
        /// Y-tunnus.
        "BusinessId" => business_id: String,
        /// VAT number.
        "VatNumber" => vat_number: String,
        /// Street address.
        "StreetAddress" => street_address: String,
        /// Postal code.
        "PostalCode" => postal_code: String,
        /// City.
        "City" => city: String,
        /// Country.
        "Country" => country: String,
        /// E-mail address.
        "Email" => email: String,
        /// Phone number.
        "Phone" => phone: String,
        /// Website.
        "Website" => website: String,
        /// Language.
        "LanguageCode" => language_code: String,
        /// Settlement account.
        "Iban" => iban: String,
        /// Its BIC.
        "Bic" => bic: String,
    }
}

model! {
    /// A creditor to register (`Creditor`).
    pub struct Creditor {
        /// Company details.
        "CreditorData" => creditor_data: CreditorData,
        /// Contact persons.
        "ContactPersons" => contact_persons: Vec<ContactPerson>,
        /// Service, e.g. `LIFECYCLE`.
        "ServiceType" => service_type: String,
    }
}

model! {
    /// A registered creditor and its API key (`CreditorResponse`). The key is a [`Secret`].
    pub struct CreditorResponse {
        /// Human-readable status.
        "StatusDescription" => status_description: String,
        /// Y-tunnus.
        "BusinessId" => business_id: String,
        /// Cash-In customer code.
        "CustomerCode" => customer_code: String,
        /// The creditor's access token.
        "ApiKey" => api_key: Secret,
    }
}

model! {
    /// Changes to a creditor's details (`CreditorUpdateDetails`).
    pub struct CreditorUpdateDetails {
        /// E-mail address.
        "Email" => email: String,
        /// Phone number.
        "Phone" => phone: String,
        /// Street address.
        "StreetAddress" => street_address: String,
        /// Postal code.
        "PostalCode" => postal_code: String,
        /// City.
        "City" => city: String,
        /// Settlement account.
        "Iban" => iban: String,
        /// Its BIC.
        "Bic" => bic: String,
        /// Website.
        "Website" => website: String,
    }
}

model! {
    /// The body of "Update creditor" (`CreditorUpdateData`).
    pub struct CreditorUpdateData {
        /// The changed details.
        "CreditorDetails" => creditor_details: CreditorUpdateDetails,
        /// Contact persons (replace the old ones).
        "ContactPersons" => contact_persons: Vec<ContactPerson>,
    }
}

model! {
    /// The answer to "Update creditor" (`CreditorUpdateResponse`).
    pub struct CreditorUpdateResponse {
        /// Y-tunnus.
        "BusinessId" => business_id: String,
        /// Human-readable status.
        "StatusDescription" => status_description: String,
        /// The members that changed.
        "UpdatedFields" => updated_fields: Vec<String>,
    }
}

model! {
    /// A creditor's current API credentials (`CreditorDetails`). The key is a [`Secret`].
    pub struct CreditorDetails {
        /// Y-tunnus.
        "BusinessId" => business_id: String,
        /// Company name.
        "Name" => name: String,
        /// Cash-In customer code.
        "CustomerCode" => customer_code: String,
        /// The creditor's access token.
        "ApiKey" => api_key: Secret,
    }
}

model! {
    /// One e-invoice address of a company in the Finvoice registry
    /// (`Finvoice Registry Credentials Record`).
    pub struct FinvoiceRegistryCredentialsRecord {
        /// Name of the address.
        "EInvoiceAddressName" => e_invoice_address_name: String,
        /// The address (OVT or IBAN).
        "EInvoiceAddress" => e_invoice_address: String,
        /// `EDI` or `IBAN`.
        "EInvoiceAddressType" => e_invoice_address_type: String,
        /// Operator identifier.
        "EInvoiceOperatorId" => e_invoice_operator_id: String,
        /// Operator name.
        "EInvoiceOperatorName" => e_invoice_operator_name: String,
        /// Last change.
        "LastModified" => last_modified: DateTime<Utc>,
    }
}

model! {
    /// A creditor's identifiers in external agreements (`ExternalAgreementIdentifiers`).
    pub struct ExternalAgreementIdentifiers {
        /// Y-tunnus.
        "BusinessId" => business_id: String,
        /// The identifiers.
        "Identifiers" => identifiers: Vec<CreditorIdentifiers>,
    }
}

model! {
    /// One identifier of a creditor (`CreditorIdentifiers`).
    pub struct CreditorIdentifiers {
        /// What kind (e.g. `CustomerCode`, `OVT`).
        "Type" => identifier_type: String,
        /// The value.
        "Value" => value: String,
    }
}

model! {
    /// A text message to send (`SmsData`).
    pub struct SmsData {
        /// Recipient in E.164 form, e.g. `+358401234567`.
        "PhoneNumber" => phone_number: String,
        /// Text, at most 612 characters.
        "Message" => message: String,
        /// Sender name.
        "Sender" => sender: String,
    }
}

model! {
    /// The answer to sending a text message (`SmsResponse`).
    pub struct SmsResponse {
        /// The message's identifier.
        "MessageId" => message_id: String,
        /// e.g. `Queued`.
        "Status" => status: String,
        /// Delivery report, when known.
        "DeliveryReport" => delivery_report: SmsDeliveryReport,
    }
}

model! {
    /// A text message's delivery report (`SmsDeliveryReport`).
    pub struct SmsDeliveryReport {
        /// Delivery state.
        "Status" => status: String,
        /// When it was delivered.
        "DeliveredAt" => delivered_at: DateTime<Utc>,
    }
}
