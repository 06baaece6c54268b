//! Paged lists: `{ "Data": [...], "Meta": PageMeta }`.

use serde::{Deserialize, Serialize};

use crate::model::model;

model! {
    /// Paging information (`AllocatedPaymentTransactionsMeta`; the same shape is Inferred for the
    /// other list operations).
    pub struct PageMeta {
        /// Identifier of the request, for support.
        "RequestId" => request_id: String,
        /// When the page was produced.
        "Timestamp" => timestamp: chrono::DateTime<chrono::Utc>,
        /// Items on this page.
        "Count" => count: u64,
        /// This page's number, 1-based.
        "Page" => page: u64,
        /// The page size.
        "PageSize" => page_size: u64,
        /// Items on all pages.
        "TotalCount" => total_count: u64,
    }
}

/// One page of a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    /// The items.
    #[serde(rename = "Data", default = "Vec::new")]
    pub data: Vec<T>,
    /// Paging information, when the server gives it.
    #[serde(rename = "Meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<PageMeta>,
    /// Members the documentation never showed.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl<T> Page<T> {
    /// Whether another page follows this one, judged from `Meta`.
    pub fn has_next(&self) -> bool {
        match &self.meta {
            Some(meta) => match (meta.page, meta.page_size, meta.total_count) {
                (Some(page), Some(size), Some(total)) => page.saturating_mul(size) < total,
                _ => false,
            },
            None => false,
        }
    }
}

/// Page selection for list operations (`page` is 1-based).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PageRequest {
    /// The page to fetch (1-based); `None` lets the server choose (the first).
    pub page: Option<u32>,
    /// Items per page; `None` lets the server choose.
    pub page_size: Option<u32>,
}

impl<T: crate::model::WireType> crate::model::WireType for Page<T> {
    fn wire_type() -> crate::model::WireTypeRef {
        crate::model::WireTypeRef::Page(T::wire_type)
    }
}
