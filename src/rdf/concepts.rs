//! The ontology concept each code of the data stands for (`mrd:` SKOS concepts).

use oxigraph::model::NamedNodeRef;

use crate::model::{Category, Certainty, Flag, Kind, Phase, PhaseBasis};
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

/// The official / unofficial status of an English name.
pub fn english_status(official: bool) -> NamedNodeRef<'static> {
    if official {
        mrd::OFFICIAL
    } else {
        mrd::UNOFFICIAL
    }
}
