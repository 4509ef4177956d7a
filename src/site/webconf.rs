//! The web server configuration a static site ships with, for content negotiation the way
//! `medrd-kg serve` does it: `/P` answers `P.html` (or `P.en.html`), `P.ttl`, `P.jsonld`,
//! `P.nt` or `P.rdf`. The representation comes from `?format=`, else the first type listed
//! in `Accept` that the site offers, else HTML when `Accept` lists it (or `*/*`), else any
//! type `Accept` lists; English pages by `?lang=en` or an `Accept-Language` that starts
//! with `en`. Answers say `Vary: Accept, Accept-Language` and allow any origin. nginx and
//! Apache differ from the server in one way: they do not weigh `q=` values.

use oxigraph::io::{JsonLdProfileSet, RdfFormat};

/// The RDF files written per resource: the `?format=` name and the format, in the order the
/// server prefers them after HTML.
pub const RESOURCE_FORMATS: &[(&str, RdfFormat)] = &[
    ("turtle", RdfFormat::Turtle),
    (
        "jsonld",
        RdfFormat::JsonLd {
            profile: JsonLdProfileSet::empty(),
        },
    ),
    ("ntriples", RdfFormat::NTriples),
    ("rdfxml", RdfFormat::RdfXml),
];

/// Every suffix the site writes, with its media type (for the servers' type maps).
pub const TYPES: &[(&str, &str)] = &[
    ("html", "text/html"),
    ("ttl", "text/turtle"),
    ("jsonld", "application/ld+json"),
    ("nt", "application/n-triples"),
    ("rdf", "application/rdf+xml"),
    ("nq", "application/n-quads"),
    ("trig", "application/trig"),
    ("svg", "image/svg+xml"),
    ("css", "text/css"),
    ("js", "text/javascript"),
    ("xml", "application/xml"),
    ("txt", "text/plain"),
];

/// A media type as a regular expression (`+` escaped).
fn regex(media_type: &str) -> String {
    media_type.replace('+', "\\+")
}

/// The nginx `map`s that choose the file (`include` them in the `http { }` block): the
/// suffix in `$medrd_ext`, the page language in `$medrd_lang`. A map, not `if`: an `if`
/// inside a `location` would switch off its `try_files`.
pub fn nginx_maps() -> String {
    let mut s = String::from(
        "# medrd-kg static site: content negotiation for nginx, part 1 of 2.\n\
         # Include this file in the `http { }` block, and nginx.conf in the `server { }` block.\n\
         # The representation: the first type Accept lists, then HTML when listed, then any listed\n\
         # type (a map takes its first matching regex); ?format= before all.\n\
         map $http_accept $medrd_accept_ext {\n    default .html;\n",
    );
    for (_, f) in RESOURCE_FORMATS {
        s.push_str(&format!(
            "    \"~*^\\s*{}\" .{};\n",
            regex(f.media_type()),
            f.file_extension()
        ));
    }
    s.push_str("    \"~*text/html|application/xhtml\\+xml|\\*/\\*\" .html;\n");
    for (_, f) in RESOURCE_FORMATS {
        s.push_str(&format!(
            "    \"~*{}\" .{};\n",
            regex(f.media_type()),
            f.file_extension()
        ));
    }
    s.push_str(
        "}\nmap $arg_format $medrd_ext {\n    default $medrd_accept_ext;\n    html .html;\n",
    );
    for (name, f) in RESOURCE_FORMATS {
        s.push_str(&format!("    {name} .{};\n", f.file_extension()));
    }
    s.push_str(
        "}\n# the language of pages: ?lang=, else an Accept-Language that starts with en\n\
         map \"$arg_lang:$http_accept_language\" $medrd_lang {\n    default \"\";\n    \
         \"~^en:\" .en;\n    \"~^ja:\" \"\";\n    \"~*^:\\s*en\" .en;\n}\n",
    );
    s
}

/// The nginx `location` block for a site at the path `root` (starts and ends with `/`),
/// to `include` in the `server { }` block whose `root` holds the site at that path.
pub fn nginx(root: &str) -> String {
    let mut s = format!(
        "# medrd-kg static site: content negotiation for nginx, part 2 of 2.\n\
         # Include nginx-maps.conf in the `http {{ }}` block, and this file in a `server {{ }}`\n\
         # whose `root` holds this site at {root} (for example `root /srv/www;` with the site\n\
         # in /srv/www{root}).\n\
         location {root} {{\n    types {{\n"
    );
    for (ext, media) in TYPES {
        s.push_str(&format!("        {media} {ext};\n"));
    }
    s.push_str("    }\n    default_type application/octet-stream;\n");
    // text/html is in charset_types already: naming it again makes nginx warn
    s.push_str("    charset utf-8;\n    charset_types");
    for (_, media) in TYPES.iter().filter(|(_, m)| *m != "text/html") {
        s.push_str(&format!(" {media}"));
    }
    s.push_str(";\n");
    s.push_str("    add_header Vary \"Accept, Accept-Language\" always;\n");
    s.push_str("    add_header Access-Control-Allow-Origin \"*\" always;\n");
    s.push_str(&format!(
        "    try_files $uri $uri$medrd_lang$medrd_ext $uri$medrd_ext $uri.ttl =404;\n    \
         error_page 404 {root}404$medrd_lang.html;\n}}\n\
         # the site's root: its index page in the asked language\n\
         location = {root} {{\n    rewrite ^ {root}index$medrd_lang.html last;\n}}\n"
    ));
    s
}

/// The Apache `.htaccess` for a site at the path `root` (mod_rewrite, mod_headers and
/// mod_mime; `AllowOverride FileInfo Indexes`). `DirectorySlash Off`: a document that is
/// also a folder (`def` and `def/0.2`) must not be redirected to `def/`.
pub fn apache(root: &str) -> String {
    let mut s = format!(
        "# medrd-kg static site: content negotiation for Apache (mod_rewrite, mod_headers).\n\
         DirectorySlash Off\nDirectoryIndex index.html\nErrorDocument 404 {root}404.html\n"
    );
    for (ext, media) in TYPES {
        s.push_str(&format!("AddType {media} .{ext}\n"));
    }
    s.push_str("AddCharset UTF-8");
    for (ext, _) in TYPES {
        s.push_str(&format!(" .{ext}"));
    }
    s.push('\n');
    s.push_str("<IfModule mod_headers.c>\n  Header merge Vary \"Accept, Accept-Language\"\n  Header set Access-Control-Allow-Origin \"*\"\n</IfModule>\n");
    s.push_str(&format!("RewriteEngine On\nRewriteBase {root}\n"));
    let rule = |s: &mut String, conds: &[String], ext: &str| {
        for c in conds {
            s.push_str(&format!("RewriteCond {c}\n"));
        }
        s.push_str(&format!(
            "RewriteCond %{{REQUEST_FILENAME}} !-f\nRewriteCond %{{REQUEST_FILENAME}}{ext} -f\nRewriteRule ^(.*)$ $1{ext} [L]\n"
        ));
    };
    s.push_str("# ?format=\n");
    for (name, f) in RESOURCE_FORMATS {
        rule(
            &mut s,
            &[format!("%{{QUERY_STRING}} (^|&)format={name}(&|$)")],
            &format!(".{}", f.file_extension()),
        );
    }
    s.push_str("# the first type Accept lists\n");
    for (_, f) in RESOURCE_FORMATS {
        rule(
            &mut s,
            &[
                "%{QUERY_STRING} !(^|&)format=".to_owned(),
                format!("%{{HTTP_ACCEPT}} ^\\s*{} [NC]", regex(f.media_type())),
            ],
            &format!(".{}", f.file_extension()),
        );
    }
    s.push_str("# any type Accept lists, when it lists no HTML\n");
    for (_, f) in RESOURCE_FORMATS {
        rule(
            &mut s,
            &[
                "%{QUERY_STRING} !(^|&)format=".to_owned(),
                "%{HTTP_ACCEPT} !(text/html|application/xhtml\\+xml|\\*/\\*) [NC]".to_owned(),
                format!("%{{HTTP_ACCEPT}} {} [NC]", regex(f.media_type())),
            ],
            &format!(".{}", f.file_extension()),
        );
    }
    s.push_str("# pages, English by ?lang=en or Accept-Language (a folder: its index.en.html)\n");
    s.push_str(
        "RewriteCond %{QUERY_STRING} (^|&)lang=en(&|$) [OR]\n\
         RewriteCond %{HTTP:Accept-Language} ^\\s*en\n\
         RewriteCond %{QUERY_STRING} !(^|&)lang=ja(&|$)\n\
         RewriteCond %{REQUEST_FILENAME} -d\n\
         RewriteCond %{REQUEST_FILENAME}/index.en.html -f\n\
         RewriteRule ^(.*/)?$ $1index.en.html [L]\n",
    );
    rule(
        &mut s,
        &[
            "%{QUERY_STRING} (^|&)lang=en(&|$) [OR]".to_owned(),
            "%{HTTP:Accept-Language} ^\\s*en".to_owned(),
            "%{QUERY_STRING} !(^|&)lang=ja(&|$)".to_owned(),
        ],
        ".en.html",
    );
    rule(&mut s, &[], ".html");
    rule(&mut s, &[], ".ttl");
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_resource_format_is_negotiated() {
        let n = super::nginx_maps();
        let a = super::apache("/kg/");
        for (name, f) in super::RESOURCE_FORMATS {
            assert!(
                n.contains(&format!("    {name} .{};", f.file_extension())),
                "{name}"
            );
            assert!(a.contains(&format!("format={name}(")), "{name}");
        }
        let n = super::nginx("/kg/");
        assert!(n.contains("location /kg/ {"));
        assert!(n.contains("error_page 404 /kg/404$medrd_lang.html;"));
    }
}
