//! Paged lists: `{ "Data": [...], "Meta": PageMeta }`.

use serde::{Deserialize, Serialize};

use crate::model::{model, Extra};

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
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Page<T> {
    /// The items.
    #[serde(rename = "Data", default = "Vec::new")]
    pub data: Vec<T>,
    /// Paging information, when the server gives it.
    #[serde(rename = "Meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<PageMeta>,
    /// Members the documentation never showed.
    #[serde(flatten)]
    pub extra: Extra,
}

// Read by hand rather than derived: the derive's `flatten` buffers the whole page and reads the
// items a second time from that buffer, which instantiates every item model's parser twice
// (a large part of the WebAssembly module). This reads the same members with the same rules:
// `Data` and `Meta` at most once each, `Data` defaults to empty, `Meta` to none, and any other
// member is kept in `extra` (a later duplicate replaces an earlier one).
impl<'de, T: Deserialize<'de>> Deserialize<'de> for Page<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(PageVisitor(std::marker::PhantomData))
    }
}

struct PageVisitor<T>(std::marker::PhantomData<T>);

impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for PageVisitor<T> {
    type Value = Page<T>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("struct Page")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Page<T>, A::Error> {
        let mut data: Option<Vec<T>> = None;
        let mut meta: Option<Option<PageMeta>> = None;
        let mut extra = Extra::new();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "Data" if data.is_some() => return Err(serde::de::Error::duplicate_field("Data")),
                "Data" => data = Some(map.next_value()?),
                "Meta" if meta.is_some() => return Err(serde::de::Error::duplicate_field("Meta")),
                "Meta" => meta = Some(map.next_value()?),
                _ => {
                    let value: Box<serde_json::value::RawValue> = map.next_value()?;
                    extra.insert(key, value);
                }
            }
        }
        Ok(Page { data: data.unwrap_or_default(), meta: meta.flatten(), extra })
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_reads_data_meta_and_keeps_other_members() {
        let page: Page<u64> = serde_json::from_str(
            r#"{"X":1,"Data":[1,2],"Meta":{"Page":1,"PageSize":2,"TotalCount":3},"X":{"a":null}}"#,
        )
        .unwrap();
        assert_eq!(page.data, vec![1, 2]);
        assert!(page.has_next());
        assert_eq!(serde_json::to_string(&page.extra).unwrap(), r#"{"X":{"a":null}}"#);

        let empty: Page<u64> = serde_json::from_str(r#"{"Meta":null}"#).unwrap();
        assert!(empty.data.is_empty() && empty.meta.is_none() && empty.extra.is_empty());

        let twice = serde_json::from_str::<Page<u64>>(r#"{"Data":[],"Data":[]}"#).unwrap_err();
        assert!(twice.to_string().starts_with("duplicate field `Data`"), "{twice}");
        let null = serde_json::from_str::<Page<u64>>(r#"{"Data":null}"#).unwrap_err();
        assert!(null.to_string().starts_with("invalid type: null, expected a sequence"), "{null}");
        let array = serde_json::from_str::<Page<u64>>("[]").unwrap_err();
        assert!(array.to_string().starts_with("invalid type: sequence, expected struct Page"), "{array}");
    }
}
