//! Small helpers shared by the Finnish identifier modules (not public).

/// The characters of `input` that matter, each with its 1-based position in the original input.
///
/// Whitespace is always skipped; `separators` lists further characters to skip (e.g. `-`).
/// Letters are upper-cased, so positions in error messages still point at what the user typed.
pub(crate) fn significant(input: &str, separators: &[char]) -> Vec<(usize, char)> {
    input
        .chars()
        .enumerate()
        .filter(|(_, c)| !c.is_whitespace() && !separators.contains(c))
        .map(|(i, c)| (i + 1, c.to_ascii_uppercase()))
        .collect()
}

/// Collects the characters of [`significant`] output into a string.
pub(crate) fn to_string(chars: &[(usize, char)]) -> String {
    chars.iter().map(|&(_, c)| c).collect()
}

/// The first character that is not an ASCII letter or digit, with its position.
pub(crate) fn first_non_alphanumeric(chars: &[(usize, char)]) -> Option<(usize, char)> {
    chars.iter().copied().find(|&(_, c)| !c.is_ascii_alphanumeric())
}

/// The first character that is not an ASCII digit, with its position.
pub(crate) fn first_non_digit(chars: &[(usize, char)]) -> Option<(usize, char)> {
    chars.iter().copied().find(|&(_, c)| !c.is_ascii_digit())
}

/// ISO 7064 mod 97-10 remainder of an alphanumeric string, letters counting as 10..=35.
///
/// Returns `None` if a character is not an ASCII letter or digit. Works for any length
/// because the remainder is folded in digit by digit.
pub(crate) fn mod97(text: &str) -> Option<u32> {
    let mut rem: u32 = 0;
    for c in text.chars() {
        let value = c.to_digit(36)?;
        rem = if value < 10 { (rem * 10 + value) % 97 } else { (rem * 100 + value) % 97 };
    }
    Some(rem)
}

/// Check digits (`02`..=`98`) that make `body + prefix + check` satisfy mod 97 = 1.
///
/// Used for IBAN (`prefix` = country code) and RF (`prefix` = `RF`).
pub(crate) fn mod97_check_digits(body: &str, prefix: &str) -> Option<String> {
    let rem = mod97(&format!("{body}{prefix}00"))?;
    Some(format!("{:02}", 98 - rem))
}

/// Groups `text` into blocks of `size` separated by one space.
///
/// With `from_right`, the first group is the short one (`12 34561`); otherwise the last
/// (`RF18 5390 0754 70Y`).
pub(crate) fn group(text: &str, size: usize, from_right: bool) -> String {
    let chars: Vec<char> = text.chars().collect();
    let size = size.max(1);
    let head = if from_right { chars.len() % size } else { 0 };
    let mut out = String::with_capacity(chars.len() + chars.len() / size + 1);
    for (i, c) in chars.iter().enumerate() {
        if i > 0 && (i + size - head) % size == 0 {
            out.push(' ');
        }
        out.push(*c);
    }
    out
}

/// Describes a character for an error message: `'A'`, or `U+00A0` for invisible ones.
pub(crate) fn show(c: char) -> String {
    if c.is_control() || c.is_whitespace() {
        format!("U+{:04X}", u32::from(c))
    } else {
        format!("'{c}'")
    }
}
