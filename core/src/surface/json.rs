//! Writing JSON strings, for bindings that turn host values into JSON text themselves.

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

#[cfg(test)]
mod tests {
    use super::*;

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
