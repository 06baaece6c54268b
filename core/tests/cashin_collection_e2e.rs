//! Collection, settlements, allocations and auto-chunked case batches against the sandbox.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use lasku::cashin::*;
use lasku::model::{Identifier, InvoiceNumber};
use lasku::Error;

fn case(n: u64, debtor: &str, capital: &str) -> Case {
    Case {
        debtor: Some(Debtor {
            debtor_type: Some(DebtorType::Company),
            name: Some(debtor.into()),
            business_id: Some("0737546-2".into()),
            ..Default::default()
        }),
        receivables: Some(vec![Receivable {
            invoice_number: Some(InvoiceNumber::from(n)),
            invoice_date: Some(date(2026, 9, 1)),
            due_date: Some(date(2026, 9, 15)),
            capital_amount: Some(d(capital)),
            currency: Some("EUR".into()),
            ..Default::default()
        }]),
        ..Default::default()
    }
}

#[tokio::test]
async fn cases_receivables_settlements_and_allocations() {
    let (sandbox, client) = start().await;

    // Create cases in one batch and follow it.
    let created = client
        .create_collection_cases(&CaseList {
            cases: vec![case(100, "Velallinen Oy", "250.00"), case(101, "Velallinen Oy", "80.00")],
        })
        .await
        .unwrap();
    let batch_id = created.batch_id.unwrap();
    let status = wait_for(|| async {
        client.retrieve_case_batch_status(batch_id).await.ok().filter(|s| s.status == Some(BatchState::Processed))
    })
    .await;
    let items = status.items.unwrap();
    assert_eq!(items.len(), 2);
    assert!(items.iter().all(|i| i.status == Some(ExportLineStatus::Accepted) && i.case_id.is_some()));

    // Look a case up by invoice number and by id.
    let by_invoice = client
        .retrieve_collection_case(&CaseQuery {
            invoice_number: Some(InvoiceNumber::from(100u64)),
            ..Default::default()
        })
        .await
        .unwrap();
    let case_100 = by_invoice.data.into_iter().next().unwrap();
    assert_eq!(case_100.outstanding_capital_amount, Some(d("250.00")));
    let case_id = case_100.case_id.clone().unwrap();
    let by_id = client
        .retrieve_collection_case(&CaseQuery { case_id: Some(case_id.clone()), ..Default::default() })
        .await
        .unwrap();
    assert_eq!(by_id.data[0].invoice_number, Some(InvoiceNumber::from(100u64)));
    let unknown = client
        .retrieve_collection_case(&CaseQuery { case_id: Some(Identifier::from(987_654u64)), ..Default::default() })
        .await;
    assert!(matches!(unknown, Err(Error::NotFound(_))), "{unknown:?}");

    // The creditor was paid 100 directly: the receivable shrinks and an allocation appears.
    let update = ReceivablesList {
        receivables: vec![Receivable {
            invoice_number: Some(InvoiceNumber::from(100u64)),
            payment_date: Some(today()),
            paid_amount: Some(d("100.00")),
            ..Default::default()
        }],
    };
    let batch = client.update_collection_receivables(&update).await.unwrap().batch_id.unwrap();
    let status = wait_for(|| async {
        client
            .retrieve_collection_receivables_status(batch)
            .await
            .ok()
            .filter(|s| s.status == Some(BatchState::Processed))
    })
    .await;
    assert_eq!(status.items.unwrap()[0].status, Some(ExportLineStatus::Accepted));
    let after = client
        .retrieve_collection_case(&CaseQuery { case_id: Some(case_id.clone()), ..Default::default() })
        .await
        .unwrap();
    assert_eq!(after.data[0].outstanding_capital_amount, Some(d("150.00")));

    let summary = client.retrieve_debtor_summary(None, PageRequest::default()).await.unwrap();
    let debtor = summary.data.iter().find(|s| s.debtor_name.as_deref() == Some("Velallinen Oy")).unwrap();
    assert_eq!((debtor.case_count, debtor.outstanding_capital_amount), (Some(2), Some(d("230.00"))));

    let allocations =
        client.retrieve_allocated_payment_transactions(&AllocatedPaymentTransactionsQuery::default()).await.unwrap();
    let allocation = allocations.data.iter().find(|a| a.invoice_number == Some(InvoiceNumber::from(100u64))).unwrap();
    assert_eq!(allocation.amounts.as_ref().unwrap().payment_amount, Some(d("100.00")));
    assert!(allocation.dates.as_ref().unwrap().settlement_date.is_none());
    assert_eq!(allocations.meta.as_ref().unwrap().page, Some(1));

    // Settle: the payment shows in a settlement, and the allocation gets its settlement date.
    sandbox.settle();
    let settlements = client.list_settlements(&DateRangeQuery::default()).await.unwrap();
    let number = settlements.data[0].settlement_number.clone().unwrap();
    let settlement = client.retrieve_settlement(&number).await.unwrap();
    assert!(settlement
        .rows
        .unwrap()
        .iter()
        .any(|r| r.invoice_number == Some(InvoiceNumber::from(100u64)) && r.total_amount == Some(d("100.00"))));
    let allocations = client
        .retrieve_allocated_payment_transactions(&AllocatedPaymentTransactionsQuery {
            invoice_number: Some(InvoiceNumber::from(100u64)),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(allocations.data[0].dates.as_ref().unwrap().settlement_date.is_some());
    assert!(matches!(client.retrieve_settlement(&Identifier::from(1u64)).await, Err(Error::NotFound(_)) | Ok(_)));

    // Credit loss.
    let case_101 = client
        .retrieve_collection_case(&CaseQuery {
            invoice_number: Some(InvoiceNumber::from(101u64)),
            ..Default::default()
        })
        .await
        .unwrap();
    let id_101 = case_101.data[0].case_id.clone().unwrap();
    sandbox.credit_loss(id_101.as_str().parse().unwrap());
    let losses = client.retrieve_credit_loss_receivables(&DateRangeQuery::default()).await.unwrap();
    let loss = losses.data.iter().find(|l| l.case_id.as_ref() == Some(&id_101)).unwrap();
    assert_eq!(loss.capital_amount, Some(d("80.00")));
    assert!(!loss.accounting_data.as_ref().unwrap().ledgers.as_ref().unwrap().is_empty());
    sandbox.shutdown().await;
}

#[tokio::test]
async fn direct_settlements_follow_invoice_payments() {
    let (sandbox, client) = start().await;
    client.create_invoice(&invoice(300)).await.unwrap();
    let n = InvoiceNumber::from(300u64);
    client
        .submit_invoice_payment(
            &n,
            &SalesInvoicePayment { payment_date: Some(today()), amount: Some(d("10.00")), ..Default::default() },
        )
        .await
        .unwrap();
    sandbox.settle();
    let list = client.list_direct_settlements(&DateRangeQuery::last_days(today(), 30)).await.unwrap();
    assert_eq!(list.data.len(), 1);
    let one = client.retrieve_direct_settlement(list.data[0].settlement_number.as_ref().unwrap()).await.unwrap();
    let rows = one.rows.unwrap();
    assert_eq!((rows[0].invoice_number.as_ref(), rows[0].amount), (Some(&n), Some(d("10.00"))));
    sandbox.shutdown().await;
}

#[tokio::test]
async fn invalid_cases_are_never_sent() {
    let (sandbox, client) = start().await;
    let mut bad = case(400, "", "-5");
    bad.receivables.as_mut().unwrap()[0].reference = Some("2516000017".into());
    match client.create_collection_cases(&CaseList { cases: vec![bad] }).await.unwrap_err() {
        Error::Validation(v) => {
            let paths: Vec<_> = v.iter().map(|x| (x.path.as_str(), x.code.as_str())).collect();
            assert!(paths.contains(&("/Cases/0/Debtor/Name", "required")), "{paths:?}");
            assert!(paths.contains(&("/Cases/0/Receivables/0/CapitalAmount", "amount.positive")), "{paths:?}");
            assert!(paths.contains(&("/Cases/0/Receivables/0/Reference", "reference.check_digit")), "{paths:?}");
        }
        other => panic!("{other:?}"),
    }
    assert!(sandbox.hits().iter().all(|h| h.operation != "create_collection_cases"));
    sandbox.shutdown().await;
}

#[tokio::test]
async fn collection_cases_in_chunks_with_a_per_case_report() {
    let (sandbox, client) = start().await;
    let mut cases: Vec<Case> = (500..525).map(|n| case(n, &format!("Debtor {n}"), "12.00")).collect();
    cases[3].debtor.as_mut().unwrap().name = None; // invalid: reported, not sent
    client.create_collection_cases(&CaseList { cases: vec![case(510, "Earlier", "1.00")] }).await.unwrap(); // 510 already has a case
    let options =
        BatchOptions { max_per_request: 10, poll_interval: std::time::Duration::from_millis(20), ..Default::default() };
    let report = client.submit_collection_cases(&cases, &options).await;
    assert_eq!(report.batch_ids.len(), 3, "24 valid cases in chunks of 10");
    assert_eq!(report.invalid(), 1);
    assert!(matches!(report.outcomes[3], ItemOutcome::Invalid(_)));
    assert!(matches!(report.outcomes[10], ItemOutcome::Rejected { .. }), "{:?}", report.outcomes[10]);
    assert_eq!(report.accepted(), 23);
    assert!(report.is_settled());
    sandbox.shutdown().await;
}
