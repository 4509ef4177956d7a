//! The deterministic generator of synthetic data (`medrd-kg gen`), in the project's own
//! format, N times larger, for the benchmarks: the real data folder, plus `scale - 1`
//! copies of each of its documents under new fiscal years, one year after another (with the
//! two real documents FY2024 and FY2026: FY2024 → 2027, FY2026 → 2028, FY2024 → 2029…). A
//! copy keeps its source text (every quoted phrase is still on its page), its projects,
//! lines, links and provenance; the reference data gains the copies' fiscal years and every
//! program its name for them. What it writes passes `validate`, so a benchmark exercises
//! reading, checking, reconciliation and mapping as well as the store.
//!
//! The scale stops where the fiscal years do ([`crate::check::FISCAL_YEARS`], four-digit
//! years): at 3,987 with the real data.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// What to generate.
#[derive(Debug, Clone)]
pub struct GenOptions {
    /// The data folder the copies are made from.
    pub data: PathBuf,
    pub out: PathBuf,
    /// How many times the data (1: the data as it is).
    pub scale: usize,
}

/// What was written.
#[derive(Debug, Clone, Default)]
pub struct GenReport {
    pub documents: usize,
    pub files: usize,
}

fn read_table(path: &Path) -> Result<toml::Table> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::read(path, e))?;
    text.parse::<toml::Table>().map_err(|e| Error::Syntax {
        location: crate::error::Location::from_offset(path, &text, e.span().map_or(0, |s| s.start)),
        message: e.message().to_owned(),
    })
}

fn write_table(path: &Path, header: &str, table: &toml::Table) -> Result<()> {
    let text = toml::to_string(table).map_err(|e| Error::internal("writing TOML", e))?;
    std::fs::write(path, format!("{header}{text}"))
        .map_err(|e| Error::write(path.display().to_string(), e))
}

fn copy_dir(from: &Path, to: &Path, files: &mut usize) -> Result<()> {
    std::fs::create_dir_all(to).map_err(|e| Error::io("create", to, e))?;
    for entry in std::fs::read_dir(from).map_err(|e| Error::read(from, e))? {
        let entry = entry.map_err(|e| Error::read(from, e))?;
        let (src, dst) = (entry.path(), to.join(entry.file_name()));
        if src.is_dir() {
            copy_dir(&src, &dst, files)?;
        } else {
            std::fs::copy(&src, &dst).map_err(|e| Error::io("copy", &src, e))?;
            *files += 1;
        }
    }
    Ok(())
}

/// `令和N年度` for `year`.
fn era_name(year: i64) -> String {
    format!("令和{}年度", year - 2018)
}

fn bad(path: &Path, message: impl Into<String>) -> Error {
    Error::Data {
        location: crate::error::Location::new(path, 1, 1),
        message: message.into(),
    }
}

/// Writes the data `scale` times larger into `opts.out` (absent or empty).
pub fn generate(opts: &GenOptions) -> Result<GenReport> {
    if opts.scale == 0 {
        return Err(Error::Choice {
            what: "--scale",
            value: "0".to_owned(),
            choices: "a whole number from 1 (the data as it is)".to_owned(),
        });
    }
    if opts.out.exists()
        && std::fs::read_dir(&opts.out)
            .map_err(|e| Error::read(&opts.out, e))?
            .next()
            .is_some()
    {
        return Err(Error::Choice {
            what: "--out",
            value: opts.out.display().to_string(),
            choices: "a folder that does not exist yet, or an empty one".to_owned(),
        });
    }
    let mut report = GenReport::default();
    let docs_path = opts.data.join("documents.toml");
    let templates: Vec<toml::Table> = read_table(&docs_path)?
        .get("document")
        .and_then(|d| d.as_array())
        .ok_or_else(|| bad(&docs_path, "no [[document]] to copy"))?
        .iter()
        .filter_map(|d| d.as_table().cloned())
        .collect();
    let mut first_new = i64::MIN;
    for t in &templates {
        let year = t.get("fiscal_year").and_then(|v| v.as_integer());
        let Some(year) = year.filter(|_| t.get("id").and_then(|v| v.as_str()).is_some()) else {
            return Err(bad(&docs_path, "a [[document]] without id or fiscal_year"));
        };
        first_new = first_new.max(year + 1);
    }
    if templates.is_empty() {
        return Err(bad(&docs_path, "no [[document]] to copy"));
    }
    // the newest copy must stay within the fiscal years the checks know
    let latest = *crate::check::FISCAL_YEARS.end() as i64;
    let max_scale = 1 + (latest - first_new + 1).max(0) / templates.len() as i64;
    if opts.scale as i64 > max_scale {
        return Err(Error::Choice {
            what: "--scale",
            value: opts.scale.to_string(),
            choices: format!(
                "1 to {max_scale}: every copy of the {} documents takes a new fiscal year after {}, and the checks know fiscal years up to {latest}",
                templates.len(),
                first_new - 1
            ),
        });
    }
    copy_dir(&opts.data, &opts.out, &mut report.files)?;

    let docs_path = opts.out.join("documents.toml");
    let mut docs = read_table(&docs_path)?;
    report.documents = templates.len();
    let mut new_docs = Vec::new();
    // (template year, new year) of every copy
    let mut years: Vec<(i64, i64)> = Vec::new();
    let mut new_year = first_new;
    for _ in 1..opts.scale {
        for t in &templates {
            let (Some(id), Some(year)) = (
                t.get("id").and_then(|v| v.as_str()),
                t.get("fiscal_year").and_then(|v| v.as_integer()),
            ) else {
                return Err(bad(&docs_path, "a [[document]] without id or fiscal_year"));
            };
            let new_id = format!("fy{new_year}");
            copy_dir(
                &opts.data.join(id),
                &opts.out.join(&new_id),
                &mut report.files,
            )?;
            let mut d = t.clone();
            d.insert("id".into(), toml::Value::String(new_id));
            d.insert("fiscal_year".into(), toml::Value::Integer(new_year));
            new_docs.push(toml::Value::Table(d));
            years.push((year, new_year));
            report.documents += 1;
            new_year += 1;
        }
    }
    if let Some(toml::Value::Array(a)) = docs.get_mut("document") {
        a.extend(new_docs);
    }
    let header = "# Synthetic data written by `medrd-kg gen`: the real documents and their copies under new fiscal years.\n\n";
    write_table(&docs_path, header, &docs)?;

    // the copies' fiscal years, and the years before them (their initial budgets)
    let ref_path = opts.out.join("reference.toml");
    let mut reference = read_table(&ref_path)?;
    if let Some(toml::Value::Array(fys)) = reference.get_mut("fiscal_year") {
        let mut known: std::collections::BTreeSet<i64> = fys
            .iter()
            .filter_map(|f| f.get("year").and_then(|y| y.as_integer()))
            .collect();
        for (_, y) in &years {
            for year in [y - 1, *y] {
                if known.insert(year) {
                    let mut t = toml::Table::new();
                    t.insert("year".into(), toml::Value::Integer(year));
                    t.insert("name".into(), toml::Value::String(era_name(year)));
                    fys.push(toml::Value::Table(t));
                }
            }
        }
    }
    write_table(&ref_path, header, &reference)?;

    // every program under its names for the copies' years
    let prog_path = opts.out.join("programs.toml");
    let mut programs = read_table(&prog_path)?;
    if let Some(toml::Value::Array(ps)) = programs.get_mut("program") {
        for p in ps.iter_mut() {
            let Some(p) = p.as_table_mut() else { continue };
            for key in ["names", "names_en"] {
                if let Some(toml::Value::Table(names)) = p.get_mut(key) {
                    for (from, to) in &years {
                        if let Some(n) = names.get(&from.to_string()).cloned() {
                            names.insert(to.to_string(), n);
                        }
                    }
                }
            }
        }
    }
    write_table(&prog_path, header, &programs)?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    #[test]
    fn era_names() {
        assert_eq!(super::era_name(2026), "令和8年度");
        assert_eq!(super::era_name(2028), "令和10年度");
    }
}
