//! The Rust glue, run in Node by wasm-bindgen-test: tasks polled from JavaScript, the transport
//! and runtime bridges, error objects, the chunked invoice list and the batch worker's lists.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use js_sys::{Array, Function, Promise, Reflect, JSON};
use lasku_wasm::{set_wake, InvoiceList, Task, WasmClient};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::wasm_bindgen_test;

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

fn text(value: &JsValue, key: &str) -> String {
    get(value, key).as_string().unwrap_or_default()
}

/// Lets pending promises settle.
async fn tick() {
    let promise = Promise::new(&mut |resolve, _| {
        let set_timeout = Function::new_with_args("f", "setTimeout(f, 0)");
        set_timeout.call1(&JsValue::NULL, &resolve).unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

/// Polls a task to the end, as the package's JavaScript driver does.
async fn drive(mut task: Task) -> Result<JsValue, JsValue> {
    set_wake(Function::new_no_args(""));
    for _ in 0..1000 {
        let out = task.poll()?;
        if !out.is_undefined() {
            return Ok(out);
        }
        tick().await;
    }
    panic!("the task never finished");
}

/// A transport answering every request with `status` and `body`, recording requests in
/// `globalThis[log]`.
fn transport(log: &str, status: u16, headers: &str, body: &str) -> Function {
    Function::new_with_args(
        "request",
        &format!(
            "(globalThis.{log} ??= []).push(request);
             const answer = {{ status: {status}, headers: {headers}, body: new TextEncoder().encode({body:?}) }};
             return [Promise.resolve(answer), () => {{}}];"
        ),
    )
}

/// Short sleeps (backoff) end at once; the long one (the call's deadline) never does.
fn sleep() -> Function {
    Function::new_with_args(
        "ms",
        "return ms >= 30000 ? [new Promise(() => {}), () => {}] : [Promise.resolve(), () => {}];",
    )
}

fn now() -> Function {
    Function::new_no_args("return Date.now();")
}

fn options() -> &'static str {
    r#"{"apiKey": "test-key", "baseUrl": "http://127.0.0.1:9/v2", "runtime": "node test", "maxRetries": 2}"#
}

#[wasm_bindgen_test]
async fn a_call_goes_through_the_js_transport_with_the_js_user_agent() {
    let client = WasmClient::new(
        options(),
        transport("log1", 200, "[[\"Content-Type\", \"application/json\"]]", r#"{"IsValid": true, "Message": "ok"}"#),
        sleep(),
        now(),
    )
    .unwrap();
    assert_eq!(client.user_agent(), format!("lasku/{} (javascript; node test)", env!("CARGO_PKG_VERSION")));
    let answer = drive(client.call("validate_token".into(), "{}".into())).await.unwrap();
    let answer = JSON::parse(&answer.as_string().unwrap()).unwrap();
    assert_eq!(get(&answer, "IsValid").as_bool(), Some(true));
    let log = Array::from(&js_sys::global().dyn_into::<js_sys::Object>().map(|g| get(&g, "log1")).unwrap());
    assert_eq!(log.length(), 1);
    let request = log.get(0);
    assert_eq!(text(&request, "method"), "GET");
    assert_eq!(text(&request, "url"), "http://127.0.0.1:9/v2/token/validate");
    let headers = Array::from(&get(&request, "headers"));
    let names: Vec<String> = headers.iter().map(|h| Array::from(&h).get(0).as_string().unwrap()).collect();
    assert!(names.contains(&"User-Agent".to_owned()) && names.contains(&"X-Api-Key".to_owned()), "{names:?}");
    assert!(get(&request, "timeoutMs").as_f64().unwrap() > 0.0);
    assert_eq!(get(&request, "connectTimeoutMs").as_f64(), Some(10_000.0), "the default connect timeout");
}

#[wasm_bindgen_test]
async fn error_statuses_become_error_objects_with_their_fields() {
    let client = WasmClient::new(
        options(),
        transport("log2", 429, "[[\"Retry-After\", \"1\"]]", r#"{"Message": "slow down"}"#),
        sleep(),
        now(),
    )
    .unwrap();
    let error =
        drive(client.call("retrieve_invoice_status".into(), r#"{"invoice_number": 7}"#.into())).await.unwrap_err();
    assert_eq!(get(&error, "lasku").as_bool(), Some(true));
    assert_eq!(text(&error, "code"), "rate_limited");
    assert_eq!(get(&error, "status").as_f64(), Some(429.0));
    assert_eq!(get(&error, "retryAfterMs").as_f64(), Some(1000.0));
    assert_eq!(text(&error, "serverMessage"), "slow down");
    let log = Array::from(&get(&js_sys::global(), "log2"));
    assert_eq!(log.length(), 3, "the first attempt and two retries");
}

#[wasm_bindgen_test]
async fn transport_failures_say_whether_the_request_may_have_arrived() {
    let failing = Function::new_with_args(
        "request",
        "(globalThis.log3 ??= []).push(request);
         return [Promise.reject({ kind: 'connect', mayHaveBeenSent: false, message: 'refused' }), () => {}];",
    );
    let client = WasmClient::new(options(), failing, sleep(), now()).unwrap();
    let invoice = r#"{"invoice": {"InvoiceNumber": 1}}"#;
    let error = drive(client.call("create_invoice".into(), invoice.into())).await.unwrap_err();
    assert_eq!(text(&error, "code"), "validation", "an invalid invoice is never sent");
    assert!(get(&js_sys::global(), "log3").is_undefined());
    let error = drive(client.call("validate_token".into(), "{}".into())).await.unwrap_err();
    assert_eq!(text(&error, "code"), "transport");
    assert_eq!(text(&error, "kind"), "connect");
    assert_eq!(get(&error, "mayHaveBeenSent").as_bool(), Some(false));
    assert_eq!(Array::from(&get(&js_sys::global(), "log3")).length(), 3);
}

#[wasm_bindgen_test]
fn bad_options_are_configuration_errors() {
    let error = WasmClient::new(r#"{"apiKey": ""}"#, Function::new_no_args(""), sleep(), now()).err().unwrap();
    assert_eq!(text(&error, "code"), "configuration");
    let error =
        WasmClient::new(r#"{"apiKey": "k", "retries": 1}"#, Function::new_no_args(""), sleep(), now()).err().unwrap();
    assert!(text(&error, "message").contains("retries"), "{}", text(&error, "message"));
    let error = WasmClient::new(
        r#"{"apiKey": "k", "baseUrl": "http://example.com/v2"}"#,
        Function::new_no_args(""),
        sleep(),
        now(),
    )
    .err()
    .unwrap();
    assert_eq!(text(&error, "code"), "configuration");
}

#[wasm_bindgen_test]
fn validation_and_tools_answer_in_js_values() {
    let violations = lasku_wasm::validate_json("invoice", r#"{"InvoiceNumber": 1, "InvoiceRows": [{"Qty": "many"}]}"#);
    let first = Array::from(&violations).get(0);
    assert_eq!(text(&first, "path"), "/InvoiceRows/0/Qty");
    assert_eq!(text(&first, "severity"), "error");
    let error = lasku_wasm::prepare_body("retrieve_invoice_status", "{}").err().unwrap();
    assert_eq!(text(&error, "code"), "validation");
    assert!(lasku_wasm::prepare_body("validate_token", "{}").unwrap().is_none());
    assert_eq!(
        lasku_wasm::encode_barcode("FI2112345600000785", "4883.15", "868516259619897", Some("2010-06-12".into()))
            .unwrap(),
        "421123456000007850048831500000000868516259619897100612"
    );
    let error = lasku_wasm::reference_forms("12").err().unwrap();
    assert_eq!(text(&error, "code"), "validation");
}

#[wasm_bindgen_test]
fn invoice_lists_collect_type_errors_by_index() {
    let mut list = InvoiceList::new();
    list.push_json(r#"[{"InvoiceNumber": 1}, {"InvoiceNumber": 2}]"#, 0);
    list.push_json(r#"[{"InvoiceNumber": 3}, {"InvoiceRows": [{"Qty": "x"}]}]"#, 2);
    assert_eq!(list.length(), 3);
    let client = WasmClient::new(options(), Function::new_no_args(""), sleep(), now()).unwrap();
    let mut task = client.submit_invoices(&mut list, "{}");
    let error = task.poll().unwrap_err();
    let first = Array::from(&get(&error, "violations")).get(0);
    assert_eq!(text(&first, "path"), "/3/InvoiceRows/0/Qty");
}

/// Writes `bytes` into the module's input buffer (as the package's JavaScript does).
fn input(bytes: &[u8]) -> usize {
    let at = lasku_wasm::input_buffer(bytes.len()) as u32;
    let memory: js_sys::WebAssembly::Memory = lasku_wasm::wasm_memory().unchecked_into();
    js_sys::Uint8Array::new(&memory.buffer()).subarray(at, at + bytes.len() as u32).copy_from(bytes);
    bytes.len()
}

/// A valid invoice numbered `n` with `notes`, as JSON text.
fn listed_invoice(n: u32, notes: &str) -> String {
    format!(
        r#"{{"InvoiceNumber":{n},"InvoiceDate":"2025-01-02","DueDate":"2025-01-16","SalesName":"Oy Esimerkki Ab",
            "TotalAmount":12.4,"Notes":{notes:?},"InvoiceRows":[{{"Qty":1,"Price":10,"VatPercent":24,"Total":12.4}}]}}"#
    )
}

#[wasm_bindgen_test]
fn the_batch_worker_checks_lists_across_a_body() {
    lasku_wasm::lists_begin();
    let first = format!("[{},{}]", listed_invoice(1, "a"), listed_invoice(2, "b"));
    let answer = lasku_wasm::lists_add_text(input(first.as_bytes())).expect("vouched");
    let answer = JSON::parse(&answer).unwrap();
    assert_eq!(get(&answer, "length").as_f64(), Some(first.len() as f64));
    assert!(get(&answer, "at").as_f64().is_some_and(|at| at > 0.0));
    let second = format!("[{}]", listed_invoice(3, "c"));
    assert!(lasku_wasm::lists_add_text(input(second.as_bytes())).is_some());
    // An invoice number seen in an earlier list: refused, and so is every later list.
    let again = format!("[{}]", listed_invoice(2, "d"));
    assert!(lasku_wasm::lists_add_text(input(again.as_bytes())).is_none());
    let fresh = format!("[{}]", listed_invoice(100, "e"));
    assert!(lasku_wasm::lists_add_text(input(fresh.as_bytes())).is_none());
    lasku_wasm::lists_begin();
    assert!(lasku_wasm::lists_add_text(input(fresh.as_bytes())).is_some(), "a new batch");
    assert!(lasku_wasm::lists_add_structured(input(b"\xff\x0f")).is_none(), "not v8.serialize of a list");
    assert!(lasku_wasm::list_text(input(b"[]")).is_none());
}
