//! The closed code lists of the data files. Each list knows its spellings in the data and
//! its valid choices (for error messages); which ontology concept a code stands for is the
//! mapping's business (`rdf::concepts`), so the model stays free of RDF.

/// A closed code list: every code has one spelling in the data files.
pub trait Code: Sized + Copy + 'static {
    /// Every code, in the list's order.
    const ALL: &'static [Self];
    /// The spelling in the data files.
    fn as_str(self) -> &'static str;

    fn parse(s: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.as_str() == s)
    }

    /// The valid choices, for messages: `"a", "b"`.
    fn choices() -> String {
        Self::ALL
            .iter()
            .map(|c| format!("{:?}", c.as_str()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

macro_rules! code_list {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $variant:ident = $text:literal),* $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($(#[$vm])* $variant),* }

        impl Code for $name {
            const ALL: &'static [$name] = &[$($name::$variant),*];
            fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),* }
            }
        }
    };
}

code_list!(
    /// Funding category of a figure.
    Category {
        Amed = "AMED",
        Inhouse = "inhouse",
    }
);

code_list!(
    /// Kind of a summary-table figure.
    Kind {
        Total = "total",
        Request = "request",
        Youbou = "youbou",
        PrevInitial = "prev_initial",
    }
);

code_list!(
    /// The sums stated in sentences of the summary page.
    NoteKey {
        CoordinationFundTotal = "coordination_fund_total",
        CoordinationFundMedical = "coordination_fund_medical",
        OtherAmed = "other_amed",
        OtherInhouse = "other_inhouse",
    }
);

code_list!(
    /// Kind of a budget line of a diagram page.
    LineKind {
        /// One program and its amount.
        Program = "program",
        /// Several programs sharing one amount (written with ／).
        Group = "group",
        /// An area of the diagram with its own amount.
        Area = "area",
        /// A block of the diagram with its own amount.
        Block = "block",
        /// A program listed without an amount.
        Listed = "listed",
    }
);

code_list!(
    /// How sure the assignment of a figure is.
    Certainty {
        Certain = "certain",
        Inferred = "inferred",
        Ambiguous = "ambiguous",
    }
);

code_list!(
    /// Flags printed on programs.
    Flag {
        New = "新規",
        Expanded = "拡充",
    }
);

code_list!(
    /// The R&D phase axis, in order.
    Phase {
        Basic = "basic",
        Applied = "applied",
        Nonclinical = "nonclinical",
        Clinical = "clinical",
        Practical = "practical",
    }
);

code_list!(
    /// Whether a phase was stated on the page or inferred from a description.
    PhaseBasis {
        Stated = "stated",
        Inferred = "inferred",
    }
);

code_list!(
    /// What kind of organization an `[[organization]]` is.
    OrgKind {
        Ministry = "ministry",
        Agency = "agency",
        Headquarters = "headquarters",
        FundingAgency = "funding-agency",
        Regulator = "regulator",
        Network = "network",
        Aggregate = "aggregate",
        Institute = "institute",
        /// A learned society.
        Society = "society",
        /// An international body.
        International = "international",
    }
);

impl OrgKind {
    /// Ministries and agencies are formal organizations (org:FormalOrganization).
    pub fn is_formal(self) -> bool {
        matches!(self, OrgKind::Ministry | OrgKind::Agency)
    }
}

code_list!(
    /// The normalised kind of a stated relation (the word as printed is kept beside it).
    RelationKind {
        /// 連携, 展開・連携, 事業間連携
        Collaboration = "collaboration",
        /// 連携・協力
        CollaborationCooperation = "collaboration-cooperation",
        /// 導出: results handed on (to industry, to another stage)
        Derivation = "derivation",
        /// 支援
        Support = "support",
        /// 活用, 機能を活用
        Utilization = "utilization",
        /// 応用
        Application = "application",
        /// フィードバック
        Feedback = "feedback",
        /// 登録 (解析データの登録)
        Registration = "registration",
        /// 出口戦略
        ExitStrategy = "exit-strategy",
        /// 展開
        Deployment = "deployment",
        /// 再掲: the program is printed again elsewhere
        Relisting = "relisting",
        /// 実施: a party carries something out
        Implementation = "implementation",
        /// any other relation word (the comment says which)
        Other = "other",
    }
);

code_list!(
    /// What an end of a stated relation is.
    EndKind {
        Project = "project",
        Program = "program",
        Organization = "organization",
        /// A block, area or column of a diagram.
        Block = "block",
        /// A party the page names without identifying it (企業, 他PJ), or none.
        Unspecified = "unspecified",
    }
);

/// Ministry code `ALL` in the data files: the sum over ministries.
pub const ALL_MINISTRIES: &str = "ALL";
/// Organization id of `ALL`.
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
        assert_eq!(Flag::choices(), "\"新規\", \"拡充\"");
    }
}
