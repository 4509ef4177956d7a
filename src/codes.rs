//! The closed code lists of the data files, each with its valid choices (for error
//! messages) and the ontology concept it stands for.

use oxigraph::model::NamedNodeRef;

use crate::vocab::mrd;

macro_rules! code_list {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $text:literal => $iri:expr),* $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            pub fn parse(s: &str) -> Option<Self> {
                match s { $($text => Some($name::$variant),)* _ => None }
            }
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),* }
            }
            pub fn iri(self) -> NamedNodeRef<'static> {
                match self { $($name::$variant => $iri),* }
            }
            /// The valid choices, for messages: `"a", "b"`.
            pub fn choices() -> String {
                [$(concat!("\"", $text, "\"")),*].join(", ")
            }
        }
    };
}

code_list!(
    /// Funding category of a figure.
    Category {
        Amed = "AMED" => mrd::CATEGORY_AMED,
        Inhouse = "inhouse" => mrd::CATEGORY_INHOUSE,
    }
);

code_list!(
    /// Kind of a summary-table figure.
    Kind {
        Total = "total" => mrd::KIND_TOTAL,
        Request = "request" => mrd::KIND_REQUEST,
        Youbou = "youbou" => mrd::KIND_YOUBOU,
        PrevInitial = "prev_initial" => mrd::KIND_PREV_INITIAL,
    }
);

code_list!(
    /// The sums stated in sentences of the summary page.
    NoteKey {
        CoordinationFundTotal = "coordination_fund_total" => mrd::KIND_STATED_SUM,
        CoordinationFundMedical = "coordination_fund_medical" => mrd::KIND_STATED_SUM,
        OtherAmed = "other_amed" => mrd::KIND_STATED_SUM,
        OtherInhouse = "other_inhouse" => mrd::KIND_STATED_SUM,
    }
);

code_list!(
    /// Kind of a budget line of a diagram page.
    LineKind {
        Program = "program" => mrd::BUDGET_LINE,
        Group = "group" => mrd::BUDGET_LINE,
        Area = "area" => mrd::BUDGET_LINE,
        Block = "block" => mrd::BUDGET_LINE,
        Listed = "listed" => mrd::BUDGET_LINE,
    }
);

code_list!(
    /// How sure the assignment of a figure is.
    Certainty {
        Certain = "certain" => mrd::CERTAIN,
        Inferred = "inferred" => mrd::INFERRED,
        Ambiguous = "ambiguous" => mrd::AMBIGUOUS,
    }
);

code_list!(
    /// Flags printed on programs.
    Flag {
        New = "新規" => mrd::FLAG_NEW,
        Expanded = "拡充" => mrd::FLAG_EXPANDED,
    }
);

code_list!(
    /// The R&D phase axis, in order.
    Phase {
        Basic = "basic" => mrd::PHASE_BASIC,
        Applied = "applied" => mrd::PHASE_APPLIED,
        Nonclinical = "nonclinical" => mrd::PHASE_NONCLINICAL,
        Clinical = "clinical" => mrd::PHASE_CLINICAL,
        Practical = "practical" => mrd::PHASE_PRACTICAL,
    }
);

code_list!(
    /// Whether a phase was stated on the page or inferred from a description.
    PhaseBasis {
        Stated = "stated" => mrd::CERTAIN,
        Inferred = "inferred" => mrd::INFERRED,
    }
);

/// Ministry code `ALL`: the sum over ministries.
pub const ALL_MINISTRIES: &str = "ALL";
/// Organization id used for `ALL`.
pub const ALL_MINISTRIES_ID: &str = "all";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_lists_round_trip_and_list_choices() {
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.as_str()), Some(*k));
        }
        assert_eq!(Kind::parse("requested"), None);
        assert_eq!(
            Kind::choices(),
            "\"total\", \"request\", \"youbou\", \"prev_initial\""
        );
    }
}
