//! Product Management and Customer Management.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{fields, send, start};
use serde_json::{json, Value};

fn product(code: Value, name: &str) -> Value {
    json!({
        "ProductCode": code,
        "Name": name,
        "Description": "Hourly work",
        "UnitPrice": "85.125",
        "VatPercent": 25.5,
        "Unit": "h",
    })
}

fn customer(code: &str, name: &str) -> Value {
    json!({
        "CustomerCode": code,
        "Name": name,
        "BusinessId": "0112038-9",
        "City": "Helsinki",
        "DeliveryType": "E",
        "ContactPerson": { "Name": "Maija", "Email": "maija@example.com", "Role": "Accounts payable" },
    })
}

#[tokio::test]
async fn products_are_submitted_listed_and_deleted() {
    let env = start().await;
    let (status, body) =
        send(env.post("/products", &json!({ "Products": [product(json!("P1"), "Work"), product(json!(7), "Seven")] })))
            .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["QtyOfItems"], 2);
    assert_eq!(
        body["Items"],
        json!([
            { "Code": "P1", "Status": "Created", "Message": "Created" },
            { "Code": "7", "Status": "Created", "Message": "Created" },
        ])
    );
    assert!(body["StatusDescription"].is_string());

    // An existing code (also "7" ≡ 7) and a repeat within the request are Rejected.
    let (status, body) = send(env.post(
        "/products",
        &json!({ "Products": [product(json!("7"), "Again"), product(json!("P2"), "New"), product(json!("P2"), "Twice")] }),
    ))
    .await;
    assert_eq!(status, 200);
    let statuses: Vec<&str> = body["Items"].as_array().unwrap().iter().map(|i| i["Status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["Rejected", "Created", "Rejected"]);
    assert!(body["Items"][0]["Message"].as_str().unwrap().contains("already exists"));

    let (status, body) = send(env.get("/products")).await;
    assert_eq!(status, 200);
    assert_eq!(body["Meta"]["TotalCount"], 3);
    let first = &body["Data"][0];
    assert_eq!(first["ProductCode"], "P1");
    assert_eq!(first["Name"], "Work");
    assert_eq!(first["UnitPrice"].to_string(), "85.125", "prices keep their digits, as numbers");
    assert_eq!(first["VatPercent"].to_string(), "25.5");
    assert!(first["EanCode"].is_null());
    let (_, page) = send(env.get("/products?page=2&pageSize=2")).await;
    assert_eq!(page["Data"][0]["ProductCode"], "P2");

    let (status, body) = send(env.delete("/products/7")).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["Items"][0], json!({ "Code": "7", "Status": "Deleted", "Message": "Deleted" }));
    let codes: Vec<Value> = env.data("/products").await.iter().map(|p| p["ProductCode"].clone()).collect();
    assert_eq!(codes, [json!("P1"), json!("P2")]);
    let (status, _) = send(env.delete("/products/7")).await;
    assert_eq!(status, 404);
    // Once gone, the code can be used again.
    let (_, body) = send(env.post("/products", &json!({ "Products": [product(json!(7), "Back")] }))).await;
    assert_eq!(body["Items"][0]["Status"], "Created");
}

#[tokio::test]
async fn malformed_products_are_400() {
    let env = start().await;
    let mut bad = product(json!("P"), "X");
    bad["UnitPrice"] = json!("cheap");
    bad["VatPercent"] = json!(125);
    for (body, expected) in [
        (json!({}), vec!["Products"]),
        (json!({ "Products": [{ "Name": "x" }] }), vec!["Products[0].ProductCode"]),
        (json!({ "Products": [{ "ProductCode": "A" }] }), vec!["Products[0].Name"]),
        (json!({ "Products": [bad] }), vec!["Products[0].UnitPrice", "Products[0].VatPercent"]),
    ] {
        let (status, reply) = send(env.post("/products", &body)).await;
        assert_eq!(status, 400, "{body}");
        assert_eq!(fields(&reply), expected);
    }
    assert!(env.data("/products").await.is_empty());
}

#[tokio::test]
async fn customers_are_submitted_listed_updated_and_deleted() {
    let env = start().await;
    let (status, body) = send(
        env.post("/customers", &json!({ "Customers": [customer("C1", "Asiakas Oy"), customer("C2", "Toinen Oy")] })),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["QtyOfCustomers"], 2);
    assert_eq!(body["Items"][1], json!({ "Code": "C2", "Status": "Created", "Message": "Created" }));
    let (_, body) = send(env.post("/customers", &json!({ "Customers": [customer("C1", "Again")] }))).await;
    assert_eq!(body["Items"][0]["Status"], "Rejected");

    let listed = env.data("/customers").await;
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0]["Name"], "Asiakas Oy");
    assert_eq!(listed[0]["ContactPerson"]["Email"], "maija@example.com");
    assert!(listed[0]["FinvoiceAddress"].is_null());
    assert!(listed[0]["Name2"].is_null());

    let (status, body) = send(env.put(
        "/customers/C1",
        &json!({ "Name": "Asiakas Oyj", "FinvoiceAddress": "003701120389", "CustomerCode": "C1" }),
    ))
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body,
        json!({ "CustomerCode": "C1", "StatusDescription": "Updated", "UpdatedFields": ["CustomerCode", "FinvoiceAddress", "Name"] })
    );
    let one = env.data("/customers?customerCode=C1").await;
    assert_eq!(one.len(), 1);
    assert_eq!(one[0]["Name"], "Asiakas Oyj");
    assert_eq!(one[0]["FinvoiceAddress"], "003701120389");
    assert_eq!(one[0]["City"], "Helsinki", "members not in the update are kept");

    for (update, field) in [
        (json!({ "CustomerCode": "C9" }), "CustomerCode"),
        (json!({ "Name": null }), "Name"),
        (json!({ "Name": "" }), "Name"),
        (json!({ "Email": true }), "Email"),
        (json!({ "ContactPerson": "Maija" }), "ContactPerson"),
    ] {
        let (status, body) = send(env.put("/customers/C1", &update)).await;
        assert_eq!(status, 400, "{update}");
        assert_eq!(fields(&body), [field], "{update}");
    }
    let (status, _) = send(env.put("/customers/C9", &json!({ "Name": "X" }))).await;
    assert_eq!(status, 404);

    let (status, body) = send(env.delete("/customers/C2")).await;
    assert_eq!(status, 200);
    assert_eq!(body["CustomerCode"], "C2");
    assert_eq!(body["StatusDescription"], "Deleted");
    assert_eq!(env.data("/customers").await.len(), 1);
    let (status, _) = send(env.delete("/customers/C2")).await;
    assert_eq!(status, 404);
    let (status, body) = send(env.post("/customers", &json!({ "Customers": [{ "CustomerCode": "C3" }] }))).await;
    assert_eq!(status, 400);
    assert_eq!(fields(&body), ["Customers[0].Name"]);
}
