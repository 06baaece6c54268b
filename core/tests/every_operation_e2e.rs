//! One pass over every catalog operation against one sandbox: the hit log must list them all,
//! each with the Rust user agent.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use lasku::cashin::*;
use lasku::catalog::OPERATIONS;
use lasku::model::{Identifier, InvoiceNumber};

#[tokio::test]
async fn every_operation_appears_in_the_hit_log() {
    let (sandbox, client) = start().await;
    let n = InvoiceNumber::from(42u64);
    let page = PageRequest::default();
    let window = DateRangeQuery::default();

    client.validate_token().await.unwrap();
    client.renew_token(&RenewTokenRequest { customer_code: "C".into(), ip_address: "192.0.2.1".into() }).await.unwrap();
    client.create_invoice(&invoice(42)).await.unwrap();
    let mut seller = invoice(43);
    seller.seller_info = Some(SellerInfo {
        seller_name: Some("Myyjä Oy".into()),
        seller_business_id: Some("0737546-2".into()),
        ..Default::default()
    });
    client.create_invoice_with_seller_info(&seller).await.unwrap();
    let batch = client.submit_sales_invoice_batch(&SalesInvoiceBatch::new(vec![invoice(44)])).await.unwrap();
    client.list_batch_uploads(&BatchUploadQuery { batch_id: batch.batch_id, ..Default::default() }).await.unwrap();
    client.list_sales_invoices(&InvoiceQuery::default()).await.unwrap();
    client.retrieve_invoice_status(&n).await.unwrap();
    client.retrieve_invoice_delivery_information(&InvoiceQuery::default()).await.unwrap();
    client
        .update_invoice(&n, &SalesInvoiceUpdate { description: Some("x".into()), ..Default::default() })
        .await
        .unwrap();
    client
        .submit_invoice_payment(
            &n,
            &SalesInvoicePayment { payment_date: Some(today()), amount: Some(d("1.00")), ..Default::default() },
        )
        .await
        .unwrap();
    client.retrieve_delivery_statistics(None, None).await.unwrap();
    client.retrieve_received_payments(&ReceivedPaymentsQuery::default()).await.unwrap();
    let account = FinvoiceAccountUpdate {
        customer_code: Some("C1".into()),
        finvoice_address: Some("003707375462".into()),
        finvoice_intermediator: Some("003721291126".into()),
        ..Default::default()
    };
    client.update_finvoice_account(&account).await.unwrap();
    client.retrieve_electronic_invoicing_contracts(None, page).await.unwrap();

    let case = Case {
        debtor: Some(Debtor { name: Some("Velallinen".into()), ..Default::default() }),
        receivables: Some(vec![Receivable {
            invoice_number: Some(InvoiceNumber::from(900u64)),
            due_date: Some(today()),
            capital_amount: Some(d("5.00")),
            ..Default::default()
        }]),
        ..Default::default()
    };
    let cases = client.create_collection_cases(&CaseList { cases: vec![case] }).await.unwrap();
    client.retrieve_case_batch_status(cases.batch_id.unwrap()).await.unwrap();
    let receivables = ReceivablesList {
        receivables: vec![Receivable {
            invoice_number: Some(InvoiceNumber::from(900u64)),
            payment_date: Some(today()),
            paid_amount: Some(d("1.00")),
            ..Default::default()
        }],
    };
    let update = client.update_collection_receivables(&receivables).await.unwrap();
    client.retrieve_collection_receivables_status(update.batch_id.unwrap()).await.unwrap();
    client.retrieve_collection_case(&CaseQuery::default()).await.unwrap();
    client.retrieve_debtor_summary(None, page).await.unwrap();
    sandbox.settle();
    let settlements = client.list_settlements(&window).await.unwrap();
    if let Some(s) = settlements.data.first() {
        client.retrieve_settlement(s.settlement_number.as_ref().unwrap()).await.unwrap();
    } else {
        let _ = client.retrieve_settlement(&Identifier::from(1u64)).await;
    }
    let direct = client.list_direct_settlements(&window).await.unwrap();
    client.retrieve_direct_settlement(direct.data[0].settlement_number.as_ref().unwrap()).await.unwrap();
    client.retrieve_credit_loss_receivables(&window).await.unwrap();
    client.retrieve_allocated_payment_transactions(&AllocatedPaymentTransactionsQuery::default()).await.unwrap();

    client.list_products(page).await.unwrap();
    let product = OnlineProduct { product_code: Some("P".into()), name: Some("P".into()), ..Default::default() };
    client.submit_products(&SalesItems { products: vec![product] }).await.unwrap();
    client.delete_product("P").await.unwrap();
    client.list_customers(page).await.unwrap();
    let customer = OnlineCustomer { customer_code: Some("K".into()), name: Some("K".into()), ..Default::default() };
    client.submit_customers(&OnlineCustomers { customers: vec![customer] }).await.unwrap();
    client
        .update_customer("K", &OnlineCustomer { phone: Some("+358401234567".into()), ..Default::default() })
        .await
        .unwrap();
    client.delete_customer("K").await.unwrap();

    client.retrieve_external_delivery_information(&InvoiceQuery::default()).await.unwrap();
    client.retrieve_external_payment_information(&InvoiceQuery::default()).await.unwrap();
    let direct_payment = DirectPayment {
        invoice_number: Some(n.clone()),
        payment_date: Some(today()),
        amount: Some(d("1.00")),
        ..Default::default()
    };
    client
        .create_direct_payment(&IntermediationInvoiceDirectPayments { direct_payments: vec![direct_payment] })
        .await
        .unwrap();
    let action = InvoiceAction {
        code: Some(InvoiceActionCode::Objection),
        invoice_number: Some(n.clone()),
        ..Default::default()
    };
    client.submit_invoice_action(&ExternalInvoiceActions { actions: vec![action] }).await.unwrap();
    client.retrieve_agreement_status().await.unwrap();

    let creditor = Creditor {
        creditor_data: Some(CreditorData {
            name: Some("V Oy".into()),
            business_id: Some("0737546-2".into()),
            ..Default::default()
        }),
        ..Default::default()
    };
    client.submit_creditor(&creditor).await.unwrap();
    let details = CreditorUpdateDetails { email: Some("talous@example.fi".into()), ..Default::default() };
    client
        .update_creditor("0737546-2", &CreditorUpdateData { creditor_details: Some(details), ..Default::default() })
        .await
        .unwrap();
    client.retrieve_creditor_credentials("0737546-2").await.unwrap();
    client.retrieve_finvoice_credentials("0737546-2").await.unwrap();
    client.retrieve_external_agreement_identifiers("0737546-2").await.unwrap();
    client.retrieve_delivery_information_by_seller("0737546-2", &window).await.unwrap();
    client
        .send_sms(&SmsData {
            phone_number: Some("+358401234567".into()),
            message: Some("Hei".into()),
            ..Default::default()
        })
        .await
        .unwrap();

    let document = MeterDocument {
        document_number: Some("D".into()),
        customer: Some(DocumentCustomer { name: Some("A".into()), ..Default::default() }),
        readings: Some(vec![MeterReading {
            meter_number: Some("1".into()),
            reading_date: Some(today()),
            reading_value: Some(d("1")),
            ..Default::default()
        }]),
        ..Default::default()
    };
    client.create_meter_reading_documents(&MeterDocumentList { documents: vec![document] }).await.unwrap();
    client.service_status().await.unwrap();

    let hits = sandbox.hits();
    let missing: Vec<_> = OPERATIONS
        .iter()
        .filter(|op| !hits.iter().any(|h| h.operation == op.id && h.user_agent.contains("(rust;")))
        .map(|op| op.id)
        .collect();
    assert!(missing.is_empty(), "never called: {missing:?}");
    sandbox.shutdown().await;
}
