//! Finding a piece of text in text, byte by byte.
//!
//! lasku looks for short fixed pieces (`" at line "`, `"::"`, `"://"`) in short texts. The
//! standard library's substring search (`str::find` with a `&str`) is a two-way searcher built
//! for long texts, and its code is a noticeable part of the WebAssembly module (1.7 KB
//! gzipped), so these plain searches are used instead. Searches for one character keep using
//! the standard library's `char` patterns, which are small.

/// The byte index at which `needle` first occurs in `hay`.
pub(crate) fn find(hay: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.as_bytes().windows(needle.len()).position(|window| window == needle.as_bytes())
}

/// The byte index at which `needle` last occurs in `hay`.
pub(crate) fn rfind(hay: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return Some(hay.len());
    }
    hay.as_bytes().windows(needle.len()).rposition(|window| window == needle.as_bytes())
}

/// `hay` split around the first `needle`: the text before it and the text after it.
pub(crate) fn split_once<'a>(hay: &'a str, needle: &str) -> Option<(&'a str, &'a str)> {
    let at = find(hay, needle)?;
    Some((hay.get(..at)?, hay.get(at + needle.len()..)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_standard_library() {
        let hays = ["", "a", "::", "a::b::c", "x at line 1 column 2 at line 3 column 4", "ääkkönen::ö", "::::", "ab"];
        let needles = ["", ":", "::", " at line ", " column ", "ö", "::::", "abc", "b"];
        for hay in hays {
            for needle in needles {
                assert_eq!(find(hay, needle), hay.find(needle), "find {needle:?} in {hay:?}");
                assert_eq!(rfind(hay, needle), hay.rfind(needle), "rfind {needle:?} in {hay:?}");
                assert_eq!(split_once(hay, needle), hay.split_once(needle), "split {hay:?} at {needle:?}");
            }
        }
    }
}
