//! create_invoice, list, status and update over real HTTP.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{invoice, send, start};
use serde_json::{json, Value};

#[tokio::test]
async fn create_stores_the_invoice_as_received_with_its_members_kept() {
    let env = start().await;
    let body = env.create(vec![invoice(json!(251600002))]).await;
    assert_eq!(body["StatusDescription"], "Received");
    assert_eq!(body["QtyOfInvoices"], 1);
    assert_eq!(body["SalesInvoices"][0]["InvoiceNumber"], 251600002);
    assert_eq!(body["SalesInvoices"][0]["Reference"], "2516000017");
    assert_eq!(body["SalesInvoices"][0]["Status"], "Received");

    let listed = env.list().await;
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["InvoiceNumber"], 251600002);
    assert_eq!(listed[0]["Status"], "Received");
    assert_eq!(listed[0]["ExtendedField1"], "kept as sent");
    assert_eq!(listed[0]["InvoiceRows"][0]["Unit"], "kpl");
}

#[tokio::test]
async fn a_second_create_of_the_same_number_is_402_naming_it_even_as_a_string() {
    let env = start().await;
    env.create(vec![invoice(json!(123))]).await;
    let (status, body) = send(env.post("/salesinvoices", &json!({ "SalesInvoice": [invoice(json!("123"))] }))).await;
    assert_eq!(status, 402, "{body}");
    assert!(body["Message"].as_str().unwrap().contains("123"), "{body}");
    assert!(body.get("Errors").is_none());

    // Repeated within one request: 402 and nothing stored.
    let (status, _) =
        send(env.post("/salesinvoices", &json!({ "SalesInvoice": [invoice(json!("A-1")), invoice(json!("A-1"))] })))
            .await;
    assert_eq!(status, 402);
    assert_eq!(env.list().await.len(), 1);
}

#[tokio::test]
async fn malformed_invoices_are_400_naming_each_field_and_nothing_is_stored() {
    let env = start().await;
    let mut bad = invoice(json!(2));
    bad.as_object_mut().unwrap().remove("InvoiceDate");
    bad["DueDate"] = json!("04.02.2022");
    bad["TotalAmount"] = json!("a lot");
    bad["InvoiceRows"][0]["Qty"] = json!([1]);
    let (status, body) = send(env.post("/salesinvoices", &json!({ "SalesInvoice": [invoice(json!(1)), bad] }))).await;
    assert_eq!(status, 400, "{body}");
    let fields: Vec<&str> = body["Errors"].as_array().unwrap().iter().map(|e| e["Field"].as_str().unwrap()).collect();
    assert_eq!(
        fields,
        [
            "SalesInvoice[1].InvoiceDate",
            "SalesInvoice[1].DueDate",
            "SalesInvoice[1].TotalAmount",
            "SalesInvoice[1].InvoiceRows[0].Qty",
        ]
    );
    assert!(body["Errors"][0]["Message"].is_string());
    assert!(body["Message"].is_string());
    assert!(env.list().await.is_empty());

    let mut no_rows = invoice(json!(3));
    no_rows["InvoiceRows"] = json!([]);
    let (status, body) = send(env.post("/salesinvoices", &json!({ "SalesInvoice": [no_rows] }))).await;
    assert_eq!(status, 400);
    assert_eq!(body["Errors"][0]["Field"], "SalesInvoice[0].InvoiceRows");

    for (request, field) in [
        (json!({}), "SalesInvoice"),
        (json!({ "SalesInvoice": [] }), "SalesInvoice"),
        (json!({ "SalesInvoice": [json!(5)] }), "SalesInvoice[0]"),
    ] {
        let (status, body) = send(env.post("/salesinvoices", &request)).await;
        assert_eq!(status, 400, "{request}");
        assert_eq!(body["Errors"][0]["Field"], field);
    }
    let (status, body) = send(env.request(reqwest::Method::POST, "/salesinvoices").body("{not json")).await;
    assert_eq!(status, 400);
    assert!(body["Message"].as_str().unwrap().contains("JSON"));
}

#[tokio::test]
async fn amounts_may_be_numeric_strings_and_precision_is_kept() {
    let env = start().await;
    let mut inv = invoice(json!("S-1"));
    inv["TotalAmount"] = json!("124.00");
    env.create(vec![inv]).await;
    let raw = r#"{"SalesInvoice":[{"InvoiceNumber":"S-2","InvoiceDate":"2022-01-20","DueDate":"2022-02-04","TotalAmount":0.1000000000000000000001,"InvoiceRows":[{"Qty":1}]}]}"#;
    let response = env
        .request(reqwest::Method::POST, "/salesinvoices")
        .header("Content-Type", "application/json")
        .body(raw)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let text = env.get("/salesinvoices?invoiceNumber=S-2").send().await.unwrap().text().await.unwrap();
    assert!(text.contains("0.1000000000000000000001"), "{text}");
}

#[tokio::test]
async fn seller_info_variant_needs_seller_info() {
    let env = start().await;
    let (status, body) =
        send(env.post("/salesinvoiceswithsellerinfo", &json!({ "SalesInvoice": [invoice(json!(9))] }))).await;
    assert_eq!(status, 400);
    assert_eq!(body["Errors"][0]["Field"], "SalesInvoice[0].SellerInfo");
    let mut inv = invoice(json!(9));
    inv["SellerInfo"] = json!({ "SellerName": "Myyjä Oy", "SellerBusinessId": "1234567-8" });
    let (status, body) = send(env.post("/salesinvoiceswithsellerinfo", &json!({ "SalesInvoice": [inv] }))).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(env.list().await[0]["SellerInfo"]["SellerName"], "Myyjä Oy");
}

#[tokio::test]
async fn list_filters_and_pages() {
    let env = start().await;
    let mut invoices = Vec::new();
    for n in 1..=5 {
        let mut inv = invoice(json!(n));
        inv["InvoiceDate"] = json!(format!("2024-03-0{n}"));
        invoices.push(inv);
    }
    env.create(invoices).await;

    let (_, body) = send(env.get("/salesinvoices?page=2&pageSize=2")).await;
    let numbers: Vec<&Value> = body["Data"].as_array().unwrap().iter().map(|i| &i["InvoiceNumber"]).collect();
    assert_eq!(numbers, [&json!(3), &json!(4)]);
    assert_eq!(body["Meta"]["Page"], 2);
    assert_eq!(body["Meta"]["PageSize"], 2);
    assert_eq!(body["Meta"]["Count"], 2);
    assert_eq!(body["Meta"]["TotalCount"], 5);
    assert_eq!(body["Meta"]["RequestId"].as_str().unwrap().len(), 36);
    assert!(body["Meta"]["Timestamp"].as_str().unwrap().ends_with('Z'));

    let (_, body) = send(env.get("/salesinvoices")).await;
    assert_eq!(body["Meta"]["PageSize"], 100);
    let (_, body) = send(env.get("/salesinvoices?pageSize=5000")).await;
    assert_eq!(body["Meta"]["PageSize"], 1000);

    let (_, body) = send(env.get("/salesinvoices?invoiceDateFrom=2024-03-02&invoiceDateTo=2024-03-03")).await;
    assert_eq!(body["Meta"]["TotalCount"], 2);
    let (_, body) = send(env.get("/salesinvoices?invoiceNumber=4")).await;
    assert_eq!(body["Data"][0]["InvoiceNumber"], 4);
    let (_, body) = send(env.get("/salesinvoices?status=received")).await;
    assert_eq!(body["Meta"]["TotalCount"], 5);
    let (_, body) = send(env.get("/salesinvoices?status=Paid")).await;
    assert_eq!(body["Meta"]["TotalCount"], 0);

    let (status, body) = send(env.get("/salesinvoices?invoiceDateFrom=March")).await;
    assert_eq!(status, 400);
    assert_eq!(body["Errors"][0]["Field"], "invoiceDateFrom");
    let (status, body) = send(env.get("/salesinvoices?pageSize=0")).await;
    assert_eq!(status, 400);
    assert_eq!(body["Errors"][0]["Field"], "pageSize");
}

#[tokio::test]
async fn status_of_an_invoice_and_404_for_an_unknown_one() {
    let env = start().await;
    env.create(vec![invoice(json!(77))]).await;
    let (status, body) = send(env.get("/salesinvoices/77/status")).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["InvoiceNumber"], 77);
    assert_eq!(body["Reference"], "2516000017");
    assert_eq!(body["Status"], "Received");
    assert_eq!(body["TotalAmount"].to_string(), "124.00");
    assert_eq!(body["PaidAmount"].to_string(), "0.00");
    assert_eq!(body["OpenAmount"].to_string(), "124.00");
    assert_eq!(body["DueDate"], "2022-02-04");
    assert!(body["StatusDate"].is_string());

    let (status, body) = send(env.get("/salesinvoices/78/status")).await;
    assert_eq!(status, 404);
    assert!(body["Message"].as_str().unwrap().contains("78"));
}

#[tokio::test]
async fn update_merges_members_until_the_invoice_is_delivered() {
    let env = start().await;
    env.create(vec![invoice(json!(500))]).await;
    let (status, body) = send(
        env.put("/salesinvoices/500", &json!({ "DueDate": "2022-03-01", "SalesName": "Uusi Nimi", "NewMember": 1 })),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["InvoiceNumber"], 500);
    assert_eq!(body["StatusDescription"], "Updated");
    let mut fields: Vec<&str> = body["UpdatedFields"].as_array().unwrap().iter().map(|f| f.as_str().unwrap()).collect();
    fields.sort_unstable();
    assert_eq!(fields, ["DueDate", "NewMember", "SalesName"]);
    let listed = env.list().await;
    assert_eq!(listed[0]["DueDate"], "2022-03-01");
    assert_eq!(listed[0]["SalesName"], "Uusi Nimi");
    assert_eq!(listed[0]["Reference"], "2516000017");

    let (status, body) = send(env.put("/salesinvoices/500", &json!({ "DueDate": "tomorrow" }))).await;
    assert_eq!(status, 400);
    assert_eq!(body["Errors"][0]["Field"], "DueDate");
    let (status, _) = send(env.put("/salesinvoices/500", &json!({ "InvoiceNumber": 501 }))).await;
    assert_eq!(status, 400);
    let (status, _) = send(env.put("/salesinvoices/404404", &json!({ "DueDate": "2022-03-01" }))).await;
    assert_eq!(status, 404);

    assert!(env.sandbox.deliver("500"));
    assert!(!env.sandbox.deliver("no-such-invoice"));
    let (status, body) = send(env.put("/salesinvoices/500", &json!({ "DueDate": "2022-04-01" }))).await;
    assert_eq!(status, 402, "{body}");
    assert!(body["Message"].as_str().unwrap().contains("500"));
    assert_eq!(env.list().await[0]["DueDate"], "2022-03-01");
}

#[tokio::test]
async fn update_is_blocked_after_delivery_through_the_admin_endpoint_too() {
    let env = start().await;
    env.create(vec![invoice(json!("D-1"))]).await;
    let response = env.client.post(env.admin("/invoices/D-1/deliver")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let record: Value = response.json().await.unwrap();
    assert_eq!(record["DeliveryStatus"], "Delivered");
    assert_eq!(record["Channel"], "Finvoice");
    let (status, _) = send(env.put("/salesinvoices/D-1", &json!({ "SalesName": "x" }))).await;
    assert_eq!(status, 402);
    let response = env.client.post(env.admin("/invoices/D-2/deliver")).send().await.unwrap();
    assert_eq!(response.status(), 404);
}
