//! Writing JSON text directly: strings, for bindings that turn host values into JSON text
//! themselves, and small objects (verdicts, error objects, reports) member by member.

/// Appends `text` (UTF-8) to `out` as a JSON string: quotes, backslashes and control characters
/// escaped, everything else copied, eight bytes at a time while nothing needs escaping.
///
/// ```
/// let mut out = Vec::new();
/// lasku::surface::write_json_string("Oy \"Firma\" Ab\n".as_bytes(), &mut out);
/// assert_eq!(out, br#""Oy \"Firma\" Ab\n""#);
/// ```
pub fn write_json_string(text: &[u8], out: &mut Vec<u8>) {
    out.reserve(text.len() + 2);
    out.push(b'"');
    let mut rest = text;
    loop {
        // Whole words with nothing to escape are copied as words (no call to copy a few bytes).
        while let Some((word, tail)) = rest.split_first_chunk::<8>() {
            if crate::quick::special(u64::from_le_bytes(*word)) != 0 {
                break;
            }
            out.extend_from_slice(word);
            rest = tail;
        }
        if rest.len() < 8 {
            // The last few bytes: one check and one copy when nothing needs escaping.
            let mut word = [b' '; 8];
            if let Some(head) = word.get_mut(..rest.len()) {
                head.copy_from_slice(rest);
            }
            if crate::quick::special(u64::from_le_bytes(word)) == 0 {
                out.extend_from_slice(rest);
                break;
            }
        }
        let Some((&b, tail)) = rest.split_first() else { break };
        if b >= 0x20 && b != b'"' && b != b'\\' {
            out.push(b);
        } else {
            push_escape(b, out);
        }
        rest = tail;
    }
    out.push(b'"');
}

fn push_escape(b: u8, out: &mut Vec<u8>) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    match b {
        b'"' => out.extend_from_slice(b"\\\""),
        b'\\' => out.extend_from_slice(b"\\\\"),
        b'\n' => out.extend_from_slice(b"\\n"),
        b'\r' => out.extend_from_slice(b"\\r"),
        b'\t' => out.extend_from_slice(b"\\t"),
        _ => out.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]]),
    }
}

/// A JSON object written straight to text, member by member, in the order written.
///
/// For the small objects lasku hands to the bindings (verdicts of the Finnish toolkit, error
/// objects, batch reports): building a `serde_json::Value` first would compile a conversion
/// for every type put into it, a sizeable part of the WebAssembly module.
///
/// ```
/// let mut object = lasku::surface::JsonObject::new();
/// object.text("kind", "iban").flag("valid", true).number("status", 200).null("code");
/// object.raw("human", &lasku::surface::json_array([r#"["BIC","OKOYFIHH"]"#.to_owned()]));
/// assert_eq!(object.finish(), r#"{"kind":"iban","valid":true,"status":200,"code":null,"human":[["BIC","OKOYFIHH"]]}"#);
/// ```
#[derive(Debug, Default)]
pub struct JsonObject(Vec<u8>);

impl JsonObject {
    /// An object with no members yet.
    pub fn new() -> Self {
        JsonObject::default()
    }

    fn key(&mut self, key: &str) -> &mut Vec<u8> {
        self.0.push(if self.0.is_empty() { b'{' } else { b',' });
        write_json_string(key.as_bytes(), &mut self.0);
        self.0.push(b':');
        &mut self.0
    }

    /// A string member.
    pub fn text(&mut self, key: &str, value: &str) -> &mut Self {
        write_json_string(value.as_bytes(), self.key(key));
        self
    }

    /// A string member, or `null`.
    pub fn opt_text(&mut self, key: &str, value: Option<&str>) -> &mut Self {
        match value {
            Some(value) => self.text(key, value),
            None => self.null(key),
        }
    }

    /// A boolean member.
    pub fn flag(&mut self, key: &str, value: bool) -> &mut Self {
        self.raw(key, if value { "true" } else { "false" })
    }

    /// A whole-number member.
    pub fn number(&mut self, key: &str, value: u64) -> &mut Self {
        self.raw(key, &value.to_string())
    }

    /// A whole-number member, or `null`.
    pub fn opt_number(&mut self, key: &str, value: Option<u64>) -> &mut Self {
        match value {
            Some(value) => self.number(key, value),
            None => self.null(key),
        }
    }

    /// A `null` member.
    pub fn null(&mut self, key: &str) -> &mut Self {
        self.raw(key, "null")
    }

    /// A member that is already JSON text (written as given).
    pub fn raw(&mut self, key: &str, json: &str) -> &mut Self {
        self.key(key).extend_from_slice(json.as_bytes());
        self
    }

    /// An array of strings.
    pub fn texts<'a>(&mut self, key: &str, values: impl IntoIterator<Item = &'a str>) -> &mut Self {
        self.raw(key, &json_texts(values))
    }

    /// The object's text.
    pub fn finish(&mut self) -> String {
        let mut out = std::mem::take(&mut self.0);
        if out.is_empty() {
            out.push(b'{');
        }
        out.push(b'}');
        // Only UTF-8 text and ASCII punctuation were written.
        String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }
}

/// A JSON array of strings.
pub fn json_texts<'a>(values: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = vec![b'['];
    for (i, value) in values.into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_json_string(value.as_bytes(), &mut out);
    }
    out.push(b']');
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// A JSON array of items that are already JSON text.
pub fn json_array(items: impl IntoIterator<Item = String>) -> String {
    let mut out = String::from("[");
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&item);
    }
    out.push(']');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_object_is_the_json_serde_json_writes() {
        let mut object = JsonObject::new();
        object
            .text("a \"key\"", "line\nbreak ä")
            .opt_text("none", None)
            .opt_text("some", Some("x"))
            .flag("no", false)
            .number("max", u64::MAX)
            .opt_number("nothing", None)
            .texts("list", ["1", "\\"])
            .texts("empty", []);
        let expected = serde_json::json!({
            "a \"key\"": "line\nbreak ä", "none": null, "some": "x", "no": false, "max": u64::MAX,
            "nothing": null, "list": ["1", "\\"], "empty": [],
        });
        let written: serde_json::Value = serde_json::from_str(&object.finish()).unwrap();
        assert_eq!(written, expected);
        assert_eq!(JsonObject::new().finish(), "{}");
        assert_eq!(json_array(Vec::new()), "[]");
        assert_eq!(json_texts(["a", "\""]), r#"["a","\""]"#);
        assert_eq!(json_array(["{}".to_owned(), "1".to_owned()]), "[{},1]");
    }

    #[test]
    fn escapes_like_serde_json() {
        for s in [
            "",
            "plain ascii text of some length",
            "quote \" inside a long enough string",
            "back\\slash",
            "tab\tnew\nline\r\u{1}\u{1f}",
            "ääkköset ja € merkit, pitkä teksti",
            "0123456\"",
            "\"01234567",
            "01234567\\",
            "01234567\u{7f}89\"",
        ] {
            let mut out = Vec::new();
            write_json_string(s.as_bytes(), &mut out);
            assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn every_length_and_position() {
        for len in 0..40 {
            for at in 0..=len {
                for special in ["\"", "\\", "\n", "\u{0}", "ä", "€"] {
                    let s: String = (0..len).map(|i| if i == at { special } else { "a" }).collect();
                    let mut out = Vec::new();
                    write_json_string(s.as_bytes(), &mut out);
                    assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(&s).unwrap(), "{s:?}");
                }
            }
        }
    }
}
