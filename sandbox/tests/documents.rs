//! create_meter_reading_documents and service_status.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{fields, send, start};
use serde_json::{json, Value};

fn document(number: Value) -> Value {
    json!({
        "DocumentNumber": number,
        "DocumentDate": "2024-06-30",
        "Company": { "Name": "Energia Oy", "BusinessId": "0112038-9", "City": "Helsinki" },
        "Customer": { "CustomerCode": "C1", "Name": "Asiakas", "Email": "asiakas@example.com" },
        "UsageLocation": { "LocationId": "L-7", "StreetAddress": "Katu 1", "PostalCode": "00100", "City": "Helsinki" },
        "Readings": [{
            "MeterNumber": "M-1",
            "ReadingDate": "2024-06-30",
            "ReadingValue": "12345.678",
            "PreviousReadingValue": 12000,
            "Consumption": 345.678,
            "Unit": "kWh",
        }],
    })
}

#[tokio::test]
async fn meter_reading_documents_are_created_once() {
    let env = start().await;
    let (status, body) =
        send(env.post("/meterreadingdocuments", &json!({ "Documents": [document(json!("D-1")), document(json!(2))] })))
            .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body,
        json!({
            "StatusDescription": "Created",
            "QtyOfDocuments": 2,
            "Documents": [{ "DocumentNumber": "D-1", "Status": "Created" }, { "DocumentNumber": 2, "Status": "Created" }],
        })
    );
    let received: Value = env.client.get(env.admin("/received")).send().await.unwrap().json().await.unwrap();
    assert_eq!(received["MeterReadingDocuments"][1]["Readings"][0]["ReadingValue"], "12345.678");

    // A repeated number, stored before ("2" ≡ 2) or twice in one request: 402, nothing stored.
    for documents in [vec![document(json!("3")), document(json!("2"))], vec![document(json!(4)), document(json!("4"))]]
    {
        let (status, body) = send(env.post("/meterreadingdocuments", &json!({ "Documents": documents }))).await;
        assert_eq!(status, 402, "{body}");
    }
    let (status, _) = send(env.post("/meterreadingdocuments", &json!({ "Documents": [document(json!(3))] }))).await;
    assert_eq!(status, 200, "document 3 was not stored by the failed request");

    let mut bad = document(json!(9));
    bad["Readings"][0]["ReadingValue"] = json!("lots");
    bad["Customer"] = json!("C1");
    for (body, expected) in [
        (json!({ "Documents": [{ "DocumentDate": "2024-01-01" }] }), vec!["Documents[0].DocumentNumber"]),
        (
            json!({ "Documents": [{ "DocumentNumber": 1, "DocumentDate": "30.6.2024" }] }),
            vec!["Documents[0].DocumentDate"],
        ),
        (json!({ "Documents": [bad] }), vec!["Documents[0].Customer", "Documents[0].Readings[0].ReadingValue"]),
        (json!({ "Documents": {} }), vec!["Documents"]),
    ] {
        let (status, reply) = send(env.post("/meterreadingdocuments", &body)).await;
        assert_eq!(status, 400, "{body}");
        assert_eq!(fields(&reply), expected);
    }
}

#[tokio::test]
async fn the_service_status_lists_every_group_of_the_catalog() {
    let env = start().await;
    let (status, body) = send(env.get("/servicestatus")).await;
    assert_eq!(status, 200);
    assert_eq!(body["Status"], "OK");
    assert!(body["Version"].as_str().unwrap().contains("lasku-sandbox"));
    assert!(body["Timestamp"].as_str().unwrap().ends_with('Z'));
    let names: Vec<&str> = body["Services"].as_array().unwrap().iter().map(|s| s["Name"].as_str().unwrap()).collect();
    assert!(names.contains(&"Collection endpoints"));
    assert!(names.contains(&"Partner endpoints"));
    assert!(body["Services"].as_array().unwrap().iter().all(|s| s["Status"] == "OK"));
}
