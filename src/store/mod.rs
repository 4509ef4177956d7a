//! The on-disk Oxigraph store: opening it, and replacing it atomically.
//!
//! A build writes a new store into a temporary folder next to the target
//! ([`Staging`]) and swaps it in only when it is complete, so a failed or interrupted
//! build leaves the previous store untouched. Opening a store to read never renames,
//! repairs or deletes anything, so readers (a query, `validate --store`) may open it while a
//! build runs; one that comes in between the two renames of a swap reads the previous store
//! from where the swap put it aside. Not yet safe: a reader that keeps the store open across
//! a swap, or opens the set-aside store just as the swap removes it (the reliability work
//! replaces the two renames by generation folders behind an atomic link).

use std::path::{Path, PathBuf};

use oxigraph::store::Store;

use crate::error::{Error, Result};

/// Whether `path` holds an Oxigraph (RocksDB) store.
pub fn is_store(path: &Path) -> bool {
    path.is_dir() && path.join("CURRENT").is_file()
}

/// Opens an existing store for reading. Nothing on disk is changed.
pub fn open_read_only(path: &Path) -> Result<Store> {
    let dir = if is_store(path) {
        path.to_path_buf()
    } else if let (false, Some(old)) = (path.exists(), set_aside(path)) {
        // a swap is under way, or was interrupted: the previous store is intact there
        old
    } else {
        return Err(Error::NoStore {
            path: path.to_path_buf(),
        });
    };
    Store::open_read_only(&dir).map_err(|e| Error::store(&dir, "cannot open the store", e))
}

/// The most recently set-aside store (`.<name>.old-<pid>`), if any.
fn set_aside(target: &Path) -> Option<PathBuf> {
    siblings(target, "old")
        .into_iter()
        .filter(|(p, pid)| pid.is_some() && is_store(p))
        .max_by_key(|(p, _)| std::fs::metadata(p).and_then(|m| m.modified()).ok())
        .map(|(p, _)| p)
}

/// Whether the build with process id `pid` may still be running (always, where the system
/// cannot tell).
fn running(pid: u32) -> bool {
    pid == std::process::id()
        || !Path::new("/proc/self").exists()
        || Path::new(&format!("/proc/{pid}")).exists()
}

/// `<parent>/.<name>.<tag>-<our pid>`: this build's temporary or old folder.
fn sibling(target: &Path, tag: &str) -> PathBuf {
    parent_of(target).join(format!(
        "{}{}",
        sibling_prefix(target, tag),
        std::process::id()
    ))
}

/// `.<name>.<tag>-`: how the temporary and old folders of a store are named.
fn sibling_prefix(target: &Path, tag: &str) -> String {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "store".into());
    format!(".{name}.{tag}-")
}

fn parent_of(target: &Path) -> &Path {
    target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Siblings of `target` named `.<name>.<tag>-<pid>`, with their pid.
fn siblings(target: &Path, tag: &str) -> Vec<(PathBuf, Option<u32>)> {
    let prefix = sibling_prefix(target, tag);
    let Ok(entries) = std::fs::read_dir(parent_of(target)) else {
        return Vec::new();
    };
    let mut out: Vec<(PathBuf, Option<u32>)> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let pid = name.strip_prefix(&prefix)?.parse().ok();
            Some((e.path(), pid))
        })
        .collect();
    out.sort();
    out
}

fn is_empty_dir(path: &Path) -> bool {
    std::fs::read_dir(path)
        .map(|mut d| d.next().is_none())
        .unwrap_or(false)
}

/// A build may only replace a store, an empty folder or nothing: never a user's folder.
fn check_target(target: &Path) -> Result<()> {
    if !target.exists() {
        return Ok(());
    }
    let refuse = |why| Error::NotAStore {
        path: target.to_path_buf(),
        why,
    };
    if !target.is_dir() {
        return Err(refuse("exists and is not a folder"));
    }
    if !is_empty_dir(target) && !is_store(target) {
        return Err(refuse("is a folder that does not hold an Oxigraph store"));
    }
    Ok(())
}

/// Puts back a store that an interrupted swap left aside, then removes what dead builds
/// left: only folders named `.<name>.tmp-<pid>` / `.<name>.old-<pid>` whose process is gone
/// and that are empty or hold a store. Anything else is left alone.
fn recover(target: &Path) -> Result<()> {
    if !target.exists() {
        // only a swap whose build is gone was interrupted; a running one finishes its own
        let dead = siblings(target, "old")
            .into_iter()
            .filter(|(p, pid)| pid.is_some_and(|pid| !running(pid)) && is_store(p))
            .max_by_key(|(p, _)| std::fs::metadata(p).and_then(|m| m.modified()).ok());
        if let Some((old, _)) = dead {
            std::fs::rename(&old, target)
                .map_err(|e| Error::io("restore the previous store from", &old, e))?;
        }
    }
    if !Path::new("/proc/self").exists() || !target.exists() {
        return Ok(());
    }
    for (leftover, pid) in siblings(target, "tmp")
        .into_iter()
        .chain(siblings(target, "old"))
    {
        let Some(pid) = pid else { continue };
        if !running(pid) && (is_empty_dir(&leftover) || is_store(&leftover)) {
            let _ = std::fs::remove_dir_all(&leftover);
        }
    }
    Ok(())
}

/// A new store being written next to its target; removed when dropped unless committed.
#[derive(Debug)]
pub struct Staging {
    tmp: PathBuf,
    target: PathBuf,
    committed: bool,
}

impl Staging {
    /// Prepares to replace the store at `target`: refuses a folder that is not a store,
    /// repairs an interrupted swap, cleans up after dead builds.
    pub fn new(target: &Path) -> Result<Staging> {
        let target = match std::fs::symlink_metadata(target) {
            Ok(m) if m.file_type().is_symlink() => {
                std::fs::canonicalize(target).map_err(|e| Error::io("resolve", target, e))?
            }
            _ => target.to_path_buf(),
        };
        check_target(&target)?;
        recover(&target)?;
        let parent = parent_of(&target);
        std::fs::create_dir_all(parent).map_err(|e| Error::io("create", parent, e))?;
        let tmp = sibling(&target, "tmp");
        if tmp.exists() {
            std::fs::remove_dir_all(&tmp).map_err(|e| Error::io("remove", &tmp, e))?;
        }
        Ok(Staging {
            tmp,
            target,
            committed: false,
        })
    }

    /// Where the new store is written.
    pub fn path(&self) -> &Path {
        &self.tmp
    }

    /// Where it will be installed.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Replaces the target by the new store: the old store is moved aside first and put
    /// back if the second rename fails; an interrupted swap is repaired by the next build.
    pub fn commit(mut self) -> Result<()> {
        let (new, target) = (&self.tmp, &self.target);
        let old = sibling(target, "old");
        let had_old = target.exists();
        if had_old {
            std::fs::rename(target, &old)
                .map_err(|e| Error::io("move aside the previous store", target, e))?;
        }
        if let Err(e) = std::fs::rename(new, target) {
            if had_old {
                if let Err(e2) = std::fs::rename(&old, target) {
                    return Err(Error::Store {
                        path: target.clone(),
                        message: format!("cannot install the new store ({e}) nor put the previous one back from {} ({e2})", old.display()),
                        source: Some(e2.into()),
                    });
                }
            }
            return Err(Error::io("install the new store at", target, e));
        }
        self.committed = true;
        if had_old {
            // the new store is in place: a leftover old folder is removed by a later build
            let _ = std::fs::remove_dir_all(&old);
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.tmp);
        }
    }
}
