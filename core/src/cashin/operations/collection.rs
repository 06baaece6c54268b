//! Collection operations and the partner operations.

use super::client_methods;
use crate::cashin::*;
use crate::model::Identifier;

client_methods! {
    /// "Create Collection Cases": answered with a batch id; follow it with
    /// [`crate::Client::retrieve_case_batch_status`], or use [`crate::Client::submit_collection_cases`],
    /// which chunks, follows and reports per case.
    fn create_collection_cases(cases: &CaseList) -> CollectionResponse;

    /// "Update Collection Receivables": payments the creditor received directly.
    fn update_collection_receivables(receivables: &ReceivablesList) -> CollectionResponse;

    /// "Retrieve Collection Receivables Status" of a receivables batch.
    fn retrieve_collection_receivables_status(batch_id: u64) -> BatchStatus;

    /// "Retrieve Case Batch Status" of a case batch.
    fn retrieve_case_batch_status(batch_id: u64) -> BatchStatus;

    /// "Retrieve collection case": case id, status, outstanding amounts and latest payment.
    fn retrieve_collection_case(query: &CaseQuery) -> Page<CaseInvoiceExtended>;

    /// "Retrieve debtor summary": collection cases per debtor.
    fn retrieve_debtor_summary(debtor_identifier: Option<&str>, page: PageRequest) -> Page<CaseSummary>;

    /// "Retrieve list of settlements" (the last 30 days without dates).
    fn list_settlements(query: &DateRangeQuery) -> Page<SettlementList>;

    /// "Retrieve settlement data": every allocation the settlement pays out.
    fn retrieve_settlement(settlement_number: &Identifier) -> Settlement;

    /// "Retrieve list of direct settlements".
    fn list_direct_settlements(query: &DateRangeQuery) -> Page<DirectSettlementList>;

    /// "Retrieve direct settlement data".
    fn retrieve_direct_settlement(settlement_number: &Identifier) -> DirectSettlements;

    /// "Retrieve Credit Loss Receivables" (published on the first weekday of each month).
    fn retrieve_credit_loss_receivables(query: &DateRangeQuery) -> Page<CreditLossReceivable>;

    /// "Retrieve allocated payment transactions" (Confirmed): rebates, write-offs, bank
    /// transfers and other allocations per case; the last 30 days without dates.
    fn retrieve_allocated_payment_transactions(query: &AllocatedPaymentTransactionsQuery) -> Page<AllocatedPaymentTransactionItem>;

    /// "Submit new creditor" (partner key): registers a creditor and returns its API key.
    fn submit_creditor(creditor: &Creditor) -> CreditorResponse;

    /// "Update creditor" (partner key).
    fn update_creditor(business_code: &str, update: &CreditorUpdateData) -> CreditorUpdateResponse;

    /// "Retrieve Creditor Credentials" (partner key), by Y-tunnus.
    fn retrieve_creditor_credentials(business_code: &str) -> CreditorDetails;

    /// "Retrieve Finvoice Credentials" (partner key): a company's e-invoice addresses.
    fn retrieve_finvoice_credentials(business_id: &str) -> Page<FinvoiceRegistryCredentialsRecord>;

    /// "Retrieve External Agreement Identifiers" (partner key).
    fn retrieve_external_agreement_identifiers(business_code: &str) -> ExternalAgreementIdentifiers;

    /// "Retrieve invoice delivery information by seller" (partner key).
    fn retrieve_delivery_information_by_seller(business_id: &str, query: &DateRangeQuery) -> Page<DeliveryInformation>;

    /// "Send SMS message" (partner key).
    fn send_sms(sms: &SmsData) -> SmsResponse;
}
