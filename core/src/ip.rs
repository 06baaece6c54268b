//! IP addresses in their text forms, read by hand: the same forms std's `IpAddr` parser takes,
//! without its general parser (1.4 KB of the npm package's WebAssembly, gzipped).

/// The four numbers of a dotted-decimal IPv4 address: each 0 to 255, without leading zeros.
pub(crate) fn ipv4(text: &str) -> Option<[u8; 4]> {
    let mut octets = [0u8; 4];
    let mut parts = text.split('.');
    for octet in &mut octets {
        let part = parts.next()?;
        let leading_zero = part.len() > 1 && part.starts_with('0');
        if part.is_empty() || part.len() > 3 || leading_zero || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        *octet = part.parse().ok()?;
    }
    parts.next().is_none().then_some(octets)
}

/// Whether `text` is an IPv6 address: eight groups of one to four hex digits separated by
/// colons, of which one run of one or more may be left out as `::`, and the last two may be
/// written as an IPv4 address.
fn is_ipv6(text: &str) -> bool {
    // The groups of one side of `::` (or of the whole address), an IPv4 address counting as two;
    // `None` when one is malformed or an IPv4 address is not last (`v4_last`: may it be here).
    let groups = |side: &str, v4_last: bool| -> Option<usize> {
        if side.is_empty() {
            return Some(0);
        }
        let parts: Vec<&str> = side.split(':').collect();
        let mut count = 0;
        for (i, part) in parts.iter().enumerate() {
            if v4_last && i + 1 == parts.len() && part.contains('.') {
                ipv4(part)?;
                count += 2;
            } else if (1..=4).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_hexdigit()) {
                count += 1;
            } else {
                return None;
            }
        }
        Some(count)
    };
    match crate::find::split_once(text, "::") {
        None => groups(text, true) == Some(8),
        Some((head, tail)) => match (groups(head, false), groups(tail, true)) {
            (Some(h), Some(t)) => h + t <= 7,
            _ => false,
        },
    }
}

/// Whether `text` is an IPv4 or IPv6 address.
pub(crate) fn is_ip_address(text: &str) -> bool {
    ipv4(text).is_some() || is_ipv6(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same verdict as std's parser, on every string it is given.
    fn agrees(text: &str) {
        assert_eq!(is_ip_address(text), text.parse::<std::net::IpAddr>().is_ok(), "{text:?}");
        assert_eq!(ipv4(text), text.parse::<std::net::Ipv4Addr>().ok().map(|ip| ip.octets()), "{text:?}");
    }

    #[test]
    fn reads_what_std_reads() {
        for text in [
            "127.0.0.1",
            "0.0.0.0",
            "255.255.255.255",
            "256.1.1.1",
            "01.2.3.4",
            "1.2.3",
            "1.2.3.4.5",
            "1..3.4",
            "1.2.3.4 ",
            " 1.2.3.4",
            "+1.2.3.4",
            "1.2.3.04",
            "::",
            "::1",
            "1::",
            "1:2:3:4:5:6:7:8",
            "1:2:3:4:5:6:7",
            "1:2:3:4:5:6:7:8:9",
            "1::8",
            "1:2:3:4:5:6:7::",
            "::2:3:4:5:6:7:8",
            "1:2:3:4:5:6::7:8",
            ":::",
            "1:::2",
            "1::2::3",
            "::ffff:1.2.3.4",
            "1:2:3:4:5:6:1.2.3.4",
            "1:2:3:4:5:6:7:1.2.3.4",
            "1.2.3.4::",
            "::1.2.3.4",
            "1:2:3:4:5::1.2.3.4",
            "1:2:3:4:5:6::1.2.3.4",
            "12345::",
            "abcd:EF01::",
            "g::",
            ":1::",
            "1::1:",
            "",
            "0:0:0:0:0:0:0:0",
            "00000::",
            "::0.0.0.0",
            "::1.2.3.4:5",
            "1.2.3.4:5::",
            "fe80::1%eth0",
            "[::1]",
        ] {
            agrees(text);
        }
    }

    #[test]
    fn reads_what_std_reads_on_generated_text() {
        // Every string of up to 5 characters from a small alphabet, then longer ones from a
        // simple generator.
        let alphabet = ['0', '1', 'f', ':', '.'];
        let mut texts = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> =
                texts.iter().flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}"))).collect();
            longer.iter().for_each(|t| agrees(t));
            texts = longer;
        }
        let pieces = ["1", "ff", "0", "255", "256", "abcd", "12345", "1.2.3.4", "09", ":", "::", "."];
        let mut state = 7u64;
        let mut next = || {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (state >> 33) as usize
        };
        for _ in 0..100_000 {
            let text: String = (0..next() % 12).map(|_| pieces[next() % pieces.len()]).collect();
            agrees(&text);
        }
    }
}
