//! `medrd-kg publish`: the server's pages and per-resource files written out as a static
//! linked-data site that any web server can serve, with the configuration for content
//! negotiation (nginx and Apache).
//!
//! Every document of the graph (an IRI under the base, without fragment) becomes
//! `P.html`, `P.en.html`, `P.ttl`, `P.jsonld`, `P.nt`, `P.rdf` and its neighbourhood
//! picture `viz/P.svg` (`viz/P.en.svg`). Beside them: the index, search and report pages
//! in both languages, the 404 pages, `assets/` (CSS, JS, the search index), `dumps/`,
//! `chart/`, VoID under `.well-known/`, `sitemap.xml`, `robots.txt`, `nginx-maps.conf`,
//! `nginx.conf`, `.htaccess` and `.nojekyll`.
//!
//! Nothing is written outside `--out`: file names come from [`super::links::file_stem`]
//! only, and every file is claimed before anything is written, so that no two documents
//! share a file and no file stands where another needs a folder; a document that cannot be
//! a file is left out and reported. The site is written into a new folder beside `--out`
//! and swapped in at the end: the previous site stays whole until then, and a folder that
//! is not a site (not empty, no `.medrd-kg-site` marker) is never replaced.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;

use oxigraph::model::NamedNode;

use super::links::{file_stem, lang_suffix, Links};
use super::webconf::RESOURCE_FORMATS;
use super::{pages, Site};
use crate::draw::Lang;
use crate::error::{Error, Result};

/// The file that marks a folder as a site `publish` wrote (and may replace).
pub const MARKER: &str = ".medrd-kg-site";

/// The most URLs in one sitemap file (sitemaps.org).
const SITEMAP_MAX: usize = 50_000;

/// What to publish, and where.
#[derive(Debug, Clone)]
pub struct PublishOptions {
    pub store: PathBuf,
    pub out: PathBuf,
    /// The base the data's IRIs are minted under (default: the store's `void:uriSpace`).
    pub base: Option<String>,
    /// Where the site will be served (default: the base). Its path is the site's root on
    /// the web server: every link of the pages starts with it.
    pub public_url: Option<String>,
    /// A SPARQL endpoint to advertise in the pages and VoID (the site has none of its own).
    pub sparql: Option<String>,
    /// Data and ontology folders, for the reconciliation report page (skipped when absent).
    pub data: PathBuf,
    pub ontology: PathBuf,
    /// Threads writing pages (0: one per core).
    pub jobs: usize,
}

/// What was written.
#[derive(Debug, Clone, Default)]
pub struct PublishReport {
    /// Documents written with their pages and files.
    pub resources: usize,
    pub files: usize,
    pub bytes: u64,
    /// Documents left out, and charts that could not be drawn, with why.
    pub skipped: Vec<String>,
    /// Documents without a neighbourhood picture (nothing to draw around them).
    pub without_picture: usize,
    /// The URL the site is published for, ending with `/`.
    pub public_url: String,
}

/// Publishes the store at `opts.store` into `opts.out`.
pub fn publish(opts: &PublishOptions) -> Result<PublishReport> {
    if opts.out.file_name().is_none() {
        return Err(Error::Choice {
            what: "--out",
            value: opts.out.display().to_string(),
            choices: "a folder named by its path, such as site or ../www/medrd-kg (not ., .. or /)"
                .to_owned(),
        });
    }
    check_target(&opts.out)?;
    let mut site = Site::open(
        &opts.store,
        opts.base.as_deref(),
        &opts.data,
        &opts.ontology,
        Links::Server,
    )?;
    let mut public = opts.public_url.clone().unwrap_or_else(|| site.base.clone());
    if let Some(i) = public.find('#') {
        public.truncate(i);
    }
    if !public.ends_with('/') {
        public.push('/');
    }
    check_public_url(&public)?;
    if let Some(sparql) = &opts.sparql {
        if !(sparql.starts_with("http://") || sparql.starts_with("https://"))
            || NamedNode::new(sparql).is_err()
        {
            return Err(Error::Choice {
                what: "--sparql",
                value: sparql.clone(),
                choices: "an absolute http(s) URL such as https://example.org/sparql".to_owned(),
            });
        }
    }
    site.links = Links::for_site(&public, opts.sparql.clone());
    let tmp = temp_dir(&opts.out)?;
    let result = write_site(&site, &public, opts, &tmp).and_then(|report| {
        swap(&tmp, &opts.out)?;
        Ok(report)
    });
    match result {
        Ok(mut report) => {
            report.public_url = public;
            Ok(report)
        }
        Err(e) => {
            let _ = std::fs::remove_dir_all(&tmp);
            Err(e)
        }
    }
}

/// A URL the site can be served at: http(s), no query, a path the web server
/// configuration can name as it is (`[A-Za-z0-9._~/-]`).
fn check_public_url(public: &str) -> Result<()> {
    let refuse = || {
        Error::Choice {
        what: "--public-url",
        value: public.to_owned(),
        choices: "an absolute http(s) URL without query whose path has only letters, digits and . _ ~ - /, such as https://example.org/medrd-kg/".to_owned(),
    }
    };
    let rest = public
        .strip_prefix("https://")
        .or_else(|| public.strip_prefix("http://"))
        .ok_or_else(refuse)?;
    let path = rest.find('/').map_or("/", |i| &rest[i..]);
    let plain = path
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '~' | '-' | '/'));
    if !plain
        || path.split('/').any(|seg| seg == "." || seg == "..")
        || NamedNode::new(public).is_err()
    {
        return Err(refuse());
    }
    Ok(())
}

/// `out` may be written: absent, an empty folder, or a site `publish` wrote.
fn check_target(out: &Path) -> Result<()> {
    let meta = match std::fs::symlink_metadata(out) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Error::read(out, e)),
    };
    if !meta.is_dir() {
        return Err(Error::NotASite {
            path: out.to_owned(),
            why: "it is not a folder",
        });
    }
    if out.join(MARKER).is_file() {
        return Ok(());
    }
    let mut entries = std::fs::read_dir(out).map_err(|e| Error::read(out, e))?;
    if entries.next().is_some() {
        return Err(Error::NotASite {
            path: out.to_owned(),
            why: "the folder is not empty and is not a site medrd-kg published (it has no .medrd-kg-site)",
        });
    }
    Ok(())
}

/// A new folder beside `out`, with the permissions of a folder the user creates.
fn temp_dir(out: &Path) -> Result<PathBuf> {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(|e| Error::io("create", &parent, e))?;
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "site".to_owned());
    let dir = tempfile::Builder::new()
        .prefix(&format!(".{name}.publishing-"))
        .tempdir_in(&parent)
        .map_err(|e| Error::io("create a folder in", &parent, e))?
        .keep();
    // tempfile makes it 0700; a site is read by the web server's user
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let probe = parent.join(format!(".{name}.publishing-mode"));
        let mode = match std::fs::create_dir(&probe) {
            Ok(()) => {
                let m = std::fs::metadata(&probe).map(|m| m.permissions().mode() & 0o777);
                let _ = std::fs::remove_dir(&probe);
                m.unwrap_or(0o755)
            }
            Err(_) => 0o755,
        };
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(mode))
            .map_err(|e| Error::io("set the permissions of", &dir, e))?;
    }
    Ok(dir)
}

/// Puts `tmp` where `out` is; the old site goes only once the new one is in place.
fn swap(tmp: &Path, out: &Path) -> Result<()> {
    if out.exists() {
        // beside the new site, named after it: unique, and never a leftover of another run
        let old = PathBuf::from(format!("{}.old", tmp.display()));
        std::fs::rename(out, &old).map_err(|e| Error::io("move aside", out, e))?;
        if let Err(e) = std::fs::rename(tmp, out) {
            let _ = std::fs::rename(&old, out);
            return Err(Error::io("move the new site to", out, e));
        }
        std::fs::remove_dir_all(&old).map_err(|e| Error::io("remove", &old, e))?;
    } else {
        std::fs::rename(tmp, out).map_err(|e| Error::io("move the new site to", out, e))?;
    }
    Ok(())
}

/// What stands at a path of the site.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Claim {
    File,
    Dir,
}

/// Paths of the site taken so far.
#[derive(Default)]
struct Claims(HashMap<String, Claim>);

impl Claims {
    /// Whether `files` can all be written: none taken, none where a folder is needed, no
    /// folder needed where a file is. Takes them when they can.
    fn take(&mut self, files: &[String]) -> std::result::Result<(), String> {
        let mut wanted: HashMap<&str, Claim> = HashMap::new();
        for f in files {
            let mut at = 0;
            while let Some(i) = f[at..].find('/') {
                let dir = &f[..at + i];
                if self.0.get(dir) == Some(&Claim::File) || wanted.get(dir) == Some(&Claim::File) {
                    return Err(format!(
                        "{dir} is a file of the site, and {f} needs it as a folder"
                    ));
                }
                wanted.insert(dir, Claim::Dir);
                at += i + 1;
            }
            if self.0.contains_key(f.as_str()) || wanted.contains_key(f.as_str()) {
                return Err(format!("{f} is already a file or folder of the site"));
            }
            wanted.insert(f, Claim::File);
        }
        for (k, v) in wanted {
            self.0.insert(k.to_owned(), v);
        }
        Ok(())
    }
}

/// Writes files under a root, counting them.
struct Writer<'a> {
    root: &'a Path,
    files: AtomicUsize,
    bytes: AtomicU64,
}

impl Writer<'_> {
    /// Writes `bytes` at `rel` (a claimed path of `/`-separated plain segments).
    fn put(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        let mut path = self.root.to_path_buf();
        for seg in rel.split('/') {
            let p = Path::new(seg);
            // file_stem guarantees it; checked again where the file is made
            if p.components().count() != 1
                || !matches!(p.components().next(), Some(std::path::Component::Normal(_)))
            {
                return Err(Error::internal(
                    format!("a path of the site that is not plain: {rel:?}"),
                    "site writer",
                ));
            }
            path.push(p);
        }
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io("create", dir, e))?;
        }
        std::fs::write(&path, bytes).map_err(|e| Error::write(path.display().to_string(), e))?;
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(bytes.len() as u64, Ordering::Relaxed);
        Ok(())
    }
}

/// One document to write: its IRI and file stem.
struct Doc {
    iri: NamedNode,
    stem: String,
}

/// The files of the site itself, beside the documents'.
fn site_files(charts: &[&str], dumps: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    for lang in Lang::ALL {
        let s = lang_suffix(lang);
        for page in ["index", "search", "report", "404"] {
            v.push(format!("{page}{s}.html"));
        }
        for c in charts {
            v.push(format!("chart/{c}{s}.svg"));
        }
    }
    for (name, _, _) in super::assets::FILES {
        v.push(format!("assets/{name}"));
    }
    v.push("assets/search-index.js".to_owned());
    for d in dumps {
        v.push(format!("dumps/medrd-kg.{d}"));
    }
    for (_, f) in RESOURCE_FORMATS {
        v.push(format!(".well-known/void.{}", f.file_extension()));
    }
    for f in [
        "sitemap.xml",
        "robots.txt",
        "nginx-maps.conf",
        "nginx.conf",
        ".htaccess",
        ".nojekyll",
        MARKER,
    ] {
        v.push(f.to_owned());
    }
    v
}

/// The sitemap's own files for `n` URLs (`sitemap.xml`, plus `sitemap-K.xml` when split).
fn sitemap_parts(n: usize) -> usize {
    if n <= SITEMAP_MAX {
        0
    } else {
        n.div_ceil(SITEMAP_MAX)
    }
}

fn write_site(
    site: &Site,
    public: &str,
    opts: &PublishOptions,
    root: &Path,
) -> Result<PublishReport> {
    let mut report = PublishReport::default();
    let charts = ["projects", "ministries"];
    let dumps: Vec<&str> = super::DUMPS.iter().map(|(e, _)| *e).collect();
    let mut claims = Claims::default();
    claims
        .take(&site_files(&charts, &dumps))
        .map_err(|m| Error::internal(m, "site files"))?;
    // the documents, in order; each takes all of its files or is left out
    let mut docs = Vec::new();
    for iri in site.documents()? {
        let doc = &iri[site.base.len()..];
        let Some(stem) = file_stem(doc) else {
            report.skipped.push(format!(
                "left out {iri}: its path cannot be a file name (empty, ., .., an encoded / or \\, a control character, a query, or a segment over 200 bytes)"
            ));
            continue;
        };
        let mut files = Vec::new();
        for lang in Lang::ALL {
            files.push(format!("{stem}{}.html", lang_suffix(lang)));
            files.push(format!("viz/{stem}{}.svg", lang_suffix(lang)));
        }
        for (_, f) in RESOURCE_FORMATS {
            files.push(format!("{stem}.{}", f.file_extension()));
        }
        if let Err(why) = claims.take(&files) {
            report.skipped.push(format!("left out {iri}: {why}"));
            continue;
        }
        match NamedNode::new(&iri) {
            Ok(n) => docs.push(Doc { iri: n, stem }),
            Err(e) => report.skipped.push(format!("left out {iri}: {e}")),
        }
    }
    // the sitemap: the index, search and report pages and every document, in both languages
    let mut urls: Vec<String> = ["index", "search", "report"]
        .iter()
        .flat_map(|p| Lang::ALL.map(|l| format!("{public}{p}{}.html", lang_suffix(l))))
        .collect();
    for d in &docs {
        for l in Lang::ALL {
            let href = site.links.resource(&site.base, d.iri.as_str(), l);
            urls.push(absolute(public, &site.links, &href));
        }
    }
    let sitemap_files: Vec<String> = (1..=sitemap_parts(urls.len()))
        .map(|k| format!("sitemap-{k}.xml"))
        .collect();
    claims
        .take(&sitemap_files)
        .map_err(|m| Error::internal(m, "sitemap files"))?;

    let w = Writer {
        root,
        files: AtomicUsize::new(0),
        bytes: AtomicU64::new(0),
    };
    let without_picture = AtomicUsize::new(0);
    let jobs = if opts.jobs == 0 {
        std::thread::available_parallelism().map_or(2, |n| n.get())
    } else {
        opts.jobs
    };
    let next = AtomicUsize::new(0);
    let progress = crate::progress::Progress::new("documents", docs.len() as u64);
    let first_error: Mutex<Option<Error>> = Mutex::new(None);
    std::thread::scope(|s| {
        for _ in 0..jobs.max(1) {
            s.spawn(|| loop {
                if first_error.lock().map_or(true, |e| e.is_some()) {
                    return;
                }
                let k = next.fetch_add(1, Ordering::Relaxed);
                let Some(doc) = docs.get(k) else { return };
                if let Err(e) = write_doc(site, &w, doc, &without_picture) {
                    if let Ok(mut slot) = first_error.lock() {
                        slot.get_or_insert(e);
                    }
                    return;
                }
                progress.inc(1);
            });
        }
    });
    drop(progress);
    if let Some(e) = first_error.into_inner().ok().flatten() {
        return Err(e);
    }
    report.without_picture = without_picture.load(Ordering::Relaxed);

    // the site's own pages
    for lang in Lang::ALL {
        let s = lang_suffix(lang);
        w.put(
            &format!("index{s}.html"),
            pages::index_page(site, lang)?.as_bytes(),
        )?;
        w.put(
            &format!("search{s}.html"),
            pages::static_search_page(site, lang).as_bytes(),
        )?;
        w.put(
            &format!("report{s}.html"),
            pages::report_page(site, lang).as_bytes(),
        )?;
        w.put(
            &format!("404{s}.html"),
            pages::not_found_page(site, None, lang).as_bytes(),
        )?;
        for c in charts {
            let kind = crate::chart::ChartKind::parse(c)?;
            match crate::chart::chart(
                &site.store,
                kind,
                &crate::chart::ChartOptions { lang, year: None },
            ) {
                Ok(svg) => w.put(&format!("chart/{c}{s}.svg"), svg.as_bytes())?,
                Err(e) => report
                    .skipped
                    .push(format!("no chart {c} ({}): {e}", lang.tag())),
            }
        }
    }
    for (name, _, text) in super::assets::FILES {
        w.put(&format!("assets/{name}"), text.as_bytes())?;
    }
    w.put(
        "assets/search-index.js",
        super::search::client_index(site)?.as_bytes(),
    )?;
    for (ext, format) in super::DUMPS {
        let mut out = Vec::new();
        crate::export::dump(&site.store, *format, None, &mut out)?;
        w.put(&format!("dumps/medrd-kg.{ext}"), &out)?;
    }
    let void = super::void_triples(site, public, opts.sparql.as_deref())?;
    for (_, f) in RESOURCE_FORMATS {
        w.put(
            &format!(".well-known/void.{}", f.file_extension()),
            &super::rdf_bytes(&void, *f)?,
        )?;
    }
    write_sitemap(&w, public, &urls, &sitemap_files)?;
    w.put(
        "robots.txt",
        format!("User-agent: *\nAllow: /\nSitemap: {public}sitemap.xml\n").as_bytes(),
    )?;
    let root_path = match &site.links {
        Links::Static { root, .. } => root.clone(),
        Links::Server => "/".to_owned(),
    };
    w.put("nginx-maps.conf", super::webconf::nginx_maps().as_bytes())?;
    w.put("nginx.conf", super::webconf::nginx(&root_path).as_bytes())?;
    w.put(".htaccess", super::webconf::apache(&root_path).as_bytes())?;
    w.put(".nojekyll", b"")?;
    w.put(
        MARKER,
        format!(
            "A static linked-data site written by medrd-kg {} (`medrd-kg publish`) for {public}.\nThe next publish into this folder replaces it whole.\n",
            env!("CARGO_PKG_VERSION")
        )
        .as_bytes(),
    )?;
    report.resources = docs.len();
    report.files = w.files.load(Ordering::Relaxed);
    report.bytes = w.bytes.load(Ordering::Relaxed);
    Ok(report)
}

/// `href` (a path on the site) as a URL under `public`.
fn absolute(public: &str, links: &Links, href: &str) -> String {
    match links {
        Links::Static { root, .. } => match href.strip_prefix(root.as_str()) {
            Some(rest) => format!("{public}{rest}"),
            None => href.to_owned(),
        },
        Links::Server => href.to_owned(),
    }
}

/// One document's pages, files and pictures.
fn write_doc(site: &Site, w: &Writer<'_>, doc: &Doc, without: &AtomicUsize) -> Result<()> {
    let triples = super::describe(site, doc.iri.as_ref())?;
    for (_, f) in RESOURCE_FORMATS {
        w.put(
            &format!("{}.{}", doc.stem, f.file_extension()),
            &super::rdf_bytes(&triples, *f)?,
        )?;
    }
    for lang in Lang::ALL {
        let s = lang_suffix(lang);
        let request = crate::viz::Request {
            source: crate::viz::Source::View(crate::viz::View::Neighbourhood),
            format: crate::viz::VizFormat::Svg,
            lang,
            year: None,
            resource: Some(doc.iri.as_str().to_owned()),
            amounts: Some(site.amounts()?),
        };
        let picture = match crate::viz::render(&site.store, &request) {
            Ok(svg) => {
                w.put(&format!("viz/{}{s}.svg", doc.stem), svg.as_bytes())?;
                true
            }
            Err(e) if e.fault() == crate::error::Fault::User => {
                if lang == Lang::Ja {
                    without.fetch_add(1, Ordering::Relaxed);
                }
                false
            }
            Err(e) => return Err(e),
        };
        let page = pages::resource_page(site, doc.iri.as_ref(), lang, &[], picture)?;
        w.put(&format!("{}{s}.html", doc.stem), page.as_bytes())?;
    }
    Ok(())
}

/// `sitemap.xml`, or a sitemap index over `parts` when there are too many URLs for one.
fn write_sitemap(w: &Writer<'_>, public: &str, urls: &[String], parts: &[String]) -> Result<()> {
    let urlset = |urls: &[String]| {
        let mut s = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        for u in urls {
            s.push_str(&format!("<url><loc>{}</loc></url>\n", pages::esc(u)));
        }
        s.push_str("</urlset>\n");
        s
    };
    if parts.is_empty() {
        return w.put("sitemap.xml", urlset(urls).as_bytes());
    }
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (part, chunk) in parts.iter().zip(urls.chunks(SITEMAP_MAX)) {
        w.put(part, urlset(chunk).as_bytes())?;
        index.push_str(&format!(
            "<sitemap><loc>{}</loc></sitemap>\n",
            pages::esc(&format!("{public}{part}"))
        ));
    }
    index.push_str("</sitemapindex>\n");
    w.put("sitemap.xml", index.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::Claims;

    #[test]
    fn claims_keep_files_and_folders_apart() {
        let mut c = Claims::default();
        assert!(c
            .take(&["index.html".into(), "assets/style.css".into()])
            .is_ok());
        assert!(c.take(&["index.html".into()]).is_err());
        // a file where a folder is needed, and a folder where a file is
        assert!(c.take(&["index.html/x.html".into()]).is_err());
        assert!(c.take(&["assets".into()]).is_err());
        // all or nothing
        assert!(c.take(&["a.html".into(), "a.html".into()]).is_err());
        assert!(c.take(&["a.html".into()]).is_ok());
        assert!(c.take(&["x.ttl/y.html".into()]).is_ok());
        assert!(c.take(&["x.ttl".into()]).is_err());
    }
}
