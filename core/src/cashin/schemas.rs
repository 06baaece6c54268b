//! Every schema the Cash-In documentation names, and the lasku type that models it.
//!
//! Where the documentation's name reads badly as a Rust type (or names a list of another
//! schema), the type has a clearer name and the documentation's name is an alias here, so both
//! are found.

use super::*;

/// `OnlineInvoiceBatchProcedureOutcomeDto`.
pub type OnlineInvoiceBatchProcedureOutcomeDto = BatchOutcome;
/// `OnlineInvoiceBatchListResponse`.
pub type OnlineInvoiceBatchListResponse = Page<BatchUpload>;
/// `OnlineInvoiceBatchListItemDto`.
pub type OnlineInvoiceBatchListItemDto = BatchUpload;
/// `OnlineInvoiceBatchExportLineDto`.
pub type OnlineInvoiceBatchExportLineDto = BatchExportLine;
/// `AllocatedPaymentTransactionsResponse`.
pub type AllocatedPaymentTransactionsResponse = Page<AllocatedPaymentTransactionItem>;
/// `AllocatedPaymentTransactionsMeta`.
pub type AllocatedPaymentTransactionsMeta = PageMeta;
/// `BatchInvoicesList`.
pub type BatchInvoicesList = SalesInvoiceBatch;
/// `ElectronicInvoicingContracts`.
pub type ElectronicInvoicingContracts = ElectronicInvoicingContract;
/// `ExternalInvoice`.
pub type ExternalInvoice = IntermediatorInvoice;
/// `Invoice`.
pub type Invoice = SalesInvoice;
/// `InvoicesDeliveryInformation`.
pub type InvoicesDeliveryInformation = DeliveryInformation;
/// `NxsReceivedPayments`.
pub type NxsReceivedPayments = ReceivedPayment;
/// `OnlineInvoicePaymentControl`.
pub type OnlineInvoicePaymentControl = InvoiceStatus;
/// `OnlineSalesInvoices`.
pub type OnlineSalesInvoices = BatchInvoices;
/// `PagedSalesInvoicesResponse`.
pub type PagedSalesInvoicesResponse = Page<SalesInvoice>;
/// `ReceivedPaymentRows`.
pub type ReceivedPaymentRows = ReceivedPayment;
/// `ReceivedPayments`.
pub type ReceivedPayments = ReceivedPayment;
/// `ReceivedPaymentsResponse`.
pub type ReceivedPaymentsResponse = Page<ReceivedPayment>;
/// `SalesAddressDTO`.
pub type SalesAddressDTO = SalesAddress;
/// `SalesInvoiceWithSellerInfoDTO`.
pub type SalesInvoiceWithSellerInfoDTO = SalesInvoice;
/// `SellerInfoDTO`.
pub type SellerInfoDTO = SellerInfo;
/// `ViewOnlineInvoiceDeliveryStats`.
pub type ViewOnlineInvoiceDeliveryStats = DeliveryStatistics;
/// `Finvoice Registry Credentials Record`.
pub type FinvoiceRegistryCredentials = FinvoiceRegistryCredentialsRecord;

/// Every schema name of the documentation's navigation, with the lasku type that models it.
pub const SCHEMAS: &[(&str, &str)] = &[
    ("BatchDataResponse", "BatchDataResponse"),
    ("SalesInvoiceBatchResponse", "SalesInvoiceBatchResponse"),
    ("OnlineInvoiceBatchProcedureOutcomeDto", "BatchOutcome"),
    ("OnlineInvoiceBatchListResponse", "Page<BatchUpload>"),
    ("OnlineInvoiceBatchListItemDto", "BatchUpload"),
    ("OnlineInvoiceBatchExportLineDto", "BatchExportLine"),
    ("AllocatedPaymentTransactionsResponse", "Page<AllocatedPaymentTransactionItem>"),
    ("Finvoice Registry Credentials Record", "FinvoiceRegistryCredentialsRecord"),
    ("BatchInvoices", "BatchInvoices"),
    ("AllocatedPaymentTransactionItem", "AllocatedPaymentTransactionItem"),
    ("SalesInvoice", "SalesInvoice"),
    ("BatchInvoicesList", "SalesInvoiceBatch"),
    ("PaymentTypeInfo", "PaymentTypeInfo"),
    ("BatchStatus", "BatchStatus"),
    ("PaymentDatesInfo", "PaymentDatesInfo"),
    ("Case", "Case"),
    ("PaymentAmountsInfo", "PaymentAmountsInfo"),
    ("CaseInvoiceExtended", "CaseInvoiceExtended"),
    ("AllocatedPaymentTransactionsMeta", "PageMeta"),
    ("CaseList", "CaseList"),
    ("CaseSummary", "CaseSummary"),
    ("CollectionResponse", "CollectionResponse"),
    ("ContactPerson", "ContactPerson"),
    ("CreditLossReceivable", "CreditLossReceivable"),
    ("Creditor", "Creditor"),
    ("CreditorData", "CreditorData"),
    ("CreditorDetails", "CreditorDetails"),
    ("CreditorIdentifiers", "CreditorIdentifiers"),
    ("CreditorResponse", "CreditorResponse"),
    ("CreditorUpdateData", "CreditorUpdateData"),
    ("CreditorUpdateDetails", "CreditorUpdateDetails"),
    ("CreditorUpdateResponse", "CreditorUpdateResponse"),
    ("CustomParameters", "CustomParameters"),
    ("Debtor", "Debtor"),
    ("DirectSettlementList", "DirectSettlementList"),
    ("DirectSettlementRows", "DirectSettlementRows"),
    ("DirectSettlements", "DirectSettlements"),
    ("DocumentCustomer", "DocumentCustomer"),
    ("DocumentResponse", "DocumentResponse"),
    ("ElectronicInvoicingContracts", "ElectronicInvoicingContract"),
    ("ErrorMessage", "ErrorMessage"),
    ("ExternalAgreementIdentifiers", "ExternalAgreementIdentifiers"),
    ("ExternalAgreementStatusResponse", "ExternalAgreementStatusResponse"),
    ("ExternalInvoice", "IntermediatorInvoice"),
    ("ExternalInvoiceActions", "ExternalInvoiceActions"),
    ("ExternalInvoiceRows", "ExternalInvoiceRows"),
    ("FinvoiceAccountUpdate", "FinvoiceAccountUpdate"),
    ("FinvoiceAccountUpdateResponse", "FinvoiceAccountUpdateResponse"),
    ("IntegrationsAccountingLedgerData", "IntegrationsAccountingLedgerData"),
    ("IntermediationInvoiceDirectPaymentResponse", "IntermediationInvoiceDirectPaymentResponse"),
    ("IntermediationInvoiceDirectPayments", "IntermediationInvoiceDirectPayments"),
    ("IntermediatorInvoice", "IntermediatorInvoice"),
    ("Invoice", "SalesInvoice"),
    ("InvoiceActionResponse", "InvoiceActionResponse"),
    ("InvoicePaymentsResponse", "InvoicePaymentsResponse"),
    ("InvoicesDeliveryInformation", "DeliveryInformation"),
    ("LedgerRowDimensions", "LedgerRowDimensions"),
    ("LedgerRows", "LedgerRows"),
    ("Ledgers", "Ledgers"),
    ("Messages", "Messages"),
    ("MeterCompany", "MeterCompany"),
    ("MeterDocument", "MeterDocument"),
    ("MeterDocumentList", "MeterDocumentList"),
    ("MeterReading", "MeterReading"),
    ("MeterUsageLocation", "MeterUsageLocation"),
    ("NxsReceivedPayments", "ReceivedPayment"),
    ("OnlineCustomer", "OnlineCustomer"),
    ("OnlineCustomerResponse", "OnlineCustomerResponse"),
    ("OnlineCustomerUpdateResponse", "OnlineCustomerUpdateResponse"),
    ("OnlineInvoicePaymentControl", "InvoiceStatus"),
    ("OnlineProduct", "OnlineProduct"),
    ("OnlineSalesInvoices", "BatchInvoices"),
    ("PagedSalesInvoicesResponse", "Page<SalesInvoice>"),
    ("Payment", "Payment"),
    ("Receivable", "Receivable"),
    ("ReceivablesList", "ReceivablesList"),
    ("ReceivedPaymentRows", "ReceivedPayment"),
    ("ReceivedPayments", "ReceivedPayment"),
    ("ReceivedPaymentsResponse", "Page<ReceivedPayment>"),
    ("RenewResponse", "RenewResponse"),
    ("SalesAddressDTO", "SalesAddress"),
    ("SalesInvoicePayment", "SalesInvoicePayment"),
    ("SalesInvoiceResponse", "SalesInvoiceResponse"),
    ("SalesInvoiceRow", "SalesInvoiceRow"),
    ("SalesInvoiceUpdate", "SalesInvoiceUpdate"),
    ("SalesInvoiceUpdateResponse", "SalesInvoiceUpdateResponse"),
    ("SalesInvoiceWithSellerInfoDTO", "SalesInvoice"),
    ("SalesItemResponse", "SalesItemResponse"),
    ("SalesItems", "SalesItems"),
    ("SellerInfoDTO", "SellerInfo"),
    ("Settlement", "Settlement"),
    ("SettlementList", "SettlementList"),
    ("SettlementRows", "SettlementRows"),
    ("SmsData", "SmsData"),
    ("SmsDeliveryReport", "SmsDeliveryReport"),
    ("SmsResponse", "SmsResponse"),
    ("ValidationResponse", "ValidationResponse"),
    ("ViewOnlineInvoiceDeliveryStats", "DeliveryStatistics"),
];
