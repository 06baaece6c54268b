//! Cash-In API v2: models and operations.
//!
//! Each operation is a pair: a pure function that prepares a [`crate::Call`] from typed input
//! (in [`requests`]), and a [`crate::Client`] method of the same name that validates, sends with
//! retries and parses the answer. Where Cash-In's docs are silent the shapes are Inferred; see
//! `docs/cashin-wire.md`, [`crate::catalog`] and [`schemas`] (every schema name the docs give,
//! with its type here).

mod allocated;
mod batch;
mod chunked;
mod collection;
mod created;
mod documents;
mod errors;
mod external;
mod finvoice;
mod invoice;
mod operations;
mod page;
mod partner;
mod payments;
mod registry;
pub mod requests;
pub mod schemas;
mod settle;
mod settlements;
mod status;
mod token;

pub use allocated::{
    AllocatedPaymentTransactionItem, AllocatedPaymentTransactionsQuery, PaymentAmountsInfo, PaymentDatesInfo,
    PaymentTypeInfo, SortOrder,
};
pub use batch::{
    BatchExportLine, BatchInvoices, BatchOutcome, BatchState, BatchUpload, BatchUploadQuery, ExportLineStatus,
    SalesInvoiceBatch, SalesInvoiceBatchResponse,
};
pub use chunked::{BatchOptions, BatchReport, ItemOutcome};
pub use collection::{
    BatchDataResponse, BatchStatus, Case, CaseInvoiceExtended, CaseList, CaseQuery, CaseStage, CaseSummary,
    CollectionResponse, CustomParameters, Debtor, DebtorType, Receivable, ReceivablesList,
};
pub use created::{CreatedInvoice, SalesInvoiceResponse, SalesInvoiceUpdateResponse};
pub use documents::{
    DocumentCustomer, DocumentResponse, DocumentResult, MeterCompany, MeterDocument, MeterDocumentList, MeterReading,
    MeterUsageLocation, ServiceComponent, ServiceStatus,
};
pub use errors::{ErrorMessage, Messages, ValidationResponse};
pub use external::{
    DirectPayment, ExternalAgreementStatusResponse, ExternalInvoiceActions, ExternalInvoiceRows,
    IntermediationInvoiceDirectPaymentResponse, IntermediationInvoiceDirectPayments, IntermediatorInvoice,
    InvoiceAction, InvoiceActionCode, InvoiceActionResponse, InvoiceActionResult,
};
pub use finvoice::{ElectronicInvoicingContract, FinvoiceAccountUpdate, FinvoiceAccountUpdateResponse};
pub use invoice::{InvoiceLanguage, SalesAddress, SalesInvoice, SalesInvoiceRow, SalesInvoiceUpdate, SellerInfo};
pub use page::{Page, PageMeta, PageRequest};
pub use partner::{
    Creditor, CreditorData, CreditorDetails, CreditorIdentifiers, CreditorResponse, CreditorUpdateData,
    CreditorUpdateDetails, CreditorUpdateResponse, ExternalAgreementIdentifiers, FinvoiceRegistryCredentialsRecord,
    SmsData, SmsDeliveryReport, SmsResponse,
};
pub use payments::{InvoicePaymentsResponse, Payment, ReceivedPayment, ReceivedPaymentsQuery, SalesInvoicePayment};
pub use registry::{
    ContactPerson, OnlineCustomer, OnlineCustomerResponse, OnlineCustomerUpdateResponse, OnlineCustomers,
    OnlineProduct, RegistryItemResult, SalesItemResponse, SalesItems,
};
pub use settle::SettledOutcome;
pub use settlements::{
    CreditLossReceivable, DateRangeQuery, DirectSettlementList, DirectSettlementRows, DirectSettlements,
    IntegrationsAccountingLedgerData, LedgerRowDimensions, LedgerRows, Ledgers, Settlement, SettlementList,
    SettlementRows,
};
pub use status::{DeliveryInformation, DeliveryStatistics, DeliveryStatus, InvoiceQuery, InvoiceState, InvoiceStatus};
pub use token::{RenewResponse, RenewTokenRequest, TokenValidation};
