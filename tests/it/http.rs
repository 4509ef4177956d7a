//! HTTP for the tests: a small HTTP/1.1 client of our own (std only), free ports, waiting
//! for a server, and Debian's nginx started on a temporary prefix.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// One request to `addr` (`host:port`); the whole answer, `Connection: close`.
pub fn http_request(
    addr: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Response {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream.set_read_timeout(Some(Duration::from_secs(60))).ok();
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    stream.write_all(req.as_bytes()).expect("send");
    stream.write_all(body).expect("send body");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read");
    Response::parse(&raw)
}

/// A free loopback port (bound, read, released).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// Waits until `addr` accepts connections, up to `limit`.
pub fn wait_for(addr: &str, limit: Duration) -> bool {
    let t0 = Instant::now();
    while t0.elapsed() < limit {
        if TcpStream::connect(addr).is_ok() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

/// Debian's nginx on a temporary prefix, on a free port; stopped when dropped.
pub struct Nginx {
    child: Child,
    pub addr: String,
    pub prefix: PathBuf,
}

impl Nginx {
    /// nginx with `http_extra` in its `http { }` block and `server_body` in its `server { }`.
    pub fn start(prefix: &Path, http_extra: &str, server_body: &str) -> Nginx {
        let port = free_port();
        let addr = format!("127.0.0.1:{port}");
        for d in ["logs", "tmp"] {
            std::fs::create_dir_all(prefix.join(d)).expect("nginx folders");
        }
        let p = prefix.display();
        // as root, nginx would switch its workers to nobody, who cannot read the test's folders
        let user = if is_root() { "user root;\n" } else { "" };
        let conf = format!(
            "{user}daemon off;\nmaster_process off;\nworker_processes 1;\nerror_log {p}/logs/error.log warn;\npid {p}/logs/nginx.pid;\n\
             events {{ worker_connections 256; }}\n\
             http {{\n  access_log off;\n  client_body_temp_path {p}/tmp/body;\n  proxy_temp_path {p}/tmp/proxy;\n  fastcgi_temp_path {p}/tmp/fastcgi;\n  uwsgi_temp_path {p}/tmp/uwsgi;\n  scgi_temp_path {p}/tmp/scgi;\n{http_extra}\n  server {{\n    listen {addr};\n{server_body}\n  }}\n}}\n"
        );
        let conf_path = prefix.join("nginx.conf");
        std::fs::write(&conf_path, conf).expect("write nginx.conf");
        let child = Command::new(nginx_bin())
            .arg("-p")
            .arg(prefix)
            .arg("-c")
            .arg(&conf_path)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("nginx starts (scripts/prereqs.sh installs nginx-light)");
        let mut n = Nginx {
            child,
            addr,
            prefix: prefix.to_owned(),
        };
        if !wait_for(&n.addr, Duration::from_secs(10)) {
            let _ = n.child.kill();
            let mut err = String::new();
            if let Some(mut e) = n.child.stderr.take() {
                let _ = e.read_to_string(&mut err);
            }
            panic!(
                "nginx did not listen: {err}\n{}",
                std::fs::read_to_string(prefix.join("logs/error.log")).unwrap_or_default()
            );
        }
        n
    }

    pub fn get(&self, path: &str, headers: &[(&str, &str)]) -> Response {
        http_request(&self.addr, "GET", path, headers, b"")
    }

    /// nginx's error log so far.
    pub fn errors(&self) -> String {
        std::fs::read_to_string(self.prefix.join("logs/error.log")).unwrap_or_default()
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Debian's Apache httpd serving `docroot` (with `.htaccess` files allowed) on a free port;
/// stopped when dropped.
pub struct Apache {
    child: Child,
    pub addr: String,
    prefix: PathBuf,
}

impl Apache {
    pub fn start(prefix: &Path, docroot: &Path) -> Apache {
        let addr = format!("127.0.0.1:{}", free_port());
        std::fs::create_dir_all(prefix.join("logs")).expect("apache folders");
        let m = "/usr/lib/apache2/modules";
        // as root, httpd must switch to another user, who then has to be able to read the site
        let user = if is_root() {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let mut p = docroot.to_path_buf();
                while let Some(parent) = p.parent() {
                    if let Ok(meta) = std::fs::metadata(&p) {
                        let mode = meta.permissions().mode();
                        let _ = std::fs::set_permissions(
                            &p,
                            std::fs::Permissions::from_mode(mode | 0o055),
                        );
                    }
                    if p.ends_with("tmp") {
                        break;
                    }
                    p = parent.to_path_buf();
                }
            }
            "User nobody\nGroup nogroup\n"
        } else {
            ""
        };
        let conf = format!(
            "ServerRoot {p}\nServerName localhost\nListen {addr}\nPidFile {p}/logs/httpd.pid\nErrorLog {p}/logs/error.log\nLogLevel warn\n\
             LoadModule mpm_event_module {m}/mod_mpm_event.so\nLoadModule authz_core_module {m}/mod_authz_core.so\n\
             LoadModule mime_module {m}/mod_mime.so\nLoadModule dir_module {m}/mod_dir.so\n\
             LoadModule rewrite_module {m}/mod_rewrite.so\nLoadModule headers_module {m}/mod_headers.so\n\
             {user}TypesConfig /dev/null\nDocumentRoot {d}\n<Directory {d}>\n  AllowOverride All\n  Require all granted\n</Directory>\n",
            p = prefix.display(),
            d = docroot.display(),
        );
        let conf_path = prefix.join("httpd.conf");
        std::fs::write(&conf_path, conf).expect("write httpd.conf");
        let child = Command::new("/usr/sbin/apache2")
            .arg("-f")
            .arg(&conf_path)
            .arg("-DFOREGROUND")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("apache2 starts (scripts/prereqs.sh installs apache2-bin)");
        let a = Apache {
            child,
            addr,
            prefix: prefix.to_owned(),
        };
        assert!(
            wait_for(&a.addr, Duration::from_secs(10)),
            "Apache did not listen: {}",
            std::fs::read_to_string(prefix.join("logs/error.log")).unwrap_or_default()
        );
        a
    }

    pub fn get(&self, path: &str, headers: &[(&str, &str)]) -> Response {
        http_request(&self.addr, "GET", path, headers, b"")
    }

    pub fn errors(&self) -> String {
        std::fs::read_to_string(self.prefix.join("logs/error.log")).unwrap_or_default()
    }
}

impl Drop for Apache {
    /// SIGTERM, so that the parent stops its worker processes too (SIGKILL would orphan
    /// them); SIGKILL if it is still there after 5 s.
    fn drop(&mut self) {
        #[cfg(unix)]
        {
            // SAFETY: kill(2) on the pid of our own child process, which we have not waited for.
            unsafe {
                libc::kill(self.child.id() as libc::pid_t, libc::SIGTERM);
            }
            let t0 = Instant::now();
            while t0.elapsed() < Duration::from_secs(5) {
                if let Ok(Some(_)) = self.child.try_wait() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The nginx binary.
pub fn nginx_bin() -> &'static str {
    if Path::new("/usr/sbin/nginx").exists() {
        "/usr/sbin/nginx"
    } else {
        "nginx"
    }
}

fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .map(|l| l.split_whitespace().nth(1) == Some("0"))
        })
        .unwrap_or(false)
}

#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Response {
    pub fn parse(raw: &[u8]) -> Response {
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a header block");
        let head = String::from_utf8_lossy(&raw[..split]).into_owned();
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|l| l.split(' ').nth(1))
            .and_then(|c| c.parse().ok())
            .expect("a status");
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| {
                l.split_once(':')
                    .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
            })
            .collect();
        let mut body = raw[split + 4..].to_vec();
        if headers
            .iter()
            .any(|(k, v)| k == "transfer-encoding" && v.contains("chunked"))
        {
            body = dechunk(&body);
        }
        Response {
            status,
            headers,
            body: String::from_utf8_lossy(&body).into_owned(),
        }
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(end) = b.windows(2).position(|w| w == b"\r\n") {
        let size =
            usize::from_str_radix(String::from_utf8_lossy(&b[..end]).trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        out.extend_from_slice(&b[end + 2..end + 2 + size]);
        b = &b[end + 2 + size + 2..];
    }
    out
}

/// `s` percent-encoded for a query-string value.
pub fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
