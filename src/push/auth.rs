//! HTTP authentication for `push`: Basic (RFC 7617) and Digest with MD5 and `qop=auth`
//! (RFC 7616 / RFC 2617), answered to the challenge the store sends.

use base64::Engine as _;
use md5::{Digest as _, Md5};

/// A challenge of `WWW-Authenticate`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Challenge {
    Basic,
    Digest {
        realm: String,
        nonce: String,
        opaque: Option<String>,
        /// `qop` offers `auth`.
        qop_auth: bool,
        algorithm: Option<String>,
    },
}

impl Challenge {
    /// The scheme's name, for messages.
    pub fn scheme(&self) -> &'static str {
        match self {
            Challenge::Basic => "Basic",
            Challenge::Digest { .. } => "Digest",
        }
    }
}

/// The best challenge among the `WWW-Authenticate` values: Digest (MD5) before Basic.
pub fn parse_challenges<'a>(values: impl Iterator<Item = &'a str>) -> Option<Challenge> {
    let mut basic = false;
    for v in values {
        let v = v.trim();
        let (scheme, rest) = v.split_once(' ').unwrap_or((v, ""));
        if scheme.eq_ignore_ascii_case("basic") {
            basic = true;
        } else if scheme.eq_ignore_ascii_case("digest") {
            let p = params(rest);
            let get = |k: &str| {
                p.iter()
                    .find(|(n, _)| n.eq_ignore_ascii_case(k))
                    .map(|(_, v)| v.clone())
            };
            let algorithm = get("algorithm");
            if algorithm
                .as_deref()
                .is_some_and(|a| !a.eq_ignore_ascii_case("md5"))
            {
                continue;
            }
            let (Some(realm), Some(nonce)) = (get("realm"), get("nonce")) else {
                continue;
            };
            return Some(Challenge::Digest {
                realm,
                nonce,
                opaque: get("opaque"),
                qop_auth: get("qop")
                    .is_some_and(|q| q.split(',').any(|x| x.trim().eq_ignore_ascii_case("auth"))),
                algorithm,
            });
        }
    }
    basic.then_some(Challenge::Basic)
}

/// `k=v, k="v, w"` parameters.
fn params(s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| *c == ',' || c.is_whitespace()) {
            chars.next();
        }
        let key: String =
            std::iter::from_fn(|| chars.next_if(|c| *c != '=' && *c != ',')).collect();
        if key.is_empty() {
            break;
        }
        if chars.next() != Some('=') {
            continue;
        }
        let mut value = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => {
                        if let Some(n) = chars.next() {
                            value.push(n);
                        }
                    }
                    '"' => break,
                    c => value.push(c),
                }
            }
        } else {
            value = std::iter::from_fn(|| chars.next_if(|c| *c != ',')).collect();
            value = value.trim().to_owned();
        }
        out.push((key.trim().to_owned(), value));
    }
    out
}

fn md5_hex(s: &str) -> String {
    Md5::digest(s.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The `Authorization` value answering `challenge` for `method` on `uri` (the request
/// target: path and query), the `nc`-th use of its nonce, with the client nonce `cnonce`.
pub fn authorization(
    challenge: &Challenge,
    user: &str,
    password: &str,
    method: &str,
    uri: &str,
    nc: u32,
    cnonce: &str,
) -> String {
    match challenge {
        Challenge::Basic => format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"))
        ),
        Challenge::Digest {
            realm,
            nonce,
            opaque,
            qop_auth,
            algorithm,
        } => {
            let ha1 = md5_hex(&format!("{user}:{realm}:{password}"));
            let ha2 = md5_hex(&format!("{method}:{uri}"));
            let nc = format!("{nc:08x}");
            let q = |s: &str| s.replace('\\', "\\\\").replace('"', "\\\"");
            let mut h = format!(
                "Digest username=\"{}\", realm=\"{}\", nonce=\"{}\", uri=\"{}\"",
                q(user),
                q(realm),
                q(nonce),
                q(uri)
            );
            if *qop_auth {
                let response = md5_hex(&format!("{ha1}:{nonce}:{nc}:{cnonce}:auth:{ha2}"));
                h.push_str(&format!(
                    ", qop=auth, nc={nc}, cnonce=\"{}\", response=\"{response}\"",
                    q(cnonce)
                ));
            } else {
                let response = md5_hex(&format!("{ha1}:{nonce}:{ha2}"));
                h.push_str(&format!(", response=\"{response}\""));
            }
            if let Some(o) = opaque {
                h.push_str(&format!(", opaque=\"{}\"", q(o)));
            }
            if let Some(a) = algorithm {
                h.push_str(&format!(", algorithm={a}"));
            }
            h
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example of RFC 2617 §3.5: Mufasa, "Circle Of Life".
    #[test]
    fn digest_matches_the_rfc_example() {
        let c = parse_challenges(
            [r#"Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41""#]
                .into_iter(),
        )
        .unwrap();
        let h = authorization(
            &c,
            "Mufasa",
            "Circle Of Life",
            "GET",
            "/dir/index.html",
            1,
            "0a4f113b",
        );
        assert!(
            h.contains("response=\"6629fae49393a05397450978507c4ef1\""),
            "{h}"
        );
        assert!(h.contains("nc=00000001"));
        assert!(h.contains("opaque=\"5ccc069c403ebaf9f0171e9517f40e41\""));
    }

    /// RFC 7617 §2: Aladdin, "open sesame".
    #[test]
    fn basic_matches_the_rfc_example() {
        let c = parse_challenges(["Basic realm=\"WallyWorld\""].into_iter()).unwrap();
        assert_eq!(
            authorization(&c, "Aladdin", "open sesame", "GET", "/", 1, ""),
            "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="
        );
    }

    #[test]
    fn digest_is_preferred_and_other_algorithms_skipped() {
        let c = parse_challenges(
            [
                "Basic realm=\"r\"",
                "Digest realm=\"r\", nonce=\"n\", algorithm=SHA-256",
            ]
            .into_iter(),
        );
        assert_eq!(c, Some(Challenge::Basic));
        let c =
            parse_challenges(["Basic realm=\"r\"", "Digest realm=\"r\", nonce=\"n\""].into_iter());
        assert_eq!(c.map(|c| c.scheme()), Some("Digest"));
    }
}
