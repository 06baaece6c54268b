//! Calls by operation id with JSON arguments and JSON answers, for the bindings.

use std::collections::VecDeque;

use serde_json::value::RawValue;

use super::answers::Decimals;
use super::ops::{normalize, normalize_item, prepare};
use crate::cashin::PageRequest;
use crate::client::Client;
use crate::pagination::Pages;
use crate::table::Table;
use crate::{Error, Result};

impl Client {
    /// Runs any operation: validates and prepares it from JSON arguments (see
    /// [`super::operations`] for the parameters), sends it with retries, checks the answer
    /// against its type and returns it as normalized JSON text (decimals as
    /// [`ConfigBuilder::json_decimals`](crate::ConfigBuilder::json_decimals) says).
    pub async fn call_json(&self, operation_id: &str, args_json: &str) -> Result<String> {
        self.send_json(&prepare(operation_id, args_json)?).await
    }

    /// Sends a call prepared before (by [`super::prepare`] or [`super::Ahead`]) with retries
    /// and returns its answer as [`Client::call_json`] does.
    pub async fn send_json(&self, call: &crate::client::Call) -> Result<String> {
        let response = self.execute(call).await?;
        normalize(call.operation.id, response.status, &response.body, self.config().decimals)
            .map_err(|e| call.unreadable_answer(e))
    }

    /// Walks a paged operation page by page or item by item.
    pub fn pages_json(&self, operation_id: &str, args_json: &str) -> Result<JsonPages> {
        let info = super::operation(operation_id)
            .ok_or_else(|| Error::Configuration(format!("unknown operation {operation_id:?}")))?;
        if !info.paged {
            return Err(Error::Configuration(format!("{operation_id} is not a paged operation")));
        }
        // Check the arguments once now, so a mistake fails here rather than on the first page.
        prepare(operation_id, args_json)?;
        let mut base: Table<String, Box<RawValue>> = if args_json.trim().is_empty() {
            Table::new()
        } else {
            crate::de::from_str(args_json)
                .map_err(|e| Error::Configuration(format!("the arguments must be a JSON object: {e}")))?
        };
        let number = |raw: Option<&Box<RawValue>>| raw.and_then(|v| v.get().parse::<u32>().ok());
        let page_size = number(base.get("page_size"));
        let start = number(base.get("page")).unwrap_or(1);
        base.remove("page");
        base.remove("page_size");
        let id = info.id;
        let prepare_page = move |page: PageRequest| {
            let mut args = base.clone();
            for (name, value) in [("page", page.page), ("page_size", page.page_size)] {
                if let Some(n) = value {
                    let raw = serde_json::value::to_raw_value(&n).map_err(|e| Error::Internal(e.to_string()))?;
                    args.insert(name.to_owned(), raw);
                }
            }
            let text = serde_json::to_string(&args).map_err(|e| Error::Internal(e.to_string()))?;
            prepare(id, &text)
        };
        let mut pages: Pages<Box<RawValue>> = self.paginate(prepare_page).starting_at(start);
        if let Some(size) = page_size {
            pages = pages.page_size(size);
        }
        Ok(JsonPages { id, pages, buffer: VecDeque::new(), decimals: self.config().decimals })
    }
}

/// Auto-pagination with JSON text out (see [`Client::pages_json`]).
#[derive(Debug)]
pub struct JsonPages {
    id: &'static str,
    pages: Pages<Box<RawValue>>,
    buffer: VecDeque<Box<RawValue>>,
    decimals: Decimals,
}

impl JsonPages {
    /// The next page as `{"Data": [...], "Meta": {...}}` JSON text, or `None` after the last.
    pub async fn next_page(&mut self) -> Option<Result<String>> {
        let page = match self.pages.next_page().await? {
            Ok(page) => page,
            Err(e) => return Some(Err(e)),
        };
        let mut text = String::from("{\"Data\":[");
        for (i, raw) in page.data.iter().enumerate() {
            match normalize_item(self.id, raw, self.decimals) {
                Ok(item) => {
                    if i > 0 {
                        text.push(',');
                    }
                    text.push_str(&item);
                }
                Err(e) => return Some(Err(e)),
            }
        }
        let meta = match &page.meta {
            Some(meta) => match serde_json::to_string(meta) {
                Ok(text) => text,
                Err(e) => return Some(Err(Error::Internal(e.to_string()))),
            },
            None => "null".to_owned(),
        };
        text.push_str("],\"Meta\":");
        text.push_str(&meta);
        text.push('}');
        Some(Ok(text))
    }

    /// The next item as JSON text, or `None` after the last.
    pub async fn next_item(&mut self) -> Option<Result<String>> {
        loop {
            if let Some(raw) = self.buffer.pop_front() {
                return Some(normalize_item(self.id, &raw, self.decimals));
            }
            match self.pages.next_page().await? {
                Ok(page) => self.buffer.extend(page.data),
                Err(e) => return Some(Err(e)),
            }
        }
    }
}
