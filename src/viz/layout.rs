//! A layered layout (after Sugiyama) of the model, left to right: each node gets a column
//! (its longest path from a source, cycles broken), edges that skip columns pass through
//! waypoints in the columns between, the order in each column is improved by barycentre
//! sweeps, and each node is pulled towards its neighbours' height without ever overlapping
//! another (boxes in a column are stacked with a gap, columns are apart). The SVG writer draws
//! from it; GraphML, GEXF and Cytoscape take its positions, so that yEd, Gephi and Cytoscape
//! open the graph already laid out. Everything is deterministic: ties go by node id.

use std::collections::{BTreeMap, HashMap};

use super::model::Graph;
use crate::draw::{num, text_width, wrap, Lang};
use crate::error::Result;

/// Label font size, in pixels.
pub const FONT: f64 = 13.0;
/// Line height of labels.
pub const LEADING: f64 = 17.0;
/// Font size of edge labels.
pub const EDGE_FONT: f64 = 11.0;
/// Widest label line, in pixels.
const MAX_LINE: f64 = 15.0 * FONT;
const PAD_X: f64 = 10.0;
const PAD_Y: f64 = 7.0;
/// Vertical gap between boxes of a column.
const GAP_Y: f64 = 12.0;
/// Horizontal gap between columns (wider where edge labels go).
const GAP_X: f64 = 70.0;
/// Widest edge label.
const MAX_EDGE_LABEL: f64 = 200.0;
const MARGIN: f64 = 20.0;

/// Where a node is drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeBox {
    /// Top-left corner and size.
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    /// The label's lines, the last ones the amounts when the node has some.
    pub lines: Vec<String>,
}

impl NodeBox {
    pub fn centre(&self) -> (f64, f64) {
        (self.x + self.w / 2.0, self.y + self.h / 2.0)
    }
}

/// Where an edge is drawn: SVG path data, and where its label goes (if it gets one).
#[derive(Debug, Clone, PartialEq)]
pub struct Curve {
    pub d: String,
    /// Baseline start of the label and whether it is anchored at its end.
    pub label_at: Option<(f64, f64, bool)>,
}

/// A laid-out graph: boxes by node index, curves by edge index, and the drawing's size.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub boxes: Vec<NodeBox>,
    pub curves: Vec<Option<Curve>>,
    pub width: f64,
    pub height: f64,
}

/// The lines of a node's label: the name wrapped, then its amounts.
pub fn label_lines(graph: &Graph, i: usize, lang: Lang) -> Vec<String> {
    let n = &graph.nodes[i];
    let mut lines = wrap(&n.label, MAX_LINE, FONT);
    if !n.amounts.is_empty() {
        for l in n.amount_lines(lang) {
            lines.extend(wrap(&l, MAX_LINE, FONT));
        }
    }
    lines
}

/// A column member: a node, or a waypoint of an edge that skips columns.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Item {
    Node(usize),
    Waypoint { edge: usize, column: usize },
}

/// A column member's key: (0, node, 0) or (1, edge, column).
type Key = (u8, usize, usize);

fn key(it: &Item) -> Key {
    match it {
        Item::Node(i) => (0, *i, 0),
        Item::Waypoint { edge, column } => (1, *edge, *column),
    }
}

/// Columns by longest path from a source, after reversing the edges that close cycles.
fn ranks(n: usize, edges: &[(usize, usize)]) -> Vec<usize> {
    let mut succ: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(s, t) in edges {
        succ[s].push(t);
    }
    // depth-first search; an edge to a node on the stack closes a cycle and is dropped here
    let mut state = vec![0u8; n]; // 0 new, 1 on stack, 2 done
    let mut order = Vec::with_capacity(n);
    let mut dag: Vec<Vec<usize>> = vec![Vec::new(); n];
    for root in 0..n {
        if state[root] != 0 {
            continue;
        }
        let mut stack = vec![(root, 0usize)];
        state[root] = 1;
        while let Some((v, i)) = stack.pop() {
            if i < succ[v].len() {
                stack.push((v, i + 1));
                let w = succ[v][i];
                match state[w] {
                    0 => {
                        dag[v].push(w);
                        state[w] = 1;
                        stack.push((w, 0));
                    }
                    2 => dag[v].push(w),
                    _ => {} // back edge: ignored for ranking
                }
            } else {
                state[v] = 2;
                order.push(v);
            }
        }
    }
    // reverse post-order is a topological order of the DAG
    let mut rank = vec![0usize; n];
    for &v in order.iter().rev() {
        for &w in &dag[v] {
            rank[w] = rank[w].max(rank[v] + 1);
        }
    }
    // pull sources right, next to their first successor (a ministry next to its programs)
    for v in 0..n {
        let preds = edges.iter().any(|&(_, t)| t == v);
        if !preds {
            if let Some(m) = dag[v].iter().map(|&w| rank[w]).min() {
                if m > 0 {
                    rank[v] = m - 1;
                }
            }
        }
    }
    rank
}

/// Lays `graph` out left to right.
pub fn layout(graph: &Graph, lang: Lang) -> Result<Layout> {
    let n = graph.nodes.len();
    let index: HashMap<&str, usize> = graph
        .nodes
        .iter()
        .enumerate()
        .map(|(i, nd)| (nd.id.as_str(), i))
        .collect();
    let lines: Vec<Vec<String>> = (0..n).map(|i| label_lines(graph, i, lang)).collect();
    let size: Vec<(f64, f64)> = lines
        .iter()
        .map(|l| {
            let w = l.iter().map(|s| text_width(s, FONT)).fold(0.0, f64::max) + 2.0 * PAD_X;
            (w, l.len() as f64 * LEADING + 2.0 * PAD_Y)
        })
        .collect();
    // edges by index, self-loops left out of the layout
    let ends: Vec<Option<(usize, usize)>> = graph
        .edges
        .iter()
        .map(
            |e| match (index.get(e.source.as_str()), index.get(e.target.as_str())) {
                (Some(&s), Some(&t)) if s != t => Some((s, t)),
                _ => None,
            },
        )
        .collect();
    let pairs: Vec<(usize, usize)> = ends.iter().flatten().copied().collect();
    let rank = ranks(n, &pairs);
    let columns_n = rank.iter().copied().max().map_or(0, |m| m + 1);
    // columns, initial order by id (nodes are sorted by id)
    let mut columns: Vec<Vec<Item>> = vec![Vec::new(); columns_n];
    for (i, &r) in rank.iter().enumerate() {
        columns[r].push(Item::Node(i));
    }
    // each edge as a chain of column members, left to right
    let mut chains: Vec<Option<Vec<(usize, Key)>>> = vec![None; ends.len()];
    for (j, e) in ends.iter().enumerate() {
        let Some((s, t)) = *e else { continue };
        let (a, b) = if rank[s] <= rank[t] { (s, t) } else { (t, s) };
        let (ra, rb) = (rank[a], rank[b]);
        let mut chain = vec![(ra, key(&Item::Node(a)))];
        for (c, col) in columns.iter_mut().enumerate().take(rb).skip(ra + 1) {
            let it = Item::Waypoint { edge: j, column: c };
            col.push(it);
            chain.push((c, key(&it)));
        }
        chain.push((rb, key(&Item::Node(b))));
        chains[j] = Some(chain);
    }
    // neighbours of each column member in the previous and next columns
    let mut left: HashMap<Key, Vec<Key>> = HashMap::new();
    let mut right: HashMap<Key, Vec<Key>> = HashMap::new();
    for chain in chains.iter().flatten() {
        for w in chain.windows(2) {
            right.entry(w[0].1).or_default().push(w[1].1);
            left.entry(w[1].1).or_default().push(w[0].1);
        }
    }
    // barycentre sweeps
    let mut order: HashMap<Key, f64> = HashMap::new();
    for col in &columns {
        for (p, it) in col.iter().enumerate() {
            order.insert(key(it), p as f64);
        }
    }
    for sweep in 0..8 {
        let forward = sweep % 2 == 0;
        let cols: Vec<usize> = if forward {
            (1..columns_n).collect()
        } else {
            (0..columns_n.saturating_sub(1)).rev().collect()
        };
        for c in cols {
            let nb = if forward { &left } else { &right };
            let mut scored: Vec<(f64, Key, Item)> = columns[c]
                .iter()
                .map(|it| {
                    let k = key(it);
                    let here = order.get(&k).copied().unwrap_or(0.0);
                    let b = nb
                        .get(&k)
                        .filter(|v| !v.is_empty())
                        .map(|v| {
                            v.iter().filter_map(|x| order.get(x)).sum::<f64>() / v.len() as f64
                        })
                        .unwrap_or(here);
                    (b, k, *it)
                })
                .collect();
            scored.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            columns[c] = scored.into_iter().map(|x| x.2).collect();
            for (p, it) in columns[c].iter().enumerate() {
                order.insert(key(it), p as f64);
            }
        }
    }
    // heights: stack each column, then pull members towards their neighbours' centres
    let height_of = |it: &Item| match it {
        Item::Node(i) => size[*i].1,
        Item::Waypoint { .. } => 4.0,
    };
    let mut y: HashMap<Key, f64> = HashMap::new();
    for col in &columns {
        let mut at = 0.0;
        for it in col {
            y.insert(key(it), at + height_of(it) / 2.0);
            at += height_of(it) + GAP_Y;
        }
    }
    for round in 0..6 {
        let forward = round % 2 == 0;
        let cols: Vec<usize> = if forward {
            (0..columns_n).collect()
        } else {
            (0..columns_n).rev().collect()
        };
        for c in cols {
            let col = &columns[c];
            let want: Vec<f64> = col
                .iter()
                .map(|it| {
                    let k = key(it);
                    let mut nbs: Vec<Key> = Vec::new();
                    nbs.extend(left.get(&k).into_iter().flatten());
                    nbs.extend(right.get(&k).into_iter().flatten());
                    let here = y.get(&k).copied().unwrap_or(0.0);
                    if nbs.is_empty() {
                        here
                    } else {
                        nbs.iter().filter_map(|x| y.get(x)).sum::<f64>() / nbs.len() as f64
                    }
                })
                .collect();
            // place in order at the wanted centres, pushing down to keep the gap, then up
            let hs: Vec<f64> = col.iter().map(height_of).collect();
            let mut cy = want.clone();
            for i in 1..cy.len() {
                let min = cy[i - 1] + hs[i - 1] / 2.0 + GAP_Y + hs[i] / 2.0;
                if cy[i] < min {
                    cy[i] = min;
                }
            }
            // spread the push evenly: move the whole column up by half its mean overshoot
            let over: f64 =
                cy.iter().zip(&want).map(|(a, b)| a - b).sum::<f64>() / cy.len().max(1) as f64;
            for v in &mut cy {
                *v -= over / 2.0;
            }
            for i in (0..cy.len().saturating_sub(1)).rev() {
                let max = cy[i + 1] - hs[i + 1] / 2.0 - GAP_Y - hs[i] / 2.0;
                if cy[i] > max {
                    cy[i] = max;
                }
            }
            for (it, v) in col.iter().zip(cy) {
                y.insert(key(it), v);
            }
        }
    }
    // edge labels: on the edge's free end (an end whose box has only this edge on that side)
    let mut out_deg: BTreeMap<usize, usize> = BTreeMap::new();
    let mut in_deg: BTreeMap<usize, usize> = BTreeMap::new();
    for &(s, t) in &pairs {
        let (a, b) = if rank[s] <= rank[t] { (s, t) } else { (t, s) };
        *out_deg.entry(a).or_default() += 1;
        *in_deg.entry(b).or_default() += 1;
    }
    let labelled: Vec<Option<bool>> = ends
        .iter()
        .map(|e| {
            let (s, t) = (*e)?;
            let (a, b) = if rank[s] <= rank[t] { (s, t) } else { (t, s) };
            if in_deg.get(&b) == Some(&1) {
                Some(true) // at the right end, anchored at the label's end
            } else if out_deg.get(&a) == Some(&1) {
                Some(false)
            } else {
                None
            }
        })
        .collect();
    // column x: widest box of each column, gaps wide enough for the labels that cross them
    let mut gap = vec![GAP_X; columns_n];
    for (j, e) in ends.iter().enumerate() {
        let (Some((s, t)), Some(_)) = (*e, labelled[j]) else {
            continue;
        };
        let c = rank[s].min(rank[t]);
        let w = text_width(&graph.edges[j].label, EDGE_FONT).min(MAX_EDGE_LABEL) + 40.0;
        gap[c] = gap[c].max(w);
    }
    let mut col_x = Vec::with_capacity(columns_n);
    let mut col_w = Vec::with_capacity(columns_n);
    let mut x = MARGIN;
    for (c, col) in columns.iter().enumerate() {
        let w = col
            .iter()
            .map(|it| match it {
                Item::Node(i) => size[*i].0,
                Item::Waypoint { .. } => 0.0,
            })
            .fold(0.0, f64::max);
        col_x.push(x);
        col_w.push(w);
        x += w + gap[c];
    }
    let min_y = y
        .iter()
        .map(|(k, v)| v - if k.0 == 0 { size[k.1].1 / 2.0 } else { 2.0 })
        .fold(f64::INFINITY, f64::min);
    let dy = if min_y.is_finite() {
        MARGIN - min_y
    } else {
        MARGIN
    };
    let mut boxes = Vec::with_capacity(n);
    for (i, l) in lines.into_iter().enumerate() {
        let (w, h) = size[i];
        let cy = y.get(&key(&Item::Node(i))).copied().unwrap_or(0.0) + dy;
        let c = rank[i];
        boxes.push(NodeBox {
            x: col_x[c] + (col_w[c] - w) / 2.0,
            y: cy - h / 2.0,
            w,
            h,
            lines: l,
        });
    }
    let mut curves = Vec::with_capacity(ends.len());
    for (j, chain) in chains.iter().enumerate() {
        let Some(chain) = chain else {
            curves.push(None);
            continue;
        };
        let Some((s, t)) = ends[j] else {
            curves.push(None);
            continue;
        };
        let (a, b) = if rank[s] <= rank[t] { (s, t) } else { (t, s) };
        let mut pts: Vec<(f64, f64)> = Vec::new();
        let ba = &boxes[a];
        pts.push((ba.x + ba.w, ba.y + ba.h / 2.0));
        for &(c, k) in &chain[1..chain.len() - 1] {
            let yy = y.get(&k).copied().unwrap_or(0.0) + dy;
            pts.push((col_x[c], yy));
            pts.push((col_x[c] + col_w[c], yy));
        }
        let bb = &boxes[b];
        pts.push((bb.x, bb.y + bb.h / 2.0));
        if s != a {
            pts.reverse(); // drawn from the source, so that the arrow head lands on the target
        }
        let mut d = format!("M{},{}", num(pts[0].0), num(pts[0].1));
        for w in pts.windows(2) {
            let ((x0, y0), (x1, y1)) = (w[0], w[1]);
            let dx = (x1 - x0) / 2.0;
            d.push_str(&format!(
                " C{},{} {},{} {},{}",
                num(x0 + dx),
                num(y0),
                num(x1 - dx),
                num(y1),
                num(x1),
                num(y1)
            ));
        }
        let label_at = labelled[j].map(|right_end| {
            if right_end {
                (bb.x - 8.0, bb.y + bb.h / 2.0 - 4.0, true)
            } else {
                (ba.x + ba.w + 8.0, ba.y + ba.h / 2.0 - 4.0, false)
            }
        });
        curves.push(Some(Curve { d, label_at }));
    }
    let width = boxes.iter().map(|b| b.x + b.w).fold(0.0, f64::max) + MARGIN;
    let height = boxes.iter().map(|b| b.y + b.h).fold(0.0, f64::max) + MARGIN;
    Ok(Layout {
        boxes,
        curves,
        width,
        height,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_follow_edges_and_survive_cycles() {
        // 0 → 1 → 2, 0 → 2, and a cycle 3 → 4 → 3
        let r = ranks(5, &[(0, 1), (1, 2), (0, 2), (3, 4), (4, 3)]);
        assert_eq!(&r[..3], &[0, 1, 2]);
        assert_ne!(r[3], r[4]);
    }

    #[test]
    fn a_source_sits_next_to_its_successor() {
        // 0 → 1 → 2 and 3 → 2: 3 goes into column 1, not 0
        let r = ranks(4, &[(0, 1), (1, 2), (3, 2)]);
        assert_eq!(r, vec![0, 1, 2, 1]);
    }
}
