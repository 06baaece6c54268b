//! The table of every operation as the bindings see it: its parameters (by snake_case name),
//! how they become a typed [`Call`], and the answer's type. One macro entry per operation
//! generates the metadata, the preparation and the normalisation of the answer.

use super::answers::Decimals;
use super::args::{Args, ModelParam, Param, ParamKind};
use crate::cashin::requests;
use crate::cashin::*;
use crate::catalog::{self, Credential};
use crate::client::Call;
use crate::model::{Identifier, InvoiceNumber, WireType, WireTypeRef};
use crate::{Error, Result};

/// One parameter of an operation.
#[derive(Debug, Clone, Copy)]
pub struct ParamInfo {
    /// snake_case name, the key in the arguments object.
    pub name: &'static str,
    /// What it is.
    pub kind: ParamKind,
    /// Whether the call needs it.
    pub required: bool,
}

/// One operation as the bindings see it.
#[derive(Debug, Clone, Copy)]
pub struct OperationInfo {
    /// The catalog id, also the snake_case method name.
    pub id: &'static str,
    /// The provider's name of the operation (empty without the `catalog-docs` feature).
    pub summary: &'static str,
    /// Parameters, in call order.
    pub params: &'static [ParamInfo],
    /// The answer's wire type.
    pub returns: fn() -> WireTypeRef,
    /// Whether it takes `page` / `page_size` and answers `{ Data, Meta }`.
    pub paged: bool,
    /// Which key it needs.
    pub credential: Credential,
}

macro_rules! param_info {
    ($p:ident req $t:ty) => {
        ParamInfo { name: stringify!($p), kind: <$t as Param>::KIND, required: true }
    };
    ($p:ident opt $t:ty) => {
        ParamInfo { name: stringify!($p), kind: <$t as Param>::KIND, required: false }
    };
    ($p:ident model $t:ty) => {
        ParamInfo { name: stringify!($p), kind: <ModelParam<$t> as Param>::KIND, required: true }
    };
}

macro_rules! param_value {
    ($args:ident, $p:ident req $t:ty) => {
        $args.required::<$t>(stringify!($p))?
    };
    ($args:ident, $p:ident opt $t:ty) => {
        $args.typed::<$t>(stringify!($p))?
    };
    ($args:ident, $p:ident model $t:ty) => {
        $args.model::<$t>(stringify!($p))?
    };
}

/// Prepares any operation from its JSON arguments.
///
/// Big batches take the quick path (`crate::quick`) when it can vouch for every invoice; any
/// other case, and every error, comes from parsing the arguments into their types.
pub fn prepare(operation_id: &str, args_json: &str) -> Result<Call> {
    let (mut call, body) = prepare_borrowing(operation_id, args_json)?;
    if let Some(body) = body {
        call.body = Some(body.as_bytes().to_vec());
    }
    Ok(call)
}

/// [`prepare`] without copying a body that is a part of `args_json` exactly as written (big
/// batches on the quick path): the call comes without a body and the part is returned beside
/// it. For bindings that hand the body on and would otherwise copy it twice.
pub fn prepare_borrowing<'a>(operation_id: &str, args_json: &'a str) -> Result<(Call, Option<&'a str>)> {
    if let Some(prepared) = crate::quick::prepare(operation_id, args_json) {
        return Ok(prepared);
    }
    prepare_parsed(operation_id, args_json).map(|call| (call, None))
}

macro_rules! surface {
    ($( $id:ident ( $( $p:ident : $kind:ident $t:ty ),* ) $(+ $page:ident)? -> $ret:ty = $body:expr ; )*) => {
        /// Every operation, in catalog order.
        pub static OPERATIONS: &[OperationInfo] = &[
            $(OperationInfo {
                id: stringify!($id),
                summary: match catalog_name(stringify!($id)) { Some(n) => n, None => "" },
                params: &[
                    $( param_info!($p $kind $t), )*
                    $( ParamInfo { name: stringify!($page), kind: ParamKind::Integer, required: false },
                       ParamInfo { name: "page_size", kind: ParamKind::Integer, required: false }, )?
                ],
                returns: <$ret as WireType>::wire_type,
                paged: !<[&str]>::is_empty(&[$(stringify!($page))?]),
                credential: match catalog_credential(stringify!($id)) { Some(c) => c, None => Credential::Creditor },
            },)*
        ];

        /// Prepares any operation from its JSON arguments by parsing them into their types.
        pub(crate) fn prepare_parsed(operation_id: &str, args_json: &str) -> Result<Call> {
            let args = Args::parse(args_json)?;
            // Unknown arguments are refused from the table, once for every operation.
            let op = find(operation_id)?;
            let unknown = args.unknown(op.params);
            if !unknown.is_empty() {
                return Err(unknown_args(op, &unknown));
            }
            match operation_id {
                $(stringify!($id) => {
                    $( let $p = param_value!(args, $p $kind $t); )*
                    $( let $page = args.page()?; )?
                    $body
                })*
                other => Err(Error::Configuration(format!("unknown operation {other:?}"))),
            }
        }

        /// The answer parsed into the operation's type and written back: the reference that
        /// [`normalize`]'s schema-driven check is tested against.
        #[cfg(test)]
        pub(crate) fn normalize_typed(operation_id: &str, status: u16, body: &[u8]) -> Result<String> {
            match operation_id {
                $(stringify!($id) => reparse::<$ret>(stringify!($id), status, body),)*
                other => Err(Error::Configuration(format!("unknown operation {other:?}"))),
            }
        }
    };
}

const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

const fn catalog_entry(id: &str) -> Option<&'static catalog::Operation> {
    let mut i = 0;
    while i < catalog::OPERATIONS.len() {
        if str_eq(catalog::OPERATIONS[i].id, id) {
            return Some(&catalog::OPERATIONS[i]);
        }
        i += 1;
    }
    None
}

const fn catalog_name(id: &str) -> Option<&'static str> {
    match catalog_entry(id) {
        Some(op) => Some(op.name),
        None => None,
    }
}

const fn catalog_credential(id: &str) -> Option<Credential> {
    match catalog_entry(id) {
        Some(op) => Some(op.credential),
        None => None,
    }
}

fn unknown_args(op: &OperationInfo, unknown: &[String]) -> Error {
    let known: Vec<&str> = op.params.iter().map(|p| p.name).collect();
    let op = op.id;
    Error::Validation(
        unknown
            .iter()
            .map(|name| {
                crate::validate::Violation::error(
                    format!("/{name}"),
                    "argument.unknown",
                    format!("{op} has no parameter {name:?}; it takes {known:?}"),
                )
            })
            .collect(),
    )
}

/// Checks an answer against the operation's wire schema and writes it back as normalized JSON
/// (see `super::answers`: decimals as `decimals` says, timestamps in UTC, explicit nulls kept).
pub fn normalize(operation_id: &str, status: u16, body: &[u8], decimals: Decimals) -> Result<String> {
    let op = find(operation_id)?;
    if op.id == "renew_token" {
        // Its answer is a plain struct with a required member (and no decimals), not a model.
        return reparse::<RenewResponse>(op.id, status, body);
    }
    answer(op.id, status, body, (op.returns)(), decimals)
}

/// Checks one item of a paged answer and writes it back as normalized JSON.
pub(crate) fn normalize_item(
    operation_id: &str,
    item: &serde_json::value::RawValue,
    decimals: Decimals,
) -> Result<String> {
    let op = find(operation_id)?;
    match (op.returns)() {
        WireTypeRef::Page(inner) => answer(op.id, 200, item.get().as_bytes(), inner(), decimals),
        _ => Err(Error::Configuration(format!("{} is not a paged operation", op.id))),
    }
}

fn find(operation_id: &str) -> Result<&'static OperationInfo> {
    OPERATIONS
        .iter()
        .find(|op| op.id == operation_id)
        .ok_or_else(|| Error::Configuration(format!("unknown operation {operation_id:?}")))
}

fn decode_error(op: &'static str, status: u16, body: &[u8], message: String) -> Error {
    Error::Decode { operation: op, status, message, body: String::from_utf8_lossy(body).chars().take(300).collect() }
}

fn answer(op: &'static str, status: u16, body: &[u8], ty: WireTypeRef, decimals: Decimals) -> Result<String> {
    let text = std::str::from_utf8(body).map_err(|e| {
        let message = format!("invalid UTF-8 at byte {} (the answer must be UTF-8 JSON)", e.valid_up_to());
        decode_error(op, status, body, message)
    })?;
    super::answers::check(text, ty, decimals).map_err(|e| decode_error(op, status, body, e.to_string()))
}

fn reparse<T: serde::de::DeserializeOwned + serde::Serialize>(
    op: &'static str,
    status: u16,
    body: &[u8],
) -> Result<String> {
    let value: T = crate::client::from_json_bytes(body).map_err(|e| decode_error(op, status, body, e.to_string()))?;
    serde_json::to_string(&value).map_err(|e| decode_error(op, status, body, e.to_string()))
}

surface! {
    validate_token() -> TokenValidation = requests::validate_token();
    renew_token(customer_code: req String, ip_address: req String) -> RenewResponse =
        requests::renew_token(&RenewTokenRequest { customer_code, ip_address });

    create_collection_cases(cases: model CaseList) -> CollectionResponse = requests::create_collection_cases(&cases);
    update_collection_receivables(receivables: model ReceivablesList) -> CollectionResponse =
        requests::update_collection_receivables(&receivables);
    retrieve_collection_receivables_status(batch_id: req u64) -> BatchStatus =
        requests::retrieve_collection_receivables_status(batch_id);
    retrieve_case_batch_status(batch_id: req u64) -> BatchStatus = requests::retrieve_case_batch_status(batch_id);
    retrieve_collection_case(case_id: opt Identifier, invoice_number: opt InvoiceNumber, reference: opt String) + page
        -> Page<CaseInvoiceExtended> = requests::retrieve_collection_case(&CaseQuery { case_id, invoice_number, reference, page });
    retrieve_debtor_summary(debtor_identifier: opt String) + page -> Page<CaseSummary> =
        requests::retrieve_debtor_summary(debtor_identifier.as_deref(), page);
    list_settlements(date_from: opt chrono::NaiveDate, date_to: opt chrono::NaiveDate) + page -> Page<SettlementList> =
        requests::list_settlements(&DateRangeQuery { date_from, date_to, page });
    retrieve_settlement(settlement_number: req Identifier) -> Settlement = requests::retrieve_settlement(&settlement_number);
    list_direct_settlements(date_from: opt chrono::NaiveDate, date_to: opt chrono::NaiveDate) + page -> Page<DirectSettlementList> =
        requests::list_direct_settlements(&DateRangeQuery { date_from, date_to, page });
    retrieve_direct_settlement(settlement_number: req Identifier) -> DirectSettlements =
        requests::retrieve_direct_settlement(&settlement_number);
    retrieve_credit_loss_receivables(date_from: opt chrono::NaiveDate, date_to: opt chrono::NaiveDate) + page
        -> Page<CreditLossReceivable> = requests::retrieve_credit_loss_receivables(&DateRangeQuery { date_from, date_to, page });
    retrieve_allocated_payment_transactions(
        invoice_number: opt InvoiceNumber, case_id: opt Identifier, agency: opt String,
        payment_date_from: opt chrono::NaiveDate, payment_date_to: opt chrono::NaiveDate,
        accounting_date_from: opt chrono::NaiveDate, accounting_date_to: opt chrono::NaiveDate,
        currency: opt String, has_allocated_breakdown: opt bool, sort_by: opt String, sort_order: opt String
    ) + page -> Page<AllocatedPaymentTransactionItem> = {
        let sort_order = match sort_order.as_deref().map(str::to_ascii_lowercase).as_deref() {
            None => None,
            Some("asc") => Some(SortOrder::Asc),
            Some("desc") => Some(SortOrder::Desc),
            Some(other) => return Err(Error::Validation(vec![crate::validate::Violation::error(
                "/sort_order", "sort_order.value", format!("sort_order must be \"asc\" or \"desc\", not {other:?}"))])),
        };
        requests::retrieve_allocated_payment_transactions(&AllocatedPaymentTransactionsQuery {
            invoice_number, case_id, agency, payment_date_from, payment_date_to, accounting_date_from,
            accounting_date_to, currency, has_allocated_breakdown, sort_by, sort_order, page,
        })
    };

    create_invoice(invoice: model SalesInvoice) -> SalesInvoiceResponse = requests::create_invoice(&invoice);
    create_invoice_with_seller_info(invoice: model SalesInvoice) -> SalesInvoiceResponse =
        requests::create_invoice_with_seller_info(&invoice);
    submit_sales_invoice_batch(batch: model SalesInvoiceBatch) -> SalesInvoiceBatchResponse =
        requests::submit_sales_invoice_batch(&batch);
    list_batch_uploads(batch_id: opt u64) + page -> Page<BatchUpload> =
        requests::list_batch_uploads(&BatchUploadQuery { batch_id, page });
    list_sales_invoices(invoice_number: opt InvoiceNumber, status: opt String, date_from: opt chrono::NaiveDate,
        date_to: opt chrono::NaiveDate) + page -> Page<SalesInvoice> =
        requests::list_sales_invoices(&InvoiceQuery { invoice_number, status, date_from, date_to, page });
    retrieve_invoice_delivery_information(invoice_number: opt InvoiceNumber, date_from: opt chrono::NaiveDate,
        date_to: opt chrono::NaiveDate) + page -> Page<DeliveryInformation> =
        requests::retrieve_invoice_delivery_information(&InvoiceQuery { invoice_number, status: None, date_from, date_to, page });
    retrieve_invoice_status(invoice_number: req InvoiceNumber) -> InvoiceStatus = requests::retrieve_invoice_status(&invoice_number);
    update_invoice(invoice_number: req InvoiceNumber, update: model SalesInvoiceUpdate) -> SalesInvoiceUpdateResponse =
        requests::update_invoice(&invoice_number, &update);
    submit_invoice_payment(invoice_number: req InvoiceNumber, payment: model SalesInvoicePayment) -> InvoicePaymentsResponse =
        requests::submit_invoice_payment(&invoice_number, &payment);
    retrieve_delivery_statistics(date_from: opt chrono::NaiveDate, date_to: opt chrono::NaiveDate) -> Page<DeliveryStatistics> =
        requests::retrieve_delivery_statistics(date_from, date_to);
    retrieve_received_payments(invoice_number: opt InvoiceNumber, date_from: opt chrono::NaiveDate,
        date_to: opt chrono::NaiveDate) + page -> Page<ReceivedPayment> =
        requests::retrieve_received_payments(&ReceivedPaymentsQuery { invoice_number, date_from, date_to, page });
    update_finvoice_account(update: model FinvoiceAccountUpdate) -> FinvoiceAccountUpdateResponse =
        requests::update_finvoice_account(&update);
    retrieve_electronic_invoicing_contracts(customer_code: opt String) + page -> Page<ElectronicInvoicingContract> =
        requests::retrieve_electronic_invoicing_contracts(customer_code.as_deref(), page);

    list_products() + page -> Page<OnlineProduct> = requests::list_products(page);
    submit_products(items: model SalesItems) -> SalesItemResponse = requests::submit_products(&items);
    delete_product(product_code: req String) -> SalesItemResponse = requests::delete_product(&product_code);
    list_customers() + page -> Page<OnlineCustomer> = requests::list_customers(page);
    submit_customers(customers: model OnlineCustomers) -> OnlineCustomerResponse = requests::submit_customers(&customers);
    update_customer(customer_code: req String, update: model OnlineCustomer) -> OnlineCustomerUpdateResponse =
        requests::update_customer(&customer_code, &update);
    delete_customer(customer_code: req String) -> OnlineCustomerUpdateResponse = requests::delete_customer(&customer_code);

    retrieve_external_delivery_information(invoice_number: opt InvoiceNumber, date_from: opt chrono::NaiveDate,
        date_to: opt chrono::NaiveDate) + page -> Page<IntermediatorInvoice> =
        requests::retrieve_external_delivery_information(&InvoiceQuery { invoice_number, status: None, date_from, date_to, page });
    retrieve_external_payment_information(invoice_number: opt InvoiceNumber, date_from: opt chrono::NaiveDate,
        date_to: opt chrono::NaiveDate) + page -> Page<Payment> =
        requests::retrieve_external_payment_information(&InvoiceQuery { invoice_number, status: None, date_from, date_to, page });
    create_direct_payment(payments: model IntermediationInvoiceDirectPayments) -> IntermediationInvoiceDirectPaymentResponse =
        requests::create_direct_payment(&payments);
    submit_invoice_action(actions: model ExternalInvoiceActions) -> InvoiceActionResponse = requests::submit_invoice_action(&actions);
    retrieve_agreement_status() -> ExternalAgreementStatusResponse = requests::retrieve_agreement_status();

    submit_creditor(creditor: model Creditor) -> CreditorResponse = requests::submit_creditor(&creditor);
    update_creditor(business_code: req String, update: model CreditorUpdateData) -> CreditorUpdateResponse =
        requests::update_creditor(&business_code, &update);
    retrieve_creditor_credentials(business_code: req String) -> CreditorDetails = requests::retrieve_creditor_credentials(&business_code);
    retrieve_finvoice_credentials(business_id: req String) -> Page<FinvoiceRegistryCredentialsRecord> =
        requests::retrieve_finvoice_credentials(&business_id);
    retrieve_external_agreement_identifiers(business_code: req String) -> ExternalAgreementIdentifiers =
        requests::retrieve_external_agreement_identifiers(&business_code);
    retrieve_delivery_information_by_seller(business_id: req String, date_from: opt chrono::NaiveDate,
        date_to: opt chrono::NaiveDate) + page -> Page<DeliveryInformation> =
        requests::retrieve_delivery_information_by_seller(&business_id, &DateRangeQuery { date_from, date_to, page });
    send_sms(sms: model SmsData) -> SmsResponse = requests::send_sms(&sms);

    create_meter_reading_documents(documents: model MeterDocumentList) -> DocumentResponse =
        requests::create_meter_reading_documents(&documents);
    service_status() -> ServiceStatus = requests::service_status();
}
