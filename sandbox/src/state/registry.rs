//! The product and customer registers (Product Management and Customer Management).

use serde_json::{Map, Value};

/// A product or customer as stored: its code and its members as sent (merged by updates).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Record {
    /// `ProductCode` / `CustomerCode`, trimmed.
    pub code: String,
    pub data: Map<String, Value>,
}

/// Records in the order they were created, looked up by code.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Register {
    records: Vec<Record>,
}

impl Register {
    pub(crate) fn get(&self, code: &str) -> Option<&Record> {
        self.records.iter().find(|r| r.code == code)
    }

    pub(crate) fn get_mut(&mut self, code: &str) -> Option<&mut Record> {
        self.records.iter_mut().find(|r| r.code == code)
    }

    pub(crate) fn contains(&self, code: &str) -> bool {
        self.get(code).is_some()
    }

    /// Adds a record; `false` (and nothing added) when the code exists.
    pub(crate) fn insert(&mut self, record: Record) -> bool {
        if self.contains(&record.code) {
            return false;
        }
        self.records.push(record);
        true
    }

    /// Removes and returns the record with this code.
    pub(crate) fn remove(&mut self, code: &str) -> Option<Record> {
        let position = self.records.iter().position(|r| r.code == code)?;
        Some(self.records.remove(position))
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = &Record> {
        self.records.iter()
    }
}

impl Record {
    /// Its members as stored, with each of `members` present (null when never given).
    pub(crate) fn listed(&self, members: &[&str]) -> Value {
        let mut data = self.data.clone();
        for name in members {
            data.entry(*name).or_insert(Value::Null);
        }
        Value::Object(data)
    }
}
