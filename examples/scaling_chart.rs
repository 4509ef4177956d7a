//! Draws the scaling chart of `docs/PERFORMANCE.md` from what `scripts/bench-build.sh`
//! measured (its `TSV=` file: scale, triples, build s, build MiB, store MiB, loader s,
//! loader MiB per line), with medrd-kg's own chart code (`chart::loglog`).
//!
//! Usage: cargo run --example scaling_chart -- build.tsv out.svg ["note" ...]

use std::process::ExitCode;

use medrd_kg::chart::loglog::{chart, Panel, Series};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(input), Some(output)) = (args.first(), args.get(1)) else {
        eprintln!("usage: scaling_chart BUILD.tsv OUT.svg [NOTE...]");
        return ExitCode::from(2);
    };
    match run(input, output, &args[2..]) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("scaling_chart: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(input: &str, output: &str, notes: &[String]) -> Result<(), String> {
    let text = std::fs::read_to_string(input).map_err(|e| format!("{input}: {e}"))?;
    // (scale, build s, build MiB, store MiB, loader s, loader MiB)
    let mut rows: Vec<[f64; 6]> = Vec::new();
    for (i, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let f: Vec<f64> = line
            .split('\t')
            .map(|x| x.trim().parse::<f64>())
            .collect::<Result<_, _>>()
            .map_err(|e| format!("{input}:{}: {e}: {line:?}", i + 1))?;
        if f.len() != 7 {
            return Err(format!(
                "{input}:{}: expected 7 tab-separated numbers (scale triples build_s build_mib store_mib loader_s loader_mib), found {}",
                i + 1,
                f.len()
            ));
        }
        rows.push([f[0], f[2], f[3], f[4], f[5], f[6]]);
    }
    let series = |name: &str, col: usize| Series {
        name: name.to_owned(),
        points: rows.iter().map(|r| (r[0], r[col])).collect(),
    };
    let panels = [
        Panel {
            title: "wall time".into(),
            unit: "s".into(),
            series: vec![
                series("medrd-kg build (read, check, map, load)", 1),
                series("pyoxigraph bulk_load (the same N-Quads)", 4),
            ],
        },
        Panel {
            title: "peak memory (RSS)".into(),
            unit: "MiB".into(),
            series: vec![
                series("medrd-kg build (read, check, map, load)", 2),
                series("pyoxigraph bulk_load (the same N-Quads)", 5),
            ],
        },
    ];
    let svg = chart(
        "medrd-kg build against the scale of the data (log-log)",
        "scale (× the real data: 18,526 triples)",
        &panels,
        notes,
    )
    .map_err(|e| e.to_string())?;
    std::fs::write(output, svg).map_err(|e| format!("{output}: {e}"))
}
