//! `lasku demo`: what a new user sees, against the embedded sandbox.

use std::time::{Duration, Instant};

use chrono::{Local, NaiveDate};
use lasku::cashin::{
    BatchState, BatchUploadQuery, InvoiceQuery, ReceivedPaymentsQuery, SalesInvoice, SalesInvoiceBatch,
    SalesInvoicePayment,
};
use lasku::model::InvoiceNumber;
use lasku::{Client, Config, InvoiceBuilder, RowInput};
use rust_decimal::Decimal;

use crate::progress::Progress;

/// Runs the demo; 0 on success.
pub async fn run(batch_size: usize) -> i32 {
    match demo(batch_size).await {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("\ndemo failed: {e}");
            1
        }
    }
}

fn money(d: Option<Decimal>) -> String {
    d.map(|d| format!("{:.2} €", d)).unwrap_or_else(|| "–".to_owned())
}

fn dec(s: &str) -> Result<Decimal, String> {
    s.parse().map_err(|e| format!("{s}: {e}"))
}

fn invoice_for(
    number: u64,
    date: NaiveDate,
    buyer: &str,
    rows: &[(&str, &str, &str, &str)],
) -> Result<SalesInvoice, String> {
    let mut builder = InvoiceBuilder::new(number)
        .invoice_date(date)
        .payment_terms_days(14)
        .buyer_name(buyer)
        .buyer_address("Kauppapuistikko 17 A 23", "65100", "VAASA", "FI")
        .buyer_email("sami.santikko@example.fi");
    for (text, qty, price, vat) in rows {
        builder = builder.row(RowInput::new(*text, dec(qty)?, dec(price)?, dec(vat)?).unit("kpl"));
    }
    builder.build().map_err(|e| e.to_string())
}

async fn demo(batch_size: usize) -> Result<(), String> {
    let started = Instant::now();
    println!("lasku demo: invoicing through the Cash-In API v2, against a local sandbox\n");
    let sandbox = lasku_sandbox::Sandbox::start(lasku_sandbox::SandboxConfig::default())
        .await
        .map_err(|e| format!("could not start the sandbox: {e}"))?;
    println!("1. Sandbox listening at {}", sandbox.base_url());
    let config = Config::builder(lasku_sandbox::DEFAULT_CREDITOR_KEY)
        .base_url(sandbox.base_url())
        .build()
        .map_err(|e| e.to_string())?;
    let client = Client::new(config).map_err(|e| e.to_string())?;
    let check = client.validate_token().await.map_err(|e| e.to_string())?;
    println!("   API key accepted: {}", check.is_valid.unwrap_or(false));

    // 2. Validation catches what a person gets wrong.
    let today = Local::now().date_naive();
    let mut wrong = invoice_for(1000, today, "Sami Santikko", &[("Consulting, hours", "4", "95.00", "25.5")])?;
    if let Some(row) = wrong.invoice_rows.as_mut().and_then(|rows| rows.first_mut()) {
        row.total = row.nto; // VAT forgotten in the row total
    }
    wrong.net_amount = Some(dec("300")?);
    let report = lasku::validate::validate_invoice(&wrong);
    println!("\n2. Validating an invoice typed by hand: {} errors, nothing sent", report.errors().count());
    for v in report.errors() {
        println!("   ✗ {:<22} {}", v.path, v.message);
    }

    // 3. The builder computes the amounts; create it.
    let invoice = invoice_for(
        1001,
        today,
        "Sami Santikko",
        &[
            ("Consulting, hours", "4", "95.00", "25.5"),
            ("Travel", "1", "42.50", "25.5"),
            ("Book", "2", "19.90", "13.5"),
        ],
    )?;
    let number = invoice.invoice_number.clone().unwrap_or_else(|| InvoiceNumber::from(1001u64));
    let created = client.create_invoice(&invoice).await.map_err(|e| e.to_string())?;
    println!("\n3. Created invoice {number} with amounts computed by the builder:");
    for row in invoice.invoice_rows.iter().flatten() {
        println!(
            "   {:<20} {:>4} × {:>8}  VAT {:>4} %  net {:>10}  VAT {:>9}  total {:>10}",
            row.description.as_deref().unwrap_or(""),
            row.qty.unwrap_or_default(),
            money(row.price),
            row.vat_percent.unwrap_or_default(),
            money(row.nto),
            money(row.tax),
            money(row.total)
        );
    }
    println!(
        "   net {}  VAT {}  total {}  due {}  reference {}  ({})",
        money(invoice.net_amount),
        money(invoice.tax_amount),
        money(invoice.total_amount),
        invoice.due_date.map(|d| d.to_string()).unwrap_or_default(),
        invoice.reference.as_deref().unwrap_or("–"),
        created.status_description.as_deref().unwrap_or("created")
    );

    // 4. A batch of invoices, validated locally, then sent and followed until processed.
    println!("\n4. A batch of {batch_size} invoices");
    let mut bar = Progress::new("building + validating", batch_size);
    let mut invoices = Vec::with_capacity(batch_size);
    for i in 0..batch_size {
        let n = 20_000 + i as u64;
        invoices.push(invoice_for(
            n,
            today,
            &format!("Asiakas {n}"),
            &[("Subscription", "1", "24.90", "25.5"), ("Delivery", "1", "5.90", "25.5")],
        )?);
        bar.set(i + 1);
    }
    bar.finish();
    let batch = SalesInvoiceBatch::new(invoices);
    let accepted = client.submit_sales_invoice_batch(&batch).await.map_err(|e| e.to_string())?;
    let batch_id = accepted.batch_id.ok_or("the batch answer had no BatchId")?;
    let mut bar = Progress::new("processing on server", batch_size);
    let processed = loop {
        let page = client
            .list_batch_uploads(&BatchUploadQuery { batch_id: Some(batch_id), ..BatchUploadQuery::default() })
            .await
            .map_err(|e| e.to_string())?;
        let upload = page.data.into_iter().next().ok_or("the batch is not listed")?;
        bar.set(upload.export_lines.as_ref().map(Vec::len).unwrap_or(0));
        if upload.status == Some(BatchState::Processed) {
            break upload;
        }
        if started.elapsed() > Duration::from_secs(120) {
            return Err("the batch did not finish within two minutes".to_owned());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    bar.finish();
    let outcome = processed.outcome.unwrap_or_default();
    println!(
        "   batch {batch_id}: {} accepted, {} rejected",
        outcome.accepted.unwrap_or(0),
        outcome.rejected.unwrap_or(0)
    );

    // 5. List.
    let page = client
        .list_sales_invoices(&InvoiceQuery {
            page: lasku::cashin::PageRequest { page: Some(1), page_size: Some(5) },
            ..InvoiceQuery::default()
        })
        .await
        .map_err(|e| e.to_string())?;
    let total = page.meta.as_ref().and_then(|m| m.total_count).unwrap_or(page.data.len() as u64);
    println!("\n5. Listing invoices: {total} on the server; the first page:");
    for inv in &page.data {
        println!(
            "   {:>6}  {:<16} {:>10}  {}",
            inv.invoice_number.as_ref().map(|n| n.to_string()).unwrap_or_default(),
            inv.sales_name.as_deref().unwrap_or(""),
            money(inv.total_amount),
            inv.status.as_deref().unwrap_or("")
        );
    }

    // 6. Status, 7. a partial payment, 8. received payments.
    let status = client.retrieve_invoice_status(&number).await.map_err(|e| e.to_string())?;
    println!("\n6. Status of invoice {number}: {}", status.status.map(|s| s.to_string()).unwrap_or_default());
    let half = invoice.total_amount.map(|t| lasku::money::round_cents(t / Decimal::from(2))).unwrap_or_default();
    let payment = SalesInvoicePayment {
        payment_date: Some(today),
        amount: Some(half),
        currency: Some("EUR".into()),
        ..Default::default()
    };
    let paid = client.submit_invoice_payment(&number, &payment).await.map_err(|e| e.to_string())?;
    println!(
        "7. Partial payment of {} posted: status {}, paid {}, open {}",
        money(Some(half)),
        paid.status.map(|s| s.to_string()).unwrap_or_default(),
        money(paid.paid_amount),
        money(paid.open_amount)
    );
    let received =
        client.retrieve_received_payments(&ReceivedPaymentsQuery::default()).await.map_err(|e| e.to_string())?;
    println!("8. Received payments in the last 30 days: {}", received.data.len());
    for p in &received.data {
        println!(
            "   {}  invoice {}  {}  reference {}",
            p.payment_date.map(|d| d.to_string()).unwrap_or_default(),
            p.invoice_number.as_ref().map(|n| n.to_string()).unwrap_or_default(),
            money(p.amount),
            p.reference.as_deref().unwrap_or("–")
        );
    }

    let hits = sandbox.hits();
    println!(
        "\nSummary: 1 invoice created, a batch of {batch_size} processed ({} accepted), 1 partial payment; \
         {} API calls in {:.1} s. Every amount was decimal; nothing invalid was sent.",
        outcome.accepted.unwrap_or(0),
        hits.len(),
        started.elapsed().as_secs_f64()
    );
    sandbox.shutdown().await;
    Ok(())
}
