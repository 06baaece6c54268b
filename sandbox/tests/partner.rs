//! Partner operations and the two kinds of key.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{fields, invoice, send, start, today, Env};
use lasku::catalog::{Credential, Method, OPERATIONS};
use lasku_sandbox::{DEFAULT_CREDITOR_KEY, DEFAULT_PARTNER_KEY};
use reqwest::Method as HttpMethod;
use serde_json::{json, Value};

fn creditor(business_id: &str) -> Value {
    json!({
        "CreditorData": {
            "Name": "Uusi Velkoja Oy",
            "BusinessId": business_id,
            "VatNumber": "FI01120389",
            "StreetAddress": "Katu 1",
            "PostalCode": "00100",
            "City": "Helsinki",
            "Country": "FI",
            "Email": "laskutus@example.com",
            "Iban": "FI4819503000000010",
            "Bic": "NDEAFIHH",
        },
        "ContactPersons": [{ "Name": "Maija", "Email": "maija@example.com", "Phone": "+358401234567", "Role": "CFO" }],
        "ServiceType": "LIFECYCLE",
    })
}

async fn register(env: &Env, business_id: &str) -> Value {
    let (status, body) = send(env.partner(HttpMethod::POST, "/partner/creditors").json(&creditor(business_id))).await;
    assert_eq!(status, 200, "{body}");
    body
}

fn http(method: Method) -> HttpMethod {
    match method {
        Method::Get => HttpMethod::GET,
        Method::Post => HttpMethod::POST,
        Method::Put => HttpMethod::PUT,
        Method::Delete => HttpMethod::DELETE,
    }
}

#[tokio::test]
async fn each_kind_of_key_is_403_on_the_other_kind_of_operation() {
    let env = start().await;
    for op in OPERATIONS {
        let path = op.path.replace(['{', '}'], "");
        let key = match op.credential {
            Credential::Partner => DEFAULT_CREDITOR_KEY,
            Credential::Creditor => DEFAULT_PARTNER_KEY,
        };
        let request = env.client.request(http(op.method), env.url(&path)).header("X-Api-Key", key).json(&json!({}));
        let (status, body) = send(request).await;
        assert_eq!(status, 403, "{} with the wrong key: {body}", op.id);
        let needed = match op.credential {
            Credential::Partner => "partner",
            Credential::Creditor => "creditor",
        };
        assert!(body["Message"].as_str().unwrap().contains(needed), "{}", op.id);
    }
    assert!(env.sandbox.hits().iter().all(|h| h.status == 403));
}

#[tokio::test]
async fn a_registered_creditor_gets_a_key_that_works_at_once() {
    let env = start().await;
    let body = register(&env, "0112038-9").await;
    assert_eq!(body["StatusDescription"], "Created");
    assert_eq!(body["BusinessId"], "0112038-9");
    assert_eq!(body["CustomerCode"], "50001");
    let key = body["ApiKey"].as_str().unwrap().to_owned();

    // The new key is a creditor key: creditor operations work, partner operations are 403.
    let (status, _) = send(env.client.get(env.url("/token/validate")).header("X-Api-Key", &key)).await;
    assert_eq!(status, 200);
    let create = json!({ "SalesInvoice": [invoice(json!(1))] });
    let (status, _) = send(env.client.post(env.url("/salesinvoices")).header("X-Api-Key", &key).json(&create)).await;
    assert_eq!(status, 200);
    let (status, _) =
        send(env.client.get(env.url("/partner/creditors/0112038-9/credentials")).header("X-Api-Key", &key)).await;
    assert_eq!(status, 403);
    let (status, agreement) =
        send(env.client.get(env.url("/externalinvoices/agreementstatus")).header("X-Api-Key", &key)).await;
    assert_eq!(status, 200);
    assert_eq!(agreement["AgreementIdentifier"], "AGR-50001");
    assert_eq!(agreement["ValidFrom"], today().as_str());

    // Registering the same business again is 402; another business gets the next code.
    let (status, body) = send(env.partner(HttpMethod::POST, "/partner/creditors").json(&creditor("0112038-9"))).await;
    assert_eq!(status, 402, "{body}");
    assert_eq!(register(&env, "1572860-0").await["CustomerCode"], "50002");

    // Credentials and identifiers.
    let (status, body) = send(env.partner(HttpMethod::GET, "/partner/creditors/0112038-9/credentials")).await;
    assert_eq!(status, 200);
    assert_eq!(
        body,
        json!({ "BusinessId": "0112038-9", "Name": "Uusi Velkoja Oy", "CustomerCode": "50001", "ApiKey": key })
    );
    let (status, body) =
        send(env.partner(HttpMethod::GET, "/partner/creditors/0112038-9/externalagreementidentifiers")).await;
    assert_eq!(status, 200);
    assert_eq!(body["BusinessId"], "0112038-9");
    assert_eq!(
        body["Identifiers"],
        json!([
            { "Type": "CustomerCode", "Value": "50001" },
            { "Type": "AgreementIdentifier", "Value": "AGR-50001" },
            { "Type": "OVT", "Value": "003701120389" },
        ])
    );
    for path in
        ["/partner/creditors/2617416-4/credentials", "/partner/creditors/2617416-4/externalagreementidentifiers"]
    {
        let (status, _) = send(env.partner(HttpMethod::GET, path)).await;
        assert_eq!(status, 404, "{path}");
    }

    // A reset forgets the creditor and its key.
    env.sandbox.reset();
    let (status, _) = send(env.client.get(env.url("/token/validate")).header("X-Api-Key", &key)).await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn malformed_creditors_are_400() {
    let env = start().await;
    let mut bad_id = creditor("0112038-8");
    bad_id["ContactPersons"] = json!([{ "Name": [] }]);
    for (body, expected) in [
        (json!({}), vec!["CreditorData"]),
        (json!({ "CreditorData": {} }), vec!["CreditorData.Name", "CreditorData.BusinessId"]),
        (bad_id, vec!["CreditorData.BusinessId", "ContactPersons[0].Name"]),
    ] {
        let (status, reply) = send(env.partner(HttpMethod::POST, "/partner/creditors").json(&body)).await;
        assert_eq!(status, 400, "{body}");
        assert_eq!(fields(&reply), expected);
    }
}

#[tokio::test]
async fn creditors_are_updated() {
    let env = start().await;
    register(&env, "0112038-9").await;
    let update = json!({
        "CreditorDetails": { "Email": "uusi@example.com", "Iban": "FI2112345600000785", "Bic": "OKOYFIHH" },
        "ContactPersons": [{ "Name": "Pekka", "Role": "CEO" }],
    });
    let (status, body) = send(env.partner(HttpMethod::PUT, "/partner/creditors/0112038-9").json(&update)).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body,
        json!({ "BusinessId": "0112038-9", "StatusDescription": "Updated", "UpdatedFields": ["Bic", "ContactPersons", "Email", "Iban"] })
    );
    let received: Value = env.client.get(env.admin("/received")).send().await.unwrap().json().await.unwrap();
    let stored = &received["Creditors"][0];
    assert_eq!(stored["CreditorData"]["Email"], "uusi@example.com");
    assert_eq!(stored["CreditorData"]["City"], "Helsinki");
    assert_eq!(stored["ContactPersons"][0]["Name"], "Pekka");

    let (status, body) = send(
        env.partner(HttpMethod::PUT, "/partner/creditors/0112038-9")
            .json(&json!({ "CreditorDetails": { "Name": "Other" } })),
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(fields(&body), ["CreditorDetails.Name"]);
    let (status, _) = send(env.partner(HttpMethod::PUT, "/partner/creditors/1572860-0").json(&update)).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn finvoice_credentials_come_from_finvoice_accounts_and_creditors() {
    let env = start().await;
    // A customer with a Business ID, whose Finvoice account is then updated.
    let customer = json!({ "Customers": [{ "CustomerCode": "C1", "Name": "Asiakas Oy", "BusinessId": "1572860-0" }] });
    let (status, _) = send(env.post("/customers", &customer)).await;
    assert_eq!(status, 200);
    let account = json!({ "CustomerCode": "C1", "CustomerName": "Asiakas Oy", "FinvoiceAddress": "003715728600", "FinvoiceIntermediator": "NDEAFIHH" });
    let (status, _) = send(env.put("/finvoiceaccounts", &account)).await;
    assert_eq!(status, 200);
    register(&env, "0112038-9").await;

    let (status, body) = send(env.partner(HttpMethod::GET, "/partner/finvoicecredentials?businessId=1572860-0")).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.get("Meta").is_none());
    let records = body["Data"].as_array().unwrap();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["EInvoiceAddressName"], "Asiakas Oy");
    assert_eq!(records[0]["EInvoiceAddress"], "003715728600");
    assert_eq!(records[0]["EInvoiceAddressType"], "EDI");
    assert_eq!(records[0]["EInvoiceOperatorId"], "NDEAFIHH");
    assert_eq!(records[0]["EInvoiceOperatorName"], "Nordea Bank");
    assert!(records[0]["LastModified"].as_str().unwrap().ends_with('Z'));

    let (_, body) = send(env.partner(HttpMethod::GET, "/partner/finvoicecredentials?businessId=0112038-9")).await;
    assert_eq!(body["Data"][0]["EInvoiceAddressType"], "IBAN");
    assert_eq!(body["Data"][0]["EInvoiceAddress"], "FI4819503000000010");
    let (_, body) = send(env.partner(HttpMethod::GET, "/partner/finvoicecredentials?businessId=2617416-4")).await;
    assert_eq!(body, json!({ "Data": [] }));
    for query in ["", "?businessId=123"] {
        let (status, body) = send(env.partner(HttpMethod::GET, &format!("/partner/finvoicecredentials{query}"))).await;
        assert_eq!(status, 400);
        assert_eq!(fields(&body), ["businessId"]);
    }
}

#[tokio::test]
async fn delivery_information_by_seller() {
    let env = start().await;
    let mut with_seller = invoice(json!(1));
    with_seller["SellerInfo"] = json!({ "SellerName": "Myyjä Oy", "SellerBusinessId": "0112038-9" });
    let mut other_seller = invoice(json!(2));
    other_seller["SellerInfo"] = json!({ "SellerName": "Muu Oy", "SellerBusinessId": "1572860-0" });
    let (status, body) =
        send(env.post("/salesinvoiceswithsellerinfo", &json!({ "SalesInvoice": [with_seller, other_seller] }))).await;
    assert_eq!(status, 200, "{body}");
    env.create(vec![invoice(json!(3))]).await;
    env.sandbox.deliver("1");

    let (status, body) = send(env.partner(HttpMethod::GET, "/partner/deliveryinformation?businessId=0112038-9")).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["Meta"]["TotalCount"], 1);
    assert_eq!(body["Data"][0]["InvoiceNumber"], 1);
    assert_eq!(body["Data"][0]["DeliveryStatus"], "Delivered");
    let (_, body) =
        send(env.partner(HttpMethod::GET, "/partner/deliveryinformation?businessId=0112038-9&dateTo=2000-01-01")).await;
    assert_eq!(body["Meta"]["TotalCount"], 0);
    let (status, _) = send(env.partner(HttpMethod::GET, "/partner/deliveryinformation")).await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn sms_messages_are_validated_and_queued() {
    let env = start().await;
    let sms =
        json!({ "PhoneNumber": "+358401234567", "Message": "Muistutus: lasku 123 erääntyi.", "Sender": "Velkoja" });
    let (status, body) = send(env.partner(HttpMethod::POST, "/partner/sms").json(&sms)).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["Status"], "Queued");
    assert_eq!(body["MessageId"].as_str().unwrap().len(), 36);
    assert_eq!(body["DeliveryReport"], json!({ "Status": "Pending", "DeliveredAt": null }));
    let received: Value = env.client.get(env.admin("/received")).send().await.unwrap().json().await.unwrap();
    assert_eq!(received["Sms"][0]["PhoneNumber"], "+358401234567");

    let longest = "x".repeat(612);
    let (status, _) = send(
        env.partner(HttpMethod::POST, "/partner/sms")
            .json(&json!({ "PhoneNumber": "+358401234567", "Message": longest })),
    )
    .await;
    assert_eq!(status, 200);
    for (body, expected) in [
        (json!({ "PhoneNumber": "0401234567", "Message": "hi" }), vec!["PhoneNumber"]),
        (json!({ "PhoneNumber": "+358 40 123", "Message": "hi" }), vec!["PhoneNumber"]),
        (json!({ "PhoneNumber": "+358401234567", "Message": "ä".repeat(613) }), vec!["Message"]),
        (json!({ "PhoneNumber": "+358401234567", "Message": "" }), vec!["Message"]),
        (json!({}), vec!["PhoneNumber", "Message"]),
    ] {
        let (status, reply) = send(env.partner(HttpMethod::POST, "/partner/sms").json(&body)).await;
        assert_eq!(status, 400, "{body}");
        assert_eq!(fields(&reply), expected);
    }
}
