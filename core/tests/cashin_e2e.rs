//! The client against the sandbox over real HTTP: every implemented operation, business rules,
//! authentication, faults and unknown outcomes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::time::Duration;

use common::{client_with, d, invoice, today};
use lasku::cashin::*;
use lasku::catalog::OPERATIONS;
use lasku::model::InvoiceNumber;
use lasku::{Client, Error};
use lasku_sandbox::{Fault, FaultRule, Sandbox, SandboxConfig, DEFAULT_CREDITOR_KEY};
use rust_decimal::Decimal;

async fn sandbox() -> Sandbox {
    Sandbox::start(SandboxConfig::default()).await.unwrap()
}

fn client_for(sandbox: &Sandbox, key: &str) -> Client {
    client_with(sandbox, key, None)
}

fn fault(spec: &str, op: &str) -> FaultRule {
    FaultRule::new(Fault::parse(spec).unwrap()).for_operation(op).times(1)
}

#[tokio::test]
async fn every_implemented_operation_works_over_http() {
    let sandbox = sandbox().await;
    let client = client_for(&sandbox, DEFAULT_CREDITOR_KEY);
    let n = InvoiceNumber::from(5001u64);

    assert_eq!(client.validate_token().await.unwrap().is_valid, Some(true));
    let renewed = client
        .renew_token(&RenewTokenRequest { customer_code: "C-1".into(), ip_address: "203.0.113.7".into() })
        .await
        .unwrap();
    assert!(!renewed.token.expose().is_empty());
    assert!(!format!("{renewed:?}").contains(renewed.token.expose()));
    let renewed_client = client_for(&sandbox, renewed.token.expose());
    assert_eq!(renewed_client.validate_token().await.unwrap().is_valid, Some(true));

    let created = client.create_invoice(&invoice(5001)).await.unwrap();
    assert_eq!(created.sales_invoices.as_ref().unwrap()[0].invoice_number.as_ref(), Some(&n));

    let mut with_seller = invoice(5002);
    with_seller.seller_info = Some(SellerInfo {
        seller_name: Some("Myyjä Oy".into()),
        seller_business_id: Some("0737546-2".into()),
        ..Default::default()
    });
    client.create_invoice_with_seller_info(&with_seller).await.unwrap();
    assert!(matches!(client.create_invoice_with_seller_info(&invoice(5003)).await, Err(Error::Validation(_))));

    let batch = SalesInvoiceBatch::new((6000..6010).map(invoice).collect());
    let accepted = client.submit_sales_invoice_batch(&batch).await.unwrap();
    assert_eq!(accepted.qty_of_invoices, Some(10));
    let batch_id = accepted.batch_id.unwrap();
    let upload = loop {
        let page = client
            .list_batch_uploads(&BatchUploadQuery { batch_id: Some(batch_id), ..Default::default() })
            .await
            .unwrap();
        let upload = page.data.into_iter().next().unwrap();
        if upload.status == Some(BatchState::Processed) {
            break upload;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    assert_eq!(upload.export_lines.as_ref().unwrap().len(), 10);
    assert_eq!(upload.outcome.as_ref().unwrap().accepted, Some(10));

    let page = client.list_sales_invoices(&InvoiceQuery::default()).await.unwrap();
    assert_eq!(page.meta.as_ref().unwrap().total_count, Some(12));
    let one = client
        .list_sales_invoices(&InvoiceQuery { invoice_number: Some(n.clone()), ..Default::default() })
        .await
        .unwrap();
    assert_eq!(one.data.len(), 1);
    assert_eq!(one.data[0].total_amount, invoice(5001).total_amount);

    let status = client.retrieve_invoice_status(&n).await.unwrap();
    assert_eq!(status.status, Some(InvoiceState::Received));
    assert_eq!(status.total_amount, invoice(5001).total_amount);

    let delivery = client
        .retrieve_invoice_delivery_information(&InvoiceQuery { invoice_number: Some(n.clone()), ..Default::default() })
        .await
        .unwrap();
    assert_eq!(delivery.data[0].delivery_status, Some(DeliveryStatus::Pending));

    let update = SalesInvoiceUpdate { sales_email: Some("uusi@example.fi".into()), ..Default::default() };
    let updated = client.update_invoice(&n, &update).await.unwrap();
    assert!(updated.updated_fields.unwrap_or_default().contains(&"SalesEmail".to_owned()));

    let payment = SalesInvoicePayment { payment_date: Some(today()), amount: Some(d("50.00")), ..Default::default() };
    let paid = client.submit_invoice_payment(&n, &payment).await.unwrap();
    assert_eq!(paid.status, Some(InvoiceState::PartiallyPaid));
    assert_eq!(paid.paid_amount, Some(d("50.00")));
    let status = client.retrieve_invoice_status(&n).await.unwrap();
    assert_eq!(status.open_amount, Some(invoice(5001).total_amount.unwrap() - d("50.00")));

    let stats = client.retrieve_delivery_statistics(Some(today()), Some(today())).await.unwrap();
    let counted: u64 = stats.data.iter().filter_map(|s| s.invoice_qty).sum();
    assert_eq!(counted, 12);

    let received = client.retrieve_received_payments(&ReceivedPaymentsQuery::default()).await.unwrap();
    assert_eq!(received.data.len(), 1);
    assert_eq!(received.data[0].amount, Some(d("50.00")));
    assert_eq!(received.data[0].invoice_number.as_ref(), Some(&n));

    let account = FinvoiceAccountUpdate {
        customer_code: Some("6654".into()),
        customer_name: Some("Sami Santikko".into()),
        finvoice_address: Some("FI2112345600000785".into()),
        finvoice_intermediator: Some("NDEAFIHH".into()),
        ..Default::default()
    };
    assert!(client.update_finvoice_account(&account).await.unwrap().status_description.is_some());
    let contracts = client.retrieve_electronic_invoicing_contracts(Some("6654"), PageRequest::default()).await.unwrap();
    assert_eq!(contracts.data[0].finvoice_address.as_deref(), Some("FI2112345600000785"));

    // Every token and Invoice Service operation shows in the hit log with the Rust user agent.
    let hits = sandbox.hits();
    for op in OPERATIONS.iter().filter(|op| op.group == "Token endpoints" || op.group.ends_with("Invoice Service")) {
        assert!(
            hits.iter()
                .any(|h| h.operation == op.id && h.user_agent.starts_with("lasku/") && h.user_agent.contains("(rust;")),
            "no hit for {}",
            op.id
        );
    }
    sandbox.shutdown().await;
}

#[tokio::test]
async fn a_duplicate_invoice_number_is_refused() {
    let sandbox = sandbox().await;
    let client = client_for(&sandbox, DEFAULT_CREDITOR_KEY);
    client.create_invoice(&invoice(7001)).await.unwrap();
    match client.create_invoice(&invoice(7001)).await.unwrap_err() {
        Error::BusinessRule(e) => {
            assert_eq!(e.status, 402);
            assert!(e.message.unwrap_or_default().contains("7001"));
        }
        other => panic!("{other:?}"),
    }
    sandbox.shutdown().await;
}

#[tokio::test]
async fn a_wrong_key_is_401_and_never_shown() {
    let sandbox = sandbox().await;
    let client = client_for(&sandbox, "not-the-key-42");
    let err = client.validate_token().await.unwrap_err();
    assert!(matches!(err, Error::Unauthorized(_)), "{err:?}");
    assert!(!format!("{err} {err:?}").contains("not-the-key-42"));
    assert!(matches!(client.create_invoice(&invoice(1)).await, Err(Error::Unauthorized(_))));
    sandbox.shutdown().await;
}

#[tokio::test]
async fn a_create_dropped_after_processing_is_an_unknown_outcome_that_settles_to_one_invoice() {
    let sandbox = sandbox().await;
    let client = client_for(&sandbox, DEFAULT_CREDITOR_KEY);
    sandbox.push_fault(fault("drop=after", "create_invoice"));
    let err = client.create_invoice(&invoice(8001)).await.unwrap_err();
    let Error::UnknownOutcome(outcome) = err else { panic!("{err:?}") };
    assert_eq!(outcome.invoice_numbers, vec![InvoiceNumber::from(8001u64)]);
    let creates = sandbox.hits().iter().filter(|h| h.operation == "create_invoice").count();
    assert_eq!(creates, 1, "the create was re-sent");
    let settled = client.settle(&outcome).await.unwrap();
    assert_eq!(settled.created.len(), 1);
    assert!(settled.all_created());
    let listed = client.list_sales_invoices(&InvoiceQuery::default()).await.unwrap();
    assert_eq!(listed.data.iter().filter(|i| i.invoice_number == Some(InvoiceNumber::from(8001u64))).count(), 1);
    sandbox.shutdown().await;
}

#[tokio::test]
async fn a_create_dropped_before_processing_settles_as_missing_and_can_be_resent() {
    let sandbox = sandbox().await;
    let client = client_for(&sandbox, DEFAULT_CREDITOR_KEY);
    sandbox.push_fault(fault("drop=before", "create_invoice"));
    let Error::UnknownOutcome(outcome) = client.create_invoice(&invoice(8002)).await.unwrap_err() else { panic!() };
    let settled = client.settle(&outcome).await.unwrap();
    assert_eq!(settled.missing, vec![InvoiceNumber::from(8002u64)]);
    client.create_invoice(&invoice(8002)).await.unwrap();
    assert!(client.find_invoice(&InvoiceNumber::from(8002u64)).await.unwrap().is_some());
    sandbox.shutdown().await;
}

#[tokio::test]
async fn rate_limits_and_outages_are_retried() {
    let sandbox = sandbox().await;
    let client = client_for(&sandbox, DEFAULT_CREDITOR_KEY);
    sandbox.push_fault(fault("status=429;retry-after=1", "create_invoice"));
    let started = std::time::Instant::now();
    client.create_invoice(&invoice(9001)).await.unwrap();
    assert!(started.elapsed() >= Duration::from_millis(900), "Retry-After was not honoured");
    sandbox.push_fault(fault("status=503", "retrieve_invoice_status"));
    sandbox.push_fault(
        FaultRule::new(Fault::parse("drop=after").unwrap()).for_operation("retrieve_invoice_status").times(1),
    );
    let status = client.retrieve_invoice_status(&InvoiceNumber::from(9001u64)).await.unwrap();
    assert_eq!(status.status, Some(InvoiceState::Received));
    let statuses: Vec<u16> =
        sandbox.hits().iter().filter(|h| h.operation == "retrieve_invoice_status").map(|h| h.status).collect();
    assert_eq!(statuses.len(), 3, "{statuses:?}");
    // A create is not retried on 503.
    sandbox.push_fault(fault("status=503", "create_invoice"));
    assert_eq!(client.create_invoice(&invoice(9002)).await.unwrap_err().status(), Some(503));
    sandbox.shutdown().await;
}

#[tokio::test]
async fn broken_bodies_are_decode_errors_and_the_client_keeps_working() {
    let sandbox = sandbox().await;
    let client = client_for(&sandbox, DEFAULT_CREDITOR_KEY);
    sandbox.push_fault(fault("body=truncated", "validate_token"));
    assert!(matches!(client.validate_token().await, Err(Error::Decode { .. })));
    sandbox.push_fault(fault("body=nonjson", "validate_token"));
    assert!(matches!(client.validate_token().await, Err(Error::Decode { .. })));
    assert_eq!(client.validate_token().await.unwrap().is_valid, Some(true));
    sandbox.shutdown().await;
}

#[tokio::test]
async fn an_unreadable_success_answer_to_a_create_is_an_unknown_outcome() {
    let sandbox = sandbox().await;
    let client = client_for(&sandbox, DEFAULT_CREDITOR_KEY);
    sandbox.push_fault(fault("body=truncated", "create_invoice"));
    let err = client.create_invoice(&invoice(9301)).await.unwrap_err();
    match &err {
        Error::UnknownOutcome(u) => {
            assert_eq!(u.invoice_numbers, [InvoiceNumber::from(9301u64)]);
            assert!(u.cause.contains("HTTP 200"), "{}", u.cause);
        }
        other => panic!("expected an unknown outcome, got {other:?}"),
    }
    // It did happen: the lookup finds it.
    assert!(client.find_invoice(&InvoiceNumber::from(9301u64)).await.unwrap().is_some());
    // The same through the JSON surface every binding uses.
    sandbox.push_fault(fault("body=truncated", "create_invoice"));
    let args = serde_json::json!({ "invoice": invoice(9302) }).to_string();
    let err = client.call_json("create_invoice", &args).await.unwrap_err();
    assert!(matches!(err, Error::UnknownOutcome(_)), "{err:?}");
    sandbox.shutdown().await;
}

#[tokio::test]
async fn a_delivered_invoice_cannot_be_updated() {
    let sandbox = sandbox().await;
    let client = client_for(&sandbox, DEFAULT_CREDITOR_KEY);
    client.create_invoice(&invoice(9101)).await.unwrap();
    sandbox.deliver("9101");
    let update = SalesInvoiceUpdate { description: Some("late change".into()), ..Default::default() };
    let err = client.update_invoice(&InvoiceNumber::from(9101u64), &update).await.unwrap_err();
    assert!(matches!(err, Error::BusinessRule(_)), "{err:?}");
    let missing = client.update_invoice(&InvoiceNumber::from(999_999u64), &update).await.unwrap_err();
    assert!(matches!(missing, Error::NotFound(_)), "{missing:?}");
    sandbox.shutdown().await;
}

#[tokio::test]
async fn overpayment_is_a_business_rule_error() {
    let sandbox = sandbox().await;
    let client = client_for(&sandbox, DEFAULT_CREDITOR_KEY);
    client.create_invoice(&invoice(9201)).await.unwrap();
    let total = invoice(9201).total_amount.unwrap();
    let n = InvoiceNumber::from(9201u64);
    let pay = |amount| SalesInvoicePayment { payment_date: Some(today()), amount: Some(amount), ..Default::default() };
    assert!(matches!(client.submit_invoice_payment(&n, &pay(total + d("1"))).await, Err(Error::BusinessRule(_))));
    let paid = client.submit_invoice_payment(&n, &pay(total)).await.unwrap();
    assert_eq!((paid.status, paid.open_amount), (Some(InvoiceState::Paid), Some(Decimal::ZERO)));
    sandbox.shutdown().await;
}
