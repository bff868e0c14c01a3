pub mod addressee_pairing;
pub mod de_line;
pub mod de_section;
pub mod de_serial;
pub mod dtg;
pub mod filing_time;
pub mod header_text_mismatch;
pub mod incomplete_header;
pub mod info_precedence;
pub mod invalid_addressee;
pub mod julian_day;
pub mod mcn_width;
pub mod missing_header;
pub mod misspelt_precedence;
pub mod niact_on_info;
pub mod origin_mismatch;
pub mod precedence_mismatch;
pub mod prosign_mismatch;
pub mod routine_word;
pub mod routing_line;
pub mod secstate_mcn;
pub mod security_line;
pub mod station_mismatch;
pub mod transmission_id;
pub mod transmission_sequence;
pub mod xmt_placement;

use crate::data::Tables;
use crate::syntax::Cable;

/// Post-type words that the banner origin leaves out (`AMEMBASSY TOKYO` → `TOKYO`).
const POST_TYPES: [&str; 10] = [
    "AMEMBASSY",
    "AMCONSUL",
    "USMISSION",
    "USINT",
    "AIT",
    "USLO",
    "REO",
    "AMCONGEN",
    "USOFFICE",
    "AMEMB",
];

/// The forms a FM post may take as a banner origin.
pub fn origin_candidates(plad: &str, tables: &Tables) -> Vec<String> {
    let plad = plad.split("//").next().unwrap_or(plad).trim();
    // A two-letter country code after the post (`AMEMBASSY TRIPOLI LY`) is no part of the origin.
    let plad = match plad.rsplit_once(' ') {
        Some((head, cc))
            if cc.len() == 2
                && cc.bytes().all(|b| b.is_ascii_uppercase())
                && head.contains(' ') =>
        {
            head
        }
        _ => plad,
    };
    let mut out = vec![plad.to_string()];
    if let Some((first, rest)) = plad.split_once(' ') {
        if POST_TYPES.contains(&first) {
            out.push(rest.to_string());
        }
    }
    // A qualifier before the post (`IRAN RPO DUBAI` sends as `RPO DUBAI`).
    let words: Vec<&str> = plad.split(' ').collect();
    if words.len() >= 3 {
        out.push(words[1..].join(" "));
    }
    match plad {
        "SECSTATE WASHDC" | "SECSTATE WASHINGTON DC" => out.push("STATE".into()),
        "USDEL SECRETARY" => {
            out.push("PARTO".into());
            out.push("SECTO".into());
        }
        _ => {}
    }
    if let Some(station) = tables.post_by_name(plad).and_then(|p| p.station.clone()) {
        out.push(station);
    }
    out
}

fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase()
}

/// Whether the FM post and the banner origin name the same station; `None` when either is missing.
pub fn origin_matches(cable: &Cable, tables: &Tables) -> Option<bool> {
    let plad = cable.text(cable.header.fm.as_ref()?.plad?);
    let origin = squeeze(cable.text(cable.body.banner.as_ref()?.origin?));
    if origin.bytes().all(|c| c == b'X') {
        return None;
    }
    Some(
        origin_candidates(plad, tables)
            .iter()
            .any(|c| squeeze(c) == origin),
    )
}
