//! A bounded cache of the representations the server renders (resource pages in both
//! languages, their RDF, neighbourhood pictures). The store is opened read-only and never
//! changes under a running server, so a representation, once rendered, is the answer to the
//! same request until the server stops: the cache keeps the most recently used ones within
//! `--cache-mb` (least recently used go first), and a page asked for again is a copy of
//! bytes instead of the store lookups that render it.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use axum::body::Bytes;

/// What an entry costs beyond its key and body (the maps' nodes, the counters).
const OVERHEAD: usize = 96;

/// Rendered representations by request key, least recently used first out.
pub struct Cache {
    max_bytes: usize,
    inner: Mutex<Inner>,
    /// Renders under way, by key: requests for a page being rendered wait for it instead of
    /// rendering it again (64 clients asking for one page at once render it once).
    flights: Mutex<HashMap<String, Flight>>,
}

/// Removes its flight from the map when dropped, unless another has taken its place.
struct Landing<'a> {
    cache: &'a Cache,
    key: &'a str,
    flight: &'a Flight,
}

impl Drop for Landing<'_> {
    fn drop(&mut self) {
        if let Ok(mut f) = self.cache.flights.lock() {
            if f.get(self.key).is_some_and(|g| Arc::ptr_eq(g, self.flight)) {
                f.remove(self.key);
            }
        }
    }
}

/// One render under way, that every request for its key awaits.
pub type Flight = Arc<tokio::sync::OnceCell<Result<Bytes, Unrendered>>>;

/// Why a render gave no body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unrendered {
    /// The store does not describe the resource (the caller answers its 404 page).
    NotFound,
    /// Rendering failed: the message.
    Failed(String),
}

#[derive(Default)]
struct Inner {
    entries: HashMap<String, (Bytes, u64)>,
    /// Last use → key.
    order: BTreeMap<u64, String>,
    bytes: usize,
    tick: u64,
}

fn cost(key: &str, body: &Bytes) -> usize {
    key.len() * 2 + body.len() + OVERHEAD
}

impl Cache {
    /// A cache of at most `max_bytes` (0: nothing is kept).
    pub fn new(max_bytes: usize) -> Cache {
        Cache {
            max_bytes,
            inner: Mutex::default(),
            flights: Mutex::default(),
        }
    }

    /// The body under `key`: from the cache, else from the render under way for it, else
    /// from `render` (run once however many requests wait for it), then kept. An error is
    /// given to the requests that waited for it, and not kept.
    pub async fn get_or_render<F, Fut>(&self, key: &str, render: F) -> Result<Bytes, Unrendered>
    where
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = Result<Bytes, Unrendered>>,
    {
        if let Some(b) = self.get(key) {
            return Ok(b);
        }
        let flight: Flight = match self.flights.lock() {
            Ok(mut f) => f.entry(key.to_owned()).or_default().clone(),
            Err(_) => Flight::default(),
        };
        // the flight leaves the map when this request is done with it, however it ends (a
        // client that goes away drops this future halfway)
        let _landing = Landing {
            cache: self,
            key,
            flight: &flight,
        };
        flight
            .get_or_init(|| async {
                let r = render().await;
                if let Ok(b) = &r {
                    self.put(key.to_owned(), b.clone());
                }
                r
            })
            .await
            .clone()
    }

    /// The body kept under `key`, now the most recently used.
    pub fn get(&self, key: &str) -> Option<Bytes> {
        let mut inner = self.inner.lock().ok()?;
        let inner = &mut *inner;
        inner.tick += 1;
        let tick = inner.tick;
        let (body, used) = inner.entries.get_mut(key)?;
        inner.order.remove(used);
        *used = tick;
        inner.order.insert(tick, key.to_owned());
        Some(body.clone())
    }

    /// Keeps `body` under `key`, dropping the least recently used entries to make room. A body
    /// larger than an eighth of the cache is not kept (it would push out many pages).
    pub fn put(&self, key: String, body: Bytes) {
        let c = cost(&key, &body);
        if c > self.max_bytes / 8 {
            return;
        }
        let Ok(mut inner) = self.inner.lock() else {
            return;
        };
        let inner = &mut *inner;
        inner.tick += 1;
        let tick = inner.tick;
        if let Some((old, used)) = inner.entries.remove(&key) {
            inner.order.remove(&used);
            inner.bytes -= cost(&key, &old);
        }
        while inner.bytes + c > self.max_bytes {
            let Some((_, oldest)) = inner.order.pop_first() else {
                break;
            };
            if let Some((old, _)) = inner.entries.remove(&oldest) {
                inner.bytes -= cost(&oldest, &old);
            }
        }
        inner.order.insert(tick, key.clone());
        inner.entries.insert(key, (body, tick));
        inner.bytes += c;
    }

    /// Bytes held (keys, bodies and bookkeeping), at most the cache's size.
    pub fn bytes(&self) -> usize {
        self.inner.lock().map_or(0, |i| i.bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_least_recently_used_go_first_and_the_size_holds() {
        let body = Bytes::from(vec![b'x'; 100]);
        let one = cost("a", &body);
        // room for eight entries, each at most an eighth
        let cache = Cache::new(8 * one);
        for k in ["a", "b", "c", "d", "e", "f", "g", "h"] {
            cache.put(k.into(), body.clone());
        }
        assert_eq!(cache.bytes(), 8 * one);
        // a is used again, so b is now the oldest and makes room for i
        assert!(cache.get("a").is_some());
        cache.put("i".into(), body.clone());
        assert!(cache.get("b").is_none());
        assert!(cache.get("a").is_some() && cache.get("i").is_some());
        assert_eq!(cache.bytes(), 8 * one);
        // more than an eighth is not kept, and nothing is pushed out for it
        cache.put("big".into(), Bytes::from(vec![b'y'; 2 * one]));
        assert!(cache.get("big").is_none() && cache.get("c").is_some());
    }

    #[test]
    fn replacing_a_key_keeps_one_entry() {
        let cache = Cache::new(1 << 20);
        cache.put("k".into(), Bytes::from_static(b"one"));
        cache.put("k".into(), Bytes::from_static(b"two!"));
        assert_eq!(cache.get("k").as_deref(), Some(&b"two!"[..]));
        assert_eq!(cache.bytes(), cost("k", &Bytes::from_static(b"two!")));
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn requests_for_a_page_being_rendered_wait_for_that_render() {
        let cache = Arc::new(Cache::new(1 << 20));
        let renders = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let mut waiting = Vec::new();
        for _ in 0..16 {
            let (cache, renders) = (cache.clone(), renders.clone());
            waiting.push(tokio::spawn(async move {
                cache
                    .get_or_render("page", || async {
                        renders.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                        Ok(Bytes::from_static(b"<html>"))
                    })
                    .await
            }));
        }
        for w in waiting {
            assert_eq!(w.await.unwrap().unwrap(), Bytes::from_static(b"<html>"));
        }
        assert_eq!(renders.load(std::sync::atomic::Ordering::SeqCst), 1);
        // a failed render is not kept: the next request renders again
        let r = cache
            .get_or_render("gone", || async { Err(Unrendered::NotFound) })
            .await;
        assert_eq!(r, Err(Unrendered::NotFound));
        let r = cache
            .get_or_render("gone", || async { Ok(Bytes::from_static(b"back")) })
            .await;
        assert_eq!(r.unwrap(), Bytes::from_static(b"back"));
    }

    #[test]
    fn a_cache_of_nothing_keeps_nothing() {
        let cache = Cache::new(0);
        cache.put("k".into(), Bytes::from_static(b"x"));
        assert!(cache.get("k").is_none());
        assert_eq!(cache.bytes(), 0);
    }
}
