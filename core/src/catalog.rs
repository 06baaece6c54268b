//! The operation catalog: every operation of the Cash-In v2 navigation, with what is known
//! of it and where that knowledge comes from.
//!
//! Cash-In publishes paths for only three operations. Every other path here follows the API's
//! visible pattern (lower-case resource names directly under `/v2`) and is marked
//! [`Provenance::Inferred`]. A [`crate::Config`] can override any path template without a new
//! release of lasku.

use std::fmt;

/// Where a fact about an operation comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Provenance {
    /// Published in the provider's documentation.
    Confirmed,
    /// Not published; chosen by lasku from the API's visible patterns. Verify before relying on it.
    Inferred,
}

impl Provenance {
    /// `"Confirmed"` or `"Inferred"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Provenance::Confirmed => "Confirmed",
            Provenance::Inferred => "Inferred",
        }
    }
}

/// HTTP method of an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    /// `GET`
    Get,
    /// `POST`
    Post,
    /// `PUT`
    Put,
    /// `DELETE`
    Delete,
}

impl Method {
    /// The method as it appears on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        }
    }

    /// Whether repeating the request has the same effect as sending it once (RFC 9110 §9.2.2).
    pub fn is_idempotent(self) -> bool {
        !matches!(self, Method::Post)
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which key an operation needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Credential {
    /// The creditor's access token (`X-Api-Key`).
    Creditor,
    /// The Confirma Software partner master key.
    Partner,
}

/// One operation of the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Operation {
    /// Stable identifier (snake_case), used in logs, hit records and path overrides.
    pub id: &'static str,
    /// Navigation group, e.g. `"Invoice endpoints › Invoice Service"` (empty without the
    /// `catalog-docs` feature).
    pub group: &'static str,
    /// The name the provider's navigation gives (empty without the `catalog-docs` feature).
    pub name: &'static str,
    /// HTTP method.
    pub method: Method,
    /// Whether the method is published (navigation badge) or inferred from the name.
    pub method_provenance: Provenance,
    /// Path template relative to the base URL (which ends in `/v2`), e.g. `/salesinvoices/{invoiceNumber}`.
    pub path: &'static str,
    /// Whether the path is published or inferred.
    pub path_provenance: Provenance,
    /// The provider's documentation page (empty without the `catalog-docs` feature).
    pub doc_url: &'static str,
    /// Which key the operation needs.
    pub credential: Credential,
    /// Whether lasku offers a typed method for it.
    pub implemented: bool,
}

impl Operation {
    /// Whether the client may re-send this operation after an ambiguous failure.
    pub fn is_idempotent(&self) -> bool {
        self.method.is_idempotent()
    }
}

const NAV: &str = "https://developer-api.cash-in.com/";

/// A name, navigation group or documentation page: empty without the `catalog-docs` feature, so
/// the texts stay out of builds that never read them (the npm package's WebAssembly).
const fn docs(text: &'static str) -> &'static str {
    if cfg!(feature = "catalog-docs") {
        text
    } else {
        ""
    }
}

macro_rules! catalog {
    ($( $id:ident : $group:literal, $name:literal, $method:ident $mp:ident, $path:literal $pp:ident, $page:literal, $cred:ident, $impl:literal; )*) => {
        /// Stable identifiers of every catalog operation.
        #[allow(non_upper_case_globals)]
        pub mod ids {
            $(
                #[doc = concat!("`", stringify!($id), "`: ", $name)]
                pub const $id: &str = stringify!($id);
            )*
        }

        /// Every operation of the Cash-In v2 navigation, in navigation order.
        pub const OPERATIONS: &[Operation] = &[
            $(Operation {
                id: stringify!($id),
                group: docs($group),
                name: docs($name),
                method: Method::$method,
                method_provenance: Provenance::$mp,
                path: $path,
                path_provenance: Provenance::$pp,
                doc_url: docs(if $page.is_empty() { NAV } else { concat!("https://developer-api.cash-in.com/", $page) }),
                credential: Credential::$cred,
                implemented: $impl,
            },)*
        ];
    };
}

catalog! {
    validate_token: "Token endpoints", "Validate token", Get Confirmed, "/token/validate" Inferred, "validate-token-4156741e0", Creditor, true;
    renew_token: "Token endpoints", "Renew token", Get Confirmed, "/token/renew" Inferred, "renew-token-4156742e0", Creditor, true;

    create_collection_cases: "Collection endpoints", "Create Collection Cases", Post Confirmed, "/collectioncases" Inferred, "create-collection-cases-4156730e0", Creditor, true;
    update_collection_receivables: "Collection endpoints", "Update Collection Receivables", Post Confirmed, "/collectionreceivables" Inferred, "update-collection-receivables-4156728e0", Creditor, true;
    retrieve_collection_receivables_status: "Collection endpoints", "Retrieve Collection Receivables Status", Get Confirmed, "/collectionreceivables/batches/{batchId}" Inferred, "retrieve-collection-receivables-status-4156729e0", Creditor, true;
    retrieve_case_batch_status: "Collection endpoints", "Retrieve Case Batch Status", Get Confirmed, "/collectioncases/batches/{batchId}" Inferred, "retrieve-case-batch-status-4156731e0", Creditor, true;
    retrieve_collection_case: "Collection endpoints", "Retrieve collection case", Get Confirmed, "/collectioncases" Inferred, "retrieve-collection-case-4156732e0", Creditor, true;
    retrieve_debtor_summary: "Collection endpoints", "Retrieve debtor summary", Get Confirmed, "/collectioncases/debtorsummary" Inferred, "retrieve-debtor-summary-4156733e0", Creditor, true;
    list_settlements: "Collection endpoints", "Retrieve list of settlements", Get Confirmed, "/settlements" Inferred, "retrieve-list-of-settlements-4156736e0", Creditor, true;
    retrieve_settlement: "Collection endpoints", "Retrieve settlement data", Get Confirmed, "/settlements/{settlementNumber}" Inferred, "retrieve-settlement-data-4156734e0", Creditor, true;
    list_direct_settlements: "Collection endpoints", "Retrieve list of direct settlements", Get Confirmed, "/directsettlements" Inferred, "retrieve-list-of-direct-settlements-4156737e0", Creditor, true;
    retrieve_direct_settlement: "Collection endpoints", "Retrieve direct settlement data", Get Confirmed, "/directsettlements/{settlementNumber}" Inferred, "retrieve-direct-settlement-data-4156738e0", Creditor, true;
    retrieve_credit_loss_receivables: "Collection endpoints", "Retrieve Credit Loss Receivables", Get Confirmed, "/creditlossreceivables" Inferred, "retrieve-credit-loss-receivables-4156739e0", Creditor, true;
    retrieve_allocated_payment_transactions: "Collection endpoints", "Retrieve allocated payment transactions", Get Confirmed, "/allocated-payment-transactions" Confirmed, "retrieve-allocated-payment-transactions-4298317e0", Creditor, true;

    create_invoice: "Invoice endpoints › Invoice Service", "Create an invoice", Post Confirmed, "/salesinvoices" Inferred, "create-an-invoice-4156743e0", Creditor, true;
    create_invoice_with_seller_info: "Invoice endpoints › Invoice Service", "Create an invoice with seller information", Post Confirmed, "/salesinvoiceswithsellerinfo" Inferred, "create-an-invoice-with-seller-information-4156745e0", Creditor, true;
    submit_sales_invoice_batch: "Invoice endpoints › Invoice Service", "Submit a batch of sales invoices", Post Confirmed, "/batchsalesinvoices" Confirmed, "submit-a-batch-of-sales-invoices-4169248e0", Creditor, true;
    list_batch_uploads: "Invoice endpoints › Invoice Service", "List batch uploads and export lines", Get Confirmed, "/batchsalesinvoices" Inferred, "", Creditor, true;
    list_sales_invoices: "Invoice endpoints › Invoice Service", "List all sales invoices", Get Confirmed, "/salesinvoices" Confirmed, "list-all-sales-invoices-4156766e0", Creditor, true;
    retrieve_invoice_delivery_information: "Invoice endpoints › Invoice Service", "Retrieve invoice delivery information", Get Confirmed, "/salesinvoices/deliveryinformation" Inferred, "retrieve-invoice-delivery-information-4156746e0", Creditor, true;
    retrieve_invoice_status: "Invoice endpoints › Invoice Service", "Retrieve invoice status", Get Confirmed, "/salesinvoices/{invoiceNumber}/status" Inferred, "retrieve-invoice-status-4156747e0", Creditor, true;
    update_invoice: "Invoice endpoints › Invoice Service", "Update an invoice", Put Confirmed, "/salesinvoices/{invoiceNumber}" Inferred, "update-an-invoice-4156748e0", Creditor, true;
    submit_invoice_payment: "Invoice endpoints › Invoice Service", "Submit payment for an invoice", Post Confirmed, "/salesinvoices/{invoiceNumber}/payments" Inferred, "submit-payment-for-an-invoice-4156749e0", Creditor, true;
    retrieve_delivery_statistics: "Invoice endpoints › Invoice Service", "Retrieve delivery statistics", Get Confirmed, "/salesinvoices/deliverystatistics" Inferred, "retrieve-delivery-statistics-4156750e0", Creditor, true;
    retrieve_received_payments: "Invoice endpoints › Invoice Service", "Retrieve received payments", Get Confirmed, "/receivedpayments" Inferred, "retrieve-received-payments-4156751e0", Creditor, true;
    update_finvoice_account: "Invoice endpoints › Invoice Service", "Submit update to Finvoice Account", Put Confirmed, "/finvoiceaccounts" Inferred, "submit-update-to-finvoice-account-4156752e0", Creditor, true;
    retrieve_electronic_invoicing_contracts: "Invoice endpoints › Invoice Service", "Retrieve electronic invoicing contracts", Get Confirmed, "/electronicinvoicingcontracts" Inferred, "retrieve-electronic-invoicing-contracts-4156758e0", Creditor, true;

    list_products: "Invoice endpoints › Product Management", "List all products", Get Inferred, "/products" Inferred, "list-all-products-4156759e0", Creditor, true;
    submit_products: "Invoice endpoints › Product Management", "Submit new products", Post Inferred, "/products" Inferred, "submit-new-products-4156760e0", Creditor, true;
    delete_product: "Invoice endpoints › Product Management", "Delete an product", Delete Inferred, "/products/{productCode}" Inferred, "delete-an-product-4156761e0", Creditor, true;

    list_customers: "Invoice endpoints › Customer Management", "List all customers", Get Inferred, "/customers" Inferred, "list-all-customers-4156762e0", Creditor, true;
    submit_customers: "Invoice endpoints › Customer Management", "Submit new customers", Post Inferred, "/customers" Inferred, "submit-new-customers-4156763e0", Creditor, true;
    update_customer: "Invoice endpoints › Customer Management", "Update an customer", Put Inferred, "/customers/{customerCode}" Inferred, "update-an-customer-4156764e0", Creditor, true;
    delete_customer: "Invoice endpoints › Customer Management", "Delete an customer", Delete Inferred, "/customers/{customerCode}" Inferred, "delete-an-customer-4156765e0", Creditor, true;

    retrieve_external_delivery_information: "Invoice endpoints › External invoices", "Retrieve delivery information", Get Confirmed, "/externalinvoices/deliveryinformation" Inferred, "retrieve-delivery-information-4156753e0", Creditor, true;
    retrieve_external_payment_information: "Invoice endpoints › External invoices", "Retrieve payment information", Get Confirmed, "/externalinvoices/payments" Inferred, "retrieve-payment-information-4156754e0", Creditor, true;
    create_direct_payment: "Invoice endpoints › External invoices", "Create an direct payment", Post Confirmed, "/externalinvoices/directpayments" Inferred, "create-an-direct-payment-4156755e0", Creditor, true;
    submit_invoice_action: "Invoice endpoints › External invoices", "Submit an invoice action", Post Inferred, "/externalinvoices/actions" Inferred, "submit-an-invoice-action-4156756e0", Creditor, true;
    retrieve_agreement_status: "Invoice endpoints › External invoices", "Retrieve status of the agreement", Get Inferred, "/externalinvoices/agreementstatus" Inferred, "retrieve-status-of-the-agreement-4156757e0", Creditor, true;

    submit_creditor: "Partner endpoints", "Submit new creditor", Post Inferred, "/partner/creditors" Inferred, "submit-new-creditor-4156767e0", Partner, true;
    update_creditor: "Partner endpoints", "Update creditor", Put Inferred, "/partner/creditors/{businessCode}" Inferred, "update-creditor-4156768e0", Partner, true;
    retrieve_creditor_credentials: "Partner endpoints", "Retrieve Creditor Credentials", Get Inferred, "/partner/creditors/{businessCode}/credentials" Inferred, "retrieve-creditor-credentials-4156769e0", Partner, true;
    retrieve_finvoice_credentials: "Partner endpoints", "Retrieve Finvoice Credentials", Get Inferred, "/partner/finvoicecredentials" Inferred, "", Partner, true;
    retrieve_external_agreement_identifiers: "Partner endpoints", "Retrieve External Agreement Identifiers", Get Inferred, "/partner/creditors/{businessCode}/externalagreementidentifiers" Inferred, "retrieve-external-agreement-identifiers-4156770e0", Partner, true;
    retrieve_delivery_information_by_seller: "Partner endpoints", "Retrieve invoice delivery information by seller", Get Inferred, "/partner/deliveryinformation" Inferred, "retrieve-invoice-delivery-information-by-seller-4156771e0", Partner, true;
    send_sms: "Partner endpoints", "Send SMS message", Post Inferred, "/partner/sms" Inferred, "send-sms-message-4156772e0", Partner, true;

    create_meter_reading_documents: "Document endpoints", "Create meter reading documents", Post Inferred, "/meterreadingdocuments" Inferred, "create-meter-reading-documents-4156740e0", Creditor, true;

    service_status: "Operations endpoints", "Service Status", Get Inferred, "/servicestatus" Inferred, "", Creditor, true;
}

/// Looks an operation up by its [`Operation::id`].
pub fn operation(id: &str) -> Option<&'static Operation> {
    OPERATIONS.iter().find(|op| op.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_method_path_pairs_are_unique() {
        let mut ids = std::collections::HashSet::new();
        let mut routes = std::collections::HashSet::new();
        for op in OPERATIONS {
            assert!(ids.insert(op.id), "duplicate id {}", op.id);
            assert!(routes.insert((op.method, op.path)), "duplicate route {} {}", op.method, op.path);
            assert!(op.path.starts_with('/'));
            assert!(op.doc_url.starts_with("https://developer-api.cash-in.com/"));
        }
        assert_eq!(OPERATIONS.len(), 48);
    }

    #[test]
    fn the_three_published_paths_are_confirmed_and_nothing_else() {
        let confirmed: Vec<_> = OPERATIONS
            .iter()
            .filter(|op| op.path_provenance == Provenance::Confirmed)
            .map(|op| (op.method.as_str(), op.path))
            .collect();
        assert_eq!(
            confirmed,
            vec![
                ("GET", "/allocated-payment-transactions"),
                ("POST", "/batchsalesinvoices"),
                ("GET", "/salesinvoices"),
            ]
        );
    }
}
