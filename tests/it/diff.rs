//! A small unified-style line diff for failure messages (golden files, round trips): the
//! hunks of `expected` → `actual` with two lines of context, up to the first
//! [`MAX_CHANGED`] differing lines.

use std::fmt::Write;

/// At most this many differing lines are shown; the rest are counted.
pub const MAX_CHANGED: usize = 40;
const CONTEXT: usize = 2;
/// Above this many cells, the longest-common-subsequence table is not built and the
/// differing middle part is shown as removed, then added (still a correct diff).
const MAX_CELLS: usize = 4_000_000;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Op {
    Same,
    Removed,
    Added,
}

/// One line of the edit script, with the 0-based positions in `expected` and `actual` it
/// stands at.
#[derive(Clone, Copy, Debug)]
struct Edit {
    op: Op,
    a: usize,
    b: usize,
}

/// The unified diff from `expected` to `actual` (labelled as given), or a note that they
/// are equal.
pub fn unified(expected_label: &str, expected: &str, actual_label: &str, actual: &str) -> String {
    if expected == actual {
        return "(no difference)\n".to_owned();
    }
    // lines keep their terminator, so that a missing final newline or a \r is a difference
    let a: Vec<&str> = expected.split_inclusive('\n').collect();
    let b: Vec<&str> = actual.split_inclusive('\n').collect();
    let edits = edit_script(&a, &b);
    let changed: Vec<usize> = (0..edits.len())
        .filter(|&i| edits[i].op != Op::Same)
        .collect();

    let mut out = format!("--- {expected_label}\n+++ {actual_label}\n");
    let mut shown = 0;
    let mut k = 0;
    while k < changed.len() && shown < MAX_CHANGED {
        // a hunk: changes closer than 2 × CONTEXT lines of equal text are shown together
        let first = changed[k];
        let mut last = first;
        while k + 1 < changed.len() && changed[k + 1] - last <= 2 * CONTEXT + 1 {
            k += 1;
            last = changed[k];
        }
        k += 1;
        let start = first.saturating_sub(CONTEXT);
        let end = (last + CONTEXT + 1).min(edits.len());
        let hunk = &edits[start..end];
        let a_len = hunk.iter().filter(|e| e.op != Op::Added).count();
        let b_len = hunk.iter().filter(|e| e.op != Op::Removed).count();
        let pos = |p: usize, len: usize| if len == 0 { p } else { p + 1 };
        let _ = writeln!(
            out,
            "@@ -{},{a_len} +{},{b_len} @@",
            pos(hunk[0].a, a_len),
            pos(hunk[0].b, b_len)
        );
        for e in hunk {
            let (sign, line) = match e.op {
                Op::Same => (' ', a[e.a]),
                Op::Removed => ('-', a[e.a]),
                Op::Added => ('+', b[e.b]),
            };
            if e.op != Op::Same {
                if shown == MAX_CHANGED {
                    break;
                }
                shown += 1;
            }
            out.push(sign);
            out.push_str(&show(line));
            out.push('\n');
        }
    }
    if shown < changed.len() {
        let _ = writeln!(out, "… and {} more differing lines", changed.len() - shown);
    }
    out
}

/// A line for display: without its `\n`, with a `\r` made visible and a missing final
/// newline said.
fn show(line: &str) -> String {
    match line.strip_suffix('\n') {
        Some(l) => match l.strip_suffix('\r') {
            Some(l) => format!("{l}\\r"),
            None => l.to_owned(),
        },
        None => format!("{line}  (no newline at end)"),
    }
}

/// The edit script: the common prefix and suffix, and between them a longest common
/// subsequence (when small enough to compute).
fn edit_script(a: &[&str], b: &[&str]) -> Vec<Edit> {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ma, mb) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);

    let mut edits: Vec<Edit> = (0..prefix)
        .map(|i| Edit {
            op: Op::Same,
            a: i,
            b: i,
        })
        .collect();
    let (n, m) = (ma.len(), mb.len());
    let (mut i, mut j) = (0, 0);
    if (n + 1).saturating_mul(m + 1) <= MAX_CELLS {
        // lcs[i][j]: length of the longest common subsequence of ma[i..] and mb[j..]
        let w = m + 1;
        let mut lcs = vec![0u32; (n + 1) * w];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                lcs[i * w + j] = if ma[i] == mb[j] {
                    lcs[(i + 1) * w + j + 1] + 1
                } else {
                    lcs[(i + 1) * w + j].max(lcs[i * w + j + 1])
                };
            }
        }
        while i < n && j < m {
            let op = if ma[i] == mb[j] {
                Op::Same
            } else if lcs[(i + 1) * w + j] >= lcs[i * w + j + 1] {
                Op::Removed
            } else {
                Op::Added
            };
            edits.push(Edit {
                op,
                a: prefix + i,
                b: prefix + j,
            });
            match op {
                Op::Same => (i, j) = (i + 1, j + 1),
                Op::Removed => i += 1,
                Op::Added => j += 1,
            }
        }
    }
    for i in i..n {
        edits.push(Edit {
            op: Op::Removed,
            a: prefix + i,
            b: prefix + j,
        });
    }
    for j in j..m {
        edits.push(Edit {
            op: Op::Added,
            a: prefix + n,
            b: prefix + j,
        });
    }
    for k in 0..suffix {
        edits.push(Edit {
            op: Op::Same,
            a: prefix + n + k,
            b: prefix + m + k,
        });
    }
    edits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_changed_lines_with_context() {
        let expected = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n";
        let actual = "a\nb\nc\nD\ne\nf\ng\nh\ni\nj\nk\n";
        assert_eq!(
            unified("expected", expected, "actual", actual),
            "--- expected\n+++ actual\n\
             @@ -2,5 +2,5 @@\n b\n c\n-d\n+D\n e\n f\n\
             @@ -9,2 +9,3 @@\n i\n j\n+k\n"
        );
    }

    #[test]
    fn a_missing_final_newline_is_a_difference() {
        let d = unified("e", "x\ny\n", "a", "x\ny");
        assert!(d.contains("-y\n+y  (no newline at end)\n"), "{d}");
    }

    #[test]
    fn stops_after_the_first_differing_lines() {
        let expected: String = (0..100).map(|i| format!("{i}\n")).collect();
        let actual: String = (0..100).map(|i| format!("{}\n", i * 7)).collect();
        let d = unified("e", &expected, "a", &actual);
        let changed = d
            .lines()
            .filter(|l| {
                (l.starts_with('-') || l.starts_with('+'))
                    && !l.starts_with("---")
                    && !l.starts_with("+++")
            })
            .count();
        assert_eq!(changed, MAX_CHANGED, "{d}");
        assert!(d.contains("more differing lines"), "{d}");
    }
}
