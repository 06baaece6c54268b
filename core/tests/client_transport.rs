//! The client over a closure transport and a virtual clock: request shape, secrets, retries,
//! deadlines and unknown outcomes, without a network.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use lasku::http::{BoxFuture, HttpRequest, HttpResponse, Runtime, TransportError, TransportErrorKind};
use lasku::model::InvoiceNumber;
use lasku::{Client, Config, Error, InvoiceBuilder, RowInput};

/// A clock that only moves when the client sleeps.
#[derive(Clone, Default)]
struct VirtualTime {
    now: Arc<AtomicU64>,
    sleeps: Arc<Mutex<Vec<Duration>>>,
}

impl Runtime for VirtualTime {
    fn sleep(&self, d: Duration) -> BoxFuture<'static, ()> {
        let (now, sleeps) = (self.now.clone(), self.sleeps.clone());
        Box::pin(async move {
            sleeps.lock().unwrap().push(d);
            now.fetch_add(d.as_millis() as u64, Ordering::SeqCst);
        })
    }
    fn now_millis(&self) -> u64 {
        1_700_000_000_000 + self.now.load(Ordering::SeqCst)
    }
}

fn ok(body: &str) -> Result<HttpResponse, TransportError> {
    Ok(HttpResponse { status: 200, headers: vec![], body: body.as_bytes().to_vec() })
}

fn status(code: u16, headers: &[(&str, &str)]) -> Result<HttpResponse, TransportError> {
    Ok(HttpResponse {
        status: code,
        headers: headers.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
        body: br#"{"Message":"nope"}"#.to_vec(),
    })
}

/// A transport that replays scripted answers and records the requests.
fn scripted(
    answers: Vec<Result<HttpResponse, TransportError>>,
) -> (impl lasku::http::Transport, Arc<Mutex<Vec<HttpRequest>>>) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let queue = Arc::new(Mutex::new(answers.into_iter()));
    let log = seen.clone();
    let transport = move |request: HttpRequest| {
        log.lock().unwrap().push(request);
        let next = queue.lock().unwrap().next().unwrap_or_else(|| ok("{}"));
        async move { next }
    };
    (transport, seen)
}

fn client(transport: impl lasku::http::Transport + 'static, time: VirtualTime) -> Client {
    let config = Config::builder("secret-key-123").base_url("https://api.example.test/v2").build().unwrap();
    Client::with_transport(config, transport, time)
}

fn invoice(n: u64) -> lasku::cashin::SalesInvoice {
    InvoiceBuilder::new(n)
        .invoice_date(chrono::NaiveDate::from_ymd_opt(2026, 5, 4).unwrap())
        .payment_terms_days(14)
        .buyer_name("Buyer")
        .row(RowInput::new("x", 1.into(), 10.into(), "25.5".parse().unwrap()))
        .build()
        .unwrap()
}

#[tokio::test]
async fn requests_carry_key_agent_and_encoded_parameters() {
    let (transport, seen) = scripted(vec![ok(r#"{"InvoiceNumber":"A/1 2","Status":"Received"}"#)]);
    let c = client(transport, VirtualTime::default());
    let status = c.retrieve_invoice_status(&InvoiceNumber::from("A/1 2")).await.unwrap();
    assert_eq!(status.status, Some(lasku::cashin::InvoiceState::Received));
    let request = seen.lock().unwrap()[0].clone();
    assert_eq!(request.url, "https://api.example.test/v2/salesinvoices/A%2F1%202/status");
    assert_eq!(request.header("x-api-key"), Some("secret-key-123"));
    assert_eq!(request.header("accept"), Some("application/json"));
    assert!(request.header("user-agent").unwrap().starts_with(concat!(
        "lasku/",
        env!("CARGO_PKG_VERSION"),
        " (rust; "
    )));
    assert!(!format!("{request:?} {c:?}").contains("secret-key-123"));
}

#[tokio::test]
async fn path_templates_can_be_overridden() {
    let (transport, seen) = scripted(vec![ok(r#"{}"#)]);
    let config = Config::builder("k")
        .base_url("https://api.example.test/v2")
        .path_override("retrieve_invoice_status", "/invoices/{invoiceNumber}/state")
        .build()
        .unwrap();
    let c = Client::with_transport(config, transport, VirtualTime::default());
    c.retrieve_invoice_status(&InvoiceNumber::from(7u64)).await.unwrap();
    assert_eq!(seen.lock().unwrap()[0].url, "https://api.example.test/v2/invoices/7/state");
    assert!(Config::builder("k").path_override("nope", "/x").build().is_err());
}

#[tokio::test]
async fn reads_retry_5xx_with_backoff_then_succeed() {
    let time = VirtualTime::default();
    let (transport, seen) = scripted(vec![status(503, &[]), status(502, &[]), ok(r#"{"IsValid":true}"#)]);
    let c = client(transport, time.clone());
    assert_eq!(c.validate_token().await.unwrap().is_valid, Some(true));
    assert_eq!(seen.lock().unwrap().len(), 3);
    let sleeps = time.sleeps.lock().unwrap().clone();
    assert_eq!(sleeps.len(), 2);
    assert!(sleeps[0] >= Duration::from_millis(250) && sleeps[0] <= Duration::from_millis(500), "{sleeps:?}");
    assert!(sleeps[1] >= Duration::from_millis(500) && sleeps[1] <= Duration::from_millis(1000), "{sleeps:?}");
}

#[tokio::test]
async fn rate_limits_honour_retry_after_even_for_creates() {
    let time = VirtualTime::default();
    let (transport, seen) = scripted(vec![status(429, &[("Retry-After", "2")]), ok(r#"{"QtyOfInvoices":1}"#)]);
    let c = client(transport, time.clone());
    c.create_invoice(&invoice(1)).await.unwrap();
    assert_eq!(seen.lock().unwrap().len(), 2);
    assert_eq!(time.sleeps.lock().unwrap().as_slice(), &[Duration::from_secs(2)]);
}

#[tokio::test]
async fn rate_limit_that_persists_is_typed() {
    let (transport, _) = scripted(vec![status(429, &[("Retry-After", "1")]); 10]);
    let c = client(transport, VirtualTime::default());
    match c.validate_token().await.unwrap_err() {
        Error::RateLimited { retry_after, error } => {
            assert_eq!(retry_after, Some(Duration::from_secs(1)));
            assert_eq!(error.status, 429);
            assert_eq!(error.message.as_deref(), Some("nope"));
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_create_is_never_resent_after_it_may_have_arrived() {
    let (transport, seen) = scripted(vec![Err(TransportError::maybe_sent(TransportErrorKind::Io, "connection reset"))]);
    let c = client(transport, VirtualTime::default());
    let err = c.create_invoice(&invoice(4242)).await.unwrap_err();
    assert_eq!(seen.lock().unwrap().len(), 1);
    match err {
        Error::UnknownOutcome(u) => {
            assert_eq!(u.operation, "create_invoice");
            assert_eq!(u.invoice_numbers, vec![InvoiceNumber::from(4242u64)]);
            assert_eq!(u.references, vec!["42424".to_owned()]);
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn the_transports_own_error_is_the_source_of_lasku_s() {
    use std::error::Error as _;
    let reset = || std::io::Error::new(std::io::ErrorKind::ConnectionReset, "reset by peer");
    fn io(e: &(dyn std::error::Error + 'static)) -> Option<(std::io::ErrorKind, String)> {
        e.downcast_ref::<std::io::Error>().map(|e| (e.kind(), e.to_string()))
    }
    let expected = Some((std::io::ErrorKind::ConnectionReset, "reset by peer".to_owned()));

    // A create that may have arrived: the unknown outcome's source is the transport's error.
    let failed = TransportError::maybe_sent(TransportErrorKind::Io, "connection reset").with_source(reset());
    let (transport, _) = scripted(vec![Err(failed)]);
    let err = client(transport, VirtualTime::default()).create_invoice(&invoice(4243)).await.unwrap_err();
    let Error::UnknownOutcome(outcome) = &err else { panic!("{err:?}") };
    assert_eq!(outcome.source.as_ref().and_then(|s| io(s.get())), expected);
    // The chain goes from the error to the io::Error, and Debug does not print it.
    let mut chain = Vec::new();
    let mut next = err.source();
    while let Some(e) = next {
        chain.push(e.to_string());
        next = e.source();
    }
    assert_eq!(chain.last().map(String::as_str), Some("reset by peer"), "{chain:?}");
    assert!(!format!("{err:?}").contains("reset by peer"), "{err:?}");

    // A read that keeps failing: the transport error it ends with carries the source.
    let failed = TransportError::not_sent(TransportErrorKind::Connect, "refused").with_source(reset());
    let (transport, _) = scripted(vec![Err(failed.clone()), Err(failed.clone()), Err(failed.clone()), Err(failed)]);
    let err = client(transport, VirtualTime::default()).validate_token().await.unwrap_err();
    let Error::Transport { error, .. } = &err else { panic!("{err:?}") };
    assert_eq!(error.source.as_ref().and_then(|s| io(s.get())), expected);
    assert_eq!(err.source().and_then(|e| e.source()).map(|e| e.to_string()).as_deref(), Some("reset by peer"));
    // Without one, there is none.
    assert!(TransportError::maybe_sent(TransportErrorKind::Io, "x").source().is_none());
}

#[tokio::test]
async fn the_default_transport_keeps_reqwests_error_as_the_source() {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let config = Config::builder("secret-key-123").base_url(format!("http://127.0.0.1:{port}/v2")).max_retries(0);
    let err = Client::new(config.build().unwrap()).unwrap().validate_token().await.unwrap_err();
    let Error::Transport { error, .. } = &err else { panic!("{err:?}") };
    assert_eq!(error.kind, TransportErrorKind::Connect);
    let source = error.source.as_ref().expect("reqwest's error is kept");
    assert!(source.get().downcast_ref::<reqwest::Error>().is_some_and(reqwest::Error::is_connect), "{source}");
}

#[tokio::test]
async fn a_create_not_yet_sent_is_retried() {
    let (transport, seen) =
        scripted(vec![Err(TransportError::not_sent(TransportErrorKind::Connect, "refused")), ok("{}")]);
    let c = client(transport, VirtualTime::default());
    c.create_invoice(&invoice(5)).await.unwrap();
    assert_eq!(seen.lock().unwrap().len(), 2);
}

#[tokio::test]
async fn a_hanging_server_hits_the_deadline() {
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = calls.clone();
    let transport = move |_request: HttpRequest| {
        counter.fetch_add(1, Ordering::SeqCst);
        std::future::pending::<Result<HttpResponse, TransportError>>()
    };
    let c = client(transport, VirtualTime::default());
    assert!(matches!(c.create_invoice(&invoice(6)).await.unwrap_err(), Error::UnknownOutcome(_)));
    assert_eq!(calls.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn invalid_input_is_never_sent() {
    let (transport, seen) = scripted(vec![]);
    let c = client(transport, VirtualTime::default());
    let mut bad = invoice(7);
    bad.total_amount = Some(1.into());
    bad.due_date = chrono::NaiveDate::from_ymd_opt(2020, 1, 1);
    match c.create_invoice(&bad).await.unwrap_err() {
        Error::Validation(v) => {
            let codes: Vec<_> = v.iter().map(|x| x.code.as_str()).collect();
            assert!(codes.contains(&"amount.total") && codes.contains(&"date.due_before_invoice"), "{codes:?}");
        }
        other => panic!("{other:?}"),
    }
    assert!(seen.lock().unwrap().is_empty());
}

#[tokio::test]
async fn statuses_map_to_typed_errors() {
    for (code, name) in [
        (400, "api"),
        (401, "unauthorized"),
        (402, "business_rule"),
        (403, "forbidden"),
        (404, "not_found"),
        (500, "api"),
    ] {
        let (transport, _) = scripted(vec![status(code, &[]); 5]);
        let c = client(transport, VirtualTime::default());
        let err = c.retrieve_invoice_status(&InvoiceNumber::from(1u64)).await.unwrap_err();
        assert_eq!(err.code(), name, "{code}");
        assert_eq!(err.status(), Some(code));
        assert!(!err.to_string().contains("secret-key-123"));
    }
}

#[tokio::test]
async fn a_key_the_server_echoes_in_an_error_answer_is_redacted() {
    let echo = br#"{"Message":"key secret-key-123 is not valid","Request":{"Headers":{"X-API-Key":"secret-key-123"}}}"#;
    let (transport, _) = scripted(vec![Ok(HttpResponse { status: 401, headers: vec![], body: echo.to_vec() })]);
    let c = client(transport, VirtualTime::default());
    let err = c.validate_token().await.unwrap_err();
    let api = err.api_error().unwrap();
    assert!(!api.body.contains("secret-key-123") && api.body.contains("[redacted]"), "{}", api.body);
    assert_eq!(api.message.as_deref(), Some("key [redacted] is not valid"));
    assert!(!format!("{err} {err:?}").contains("secret-key-123"));
}

#[tokio::test]
async fn unreadable_answers_are_decode_errors() {
    let (transport, _) = scripted(vec![ok("<html>maintenance</html>")]);
    let c = client(transport, VirtualTime::default());
    match c.validate_token().await.unwrap_err() {
        Error::Decode { status, body, .. } => {
            assert_eq!(status, 200);
            assert!(body.contains("maintenance"));
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn pagination_stops_with_an_error_on_a_repeated_page() {
    use lasku::cashin::{requests, InvoiceQuery, SalesInvoice};
    let same = r#"{"Data":[{"InvoiceNumber":1},{"InvoiceNumber":2}]}"#;
    let (transport, seen) = scripted(vec![ok(same), ok(same), ok(same)]);
    let c = client(transport, VirtualTime::default());
    let mut pages = c
        .paginate::<SalesInvoice>(|page| requests::list_sales_invoices(&InvoiceQuery { page, ..Default::default() }))
        .page_size(2);
    assert_eq!(pages.next_page().await.unwrap().unwrap().data.len(), 2);
    match pages.next_page().await.unwrap().unwrap_err() {
        Error::Pagination { operation, message } => {
            assert_eq!(operation, "list_sales_invoices");
            assert!(message.contains("repeats"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    assert!(pages.next_page().await.is_none(), "a failed walk ends");
    let urls: Vec<_> = seen.lock().unwrap().iter().map(|r| r.url.clone()).collect();
    assert!(urls[0].ends_with("?page=1&pageSize=2") && urls[1].ends_with("?page=2&pageSize=2"), "{urls:?}");
}

#[tokio::test]
async fn pagination_refuses_a_page_out_of_order_and_stops_at_total_count() {
    use lasku::cashin::{requests, InvoiceQuery, SalesInvoice};
    let wrong = r#"{"Data":[{"InvoiceNumber":1}],"Meta":{"Page":1,"PageSize":1,"TotalCount":5}}"#;
    let (transport, _) = scripted(vec![ok(wrong), ok(wrong)]);
    let c = client(transport, VirtualTime::default());
    let mut pages =
        c.paginate::<SalesInvoice>(|page| requests::list_sales_invoices(&InvoiceQuery { page, ..Default::default() }));
    assert!(pages.next_page().await.unwrap().is_ok());
    assert!(matches!(pages.next_page().await.unwrap(), Err(Error::Pagination { .. })));

    let p1 = r#"{"Data":[{"InvoiceNumber":1},{"InvoiceNumber":2}],"Meta":{"Page":1,"PageSize":2,"TotalCount":3}}"#;
    let p2 = r#"{"Data":[{"InvoiceNumber":3}],"Meta":{"Page":2,"PageSize":2,"TotalCount":3}}"#;
    let (transport, seen) = scripted(vec![ok(p1), ok(p2)]);
    let c = client(transport, VirtualTime::default());
    let all = c
        .paginate::<SalesInvoice>(|page| requests::list_sales_invoices(&InvoiceQuery { page, ..Default::default() }))
        .collect_items()
        .await
        .unwrap();
    assert_eq!(all.len(), 3);
    assert_eq!(seen.lock().unwrap().len(), 2, "no request after the last page");
}

#[tokio::test]
async fn partner_operations_use_the_partner_key() {
    let (transport, seen) = scripted(vec![ok(r#"{"MessageId":"1"}"#)]);
    let config = Config::builder("creditor-key")
        .partner_key("partner-key")
        .base_url("https://api.example.test/v2")
        .build()
        .unwrap();
    let c = Client::with_transport(config, transport, VirtualTime::default());
    let sms = lasku::cashin::SmsData {
        phone_number: Some("+358401234567".into()),
        message: Some("Hei".into()),
        ..Default::default()
    };
    c.send_sms(&sms).await.unwrap();
    assert_eq!(seen.lock().unwrap()[0].header("x-api-key"), Some("partner-key"));
    assert!(!format!("{c:?}").contains("partner-key"));
}
