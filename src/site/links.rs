//! Where a page links to: the server's routes (`/P?lang=en`), or the files of a static site
//! (`ROOT/P.en.html`). The pages ask this one type for every link, so the same page code
//! writes both. [`file_stem`] is the only place an IRI's path becomes a file name.

use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};

use crate::draw::Lang;

/// What a path segment keeps unencoded in a link (RFC 3986 `pchar` without `%`).
const SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}')
    .add(b'/');

/// Longest path segment written as a file name, in bytes (file systems allow 255; the
/// suffixes need the rest).
const MAX_SEGMENT: usize = 200;

/// How links are written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Links {
    /// The server: absolute paths on it, the language as `?lang=`.
    Server,
    /// A static site served at the path `root` (starts and ends with `/`): every page a file
    /// with its suffix, English pages `.en.html`.
    Static {
        root: String,
        /// A SPARQL endpoint to advertise (the site itself has none).
        sparql: Option<String>,
    },
}

/// `""` for Japanese pages, `".en"` for English ones.
pub fn lang_suffix(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "",
        Lang::En => ".en",
    }
}

/// The file stem (path without suffix, relative to the site's root) of the document part
/// `doc` of an IRI under the base, or `None` when it cannot be a file safely: an empty path
/// or segment, `.` or `..`, a query string, an encoded `/`, `\`, `%`, `?` or `#`, a control
/// character, invalid UTF-8, a segment longer than 200 bytes. Percent-encoding is decoded per segment,
/// so the web server (which decodes the request path) finds the file.
pub fn file_stem(doc: &str) -> Option<String> {
    if doc.is_empty() || doc.contains('?') || doc.ends_with('/') {
        return None;
    }
    let mut out = Vec::new();
    for seg in doc.split('/') {
        let decoded = percent_encoding::percent_decode_str(seg)
            .decode_utf8()
            .ok()?
            .into_owned();
        let bad = decoded.is_empty()
            || decoded == "."
            || decoded == ".."
            || decoded.len() > MAX_SEGMENT
            // `%`, `?` and `#` in a file name: a web server that parses the rewritten path
            // again (Apache) would read them as an escape, a query or a fragment
            || decoded
                .chars()
                .any(|c| matches!(c, '/' | '\\' | '%' | '?' | '#') || c.is_control());
        if bad {
            return None;
        }
        out.push(decoded);
    }
    Some(out.join("/"))
}

/// `iri` when a browser may follow it safely, else `#`.
fn safe_external(iri: &str) -> String {
    let scheme = iri.split(':').next().unwrap_or("").to_ascii_lowercase();
    if matches!(scheme.as_str(), "http" | "https" | "urn" | "mailto") {
        iri.to_owned()
    } else {
        "#".to_owned()
    }
}

/// `stem` as a URL path: each segment percent-encoded.
fn encode(stem: &str) -> String {
    stem.split('/')
        .map(|s| utf8_percent_encode(s, SEGMENT).to_string())
        .collect::<Vec<_>>()
        .join("/")
}

impl Links {
    /// Links of a static site served at the path of `public_url` (`https://h/kg/` → `/kg/`).
    pub fn for_site(public_url: &str, sparql: Option<String>) -> Links {
        let after_scheme = public_url.split_once("://").map_or(public_url, |(_, r)| r);
        let path = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
        let path = path.split(['?', '#']).next().unwrap_or("/");
        let mut root = path.to_owned();
        if !root.ends_with('/') {
            root.push('/');
        }
        Links::Static { root, sparql }
    }

    /// Whether this is a static site.
    pub fn is_static(&self) -> bool {
        matches!(self, Links::Static { .. })
    }

    /// The link to `iri`: a page of this site when the IRI is under `base` (and, on a static
    /// site, can be a file), else the IRI itself.
    /// An IRI of another scheme than http(s), urn or mailto (`javascript:`…) is no link:
    /// `#`.
    pub fn resource(&self, base: &str, iri: &str, lang: Lang) -> String {
        let Some(path) = iri.strip_prefix(base).filter(|p| !p.is_empty()) else {
            return safe_external(iri);
        };
        // the query goes before a fragment: /def?lang=en#Program, the term's anchor on /def
        let (doc, frag) = path
            .split_once('#')
            .map_or((path, None), |(d, f)| (d, Some(f)));
        let mut h = match self {
            Links::Server => format!("/{doc}?lang={}", lang.tag()),
            Links::Static { root, .. } => match file_stem(doc) {
                Some(stem) => format!("{root}{}{}.html", encode(&stem), lang_suffix(lang)),
                None => return safe_external(iri),
            },
        };
        if let Some(f) = frag {
            h.push('#');
            h.push_str(f);
        }
        h
    }

    /// The path of `iri`'s other representations without their suffix (`.ttl`, `.nt`…).
    pub fn formats(&self, base: &str, iri: &str) -> Option<String> {
        let doc = iri.strip_prefix(base)?.split('#').next()?;
        match self {
            Links::Server => Some(format!("/{doc}")),
            Links::Static { root, .. } => Some(format!("{root}{}", encode(&file_stem(doc)?))),
        }
    }

    /// The index page.
    pub fn home(&self, lang: Lang) -> String {
        match self {
            Links::Server => format!("/?lang={}", lang.tag()),
            Links::Static { root, .. } => format!("{root}index{}.html", lang_suffix(lang)),
        }
    }

    /// A file of `assets/`.
    pub fn asset(&self, name: &str) -> String {
        match self {
            Links::Server => format!("/assets/{name}"),
            Links::Static { root, .. } => format!("{root}assets/{name}"),
        }
    }

    /// Where the search box sends its `q`.
    pub fn search_action(&self, lang: Lang) -> String {
        match self {
            Links::Server => "/search".to_owned(),
            Links::Static { root, .. } => format!("{root}search{}.html", lang_suffix(lang)),
        }
    }

    /// The search page for `q`.
    pub fn search(&self, q: &str, lang: Lang) -> String {
        format!(
            "{}?q={}&lang={}",
            self.search_action(lang),
            super::pages::url_value(q),
            lang.tag()
        )
    }

    /// The query page (the server only: a static site has no endpoint of its own).
    pub fn query(&self, lang: Lang, q: Option<&str>) -> Option<String> {
        match self {
            Links::Server => Some(match q {
                Some(q) => format!(
                    "/query?lang={}&q={}",
                    lang.tag(),
                    super::pages::url_value(q)
                ),
                None => format!("/query?lang={}", lang.tag()),
            }),
            Links::Static { .. } => None,
        }
    }

    /// The SPARQL endpoint, when there is one.
    pub fn sparql(&self) -> Option<String> {
        match self {
            Links::Server => Some("/sparql".to_owned()),
            Links::Static { sparql, .. } => sparql.clone(),
        }
    }

    /// The reconciliation report page.
    pub fn report(&self, lang: Lang) -> String {
        match self {
            Links::Server => format!("/report?lang={}", lang.tag()),
            Links::Static { root, .. } => format!("{root}report{}.html", lang_suffix(lang)),
        }
    }

    /// The dataset description (VoID and DCAT), in Turtle.
    pub fn void(&self) -> String {
        match self {
            Links::Server => "/.well-known/void".to_owned(),
            Links::Static { root, .. } => format!("{root}.well-known/void.ttl"),
        }
    }

    /// A dump of the whole graph.
    pub fn dump(&self, ext: &str) -> String {
        match self {
            Links::Server => format!("/dumps/medrd-kg.{ext}"),
            Links::Static { root, .. } => format!("{root}dumps/medrd-kg.{ext}"),
        }
    }

    /// A budget chart (`projects`, `ministries`…).
    pub fn chart(&self, kind: &str, lang: Lang) -> String {
        match self {
            Links::Server => format!("/chart/{kind}.svg?lang={}", lang.tag()),
            Links::Static { root, .. } => format!("{root}chart/{kind}{}.svg", lang_suffix(lang)),
        }
    }

    /// The neighbourhood picture of `iri`.
    pub fn neighbourhood(&self, base: &str, iri: &str, lang: Lang) -> Option<String> {
        match self {
            Links::Server => Some(format!(
                "/viz/neighbourhood.svg?iri={}&lang={}",
                super::pages::url_value(iri),
                lang.tag()
            )),
            Links::Static { root, .. } => {
                let doc = iri.strip_prefix(base)?.split('#').next()?;
                Some(format!(
                    "{root}viz/{}{}.svg",
                    encode(&file_stem(doc)?),
                    lang_suffix(lang)
                ))
            }
        }
    }

    /// Page `k` of the inverse links by `property` on the page at `path`; `None` on a static
    /// site, whose pages list every inverse link.
    pub fn inverse_page(&self, path: &str, lang: Lang, property: &str, k: usize) -> Option<String> {
        match self {
            Links::Server => Some(format!(
                "{path}?lang={}&inv={}&page={k}",
                lang.tag(),
                super::pages::url_value(property)
            )),
            Links::Static { .. } => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_paths_are_not_files() {
        for doc in [
            "", "a/", "a//b", "./a", "a/..", "%2e%2e/x", "a%2Fb", "a%5Cb", "a%00b", "a%0Ab",
            "a?x=1", "%FF", "a%25b", "a%3Fb", "a%23b",
        ] {
            assert_eq!(file_stem(doc), None, "{doc:?}");
        }
        assert_eq!(file_stem(&"x".repeat(201)), None);
        assert_eq!(
            file_stem("project/2026/1").as_deref(),
            Some("project/2026/1")
        );
        assert_eq!(
            file_stem("ministry/%E5%8E%9A%E5%8A%B4").as_deref(),
            Some("ministry/厚労")
        );
    }

    #[test]
    fn static_links_are_files_under_the_root() {
        let l = Links::for_site("https://example.org/kg", None);
        let base = "https://w3id.org/medrd/";
        assert_eq!(
            l.resource(base, "https://w3id.org/medrd/project/2026/1", Lang::En),
            "/kg/project/2026/1.en.html"
        );
        assert_eq!(
            l.resource(base, "https://w3id.org/medrd/def#Program", Lang::Ja),
            "/kg/def.html#Program"
        );
        assert_eq!(
            l.resource(base, "https://w3id.org/medrd/a%20b?c", Lang::Ja),
            "https://w3id.org/medrd/a%20b?c"
        );
        assert_eq!(
            l.resource(base, "https://w3id.org/medrd/x/a b", Lang::Ja),
            "/kg/x/a%20b.html"
        );
        assert_eq!(
            l.resource(base, "http://other/x", Lang::Ja),
            "http://other/x"
        );
        // no javascript: (or other scheme) link, on the site or the server
        assert_eq!(l.resource(base, "javascript:alert(1)", Lang::Ja), "#");
        assert_eq!(
            Links::Server.resource(base, "JavaScript:alert(1)", Lang::Ja),
            "#"
        );
        assert_eq!(l.home(Lang::En), "/kg/index.en.html");
        assert_eq!(l.query(Lang::Ja, None), None);
        assert_eq!(
            Links::for_site("http://h:8080", None).home(Lang::Ja),
            "/index.html"
        );
    }

    #[test]
    fn server_links_keep_the_language_in_the_query() {
        let base = "https://w3id.org/medrd/";
        assert_eq!(
            Links::Server.resource(base, "https://w3id.org/medrd/def#Program", Lang::En),
            "/def?lang=en#Program"
        );
    }
}
