//! The ontology concept each code of the data stands for (`mrd:` SKOS concepts).

use oxigraph::model::NamedNodeRef;

use crate::model::{Category, Certainty, EndKind, Flag, Kind, Phase, PhaseBasis, RelationKind};
use crate::rdf::vocab::mrd;

pub fn category(c: Category) -> NamedNodeRef<'static> {
    match c {
        Category::Amed => mrd::CATEGORY_AMED,
        Category::Inhouse => mrd::CATEGORY_INHOUSE,
    }
}

pub fn kind(k: Kind) -> NamedNodeRef<'static> {
    match k {
        Kind::Total => mrd::KIND_TOTAL,
        Kind::Request => mrd::KIND_REQUEST,
        Kind::Youbou => mrd::KIND_YOUBOU,
        Kind::PrevInitial => mrd::KIND_PREV_INITIAL,
    }
}

pub fn certainty(c: Certainty) -> NamedNodeRef<'static> {
    match c {
        Certainty::Certain => mrd::CERTAIN,
        Certainty::Inferred => mrd::INFERRED,
        Certainty::Ambiguous => mrd::AMBIGUOUS,
    }
}

pub fn flag(f: Flag) -> NamedNodeRef<'static> {
    match f {
        Flag::New => mrd::FLAG_NEW,
        Flag::Expanded => mrd::FLAG_EXPANDED,
    }
}

pub fn phase(p: Phase) -> NamedNodeRef<'static> {
    match p {
        Phase::Basic => mrd::PHASE_BASIC,
        Phase::Applied => mrd::PHASE_APPLIED,
        Phase::Nonclinical => mrd::PHASE_NONCLINICAL,
        Phase::Clinical => mrd::PHASE_CLINICAL,
        Phase::Practical => mrd::PHASE_PRACTICAL,
    }
}

/// A phase that was stated is as certain as a stated figure; an inferred one is inferred.
pub fn phase_basis(b: PhaseBasis) -> NamedNodeRef<'static> {
    match b {
        PhaseBasis::Stated => mrd::CERTAIN,
        PhaseBasis::Inferred => mrd::INFERRED,
    }
}

pub fn relation_kind(k: RelationKind) -> NamedNodeRef<'static> {
    match k {
        RelationKind::Collaboration => mrd::REL_COLLABORATION,
        RelationKind::CollaborationCooperation => mrd::REL_COLLABORATION_COOPERATION,
        RelationKind::Derivation => mrd::REL_DERIVATION,
        RelationKind::Support => mrd::REL_SUPPORT,
        RelationKind::Utilization => mrd::REL_UTILIZATION,
        RelationKind::Application => mrd::REL_APPLICATION,
        RelationKind::Feedback => mrd::REL_FEEDBACK,
        RelationKind::Registration => mrd::REL_REGISTRATION,
        RelationKind::ExitStrategy => mrd::REL_EXIT_STRATEGY,
        RelationKind::Deployment => mrd::REL_DEPLOYMENT,
        RelationKind::Relisting => mrd::REL_RELISTING,
        RelationKind::Implementation => mrd::REL_IMPLEMENTATION,
        RelationKind::Other => mrd::REL_OTHER,
    }
}

pub fn end_kind(k: EndKind) -> NamedNodeRef<'static> {
    match k {
        EndKind::Project => mrd::PARTY_PROJECT,
        EndKind::Program => mrd::PARTY_PROGRAM,
        EndKind::Organization => mrd::PARTY_ORGANIZATION,
        EndKind::Block => mrd::PARTY_BLOCK,
        EndKind::Unspecified => mrd::PARTY_UNSPECIFIED,
    }
}

/// The official / unofficial status of an English name.
pub fn english_status(official: bool) -> NamedNodeRef<'static> {
    if official {
        mrd::OFFICIAL
    } else {
        mrd::UNOFFICIAL
    }
}

/// The Japanese and English labels of a funding-category, figure-kind or phase concept, as
/// `ontology/medrd.ttl` gives them (a test keeps the two the same), for the labels of the
/// observations.
pub fn label(concept: NamedNodeRef<'_>) -> (&'static str, &'static str) {
    const LABELS: &[(NamedNodeRef<'static>, &str, &str)] = &[
        (
            mrd::CATEGORY_AMED,
            "日本医療研究開発機構対象経費",
            "AMED-targeted expenses",
        ),
        (
            mrd::CATEGORY_INHOUSE,
            "インハウス研究機関経費",
            "in-house research institute expenses",
        ),
        (mrd::CATEGORY_ALL, "合計", "both categories"),
        (
            mrd::KIND_TOTAL,
            "概算要求・要望額",
            "request total (request + priority request)",
        ),
        (mrd::KIND_REQUEST, "概算要求額", "budget request"),
        (mrd::KIND_YOUBOU, "要望額", "special priority request"),
        (
            mrd::KIND_PREV_INITIAL,
            "前年度当初予算額",
            "previous year's initial budget",
        ),
        (
            mrd::KIND_SUPPLEMENTARY,
            "補正予算額",
            "supplementary budget",
        ),
        (
            mrd::KIND_STATED_SUM,
            "文中の額",
            "amount stated in a sentence",
        ),
        (
            mrd::KIND_RELISTED,
            "再掲額",
            "re-listed amount (counted under its main line)",
        ),
        (
            mrd::KIND_SUBTOTAL,
            "小計",
            "subtotal (the sum of other lines, printed)",
        ),
        (mrd::PHASE_BASIC, "基礎研究", "basic research"),
        (mrd::PHASE_APPLIED, "応用研究", "applied research"),
        (mrd::PHASE_NONCLINICAL, "非臨床", "non-clinical"),
        (
            mrd::PHASE_CLINICAL,
            "臨床研究・治験",
            "clinical research and trials",
        ),
        (mrd::PHASE_PRACTICAL, "実用化", "practical use"),
    ];
    LABELS
        .iter()
        .find(|(c, _, _)| *c == concept)
        .map_or(("", ""), |(_, ja, en)| (*ja, *en))
}

#[cfg(test)]
mod tests {
    use oxigraph::io::{RdfFormat, RdfParser};
    use oxigraph::model::{NamedOrBlankNode, Term};

    use super::*;
    use crate::rdf::vocab::skos;

    /// The labels the observations are named with are the concepts' own prefLabels.
    #[test]
    fn labels_are_the_ontology_pref_labels() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/ontology/medrd.ttl");
        let text = std::fs::read(path).expect("ontology/medrd.ttl");
        let quads: Vec<_> = RdfParser::from_format(RdfFormat::Turtle)
            .for_slice(&text)
            .map(|q| q.expect("parses"))
            .collect();
        for concept in [
            mrd::CATEGORY_AMED,
            mrd::CATEGORY_INHOUSE,
            mrd::CATEGORY_ALL,
            mrd::KIND_TOTAL,
            mrd::KIND_REQUEST,
            mrd::KIND_YOUBOU,
            mrd::KIND_PREV_INITIAL,
            mrd::KIND_SUPPLEMENTARY,
            mrd::KIND_STATED_SUM,
            mrd::KIND_RELISTED,
            mrd::KIND_SUBTOTAL,
            mrd::PHASE_BASIC,
            mrd::PHASE_APPLIED,
            mrd::PHASE_NONCLINICAL,
            mrd::PHASE_CLINICAL,
            mrd::PHASE_PRACTICAL,
        ] {
            let (ja, en) = label(concept);
            let pref = |lang: &str| {
                quads.iter().find_map(|q| match (&q.subject, &q.object) {
                    (NamedOrBlankNode::NamedNode(s), Term::Literal(l))
                        if s.as_ref() == concept
                            && q.predicate == skos::PREF_LABEL
                            && l.language() == Some(lang) =>
                    {
                        Some(l.value().to_owned())
                    }
                    _ => None,
                })
            };
            assert_eq!(pref("ja").as_deref(), Some(ja), "{concept}");
            assert_eq!(pref("en").as_deref(), Some(en), "{concept}");
        }
    }
}
