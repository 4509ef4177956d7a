//! Chunks of a graph for upload: at most `size` triples each, except that the triples that
//! share a blank node always go in the same request (a blank node means one node only
//! within one request body).

use std::collections::HashMap;

use oxigraph::model::{BlankNode, NamedOrBlankNode, Term, Triple};

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// The blank nodes of `t`.
fn blanks(t: &Triple) -> impl Iterator<Item = &BlankNode> {
    let s = match &t.subject {
        NamedOrBlankNode::BlankNode(b) => Some(b),
        _ => None,
    };
    let o = match &t.object {
        Term::BlankNode(b) => Some(b),
        _ => None,
    };
    s.into_iter().chain(o)
}

/// `triples` in chunks of at most `size` (at least 1), blank-node groups kept whole (a
/// group larger than `size` is a chunk of its own). The order of the triples is kept
/// within each group.
pub fn chunks(triples: &[Triple], size: usize) -> Vec<Vec<&Triple>> {
    let size = size.max(1);
    let mut parent: Vec<usize> = (0..triples.len()).collect();
    let mut owner: HashMap<&BlankNode, usize> = HashMap::new();
    for (i, t) in triples.iter().enumerate() {
        for b in blanks(t) {
            match owner.get(b) {
                Some(&j) => {
                    let (a, c) = (find(&mut parent, i), find(&mut parent, j));
                    parent[a.max(c)] = a.min(c);
                }
                None => {
                    owner.insert(b, i);
                }
            }
        }
    }
    // groups in the order of their first triple
    let mut groups: Vec<Vec<&Triple>> = Vec::new();
    let mut at: HashMap<usize, usize> = HashMap::new();
    for (i, t) in triples.iter().enumerate() {
        let r = find(&mut parent, i);
        let g = *at.entry(r).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(t);
    }
    let mut out: Vec<Vec<&Triple>> = Vec::new();
    for g in groups {
        match out.last_mut() {
            Some(last) if last.len() + g.len() <= size => last.extend(g),
            _ => out.push(g),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{Literal, NamedNode};

    #[test]
    fn blank_node_groups_stay_whole() {
        let p = NamedNode::new("http://e/p").unwrap();
        let named = |i: usize| NamedNode::new(format!("http://e/s{i}")).unwrap();
        let b1 = BlankNode::new("b1").unwrap();
        let b2 = BlankNode::new("b2").unwrap();
        let mut t = Vec::new();
        for i in 0..5 {
            t.push(Triple::new(named(i), p.clone(), Literal::from(i as i64)));
        }
        // s0 → b1 → b2 → literal: one group of three, spread through the list
        t.insert(1, Triple::new(named(0), p.clone(), b1.clone()));
        t.push(Triple::new(b1.clone(), p.clone(), b2.clone()));
        t.push(Triple::new(b2.clone(), p.clone(), Literal::from(9)));
        let c = chunks(&t, 2);
        assert_eq!(c.iter().map(Vec::len).sum::<usize>(), t.len());
        let with_blank: Vec<usize> = c
            .iter()
            .enumerate()
            .filter(|(_, ch)| ch.iter().any(|t| blanks(t).next().is_some()))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(with_blank.len(), 1, "{c:?}");
        assert_eq!(c[with_blank[0]].len(), 3);
        assert!(c.iter().all(|ch| ch.len() <= 3));
    }
}
