//! The reference tables agree with themselves and behave as documented: exact, prefix and fuzzy
//! TAGS look-ups, corrections, addressee and post searches, and users' extra tables.

use std::collections::HashMap;
use std::path::PathBuf;

use cablelint::data::{ExtraKind, PostKind, Tables, TagKind, TagStatus};

fn tables() -> &'static Tables {
    Tables::builtin()
}

#[test]
fn builtin_tables_are_loaded_once_and_not_empty() {
    let t = tables();
    assert!(std::ptr::eq(t, Tables::builtin()));
    assert!(t.all_tags().len() > 1000, "{}", t.all_tags().len());
    assert!(t.all_addressees().len() > 2000);
    assert!(t.all_posts().len() > 500);
    assert!(t.tag_fixes().count() >= 20);
}

#[test]
fn geographic_codes_are_fips_style() {
    let t = tables();
    for (code, name) in [
        ("JA", "Japan"),
        ("KS", "Korea (South)"),
        ("KN", "Korea (North)"),
        ("CH", "China (Mainland)"),
        ("UK", "United Kingdom"),
        ("GM", "Germany"),
        ("RS", "Russia"),
    ] {
        let tag = t.tag(code).unwrap_or_else(|| panic!("{code} missing"));
        assert_eq!(tag.kind, TagKind::Geographic, "{code}");
        assert_eq!(tag.status, TagStatus::Official, "{code}");
        assert_eq!(tag.title, name, "{code}");
    }
    // The ISO codes of the same countries are not TAGS codes (JP, KR) or mean something else
    // (CN is Comoros, DE is not a code at all, GE was misused for Germany).
    assert!(t.tag("JP").is_some_and(|x| !x.is_valid()));
    assert!(t.tag("KR").is_none_or(|x| x.title != "Korea (South)"));
    assert_eq!(t.tag("CN").map(|x| x.title.as_str()), Some("Comoros"));
    assert!(t.tag("GE").is_some_and(|x| !x.is_valid()));
}

#[test]
fn no_code_has_two_kinds_and_codes_are_sorted_and_unique() {
    let tags = tables().all_tags();
    let mut kinds: HashMap<&str, TagKind> = HashMap::new();
    for t in tags {
        if let Some(k) = kinds.insert(&t.code, t.kind) {
            panic!("{} is both {k} and {}", t.code, t.kind);
        }
        assert_ne!(t.kind, TagKind::Personal, "{}", t.code);
        assert_eq!(t.code, t.code.to_ascii_uppercase(), "{}", t.code);
    }
    assert!(tags.windows(2).all(|w| w[0].code < w[1].code));
}

#[test]
fn known_codes_have_their_titles_and_kinds() {
    let t = tables();
    let check = |code: &str, kind: TagKind, title: &str| {
        let tag = t.tag(code).unwrap_or_else(|| panic!("{code} missing"));
        assert_eq!((tag.kind, tag.title.as_str()), (kind, title), "{code}");
    };
    check("PREL", TagKind::Subject, "External Political Relations");
    check("PGOV", TagKind::Subject, "Internal Governmental Affairs");
    check("PHUM", TagKind::Subject, "Human Rights");
    check("KNNP", TagKind::Program, "Nuclear Non-Proliferation");
    check("EUN", TagKind::Organization, "European Union");
    check("UN", TagKind::Organization, "United Nations");
    check(
        "NATO",
        TagKind::Organization,
        "North Atlantic Treaty Organization",
    );
    // Look-up ignores case, as sentence-case cables write `Tags: prel`.
    assert_eq!(t.tag("prel").map(|x| x.code.as_str()), Some("PREL"));
    assert!(t.tag("ZZZZ").is_none());
    // Counts come from the cables: PREL is the most used tag.
    let prel = t.tag("PREL").unwrap().count;
    assert!(t.all_tags().iter().all(|x| x.count <= prel));
}

#[test]
fn unverified_and_empty_rows_stay_marked() {
    let t = tables();
    let kicc = t.tag("KICC").unwrap();
    assert!(kicc.unverified && kicc.status == TagStatus::Unlisted);
    // A code seen in the cables with no definition anywhere keeps an empty title.
    let ksep = t.tag("KSEP").unwrap();
    assert!(ksep.title.is_empty() && ksep.note.is_some() && !ksep.unverified);
    // Organization tokens added from general knowledge are marked unverified.
    let unhrc = t.tag("UNHRC").unwrap();
    assert!(unhrc.unverified && unhrc.kind == TagKind::Organization);
}

#[test]
fn prefix_search_puts_the_exact_code_first_then_frequent_ones() {
    let t = tables();
    let p = t.tags_with_prefix("PR");
    assert_eq!(p[0].code, "PREL", "{:?}", codes(&p));
    assert!(p.iter().all(|x| x.code.starts_with("PR") && x.is_valid()));
    assert!(p.windows(2).all(|w| w[0].count >= w[1].count));
    let exact = t.tags_with_prefix("EU");
    assert_eq!(exact[0].code, "EU", "{:?}", codes(&exact));
    assert!(exact.iter().any(|x| x.code == "EUN"));
    assert_eq!(t.tags_with_prefix("kdem")[0].code, "KDEM");
    // Typos and misuses are never offered for completion.
    assert!(t.tags_with_prefix("RU").iter().all(|x| x.code != "RU"));
    assert!(t.tags_with_prefix("QQQQ").is_empty());
}

fn codes<'a>(tags: &[&'a cablelint::data::Tag]) -> Vec<&'a str> {
    tags.iter().map(|t| t.code.as_str()).collect()
}

#[test]
fn fuzzy_suggestions_cover_the_usual_slips() {
    let t = tables();
    let s = |x: &str| t.suggest_tag(x).map(|t| t.code.as_str());
    assert_eq!(s("PGVO"), Some("PGOV")); // transposed letters
    assert_eq!(s("PRLE"), Some("PREL"));
    assert_eq!(s("MAR"), Some("MARR")); // dropped letter
    assert_eq!(s("PPREL"), Some("PREL")); // doubled letter
    assert_eq!(s("KWWMN"), Some("KWMN"));
    assert_eq!(s("PHUN"), Some("PHUM")); // changed letter
    assert_eq!(s("pgvo"), Some("PGOV"));
    // Slips at the first letter, and at the first and the last letter of a long token.
    assert_eq!(s("GPOV"), Some("PGOV"));
    assert_eq!(s("XPGOV"), Some("PGOV"));
    assert_eq!(s("QGOV"), Some("PGOV"));
    assert_eq!(s("NTERPOL"), Some("INTERPOL"));
    assert_eq!(s("XNTERPOX"), Some("INTERPOL"));
    // Recorded misuses and typos give their target.
    assert_eq!(s("RU"), Some("RS"));
    assert_eq!(s("KWMM"), Some("KWMN"));
    assert_eq!(s("POGOV"), Some("PGOV"));
    // Never for a token that is itself a valid code, nor for far-off tokens.
    assert_eq!(s("PREL"), None);
    assert_eq!(s("JA"), None);
    assert_eq!(s("XQXQXQ"), None);
    // Two-letter strings are one letter from dozens of country codes: only swaps count.
    assert_eq!(s("QQ"), None);
    assert_eq!(s("QJ"), Some("JQ"));
}

#[test]
fn certain_fixes() {
    let t = tables();
    let fix = |x: &str| t.tag_fix(x).map(|f| f.replacement);
    assert_eq!(fix("RU").as_deref(), Some("RS"));
    assert_eq!(fix("SYR").as_deref(), Some("SY"));
    assert_eq!(fix("EU").as_deref(), Some("EUN"));
    assert_eq!(fix("CR").as_deref(), Some("CS"));
    assert_eq!(fix("CN").as_deref(), Some("CH"));
    assert_eq!(fix("POGOV").as_deref(), Some("PGOV"));
    assert_eq!(fix("MOPPS").as_deref(), Some("MOPS"));
    assert_eq!(fix("jp").as_deref(), Some("JA"));
    assert!(t.tag_fix("EU").unwrap().reason.contains("European Union"));
    // ISO 3166 codes written for the TAGS code of their country (generated from tags-country.tsv):
    // no TAGS code at all, or another area's code that the released cables hardly ever use, the
    // reason then naming that area.
    assert_eq!(fix("DE").as_deref(), Some("GM"));
    assert_eq!(fix("UA").as_deref(), Some("UP"));
    assert_eq!(fix("AT").as_deref(), Some("AU"));
    assert_eq!(fix("GB").as_deref(), Some("UK"));
    assert_eq!(fix("LT").as_deref(), Some("LH"));
    assert!(t.tag_fix("GB").unwrap().reason.contains("Gabon"));
    assert!(t.tag_fix("LT").unwrap().reason.contains("Lesotho"));
    // Not where the ISO code is a code in real use (AU, Austria), names several areas (UM), or
    // would be fixed to a code that is itself misused (KI, Kiribati, to KR), nor an ambiguous misuse.
    assert_eq!(fix("AU"), None);
    assert_eq!(fix("UM"), None);
    assert_eq!(fix("KI"), None);
    assert_eq!(fix("GE"), None);
    // Run-together tokens are split when the split is unique.
    assert_eq!(
        fix("ETRDEINVECINPGOVCS").as_deref(),
        Some("ETRD EINV ECIN PGOV CS")
    );
    assert_eq!(fix("PHUMPREL").as_deref(), Some("PHUM PREL"));
    assert_eq!(fix("EFINECONCS").as_deref(), Some("EFIN ECON CS"));
    // A three- or four-letter organization that real TAGS lines use may sit inside the run.
    assert_eq!(fix("ETRDECONWTOCS").as_deref(), Some("ETRD ECON WTO CS"));
    assert_eq!(fix("PRELNATOAF").as_deref(), Some("PREL NATO AF"));
    // ... but not words or short tokens that happen to spell country codes.
    assert_eq!(fix("POLITICS"), None);
    assert_eq!(fix("MAPP"), None);
    assert_eq!(fix("INTERNAL"), None);
    // Valid codes without a recorded misuse have no fix.
    assert_eq!(fix("PREL"), None);
    assert_eq!(fix("RS"), None);
    // Every recorded fix points at valid codes.
    for (token, f) in t.tag_fixes() {
        for part in f.replacement.split(' ') {
            assert!(
                t.tag(part).is_some_and(|x| x.is_valid()),
                "{token} -> {part}"
            );
        }
    }
}

#[test]
fn every_post_routing_indicator_is_among_the_addressees() {
    let t = tables();
    for p in t.all_posts() {
        for ri in &p.routing_indicators {
            assert!(
                !t.addressees_for_ri(ri).is_empty(),
                "{}: {ri} is not among the addressees",
                p.name
            );
        }
    }
}

#[test]
fn posts_have_stations_and_country_tags() {
    let t = tables();
    let post = |name: &str| {
        t.post_by_name(name)
            .unwrap_or_else(|| panic!("{name} missing"))
    };
    let tokyo = post("AMEMBASSY TOKYO");
    assert_eq!(tokyo.kind, PostKind::Embassy);
    assert_eq!(tokyo.routing_indicator(), Some("RUEHKO"));
    assert_eq!(tokyo.station.as_deref(), Some("TOKYO"));
    assert_eq!(tokyo.country_tag.as_deref(), Some("JA"));
    // Posts whose most used code is another country's still get their host country.
    assert_eq!(post("AMEMBASSY SEOUL").country_tag.as_deref(), Some("KS"));
    assert_eq!(
        post("AMEMBASSY KHARTOUM").country_tag.as_deref(),
        Some("SU")
    );
    assert_eq!(post("AMCONSUL NAHA").country_tag.as_deref(), Some("JA"));
    let state = post("SECSTATE WASHDC");
    assert_eq!(
        (state.station.as_deref(), state.routing_indicator()),
        (Some("STATE"), Some("RUEHC"))
    );
    let usun = post("USMISSION USUN NEW YORK");
    assert_eq!(usun.station.as_deref(), Some("USUN NEW YORK"));
    assert_eq!(usun.routing_indicator(), Some("RUCNDT"));
    assert_eq!(
        post("AMCONSUL OSAKA KOBE").station.as_deref(),
        Some("OSAKA KOBE")
    );
    assert_eq!(post("amembassy  tokyo").name, "AMEMBASSY TOKYO");
    assert_eq!(post("SECDEF WASHDC//USDP:PDUSDP//").name, "SECDEF WASHDC");
    // Country tags are geographic codes of the table.
    for p in t.all_posts() {
        if let Some(c) = &p.country_tag {
            assert!(
                t.tag(c)
                    .is_some_and(|x| x.kind == TagKind::Geographic && x.is_valid()),
                "{}: {c}",
                p.name
            );
        }
    }
    assert!(t.post_by_name("AMEMBASSY ATLANTIS").is_none());
}

#[test]
fn station_and_routing_indicator_lookups() {
    let t = tables();
    assert_eq!(
        t.post_by_station("TOKYO").map(|p| p.name.as_str()),
        Some("AMEMBASSY TOKYO")
    );
    assert_eq!(
        t.post_by_station("STATE").map(|p| p.name.as_str()),
        Some("SECSTATE WASHDC")
    );
    // Cable ids squeeze the station: 09USUNNEWYORK1141.
    assert_eq!(
        t.post_by_station("USUNNEWYORK").map(|p| p.name.as_str()),
        Some("USMISSION USUN NEW YORK")
    );
    assert!(t.post_by_station("").is_none());
    let ri = t.posts_for_ri("RUEHKO");
    assert_eq!(ri[0].name, "AMEMBASSY TOKYO");
    assert_eq!(
        t.addressees_for_ri("RUEHC")[0].address,
        "SECSTATE WASHDC",
        "the most used address comes first"
    );
    assert!(t.addressees_for_ri("RUEHC").len() > 1);
    let beijing = t.addressees_for_address("amembassy beijing");
    assert_eq!(beijing[0].routing_indicator, "RUEHBJ");
    assert!(t.addressees_for_ri("RZZZZZ").is_empty());
    let nsc = t.addressees_for_ri("RHEHAAA");
    assert!(nsc.iter().any(|a| a.address == "NSC WASHDC"), "{nsc:?}");
}

/// The look-ups that rules make once per addressee line agree with the full lists: the first
/// address of an indicator (any case) is the most used one, and a pair is known exactly when the
/// indicator's list holds the address.
#[test]
fn first_addressee_and_pair_lookups_agree_with_the_lists() {
    let t = tables();
    assert_eq!(
        t.first_addressee_for_ri("ruehc")
            .map(|a| a.address.as_str()),
        Some("SECSTATE WASHDC")
    );
    assert!(t.first_addressee_for_ri("RZZZZZ").is_none());
    assert!(t.has_addressee_pair(" ruehbj ", "AMEMBASSY BEIJING"));
    assert!(!t.has_addressee_pair("RUEHBJ", "AMEMBASSY SEOUL"));
    assert!(!t.has_addressee_pair("RUEHBJ", "amembassy beijing"));
    for a in t.all_addressees() {
        let ri = &a.routing_indicator;
        let list = t.addressees_for_ri(ri);
        assert!(
            std::ptr::eq(t.first_addressee_for_ri(ri).unwrap(), list[0]),
            "{ri}"
        );
        assert!(t.has_addressee_pair(ri, &a.address), "{ri} {}", a.address);
        let mut counts: Vec<u32> = list.iter().map(|a| a.count).collect();
        counts.sort_by(|a, b| b.cmp(a));
        assert_eq!(
            counts,
            list.iter().map(|a| a.count).collect::<Vec<_>>(),
            "{ri}"
        );
    }
}

/// The canonical address `ri/address` is a variant of, if any.
fn variant(ri: &str, address: &str) -> Option<String> {
    let t = tables();
    let a = t
        .addressees_for_ri(ri)
        .into_iter()
        .find(|a| a.address == address)
        .unwrap_or_else(|| panic!("no {ri}/{address} in the tables"));
    t.variant_of(a).map(|o| o.address.clone())
}

#[test]
fn typos_are_variants_and_other_offices_are_not() {
    // Slips in one word's middle or its last letter, an abbreviation, a fused continuity number.
    for (ri, written, canonical) in [
        ("RUEHC", "SESTATE WASHDC", "SECSTATE WASHDC"),
        ("RUEHC", "SECSTATE WASHDC0000", "SECSTATE WASHDC"),
        ("RUEKJCS", "SCDEF WASHDC", "SECDEF WASHDC"),
        ("RUEHDJ", "AMEMBASSY DJYBYUTI", "AMEMBASSY DJIBOUTI"),
        (
            "RUCPDOC",
            "DQT OF COMMERCE WASHINGTON DC",
            "DEPT OF COMMERCE WASHINGTON DC",
        ),
        (
            "RUEATRS",
            "DEPT OF TREASUR WASHDC",
            "DEPT OF TREASURY WASHDC",
        ),
        (
            "RUETIAA",
            "DIRNSA FORT GEORGE G MEADE MD",
            "DIRNSA FT GEORGE G MEADE MD",
        ),
    ] {
        assert_eq!(
            variant(ri, written).as_deref(),
            Some(canonical),
            "{ri}/{written}"
        );
    }
    // Offices served by one routing indicator, whose designators differ in how they end: the
    // Department of Defense is not the Defense Intelligence Agency (which has routing indicators
    // of its own, RHEFDIA and RUEKDIA, in ../shared/data/routing.tsv and posts.tsv), and USDELMAS
    // is another US delegation at NATO than USDELMC (the Military Committee's), both behind the
    // mission's RUEHNO.
    for (ri, written) in [
        ("RUEKJCS", "DOD WASHDC"),
        ("RUEHNO", "USDELMAS BRUSSELS BE"),
    ] {
        assert_eq!(variant(ri, written), None, "{ri}/{written}");
    }
}

#[test]
fn addressee_search_by_indicator_city_and_country() {
    let t = tables();
    let by_ri = t.search_addressees("RUEHKO", 5);
    assert_eq!(by_ri[0].routing_indicator, "RUEHKO");
    assert!(t
        .search_addressees("RUEHK", 50)
        .iter()
        .all(|a| a.routing_indicator.starts_with("RUEHK")));
    let city = t.search_addressees("tokyo", 10);
    assert_eq!(city[0].address, "AMEMBASSY TOKYO", "{city:?}");
    let two_words = t.search_addressees("BUENOS AI", 5);
    assert!(two_words[0].address.contains("BUENOS AIRES"));
    let japan = t.search_addressees("Japan", 20);
    assert!(
        japan.iter().any(|a| a.address == "AMCONSUL OSAKA KOBE"),
        "{japan:?}"
    );
    assert!(japan.iter().any(|a| a.address == "AMEMBASSY TOKYO"));
    let collective = t.search_addressees("EU MEMBER STATES", 3);
    assert_eq!(collective[0].routing_indicator, "RUCNMEM");
    assert!(t.search_addressees("zzzzzz", 10).is_empty());
    assert_eq!(t.search_addressees("", 7).len(), 7);
    // Ranked by count within a group.
    assert!(city
        .windows(2)
        .all(|w| w[0].count >= w[1].count || w[0].address == "TOKYO"));
}

#[test]
fn post_search() {
    let t = tables();
    assert_eq!(t.search_posts("TOKYO", 3)[0].name, "AMEMBASSY TOKYO");
    assert_eq!(t.search_posts("RUEHC", 3)[0].name, "SECSTATE WASHDC");
    let korea = t.search_posts("korea south", 50);
    assert!(
        korea.iter().any(|p| p.name == "AMEMBASSY SEOUL"),
        "{korea:?}"
    );
    assert!(korea.iter().all(|p| p.country_tag.as_deref() == Some("KS")
        || p.name.contains("KOREA")
        || p.name.contains("SOUTH")));
    let ja = t.search_posts("JA", 50);
    assert!(ja.iter().any(|p| p.name == "AMCONSUL NAHA"), "{ja:?}");
}

fn extra(kind: ExtraKind, name: &str, text: &str) -> (ExtraKind, PathBuf, String) {
    (kind, PathBuf::from(name), text.to_string())
}

#[test]
fn users_extend_and_override_the_tables() {
    let base = tables();
    let t = Tables::with_extra(
        base,
        &[
            extra(
                ExtraKind::Tags,
                "extra-tags.tsv",
                "# our local tags\ncode\tkind\ttitle\tnote\nKXYZ\tprogram\tLocal Program\tUsed at post only\nprel\tsubject\tForeign Relations (local wording)\n\nEU\torganization\tEuropean Union (local use)\n",
            ),
            extra(
                ExtraKind::Addressees,
                "extra-addressees.tsv",
                "RUEHXYZ\tTOKYO LOCAL COLLECTIVE\nRUEHKO\tAMEMBASSY TOKYO\t9\n",
            ),
        ],
    )
    .unwrap();
    let kxyz = t.tag("KXYZ").unwrap();
    assert_eq!(
        (kxyz.kind, kxyz.title.as_str()),
        (TagKind::Program, "Local Program")
    );
    assert_eq!(kxyz.note.as_deref(), Some("Used at post only"));
    assert!(kxyz.source.contains("extra-tags.tsv"));
    assert_eq!(t.tags_with_prefix("KXY")[0].code, "KXYZ");
    let prel = t.tag("PREL").unwrap();
    assert_eq!(prel.title, "Foreign Relations (local wording)");
    assert_eq!(
        prel.count,
        base.tag("PREL").unwrap().count,
        "the count is kept"
    );
    // A user's own code is valid and no longer "corrected".
    assert!(t.tag("EU").unwrap().is_valid());
    assert_eq!(t.tag_fix("EU"), None);
    assert_eq!(t.tag("EU").unwrap().kind, TagKind::Organization);
    let local = t.search_addressees("TOKYO", 10);
    let first_builtin = local
        .iter()
        .position(|a| !a.source.starts_with("user"))
        .unwrap();
    let collective = local
        .iter()
        .position(|a| a.address == "TOKYO LOCAL COLLECTIVE")
        .unwrap();
    assert!(
        collective < first_builtin,
        "user rows rank first: {local:?}"
    );
    assert_eq!(
        t.addressees_for_ri("RUEHXYZ")[0].address,
        "TOKYO LOCAL COLLECTIVE"
    );
    let tokyo = t.addressees_for_ri("RUEHKO");
    assert_eq!(tokyo.len(), base.addressees_for_ri("RUEHKO").len());
    assert_eq!(
        tokyo
            .iter()
            .find(|a| a.address == "AMEMBASSY TOKYO")
            .unwrap()
            .count,
        9
    );
    // The base tables are unchanged.
    assert!(base.tag("KXYZ").is_none());
}

#[test]
fn malformed_extra_lines_are_errors_with_their_line() {
    let base = tables();
    let err = |kind, text: &str| {
        Tables::with_extra(base, &[extra(kind, "conf/extra.tsv", text)])
            .expect_err("an error")
            .to_string()
    };
    assert_eq!(
        err(ExtraKind::Tags, "# c\nKXYZ program Local\n"),
        "conf/extra.tsv:2: expected tab-separated `code<TAB>kind<TAB>title` (and optionally `<TAB>note`), found 1 field"
    );
    assert_eq!(
        err(ExtraKind::Tags, "KXYZ\tprogramme\tLocal\n"),
        "conf/extra.tsv:1: unknown kind `programme`: expected subject, program, geographic or organization"
    );
    assert_eq!(
        err(ExtraKind::Tags, "A\tsubject\tx\ty\tz\n"),
        "conf/extra.tsv:1: too many fields: expected at most 4 (code, kind, title, note), found 5"
    );
    assert_eq!(
        err(ExtraKind::Tags, "KXYZ\tprogram\tA\nKXYZ\tprogram\tB\n"),
        "conf/extra.tsv:2: the code `KXYZ` appears twice in this file (first on line 1)"
    );
    assert_eq!(
        err(ExtraKind::Tags, "K?Z\tprogram\tA\n"),
        "conf/extra.tsv:1: the code `K?Z` contains `?`, which TAGS codes do not use"
    );
    assert_eq!(
        err(ExtraKind::Tags, "\tprogram\tA\n"),
        "conf/extra.tsv:1: the code is empty"
    );
    assert_eq!(
        err(ExtraKind::Addressees, "RUEHXYZ/TOKYO COLLECTIVE\n"),
        "conf/extra.tsv:1: expected tab-separated `routing_indicator<TAB>address` (and optionally `<TAB>count`), found 1 field (write a tab, not `/`, between the routing indicator and the address)"
    );
    assert_eq!(
        err(ExtraKind::Addressees, "\n\nXUEH\tSOMEWHERE\n"),
        "conf/extra.tsv:3: `XUEH` is not a routing indicator: expected `R` followed by 3 to 7 letters or digits"
    );
    assert_eq!(
        err(ExtraKind::Addressees, "RUEHXYZ\t \n"),
        "conf/extra.tsv:1: the address is empty"
    );
    assert_eq!(
        err(ExtraKind::Addressees, "RUEHXYZ\tX\tmany\n"),
        "conf/extra.tsv:1: the count `many` is not a whole number"
    );
    // Empty files, comments only, CRLF and a byte-order mark are fine.
    let ok = Tables::with_extra(
        base,
        &[
            extra(ExtraKind::Tags, "a.tsv", ""),
            extra(
                ExtraKind::Tags,
                "b.tsv",
                "\u{feff}# nothing\r\nKQQQ\tprogram\tQ\r\n",
            ),
        ],
    )
    .unwrap();
    assert_eq!(ok.tag("KQQQ").map(|x| x.title.as_str()), Some("Q"));
}

#[test]
fn the_multi_word_tags_of_the_tags_reader_are_those_of_the_table() {
    let mut table: Vec<&str> = tables()
        .all_tags()
        .iter()
        .map(|t| t.code.as_str())
        .filter(|c| c.contains(' '))
        .collect();
    table.sort_unstable();
    assert_eq!(table, cablelint::vocab::MULTI_WORD_TAGS.to_vec());
}

#[test]
fn codes_that_share_their_first_eight_letters_are_told_apart() {
    // The look-up compares the first eight bytes of a code as one number first: codes longer than
    // that, or one a prefix of another, must still be found exactly.
    let t = Tables::with_extra(
        tables(),
        &[extra(
            ExtraKind::Tags,
            "long-tags.tsv",
            "ABCDEFGHIJ\tsubject\tFirst\nABCDEFGH\tsubject\tSecond\nABCDEFGHAA\tprogram\tThird\n",
        )],
    )
    .unwrap();
    let title = |code: &str| t.tag(code).map(|tag| tag.title.clone());
    assert_eq!(title("abcdefghij").as_deref(), Some("First"));
    assert_eq!(title("ABCDEFGH").as_deref(), Some("Second"));
    assert_eq!(title("ABCDEFGHAA").as_deref(), Some("Third"));
    assert_eq!(title("ABCDEFGHZZ"), None);
    assert_eq!(title("ABCDEFG"), None);
    assert_eq!(title("ABCDEFGHIJK"), None);
    assert_eq!(
        title("PREL").as_deref(),
        Some("External Political Relations")
    );
}

#[test]
fn suggestions_asked_again_or_of_extended_tables_stay_right() {
    let base = tables();
    let s = |t: &Tables, x: &str| t.suggest_tag(x).map(|t| t.code.clone());
    // Asked twice (the second answer is remembered), in either case.
    assert_eq!(s(base, "PGVO").as_deref(), Some("PGOV"));
    assert_eq!(s(base, "pgvo").as_deref(), Some("PGOV"));
    assert_eq!(s(base, "XQXQXQ"), None);
    assert_eq!(s(base, "XQXQXQ"), None);
    let before = s(base, "KXYQ");
    assert_ne!(before.as_deref(), Some("KXYZ"));
    // Tables extended after the base answered must not give the base's remembered answer.
    let t = Tables::with_extra(
        base,
        &[extra(
            ExtraKind::Tags,
            "extra-tags.tsv",
            "code\tkind\ttitle\nKXYZ\tprogram\tLocal Program\n",
        )],
    )
    .unwrap();
    assert_eq!(s(&t, "KXYQ").as_deref(), Some("KXYZ"));
    assert_eq!(s(&t, "KXYQ").as_deref(), Some("KXYZ"));
    assert_eq!(s(base, "KXYQ"), before);
}

#[test]
fn tag_search_finds_current_and_common_country_names() {
    let t = tables();
    for (query, code) in [
        ("North Macedonia", "MK"),
        ("Turkiye", "TU"),
        ("Myanmar", "BM"),
        ("Holy See", "VT"),
        ("Ivory Coast", "IV"),
        ("Cabo Verde", "CV"),
        ("England", "UK"),
    ] {
        let found = t.search_tags(query, 5);
        assert_eq!(
            found.first().map(|x| x.code.as_str()),
            Some(code),
            "{query}"
        );
    }
}

/// A tag's name typed in words (the TAGS line's completion): the names that begin with them come
/// first, then those holding them in another order or place (`KINSHASA CON` finds CG, titled
/// `Congo (Kinshasa)`); out of order, short words find nothing, so that `OF` or one letter does not
/// bring in every name that has them.
#[test]
fn tag_names_are_found_by_their_words_in_any_order() {
    let t = tables();
    let codes = |phrase: &str| -> Vec<String> {
        t.tags_named_from(phrase)
            .iter()
            .map(|x| x.code.clone())
            .collect()
    };
    for (phrase, code) in [
        // Korea (South), CLDR name South Korea.
        ("SOUTH KOR", "KS"),
        ("south korea", "KS"),
        ("KOREA SOUTH", "KS"),
        ("KOREA SOU", "KS"),
        ("NORTH KOR", "KN"),
        // Out of the name's order: no name begins with these words.
        ("KINSHASA CON", "CG"),
        ("BRAZZAVILLE CONGO", "CF"),
        ("VIRGIN ISLANDS BRIT", "VI"),
        ("HERZEGOVINA BOS", "BK"),
        ("NORTH MACED", "MK"),
        ("SAUDI AR", "SA"),
        ("NEW ZEAL", "NZ"),
    ] {
        let found = codes(phrase);
        assert_eq!(
            found.first().map(String::as_str),
            Some(code),
            "{phrase}: {found:?}"
        );
    }
    // The names that begin with the words come before those that hold them elsewhere: `CONGO K`
    // begins Congo (Kinshasa) only.
    assert_eq!(codes("CONGO K"), ["CG"]);
    let islands = codes("ISLANDS VIR");
    assert!(
        islands.contains(&"VI".to_string()) && islands.contains(&"VQ".to_string()),
        "{islands:?}"
    );
    // A whole word is matched whole, and each word of the name once.
    assert!(!codes("KINSHAS CON").contains(&"CG".to_string()));
    assert!(!codes("CONGO CON").contains(&"CG".to_string()));
    // Out of order, a word under three letters finds nothing.
    assert!(codes("KINSHASA C").is_empty(), "{:?}", codes("KINSHASA C"));
    assert!(codes("OF KOR").is_empty(), "{:?}", codes("OF KOR"));
}

/// The office stations whose words `origin_key` puts back in order are every station of the posts
/// table made of an office's designator and a place (a mission's or office's station of more than
/// one word), and each written the other way round gives the station's key.
#[test]
fn office_stations_are_the_tables_and_read_in_either_order() {
    use cablelint::syntax::{origin_key, OFFICE_STATIONS};
    let squeeze = |w: &[&str]| w.concat().to_ascii_uppercase();
    let mut found = Vec::new();
    for post in tables().all_posts() {
        let Some(station) = post.station.as_deref() else {
            continue;
        };
        let words: Vec<&str> = station.split_whitespace().collect();
        if words.len() < 2
            || matches!(
                post.kind,
                PostKind::Embassy | PostKind::Consulate | PostKind::Department
            )
        {
            continue;
        }
        let split = (1..words.len())
            .find(|&k| {
                OFFICE_STATIONS
                    .iter()
                    .any(|(o, p)| *o == squeeze(&words[..k]) && *p == squeeze(&words[k..]))
            })
            .unwrap_or_else(|| panic!("{station} ({}) is not in OFFICE_STATIONS", post.name));
        let reversed = [&words[split..], &words[..split]].concat().join(" ");
        assert_eq!(origin_key(&reversed), squeeze(&words), "{reversed}");
        assert_eq!(origin_key(station), squeeze(&words), "{station}");
        found.push(squeeze(&words));
    }
    for (office, place) in OFFICE_STATIONS {
        assert!(
            found.contains(&format!("{office}{place}")),
            "{office} {place} is no station of the posts table"
        );
    }
}
