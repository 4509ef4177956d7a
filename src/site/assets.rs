//! The pages' CSS and JavaScript, embedded in the binary (the pages work offline: no CDN).

/// Name, Content-Type, text.
pub const FILES: &[(&str, &str, &str)] = &[
    (
        "style.css",
        "text/css; charset=utf-8",
        include_str!("assets/style.css"),
    ),
    (
        "query.js",
        "text/javascript; charset=utf-8",
        include_str!("assets/query.js"),
    ),
    (
        "search.js",
        "text/javascript; charset=utf-8",
        include_str!("assets/search.js"),
    ),
];
