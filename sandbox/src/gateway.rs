//! Everything under `/v2`: fault injection, key checks, dispatch to the emulated operation and
//! the hit log, in that order.

use std::sync::Arc;

use axum::body::{to_bytes, Body};
use axum::extract::{Query as QueryExtractor, Request, State};
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE, RETRY_AFTER, USER_AGENT};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use lasku::catalog::Credential;

use crate::errors::{route_not_found, ApiError};
use crate::faults::{BodyFault, DropPoint, Fault};
use crate::hits::{Hit, UNKNOWN_OPERATION};
use crate::routes::{dispatch, Call, Query};
use crate::routing::{identify, Matched};
use crate::server::ConnKill;
use crate::state::App;

/// Request header carrying a per-request fault spec.
pub const FAULT_HEADER: &str = "x-lasku-fault";
/// Request header carrying the key.
pub const API_KEY_HEADER: &str = "x-api-key";

/// The page `body=nonjson` answers with, like a proxy or captive portal would.
const HTML_PAGE: &str = "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n<body><h1>Bad Gateway</h1><p>lasku sandbox: injected non-JSON response (X-Lasku-Fault: body=nonjson).</p></body></html>\n";

/// The fallback of the whole server: `/v2...` goes through the gateway, anything else is a JSON 404.
pub(crate) async fn entry(State(app): State<Arc<App>>, req: Request) -> Response {
    let path = req.uri().path().to_owned();
    let relative =
        if path == "/v2" { Some(String::new()) } else { path.strip_prefix("/v2/").map(|rest| format!("/{rest}")) };
    match relative {
        Some(relative) => v2(app, req, path, relative).await,
        None => route_not_found(req.method().as_str(), &path),
    }
}

async fn v2(app: Arc<App>, req: Request, path: String, relative: String) -> Response {
    let method = req.method().as_str().to_owned();
    let matched = identify(&method, &relative);
    let operation = matched.as_ref().map_or(UNKNOWN_OPERATION, |m| m.op.id);
    let kill = req.extensions().get::<ConnKill>().cloned();
    let mut hit = Hit {
        operation: operation.to_owned(),
        method,
        path,
        status: 0,
        user_agent: header_text(req.headers(), USER_AGENT.as_str()).unwrap_or_default(),
        fault: None,
    };

    let fault = match header_text(req.headers(), FAULT_HEADER) {
        Some(spec) => match Fault::parse(&spec) {
            Ok(fault) => Some(fault),
            Err(e) => {
                hit.fault = Some(spec);
                let error = ApiError::bad_request(format!("X-Lasku-Fault: {e}"));
                return finish(&app, hit, error.into_response());
            }
        },
        None if req.headers().contains_key(FAULT_HEADER) => {
            let error = ApiError::bad_request("X-Lasku-Fault must be ASCII text");
            return finish(&app, hit, error.into_response());
        }
        None => app.with(|s| s.take_fault(operation)),
    };
    hit.fault = fault.as_ref().map(Fault::to_string);
    let fault = fault.unwrap_or_default();

    if let Some(delay) = fault.delay {
        tokio::time::sleep(delay).await;
    }
    if fault.drop == Some(DropPoint::Before) {
        return drop_connection(&app, hit, kill).await;
    }
    let mut response = match (fault.status, fault.body) {
        (Some(code), body) => {
            let status = StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            if body == Some(BodyFault::NonJson) {
                html(status)
            } else {
                ApiError::new(status, format!("Injected fault: HTTP {code} from the lasku sandbox (X-Lasku-Fault)"))
                    .into_response()
            }
        }
        (None, Some(BodyFault::NonJson)) => html(StatusCode::OK),
        (None, _) => process(&app, req, matched).await,
    };
    if fault.drop == Some(DropPoint::After) {
        return drop_connection(&app, hit, kill).await;
    }
    if fault.body == Some(BodyFault::Truncated) {
        response = truncate(response).await;
    }
    if let Some(seconds) = fault.retry_after {
        response.headers_mut().insert(RETRY_AFTER, HeaderValue::from(seconds));
    }
    finish(&app, hit, response)
}

/// Keys, then the operation itself.
async fn process(app: &Arc<App>, req: Request, matched: Option<Matched>) -> Response {
    let api_key = match authorise(app, req.headers(), matched.as_ref()) {
        Ok(key) => key,
        Err(e) => return e.into_response(),
    };
    let Some(matched) = matched else {
        return ApiError::not_found(format!(
            "No operation {} {} in the Cash-In v2 contract",
            req.method(),
            req.uri().path()
        ))
        .into_response();
    };
    let query = match QueryExtractor::<Vec<(String, String)>>::try_from_uri(req.uri()) {
        Ok(QueryExtractor(pairs)) => Query(pairs),
        Err(e) => return ApiError::bad_request(format!("Malformed query string: {e}")).into_response(),
    };
    let body = match to_bytes(req.into_body(), app.config.max_body_bytes).await {
        Ok(body) => body,
        Err(e) => {
            return ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!("Could not read the request body (at most {} bytes): {e}", app.config.max_body_bytes),
            )
            .into_response()
        }
    };
    let op = matched.op;
    let call = Call { matched, query, body, api_key };
    match dispatch(app, &call) {
        Some(Ok((status, body))) => (status, Json(body)).into_response(),
        Some(Err(e)) => e.into_response(),
        None => ApiError::not_found(format!(
            "Operation {} ({} {}) is in the catalog but not emulated by the lasku sandbox",
            op.id, op.method, op.path
        ))
        .into_response(),
    }
}

/// The accepted key; 401 for a missing or unknown key, 403 for a key of the wrong kind.
fn authorise(app: &App, headers: &HeaderMap, matched: Option<&Matched>) -> Result<String, ApiError> {
    let Some(key) = header_text(headers, API_KEY_HEADER).filter(|k| !k.trim().is_empty()) else {
        return Err(ApiError::new(StatusCode::UNAUTHORIZED, "The X-Api-Key header is missing"));
    };
    let key = key.trim();
    let (creditor, partner) =
        app.with(|s| (s.creditor_keys.iter().any(|k| k == key), s.partner_keys.iter().any(|k| k == key)));
    if !creditor && !partner {
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "The API key in X-Api-Key is not valid for this environment",
        ));
    }
    match matched.map(|m| m.op.credential) {
        Some(Credential::Creditor) if !creditor => {
            Err(ApiError::new(StatusCode::FORBIDDEN, "This operation needs a creditor key; a partner key was given"))
        }
        Some(Credential::Partner) if !partner => {
            Err(ApiError::new(StatusCode::FORBIDDEN, "This operation needs a partner key; a creditor key was given"))
        }
        _ => Ok(key.to_owned()),
    }
}

fn header_text(headers: &HeaderMap, name: &str) -> Option<String> {
    headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_owned)
}

fn finish(app: &App, mut hit: Hit, response: Response) -> Response {
    hit.status = response.status().as_u16();
    app.with(|s| s.hits.push(hit));
    response
}

/// Records the hit (status 0) and closes the connection without a response: the connection task
/// stops serving it as soon as `kill` fires, and this future never completes.
async fn drop_connection(app: &App, hit: Hit, kill: Option<ConnKill>) -> Response {
    app.with(|s| s.hits.push(hit));
    match kill {
        Some(kill) => {
            kill.fire();
            std::future::pending::<Response>().await
        }
        None => ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "drop faults need the sandbox's own server")
            .into_response(),
    }
}

fn html(status: StatusCode) -> Response {
    (status, [(CONTENT_TYPE, "text/html; charset=utf-8")], HTML_PAGE).into_response()
}

/// The same response with the first half of its body and a matching `Content-Length`.
async fn truncate(response: Response) -> Response {
    let (mut parts, body) = response.into_parts();
    let bytes = to_bytes(body, usize::MAX).await.unwrap_or_default();
    let cut = bytes.slice(0..bytes.len() / 2);
    parts.headers.insert(CONTENT_LENGTH, HeaderValue::from(cut.len()));
    Response::from_parts(parts, Body::from(cut))
}
