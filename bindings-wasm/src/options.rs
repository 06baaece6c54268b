//! Option objects (client options, batch options) read member by member from their JSON:
//! the JavaScript side has checked their names and types; a name or type that still gets here
//! is a `ConfigurationError` naming it. Read through [`Json`], which the core has anyway, rather
//! than a derived struct each (whose parsers were their own code in the module).

use lasku::model::Json;
use lasku::table::Table;
use wasm_bindgen::JsValue;

use crate::errors::to_js_error;

/// One options object; each `take_*` removes the member it reads, [`Options::finish`] refuses
/// what is left.
pub(crate) struct Options {
    what: &'static str,
    members: Table<String, Json>,
}

impl Options {
    /// Reads `json`, an object (empty text means no options).
    pub(crate) fn parse(what: &'static str, json: &str) -> Result<Self, JsValue> {
        let members = if json.trim().is_empty() {
            Table::new()
        } else {
            lasku::de::from_str(json).map_err(|e| error(what, format!("not an object of options: {e}")))?
        };
        Ok(Options { what, members })
    }

    fn take(&mut self, name: &str) -> Option<Json> {
        self.members.remove(name).filter(|v| !v.is_null())
    }

    fn wrong(&self, name: &str, expected: &str) -> JsValue {
        error(self.what, format!("{name} must be {expected}"))
    }

    /// A string member.
    pub(crate) fn string(&mut self, name: &str) -> Result<Option<String>, JsValue> {
        match self.take(name) {
            None => Ok(None),
            Some(Json::String(s)) => Ok(Some(s)),
            Some(_) => Err(self.wrong(name, "a string")),
        }
    }

    /// A whole non-negative number.
    pub(crate) fn number(&mut self, name: &str) -> Result<Option<u64>, JsValue> {
        match self.take(name) {
            None => Ok(None),
            Some(v) => v.as_u64().map(Some).ok_or_else(|| self.wrong(name, "a whole number, 0 or more")),
        }
    }

    /// A boolean member.
    pub(crate) fn flag(&mut self, name: &str) -> Result<Option<bool>, JsValue> {
        match self.take(name) {
            None => Ok(None),
            Some(v) => v.as_bool().map(Some).ok_or_else(|| self.wrong(name, "true or false")),
        }
    }

    /// An object whose members are all strings, as (name, value) pairs.
    pub(crate) fn strings(&mut self, name: &str) -> Result<Vec<(String, String)>, JsValue> {
        let Some(value) = self.take(name) else { return Ok(Vec::new()) };
        let Json::Object(members) = value else { return Err(self.wrong(name, "an object of strings")) };
        let mut pairs = Vec::with_capacity(members.len());
        for (key, value) in members {
            match value {
                Json::String(s) => pairs.push((key, s)),
                _ => return Err(self.wrong(name, "an object of strings")),
            }
        }
        Ok(pairs)
    }

    /// Refuses the members no `take_*` read.
    pub(crate) fn finish(self) -> Result<(), JsValue> {
        match self.members.keys().next() {
            None => Ok(()),
            Some(name) => Err(error(self.what, format!("unknown option {name:?}"))),
        }
    }
}

fn error(what: &str, message: String) -> JsValue {
    to_js_error(&lasku::Error::Configuration(format!("{what}: {message}")))
}
