//! Meter reading documents (Document endpoints; members Inferred; see `docs/cashin-wire.md`).

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;

use crate::model::model;

/// The body of "Create meter reading documents" (`MeterDocumentList`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MeterDocumentList {
    /// The documents.
    pub documents: Vec<MeterDocument>,
}

model! {
    /// One meter reading document (`MeterDocument`).
    pub struct MeterDocument {
        /// The document's number (its key).
        "DocumentNumber" => document_number: String,
        /// Document date.
        "DocumentDate" => document_date: NaiveDate,
        /// The company that reads the meters.
        "Company" => company: MeterCompany,
        /// The customer.
        "Customer" => customer: DocumentCustomer,
        /// Where the meters are.
        "UsageLocation" => usage_location: MeterUsageLocation,
        /// The readings.
        "Readings" => readings: Vec<MeterReading>,
    }
}

model! {
    /// The company that reads the meters (`MeterCompany`).
    pub struct MeterCompany {
        /// Name.
        "Name" => name: String,
        /// Y-tunnus.
        "BusinessId" => business_id: String,
        /// Street address.
        "StreetAddress" => street_address: String,
        /// Postal code.
        "PostalCode" => postal_code: String,
        /// City.
        "City" => city: String,
    }
}

model! {
    /// The customer of a document (`DocumentCustomer`).
    pub struct DocumentCustomer {
        /// Customer code.
        "CustomerCode" => customer_code: String,
        /// Name.
        "Name" => name: String,
        /// Street address.
        "StreetAddress" => street_address: String,
        /// Postal code.
        "PostalCode" => postal_code: String,
        /// City.
        "City" => city: String,
        /// E-mail address.
        "Email" => email: String,
    }
}

model! {
    /// Where the meters are (`MeterUsageLocation`).
    pub struct MeterUsageLocation {
        /// Location identifier.
        "LocationId" => location_id: String,
        /// Street address.
        "StreetAddress" => street_address: String,
        /// Postal code.
        "PostalCode" => postal_code: String,
        /// City.
        "City" => city: String,
    }
}

model! {
    /// One reading (`MeterReading`).
    pub struct MeterReading {
        /// Meter number.
        "MeterNumber" => meter_number: String,
        /// When it was read.
        "ReadingDate" => reading_date: NaiveDate,
        /// The reading.
        "ReadingValue" => reading_value: Decimal,
        /// The previous reading.
        "PreviousReadingValue" => previous_reading_value: Decimal,
        /// Consumption since the previous reading.
        "Consumption" => consumption: Decimal,
        /// Unit (e.g. `kWh`, `m3`).
        "Unit" => unit: String,
    }
}

model! {
    /// The answer to creating documents (`DocumentResponse`).
    pub struct DocumentResponse {
        /// Human-readable status.
        "StatusDescription" => status_description: String,
        /// How many documents.
        "QtyOfDocuments" => qty_of_documents: u64,
        /// One result per document.
        "Documents" => documents: Vec<DocumentResult>,
    }
}

model! {
    /// What happened to one document.
    pub struct DocumentResult {
        /// The document.
        "DocumentNumber" => document_number: String,
        /// e.g. `Created`.
        "Status" => status: String,
    }
}

model! {
    /// The state of the service ("Service Status").
    pub struct ServiceStatus {
        /// e.g. `OK`.
        "Status" => status: String,
        /// API version.
        "Version" => version: String,
        /// When the status was taken.
        "Timestamp" => timestamp: DateTime<Utc>,
        /// State of each part.
        "Services" => services: Vec<ServiceComponent>,
    }
}

model! {
    /// The state of one part of the service.
    pub struct ServiceComponent {
        /// Part name.
        "Name" => name: String,
        /// e.g. `OK`.
        "Status" => status: String,
    }
}

crate::model::list_wrapper!(MeterDocumentList { "Documents" => documents: Vec<MeterDocument> });
