//! Registries, external invoices, partner operations, documents, service status, pagination,
//! chunked invoice batches, and the hit log covering every catalog operation.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use lasku::cashin::*;
use lasku::catalog::OPERATIONS;
use lasku::model::InvoiceNumber;
use lasku::Error;
use lasku_sandbox::DEFAULT_CREDITOR_KEY;

fn product(code: &str) -> OnlineProduct {
    OnlineProduct {
        product_code: Some(code.into()),
        name: Some(format!("Product {code}")),
        unit_price: Some(d("9.90")),
        vat_percent: Some(d("25.5")),
        unit: Some("kpl".into()),
        ..Default::default()
    }
}

fn customer(code: &str) -> OnlineCustomer {
    OnlineCustomer {
        customer_code: Some(code.into()),
        name: Some(format!("Customer {code}")),
        business_id: Some("0737546-2".into()),
        finvoice_address: Some("003707375462".into()),
        finvoice_intermediator: Some("003721291126".into()),
        ..Default::default()
    }
}

#[tokio::test]
async fn products_and_customers_are_listed_after_submit_and_gone_after_delete() {
    let (sandbox, client) = start().await;
    let answer = client.submit_products(&SalesItems { products: vec![product("P1"), product("P2")] }).await.unwrap();
    assert_eq!(answer.items.unwrap().iter().filter(|i| i.status.as_deref() == Some("Created")).count(), 2);
    let again = client.submit_products(&SalesItems { products: vec![product("P1")] }).await.unwrap();
    assert_eq!(again.items.unwrap()[0].status.as_deref(), Some("Rejected"));
    assert_eq!(client.list_products(PageRequest::default()).await.unwrap().data.len(), 2);
    client.delete_product("P1").await.unwrap();
    let left: Vec<_> = client
        .list_products(PageRequest::default())
        .await
        .unwrap()
        .data
        .into_iter()
        .filter_map(|p| p.product_code)
        .collect();
    assert_eq!(left, ["P2"]);
    assert!(matches!(client.delete_product("P1").await, Err(Error::NotFound(_))));
    assert!(matches!(
        client.submit_products(&SalesItems { products: vec![OnlineProduct::default()] }).await,
        Err(Error::Validation(_))
    ));

    client.submit_customers(&OnlineCustomers { customers: vec![customer("C1"), customer("C2")] }).await.unwrap();
    let update = OnlineCustomer { email: Some("laskut@example.fi".into()), ..Default::default() };
    let updated = client.update_customer("C1", &update).await.unwrap();
    assert_eq!(updated.updated_fields.unwrap(), ["Email"]);
    let listed = client.list_customers(PageRequest::default()).await.unwrap();
    assert_eq!(
        listed.data.iter().find(|c| c.customer_code.as_deref() == Some("C1")).unwrap().email.as_deref(),
        Some("laskut@example.fi")
    );
    client.delete_customer("C2").await.unwrap();
    assert_eq!(client.list_customers(PageRequest::default()).await.unwrap().data.len(), 1);
    assert!(matches!(client.update_customer("C2", &update).await, Err(Error::NotFound(_))));

    // "." and ".." would turn /customers/{code} into /customers/ or /v2/: refused, nothing sent.
    let hits = sandbox.hits().len();
    for code in [".", ".."] {
        match client.delete_customer(code).await.unwrap_err() {
            Error::Validation(v) => {
                assert_eq!((v[0].path.as_str(), v[0].code.as_str()), ("/customerCode", "path.segment"))
            }
            other => panic!("{other:?}"),
        }
        let number = InvoiceNumber::from(code);
        assert!(matches!(client.retrieve_invoice_status(&number).await, Err(Error::Validation(_))), "{code}");
    }
    assert_eq!(sandbox.hits().len(), hits, "nothing was sent");
    assert_eq!(client.list_customers(PageRequest::default()).await.unwrap().data.len(), 1, "the client still works");
    let mut bad = customer("C3");
    bad.business_id = Some("0737546-1".into());
    match client.submit_customers(&OnlineCustomers { customers: vec![bad] }).await.unwrap_err() {
        Error::Validation(v) => {
            assert_eq!((v[0].path.as_str(), v[0].code.as_str()), ("/Customers/0/BusinessId", "ytunnus.check_digit"))
        }
        other => panic!("{other:?}"),
    }
    sandbox.shutdown().await;
}

#[tokio::test]
async fn external_invoices_direct_payments_and_actions() {
    let (sandbox, client) = start().await;
    client.create_invoice(&invoice(700)).await.unwrap();
    let n = InvoiceNumber::from(700u64);
    let delivery = client.retrieve_external_delivery_information(&InvoiceQuery::default()).await.unwrap();
    assert_eq!(delivery.data[0].rows.as_ref().unwrap().len(), 2);
    let payment = DirectPayment {
        invoice_number: Some(n.clone()),
        payment_date: Some(today()),
        amount: Some(d("20.00")),
        payment_method: Some("Cash".into()),
        ..Default::default()
    };
    let answer = client
        .create_direct_payment(&IntermediationInvoiceDirectPayments { direct_payments: vec![payment.clone()] })
        .await
        .unwrap();
    assert_eq!(answer.qty_of_payments, Some(1));
    assert_eq!(client.retrieve_invoice_status(&n).await.unwrap().paid_amount, Some(d("20.00")));
    let payments = client.retrieve_external_payment_information(&InvoiceQuery::default()).await.unwrap();
    assert_eq!(payments.data[0].amount, Some(d("20.00")));
    let unknown = DirectPayment { invoice_number: Some(InvoiceNumber::from(1u64)), ..payment };
    assert!(matches!(
        client.create_direct_payment(&IntermediationInvoiceDirectPayments { direct_payments: vec![unknown] }).await,
        Err(Error::NotFound(_))
    ));

    let actions = ExternalInvoiceActions {
        actions: vec![InvoiceAction {
            code: Some(InvoiceActionCode::Pause),
            invoice_number: Some(n.clone()),
            ..Default::default()
        }],
    };
    let queued = client.submit_invoice_action(&actions).await.unwrap();
    assert_eq!(queued.actions.unwrap()[0].status.as_deref(), Some("Pending"));
    let missing_date = ExternalInvoiceActions {
        actions: vec![InvoiceAction {
            code: Some(InvoiceActionCode::DueDate),
            invoice_number: Some(n),
            ..Default::default()
        }],
    };
    assert!(matches!(client.submit_invoice_action(&missing_date).await, Err(Error::Validation(_))));
    assert!(client.retrieve_agreement_status().await.unwrap().status.is_some());
    sandbox.shutdown().await;
}

#[tokio::test]
async fn partner_operations_need_the_partner_key() {
    let (sandbox, client) = start().await;
    let creditor = Creditor {
        creditor_data: Some(CreditorData {
            name: Some("Uusi Velkoja Oy".into()),
            business_id: Some("0737546-2".into()),
            iban: Some("FI2112345600000785".into()),
            bic: Some("NDEAFIHH".into()),
            ..Default::default()
        }),
        service_type: Some("LIFECYCLE".into()),
        ..Default::default()
    };
    let registered = client.submit_creditor(&creditor).await.unwrap();
    let new_key = registered.api_key.clone().unwrap();
    assert!(!format!("{registered:?}").contains(new_key.expose()), "the key leaked into Debug");
    let as_creditor = client_with(&sandbox, new_key.expose(), None);
    assert_eq!(as_creditor.validate_token().await.unwrap().is_valid, Some(true));
    assert!(matches!(client.submit_creditor(&creditor).await, Err(Error::BusinessRule(_))));

    let update = CreditorUpdateData {
        creditor_details: Some(CreditorUpdateDetails { email: Some("talous@example.fi".into()), ..Default::default() }),
        ..Default::default()
    };
    assert!(client.update_creditor("0737546-2", &update).await.unwrap().updated_fields.is_some());
    let credentials = client.retrieve_creditor_credentials("0737546-2").await.unwrap();
    assert_eq!(credentials.api_key.as_ref().map(|k| k.expose()), Some(new_key.expose()));
    assert!(client.retrieve_external_agreement_identifiers("0737546-2").await.unwrap().identifiers.is_some());
    client.retrieve_finvoice_credentials("0737546-2").await.unwrap();
    let mut sold = invoice(800);
    sold.seller_info = Some(SellerInfo {
        seller_name: Some("Uusi Velkoja Oy".into()),
        seller_business_id: Some("0737546-2".into()),
        ..Default::default()
    });
    client.create_invoice_with_seller_info(&sold).await.unwrap();
    let by_seller =
        client.retrieve_delivery_information_by_seller("0737546-2", &DateRangeQuery::default()).await.unwrap();
    assert_eq!(by_seller.data.len(), 1);
    let sms = SmsData {
        phone_number: Some("+358401234567".into()),
        message: Some("Lasku 800 erääntyy".into()),
        ..Default::default()
    };
    assert!(client.send_sms(&sms).await.unwrap().message_id.is_some());
    let bad_sms = SmsData { phone_number: Some("0401234567".into()), ..sms.clone() };
    assert!(matches!(client.send_sms(&bad_sms).await, Err(Error::Validation(_))));

    // A creditor key on a partner operation is 403; without a partner key nothing is sent.
    let creditor_only = client_with(&sandbox, DEFAULT_CREDITOR_KEY, Some(DEFAULT_CREDITOR_KEY));
    assert!(matches!(creditor_only.send_sms(&sms).await, Err(Error::Forbidden(_))));
    let no_partner = client_with(&sandbox, DEFAULT_CREDITOR_KEY, None);
    assert!(matches!(no_partner.send_sms(&sms).await, Err(Error::Configuration(_))));
    sandbox.shutdown().await;
}

#[tokio::test]
async fn documents_and_service_status() {
    let (sandbox, client) = start().await;
    let document = MeterDocument {
        document_number: Some("M-1".into()),
        document_date: Some(today()),
        customer: Some(DocumentCustomer {
            customer_code: Some("C1".into()),
            name: Some("Asiakas".into()),
            ..Default::default()
        }),
        readings: Some(vec![MeterReading {
            meter_number: Some("123".into()),
            reading_date: Some(today()),
            reading_value: Some(d("1200.5")),
            previous_reading_value: Some(d("1000")),
            consumption: Some(d("200.5")),
            unit: Some("kWh".into()),
            ..Default::default()
        }]),
        ..Default::default()
    };
    let list = MeterDocumentList { documents: vec![document] };
    assert_eq!(client.create_meter_reading_documents(&list).await.unwrap().qty_of_documents, Some(1));
    assert!(matches!(client.create_meter_reading_documents(&list).await, Err(Error::BusinessRule(_))));
    assert_eq!(client.service_status().await.unwrap().status.as_deref(), Some("OK"));
    sandbox.shutdown().await;
}

#[tokio::test]
async fn pagination_walks_every_page_and_stops() {
    let (sandbox, client) = start().await;
    let invoices: Vec<_> = (1000..1023).map(invoice).collect();
    let report = client
        .submit_invoices(
            &invoices,
            &BatchOptions {
                max_per_request: 10,
                poll_interval: std::time::Duration::from_millis(20),
                ..Default::default()
            },
        )
        .await;
    assert_eq!((report.accepted(), report.batch_ids.len()), (23, 3));
    let all = client
        .paginate::<SalesInvoice>(|page| requests::list_sales_invoices(&InvoiceQuery { page, ..Default::default() }))
        .page_size(5)
        .collect_items()
        .await
        .unwrap();
    assert_eq!(all.len(), 23);
    let list_calls = sandbox.hits().iter().filter(|h| h.operation == "list_sales_invoices").count();
    assert_eq!(list_calls, 5, "5 pages of 5");
    let mut pages = client
        .paginate::<SalesInvoice>(|page| requests::list_sales_invoices(&InvoiceQuery { page, ..Default::default() }))
        .page_size(10);
    let mut sizes = Vec::new();
    while let Some(page) = pages.next_page().await {
        sizes.push(page.unwrap().data.len());
    }
    assert_eq!(sizes, [10, 10, 3]);
    sandbox.shutdown().await;
}

#[tokio::test]
async fn chunked_invoices_report_per_item_and_resubmit_only_what_is_missing() {
    let (sandbox, client) = start().await;
    let mut invoices: Vec<_> = (2000..2030).map(invoice).collect();
    invoices[4].due_date = Some(date(2000, 1, 1)); // invalid: reported, never sent
    client.create_invoice(&invoice(2027)).await.unwrap(); // 2027 exists: rejected by the server
                                                          // The first chunk's request is dropped after the server processed it: its outcome is unknown.
    sandbox.push_fault(
        lasku_sandbox::FaultRule::new(lasku_sandbox::Fault::parse("drop=after").unwrap())
            .for_operation("submit_sales_invoice_batch")
            .times(1),
    );
    let options =
        BatchOptions { max_per_request: 10, poll_interval: std::time::Duration::from_millis(20), ..Default::default() };
    let report = client.submit_invoices(&invoices, &options).await;
    assert!(matches!(report.outcomes[4], ItemOutcome::Invalid(_)));
    assert_eq!(report.to_resend().len(), 10, "the dropped chunk");
    assert!(report.to_resend().iter().all(|i| matches!(report.outcomes[*i], ItemOutcome::Unknown { .. })));
    let sent_before = sandbox.hits().iter().filter(|h| h.operation == "submit_sales_invoice_batch").count();
    let again = client.resubmit_invoices(&invoices, &report, &options).await.unwrap();
    assert!(again.is_settled(), "{:?}", again.outcomes);
    assert_eq!(again.accepted(), 28, "29 valid, one duplicate");
    assert_eq!(again.rejected(), 1);
    let sent_after = sandbox.hits().iter().filter(|h| h.operation == "submit_sales_invoice_batch").count();
    assert_eq!(sent_after, sent_before, "the unknown chunk had been processed, so nothing was re-sent");
    let listed = client
        .paginate::<SalesInvoice>(|page| requests::list_sales_invoices(&InvoiceQuery { page, ..Default::default() }))
        .collect_items()
        .await
        .unwrap();
    assert_eq!(listed.len(), 29, "no duplicates");
    sandbox.shutdown().await;
}

#[tokio::test]
async fn a_resubmission_refuses_another_list_and_sends_fixed_invoices() {
    let (sandbox, client) = start().await;
    let mut invoices: Vec<_> = (2100..2104).map(invoice).collect();
    invoices[1].due_date = Some(date(2000, 1, 1)); // invalid: reported, never sent
    sandbox.push_fault(
        lasku_sandbox::FaultRule::new(lasku_sandbox::Fault::parse("drop=after").unwrap())
            .for_operation("submit_sales_invoice_batch")
            .times(1),
    );
    let options =
        BatchOptions { max_per_request: 2, poll_interval: std::time::Duration::from_millis(20), ..Default::default() };
    let report = client.submit_invoices(&invoices, &options).await;
    let statuses: Vec<_> = report.outcomes.iter().map(|o| format!("{o:?}")).collect();
    assert!(matches!(report.outcomes[0], ItemOutcome::Unknown { .. }), "{statuses:?}");
    assert!(matches!(report.outcomes[1], ItemOutcome::Invalid(_)), "{statuses:?}");
    sandbox.clear_hits();

    // Another length, or another invoice where the server may know one: refused, nothing sent.
    let shorter = client.resubmit_invoices(&invoices[..3], &report, &options).await;
    assert!(matches!(&shorter, Err(Error::Configuration(m)) if m.contains("has 4 items, the list 3")), "{shorter:?}");
    let mut swapped = invoices.clone();
    swapped.swap(0, 2);
    let refused = client.resubmit_invoices(&swapped, &report, &options).await;
    assert!(matches!(&refused, Err(Error::Configuration(m)) if m.contains("item 0")), "{refused:?}");
    assert!(sandbox.hits().is_empty(), "nothing was sent: {:?}", sandbox.hits());

    // The invalid invoice, fixed, is checked and sent; the unknown one is found by lookup.
    invoices[1].due_date = invoices[1].invoice_date;
    let again = client.resubmit_invoices(&invoices, &report, &options).await.unwrap();
    assert!(again.is_settled(), "{:?}", again.outcomes);
    assert_eq!(again.accepted(), 4);
    assert!(matches!(again.outcomes[1], ItemOutcome::Accepted { batch_id: Some(_) }), "{:?}", again.outcomes[1]);
    sandbox.shutdown().await;
}

#[tokio::test]
async fn following_a_batch_stops_on_an_error_that_stays_and_reports_it() {
    let (sandbox, client) = start().await;
    let invoices: Vec<_> = (2200..2203).map(invoice).collect();
    sandbox.push_fault(
        lasku_sandbox::FaultRule::new(lasku_sandbox::Fault::parse("status=401").unwrap())
            .for_operation("list_batch_uploads"),
    );
    let options = BatchOptions {
        poll_interval: std::time::Duration::from_millis(20),
        max_wait: std::time::Duration::from_secs(30),
        ..Default::default()
    };
    let started = std::time::Instant::now();
    let report = client.submit_invoices(&invoices, &options).await;
    assert!(started.elapsed() < std::time::Duration::from_secs(10), "gave up at once, not after max_wait");
    assert!(report.outcomes.iter().all(|o| matches!(o, ItemOutcome::Submitted { .. })), "{:?}", report.outcomes);
    assert_eq!(report.follow_errors.len(), 1);
    assert_eq!(report.follow_errors[0].0, report.batch_ids[0]);
    assert!(matches!(report.follow_errors[0].1, Error::Unauthorized(_)), "{:?}", report.follow_errors);
    let asked = sandbox.hits().iter().filter(|h| h.operation == "list_batch_uploads").count();
    assert_eq!(asked, 1, "asked once");
    sandbox.shutdown().await;
}

#[tokio::test]
async fn a_batch_whose_success_answer_is_unreadable_is_unknown_and_found_by_lookup() {
    let (sandbox, client) = start().await;
    let invoices: Vec<_> = (2300..2303).map(invoice).collect();
    sandbox.push_fault(
        lasku_sandbox::FaultRule::new(lasku_sandbox::Fault::parse("body=truncated").unwrap())
            .for_operation("submit_sales_invoice_batch")
            .times(1),
    );
    let options = BatchOptions { poll_interval: std::time::Duration::from_millis(20), ..Default::default() };
    let report = client.submit_invoices(&invoices, &options).await;
    assert!(report.outcomes.iter().all(|o| matches!(o, ItemOutcome::Unknown { .. })), "{:?}", report.outcomes);
    sandbox.clear_hits();
    let again = client.resubmit_invoices(&invoices, &report, &options).await.unwrap();
    assert_eq!(again.accepted(), 3, "{:?}", again.outcomes);
    assert!(!sandbox.hits().iter().any(|h| h.operation == "submit_sales_invoice_batch"), "found, not re-sent");
    sandbox.shutdown().await;
}

#[tokio::test]
async fn a_rejected_invoice_may_be_renumbered_before_a_resubmission() {
    let (sandbox, client) = start().await;
    client.create_invoice(&invoice(2401)).await.unwrap();
    let mut invoices: Vec<_> = (2400..2403).map(invoice).collect();
    let options = BatchOptions { poll_interval: std::time::Duration::from_millis(20), ..Default::default() };
    let report = client.submit_invoices(&invoices, &options).await;
    assert!(matches!(report.outcomes[1], ItemOutcome::Rejected { .. }), "{:?}", report.outcomes);
    invoices[1] = invoice(2499);
    let again = client.resubmit_invoices(&invoices, &report, &options).await.unwrap();
    assert!(matches!(again.outcomes[1], ItemOutcome::Rejected { .. }), "rejected items are not sent again");
    sandbox.shutdown().await;
}

#[tokio::test]
async fn following_keeps_asking_through_errors_that_may_pass_and_reports_the_last_at_max_wait() {
    let (sandbox, client) = start().await;
    sandbox.push_fault(
        lasku_sandbox::FaultRule::new(lasku_sandbox::Fault::parse("status=404").unwrap())
            .for_operation("list_batch_uploads")
            .times(1000),
    );
    let options = BatchOptions {
        poll_interval: std::time::Duration::from_millis(20),
        max_wait: std::time::Duration::from_millis(300),
        ..Default::default()
    };
    let report = client.submit_invoices(&[invoice(2500)], &options).await;
    assert!(matches!(report.outcomes[0], ItemOutcome::Submitted { .. }), "{:?}", report.outcomes);
    let asked = sandbox.hits().iter().filter(|h| h.operation == "list_batch_uploads").count();
    assert!(asked > 2, "asked again: {asked}");
    assert_eq!(report.follow_errors.len(), 1);
    assert!(matches!(report.follow_errors[0].1, Error::NotFound(_)), "{:?}", report.follow_errors);
    sandbox.shutdown().await;
}

#[tokio::test]
async fn every_catalog_operation_is_implemented() {
    for op in OPERATIONS {
        assert!(op.implemented, "{} is not implemented", op.id);
    }
}
