//! Cash-In API v2: models and operations.
//!
//! Each operation is a pair: a pure function that prepares a [`Call`] from typed input (in
//! [`requests`]), and a [`Client`] method that validates, sends with retries and parses the
//! answer. Where Cash-In's docs are silent the shapes are Inferred; see `docs/cashin-wire.md`
//! and [`crate::catalog`].

mod batch;
mod created;
mod finvoice;
mod invoice;
mod operations;
mod page;
mod payments;
pub mod requests;
mod settle;
mod status;
mod token;

pub use batch::{
    BatchExportLine, BatchInvoices, BatchOutcome, BatchStatus, BatchUpload, BatchUploadQuery, ExportLineStatus,
    SalesInvoiceBatch, SalesInvoiceBatchResponse,
};
pub use created::{SalesInvoiceResponse, SalesInvoiceUpdateResponse, SalesItemResponse};
pub use finvoice::{ElectronicInvoicingContract, FinvoiceAccountUpdate, FinvoiceAccountUpdateResponse};
pub use invoice::{InvoiceLanguage, SalesInvoice, SalesInvoiceRow, SalesInvoiceUpdate, SellerInfo};
pub use page::{Page, PageMeta, PageRequest};
pub use payments::{InvoicePaymentsResponse, Payment, ReceivedPayment, ReceivedPaymentsQuery, SalesInvoicePayment};
pub use settle::Settlement;
pub use status::{DeliveryInformation, DeliveryStatistics, DeliveryStatus, InvoiceQuery, InvoiceState, InvoiceStatus};
pub use token::{RenewResponse, RenewTokenRequest, TokenValidation};

#[allow(unused_imports)]
use crate::client::{Call, Client};
