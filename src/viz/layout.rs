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
/// Most lines of a node's name.
const MAX_LABEL_LINES: usize = 6;
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
    // a very long label is cut (the picture's tooltip keeps all of it)
    if lines.len() > MAX_LABEL_LINES {
        lines.truncate(MAX_LABEL_LINES);
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
    }
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

/// The layout being computed: boxes' sizes, columns, each edge's chain of column members and
/// the neighbours of each member.
struct Layered {
    size: Vec<(f64, f64)>,
    lines: Vec<Vec<String>>,
    /// Each edge's (source, target) node indices; `None` for self-loops and loose ends.
    ends: Vec<Option<(usize, usize)>>,
    rank: Vec<usize>,
    columns: Vec<Vec<Item>>,
    /// Each edge's members, left to right, with their columns.
    chains: Vec<Option<Vec<(usize, Key)>>>,
    left: HashMap<Key, Vec<Key>>,
    right: HashMap<Key, Vec<Key>>,
}

impl Layered {
    /// Sizes, columns and chains of `graph`.
    fn new(graph: &Graph, lang: Lang) -> Layered {
        let n = graph.nodes.len();
        let index: HashMap<&str, usize> = graph
            .nodes
            .iter()
            .enumerate()
            .map(|(i, nd)| (nd.id.as_str(), i))
            .collect();
        let lines: Vec<Vec<String>> = (0..n).map(|i| label_lines(graph, i, lang)).collect();
        let size = lines
            .iter()
            .map(|l| {
                let w = l.iter().map(|s| text_width(s, FONT)).fold(0.0, f64::max) + 2.0 * PAD_X;
                (w, l.len() as f64 * LEADING + 2.0 * PAD_Y)
            })
            .collect();
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
        // initial order by id (nodes are sorted by id)
        let mut columns: Vec<Vec<Item>> = vec![Vec::new(); columns_n];
        for (i, &r) in rank.iter().enumerate() {
            columns[r].push(Item::Node(i));
        }
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
        let mut left: HashMap<Key, Vec<Key>> = HashMap::new();
        let mut right: HashMap<Key, Vec<Key>> = HashMap::new();
        for chain in chains.iter().flatten() {
            for w in chain.windows(2) {
                right.entry(w[0].1).or_default().push(w[1].1);
                left.entry(w[1].1).or_default().push(w[0].1);
            }
        }
        Layered {
            size,
            lines,
            ends,
            rank,
            columns,
            chains,
            left,
            right,
        }
    }

    /// An edge's ends, left column first.
    fn left_first(&self, (s, t): (usize, usize)) -> (usize, usize) {
        if self.rank[s] <= self.rank[t] {
            (s, t)
        } else {
            (t, s)
        }
    }

    fn height_of(&self, it: &Item) -> f64 {
        match it {
            Item::Node(i) => self.size[*i].1,
            Item::Waypoint { .. } => 4.0,
        }
    }

    /// Reorders each column by the barycentre of its members' neighbours, sweeping left to
    /// right and back (ties by key, so the result is deterministic).
    fn order_columns(&mut self) {
        let columns_n = self.columns.len();
        let mut order: HashMap<Key, f64> = HashMap::new();
        for col in &self.columns {
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
            let nb = if forward { &self.left } else { &self.right };
            for c in cols {
                let mut scored: Vec<(f64, Key, Item)> = self.columns[c]
                    .iter()
                    .map(|it| {
                        let k = key(it);
                        let here = order.get(&k).copied().unwrap_or(0.0);
                        (mean(nb.get(&k), &order).unwrap_or(here), k, *it)
                    })
                    .collect();
                scored.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
                self.columns[c] = scored.into_iter().map(|x| x.2).collect();
                for (p, it) in self.columns[c].iter().enumerate() {
                    order.insert(key(it), p as f64);
                }
            }
        }
    }

    /// The centre height of every member: each column stacked, then each member pulled
    /// towards its neighbours' centres, in order and a gap apart.
    fn heights(&self) -> HashMap<Key, f64> {
        let mut y: HashMap<Key, f64> = HashMap::new();
        for col in &self.columns {
            let mut at = 0.0;
            for it in col {
                y.insert(key(it), at + self.height_of(it) / 2.0);
                at += self.height_of(it) + GAP_Y;
            }
        }
        let columns_n = self.columns.len();
        for round in 0..6 {
            let cols: Vec<usize> = if round % 2 == 0 {
                (0..columns_n).collect()
            } else {
                (0..columns_n).rev().collect()
            };
            for c in cols {
                let col = &self.columns[c];
                let want: Vec<f64> = col
                    .iter()
                    .map(|it| {
                        let k = key(it);
                        let mut nbs: Vec<Key> = Vec::new();
                        nbs.extend(self.left.get(&k).into_iter().flatten());
                        nbs.extend(self.right.get(&k).into_iter().flatten());
                        mean(Some(&nbs), &y).unwrap_or_else(|| y.get(&k).copied().unwrap_or(0.0))
                    })
                    .collect();
                let hs: Vec<f64> = col.iter().map(|it| self.height_of(it)).collect();
                for (it, v) in col.iter().zip(settle(&want, &hs)) {
                    y.insert(key(it), v);
                }
            }
        }
        y
    }

    /// Where each edge's label goes: on its free end, the end whose box has only this edge on
    /// that side (`Some(true)`: at the right end), or nowhere.
    fn label_ends(&self) -> Vec<Option<bool>> {
        let mut out_deg: BTreeMap<usize, usize> = BTreeMap::new();
        let mut in_deg: BTreeMap<usize, usize> = BTreeMap::new();
        for e in self.ends.iter().flatten() {
            let (a, b) = self.left_first(*e);
            *out_deg.entry(a).or_default() += 1;
            *in_deg.entry(b).or_default() += 1;
        }
        self.ends
            .iter()
            .map(|e| {
                let (a, b) = self.left_first((*e)?);
                if in_deg.get(&b) == Some(&1) {
                    Some(true)
                } else if out_deg.get(&a) == Some(&1) {
                    Some(false)
                } else {
                    None
                }
            })
            .collect()
    }

    /// Each column's left edge and width: the widest box, and gaps wide enough for the labels
    /// that go in them.
    fn columns_x(&self, graph: &Graph, labelled: &[Option<bool>]) -> (Vec<f64>, Vec<f64>) {
        let columns_n = self.columns.len();
        let mut gap = vec![GAP_X; columns_n];
        for (j, e) in self.ends.iter().enumerate() {
            let (Some((s, t)), Some(_)) = (*e, labelled[j]) else {
                continue;
            };
            let c = self.rank[s].min(self.rank[t]);
            let w = text_width(&graph.edges[j].label, EDGE_FONT).min(MAX_EDGE_LABEL) + 40.0;
            gap[c] = gap[c].max(w);
        }
        let (mut col_x, mut col_w) = (Vec::with_capacity(columns_n), Vec::with_capacity(columns_n));
        let mut x = MARGIN;
        for (c, col) in self.columns.iter().enumerate() {
            let w = col
                .iter()
                .map(|it| match it {
                    Item::Node(i) => self.size[*i].0,
                    Item::Waypoint { .. } => 0.0,
                })
                .fold(0.0, f64::max);
            col_x.push(x);
            col_w.push(w);
            x += w + gap[c];
        }
        (col_x, col_w)
    }

    /// The path of edge `j` through its waypoints, from its source's side to its target's.
    fn curve(
        &self,
        j: usize,
        boxes: &[NodeBox],
        cols: &(Vec<f64>, Vec<f64>),
        y: &dyn Fn(&Key) -> f64,
        label_end: Option<bool>,
    ) -> Option<Curve> {
        let chain = self.chains[j].as_ref()?;
        let (s, t) = self.ends[j]?;
        let (a, b) = self.left_first((s, t));
        let (ba, bb) = (&boxes[a], &boxes[b]);
        // an edge whose reverse is also drawn runs a little above or below it
        let shift = if self.ends.contains(&Some((t, s))) {
            if s < t {
                -5.0
            } else {
                5.0
            }
        } else {
            0.0
        };
        let mut pts = vec![(ba.x + ba.w, ba.y + ba.h / 2.0 + shift)];
        for &(c, k) in &chain[1..chain.len() - 1] {
            pts.push((cols.0[c], y(&k) + shift));
            pts.push((cols.0[c] + cols.1[c], y(&k) + shift));
        }
        pts.push((bb.x, bb.y + bb.h / 2.0 + shift));
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
        let label_at = label_end.map(|right_end| {
            if right_end {
                (bb.x - 8.0, bb.y + bb.h / 2.0 - 4.0, true)
            } else {
                (ba.x + ba.w + 8.0, ba.y + ba.h / 2.0 - 4.0, false)
            }
        });
        Some(Curve { d, label_at })
    }
}

/// The mean of the values of `keys` in `at`, if any has one.
fn mean(keys: Option<&Vec<Key>>, at: &HashMap<Key, f64>) -> Option<f64> {
    let vals: Vec<f64> = keys?.iter().filter_map(|k| at.get(k).copied()).collect();
    (!vals.is_empty()).then(|| vals.iter().sum::<f64>() / vals.len() as f64)
}

/// Centres for boxes of heights `hs`, in order, as close to `want` as the gap between them
/// allows: pushed down to keep the gap, the column moved up by half its mean overshoot, then
/// pushed up to keep the gap again.
fn settle(want: &[f64], hs: &[f64]) -> Vec<f64> {
    let mut cy = want.to_vec();
    for i in 1..cy.len() {
        let min = cy[i - 1] + hs[i - 1] / 2.0 + GAP_Y + hs[i] / 2.0;
        if cy[i] < min {
            cy[i] = min;
        }
    }
    let over: f64 = cy.iter().zip(want).map(|(a, b)| a - b).sum::<f64>() / cy.len().max(1) as f64;
    for v in &mut cy {
        *v -= over / 2.0;
    }
    for i in (0..cy.len().saturating_sub(1)).rev() {
        let max = cy[i + 1] - hs[i + 1] / 2.0 - GAP_Y - hs[i] / 2.0;
        if cy[i] > max {
            cy[i] = max;
        }
    }
    cy
}

/// Lays `graph` out left to right.
pub fn layout(graph: &Graph, lang: Lang) -> Result<Layout> {
    let mut l = Layered::new(graph, lang);
    l.order_columns();
    let y = l.heights();
    let labelled = l.label_ends();
    let cols = l.columns_x(graph, &labelled);
    // move everything to a margin from the top
    let min_y = y
        .iter()
        .map(|(k, v)| v - if k.0 == 0 { l.size[k.1].1 / 2.0 } else { 2.0 })
        .fold(f64::INFINITY, f64::min);
    let dy = if min_y.is_finite() {
        MARGIN - min_y
    } else {
        MARGIN
    };
    let at = |k: &Key| y.get(k).copied().unwrap_or(0.0) + dy;
    let lines = std::mem::take(&mut l.lines);
    let boxes: Vec<NodeBox> = lines
        .into_iter()
        .enumerate()
        .map(|(i, lines)| {
            let (w, h) = l.size[i];
            let c = l.rank[i];
            let cy = at(&key(&Item::Node(i)));
            NodeBox {
                x: cols.0[c] + (cols.1[c] - w) / 2.0,
                y: cy - h / 2.0,
                w,
                h,
                lines,
            }
        })
        .collect();
    let curves = (0..l.ends.len())
        .map(|j| l.curve(j, &boxes, &cols, &at, labelled[j]))
        .collect();
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
    fn settled_boxes_keep_their_order_and_gap() {
        // three boxes all wanting the same place end up stacked, a gap apart, around it
        let cy = settle(&[100.0, 100.0, 100.0], &[20.0, 20.0, 20.0]);
        for w in cy.windows(2) {
            assert!(w[1] - w[0] >= 20.0 + GAP_Y - 1e-9, "{cy:?}");
        }
        assert!(cy[0] < 100.0 && cy[2] > 100.0, "{cy:?}");
    }

    #[test]
    fn a_source_sits_next_to_its_successor() {
        // 0 → 1 → 2 and 3 → 2: 3 goes into column 1, not 0
        let r = ranks(4, &[(0, 1), (1, 2), (3, 2)]);
        assert_eq!(r, vec![0, 1, 2, 1]);
    }
}
