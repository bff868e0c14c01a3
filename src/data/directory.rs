//! Addressee and post look-ups: by routing indicator, by address or name, by station, and a
//! word search over addresses, post names and country names.

use super::{normalize_name, upper, Addressee, Post, RiRows, Tables, TagKind};

/// The word indexes of the free searches ([`Tables::search_addressees`],
/// [`Tables::search_posts`]).
#[derive(Debug, Clone, Default)]
pub(super) struct WordIndex {
    /// (word of an address, index into `addressees`), sorted.
    address_words: Vec<(String, u32)>,
    /// (word of a post name, index into `posts`), sorted.
    post_words: Vec<(String, u32)>,
    /// (word of a country name, geographic code), sorted; only countries that posts are in.
    country_words: Vec<(String, String)>,
}

/// The words of an upper-case name: runs of letters and digits (`RIO DE JANEIRO`, `SECDEF
/// WASHDC//USDP//` → `SECDEF`, `WASHDC`, `USDP`).
pub(crate) fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// The indexes of a sorted (key, index) list whose key starts with `prefix`.
fn prefix_range<'a, T>(index: &'a [(String, T)], prefix: &'a str) -> impl Iterator<Item = &'a T> {
    let start = index.partition_point(|(k, _)| k.as_str() < prefix);
    index[start..]
        .iter()
        .take_while(move |(k, _)| k.starts_with(prefix))
        .map(|(_, v)| v)
}

/// The items matching every query word as a word prefix, via a sorted (word, index) list.
fn match_all_words(index: &[(String, u32)], query_words: &[&str]) -> Vec<u32> {
    let mut result: Option<Vec<u32>> = None;
    for w in query_words {
        let mut hits: Vec<u32> = prefix_range(index, w).copied().collect();
        hits.sort_unstable();
        hits.dedup();
        result = Some(match result {
            None => hits,
            Some(prev) => prev
                .into_iter()
                .filter(|i| hits.binary_search(i).is_ok())
                .collect(),
        });
        if result.as_ref().is_some_and(Vec::is_empty) {
            break;
        }
    }
    result.unwrap_or_default()
}

/// One (rank, index) per item hit, with the best (lowest) rank it was hit with. Few hits are
/// sorted; many (a one-letter query hits every row) go through a table, in linear time.
fn best_rank_per_item(mut hits: Vec<(u8, u32)>, items: usize) -> Vec<(u8, u32)> {
    if hits.len() * 16 < items {
        hits.sort_unstable_by_key(|&(rank, i)| (i, rank));
        hits.dedup_by_key(|&mut (_, i)| i);
        return hits;
    }
    let mut best = vec![u8::MAX; items];
    for (rank, i) in hits {
        let slot = &mut best[i as usize];
        *slot = (*slot).min(rank);
    }
    best.iter()
        .enumerate()
        .filter(|(_, &r)| r != u8::MAX)
        .map(|(i, &r)| (r, i as u32))
        .collect()
}

/// Keeps the first `limit` items of `items` in `cmp` order, sorted, without sorting the rest.
fn top<T>(items: &mut Vec<T>, limit: usize, mut cmp: impl FnMut(&T, &T) -> std::cmp::Ordering) {
    if limit == 0 {
        items.clear();
        return;
    }
    if items.len() > limit {
        items.select_nth_unstable_by(limit - 1, &mut cmp);
        items.truncate(limit);
    }
    items.sort_by(cmp);
}

fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

impl Tables {
    pub(super) fn reindex_directory(&mut self) {
        self.addressees.sort_by(|a, b| {
            (a.routing_indicator.as_str(), a.address.as_str())
                .cmp(&(b.routing_indicator.as_str(), b.address.as_str()))
        });
        self.addressees.dedup_by(|later, earlier| {
            later.routing_indicator == earlier.routing_indicator && later.address == earlier.address
        });
        let mut by_address: Vec<u32> = (0..self.addressees.len() as u32).collect();
        by_address.sort_by(|&a, &b| {
            self.addressees[a as usize]
                .address
                .cmp(&self.addressees[b as usize].address)
        });
        self.addressees_by_address = by_address;
        let mut by_ri_rank: Vec<u32> = (0..self.addressees.len() as u32).collect();
        by_ri_rank.sort_by(|&a, &b| {
            let (a, b) = (&self.addressees[a as usize], &self.addressees[b as usize]);
            a.routing_indicator
                .cmp(&b.routing_indicator)
                .then(b.count.cmp(&a.count))
                .then(a.address.cmp(&b.address))
        });
        self.ri_rows = std::collections::HashMap::new();
        for (i, a) in self.addressees.iter().enumerate() {
            let rows = self
                .ri_rows
                .entry(a.routing_indicator.as_str().into())
                .or_insert(RiRows {
                    start: i as u32,
                    rank_start: 0,
                    len: 0,
                });
            rows.len += 1;
        }
        for (pos, &i) in by_ri_rank.iter().enumerate().rev() {
            let ri = self.addressees[i as usize].routing_indicator.as_str();
            if let Some(rows) = self.ri_rows.get_mut(ri) {
                rows.rank_start = pos as u32;
            }
        }
        self.addressees_by_ri_rank = by_ri_rank;

        self.posts.sort_by(|a, b| a.name.cmp(&b.name));
        self.posts
            .dedup_by(|later, earlier| later.name == earlier.name);
        self.post_stations = self
            .posts
            .iter()
            .enumerate()
            .filter_map(|(i, p)| p.station.as_deref().map(|s| (squeeze(s), i as u32)))
            .collect();
        self.post_stations.sort_unstable();
        self.post_ris = self
            .posts
            .iter()
            .enumerate()
            .flat_map(|(i, p)| {
                p.routing_indicators
                    .iter()
                    .map(move |r| (r.clone(), i as u32))
            })
            .collect();
        self.post_ris.sort_unstable();
        self.words = std::sync::OnceLock::new();
    }

    /// The word indexes of the free searches, built on first use.
    fn word_index(&self) -> &WordIndex {
        self.words.get_or_init(|| self.build_word_index())
    }

    fn build_word_index(&self) -> WordIndex {
        let mut address_words: Vec<(String, u32)> = self
            .addressees
            .iter()
            .enumerate()
            .flat_map(|(i, a)| words(&a.address).map(move |w| (w.to_string(), i as u32)))
            .collect();
        address_words.sort_unstable();
        address_words.dedup();
        let mut post_words: Vec<(String, u32)> = self
            .posts
            .iter()
            .enumerate()
            .flat_map(|(i, p)| words(&p.name).map(move |w| (w.to_string(), i as u32)))
            .collect();
        post_words.sort_unstable();
        post_words.dedup();

        let mut countries: Vec<&str> = self
            .posts
            .iter()
            .filter_map(|p| p.country_tag.as_deref())
            .collect();
        countries.sort_unstable();
        countries.dedup();
        let mut country_words = Vec::new();
        for code in countries {
            if let Some(t) = self.tag_exact_kind(code, TagKind::Geographic) {
                let title = t.title.to_ascii_uppercase();
                for w in words(&title) {
                    country_words.push((w.to_string(), code.to_string()));
                }
            }
        }
        country_words.sort_unstable();
        country_words.dedup();
        WordIndex {
            address_words,
            post_words,
            country_words,
        }
    }

    fn tag_exact_kind(&self, code: &str, kind: TagKind) -> Option<&super::Tag> {
        self.tag(code).filter(|t| t.kind == kind)
    }

    // --------------------------------------------------------------------------------------------
    // Addressees
    // --------------------------------------------------------------------------------------------

    /// The addresses written after this routing indicator (any case), most used first.
    pub fn addressees_for_ri(&self, ri: &str) -> Vec<&Addressee> {
        let ri = upper(ri);
        let ri = ri.as_ref();
        self.ri_rows.get(ri).map_or_else(Vec::new, |rows| {
            let start = rows.rank_start as usize;
            self.addressees_by_ri_rank[start..start + rows.len as usize]
                .iter()
                .map(|&i| &self.addressees[i as usize])
                .collect()
        })
    }

    /// The most used address written after this routing indicator (any case), the first of
    /// [`Tables::addressees_for_ri`], without collecting the others; `None` for an indicator the
    /// tables do not know.
    pub fn first_addressee_for_ri(&self, ri: &str) -> Option<&Addressee> {
        let rows = self.ri_rows.get(upper(ri).as_ref())?;
        let i = self.addressees_by_ri_rank[rows.rank_start as usize];
        Some(&self.addressees[i as usize])
    }

    /// Whether the tables hold this routing indicator (any case) written before exactly this
    /// address: one hash look-up and a binary search among the indicator's rows.
    pub fn has_addressee_pair(&self, ri: &str, address: &str) -> bool {
        let Some(rows) = self.ri_rows.get(upper(ri).as_ref()) else {
            return false;
        };
        let start = rows.start as usize;
        self.addressees[start..start + rows.len as usize]
            .binary_search_by(|a| a.address.as_str().cmp(address))
            .is_ok()
    }

    /// The address of the same routing indicator that `a` is a variant spelling of, as real
    /// headers write them: a continuity number fused to the last word (`SECSTATE WASHDC0000`), an
    /// office suffix (`SECDEF WASHDC//USDP//`), a doubled word (`SECSTATE SECSTATE WASHDC`), or a
    /// typo at most two edits (one for addresses under ten letters) from an address at least five
    /// times as common and seen in 20 cables (`SESTATE WASHDC`). A word changed by more than one
    /// edit in its ending or in most of its letters is another name, not a typo: one routing
    /// indicator serves several offices, whose designators differ so (`DOD WASHDC`, `DIA WASHDC`
    /// and `OSD WASHDC` behind the Joint Staff's RUEKJCS, `USDELMAS` and `USDELMC` behind USNATO's
    /// RUEHNO), where slips fall inside a longer word or change its last letter only (`AMEMBASSY
    /// DJYBYUTI`, `DEPT OF TREASUR`). `None` for a canonical address. Completion offers only
    /// canonical addresses; hover lists variants as misspellings seen in released cables.
    pub fn variant_of(&self, a: &Addressee) -> Option<&Addressee> {
        let same_ri = self.addressees_for_ri(&a.routing_indicator);
        let find = |address: &str| {
            let address = address.trim();
            same_ri
                .iter()
                .copied()
                .find(|o| o.address == address && o.address != a.address)
        };
        let fused = a.address.trim_end_matches(|c: char| c.is_ascii_digit());
        if fused.len() < a.address.len() && fused.ends_with(|c: char| c.is_ascii_alphabetic()) {
            if let Some(o) = find(fused) {
                return Some(o);
            }
        }
        if let Some((base, _)) = a.address.split_once("//") {
            if let Some(o) = find(base) {
                return Some(o);
            }
        }
        let words: Vec<&str> = a.address.split(' ').collect();
        if let Some(i) = (1..words.len()).find(|&i| words[i] == words[i - 1]) {
            let mut w = words.clone();
            w.remove(i);
            if let Some(o) = find(&w.join(" ")) {
                return Some(o);
            }
        }
        let max = if a.address.len() < 10 { 1 } else { 2 };
        same_ri.iter().copied().find(|o| {
            o.address != a.address
                && o.count >= 20
                && o.count >= a.count.saturating_mul(5)
                && strsim::damerau_levenshtein(&o.address, &a.address) <= max
                && !another_name(&o.address, &a.address)
        })
    }

    /// The routing indicators written before this address (any case and spacing), most used
    /// first.
    pub fn addressees_for_address(&self, address: &str) -> Vec<&Addressee> {
        let address = normalize_name(address);
        let mut out: Vec<&Addressee> = self
            .address_indexes(&address)
            .iter()
            .map(|&i| &self.addressees[i as usize])
            .collect();
        out.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then(a.routing_indicator.cmp(&b.routing_indicator))
        });
        out
    }

    /// Indexes into `addressees` of the rows with exactly this address.
    fn address_indexes(&self, address: &str) -> &[u32] {
        let idx = &self.addressees_by_address;
        let start =
            idx.partition_point(|&i| self.addressees[i as usize].address.as_str() < address);
        let len = idx[start..]
            .iter()
            .take_while(|&&i| self.addressees[i as usize].address == address)
            .count();
        &idx[start..start + len]
    }

    /// Addressees matching a free query: a routing indicator or its beginning (`RUEHK`), words
    /// of the address or their beginnings (`TOKYO`, `BUENOS AI`), or a country the post is in
    /// (`JAPAN`, `KOREA SOUTH`, or its geographic code `JA`). Exact routing indicators and
    /// addresses come first; then the rest. Within each group the user's own rows come first,
    /// then the pairs most used in the cables.
    pub fn search_addressees(&self, query: &str, limit: usize) -> Vec<&Addressee> {
        let q = normalize_name(query);
        let mut hits: Vec<(u8, u32)> = Vec::new();
        if q.is_empty() {
            hits.extend((0..self.addressees.len() as u32).map(|i| (1, i)));
        } else {
            if !q.contains(' ') && q.starts_with('R') {
                let start = self
                    .addressees
                    .partition_point(|a| a.routing_indicator.as_str() < q.as_str());
                for (i, a) in self.addressees.iter().enumerate().skip(start) {
                    if !a.routing_indicator.starts_with(q.as_str()) {
                        break;
                    }
                    hits.push((u8::from(a.routing_indicator != q), i as u32));
                }
            }
            let query_words: Vec<&str> = words(&q).collect();
            hits.extend(
                match_all_words(&self.word_index().address_words, &query_words)
                    .into_iter()
                    .map(|i| (u8::from(self.addressees[i as usize].address != q), i)),
            );
            for p in self.posts_in_countries(&query_words) {
                hits.extend(self.address_indexes(&p.name).iter().map(|&i| (1, i)));
            }
        }
        self.rank_addressees(hits, limit)
    }

    fn rank_addressees(&self, hits: Vec<(u8, u32)>, limit: usize) -> Vec<&Addressee> {
        let mut hits = best_rank_per_item(hits, self.addressees.len());
        let key = |&(rank, i): &(u8, u32)| {
            let a = &self.addressees[i as usize];
            (
                rank,
                !a.source.starts_with("user"),
                std::cmp::Reverse(a.count),
                a.routing_indicator.as_str(),
                a.address.as_str(),
            )
        };
        top(&mut hits, limit, |x, y| key(x).cmp(&key(y)));
        hits.into_iter()
            .map(|(_, i)| &self.addressees[i as usize])
            .collect()
    }

    /// Posts in the countries that the query words name (every word a prefix of a word of the
    /// country's name), or whose geographic code the query is.
    fn posts_in_countries(&self, query_words: &[&str]) -> Vec<&Post> {
        if query_words.is_empty() {
            return Vec::new();
        }
        let mut codes: Vec<&str> = Vec::new();
        for (i, w) in query_words.iter().enumerate() {
            let mut these: Vec<&str> = prefix_range(&self.word_index().country_words, w)
                .map(String::as_str)
                .collect();
            these.sort_unstable();
            these.dedup();
            codes = if i == 0 {
                these
            } else {
                codes.into_iter().filter(|c| these.contains(c)).collect()
            };
        }
        if let [single] = query_words {
            if single.len() == 2 && self.tag_exact_kind(single, TagKind::Geographic).is_some() {
                codes.push(single);
            }
        }
        if codes.is_empty() {
            return Vec::new();
        }
        self.posts
            .iter()
            .filter(|p| p.country_tag.as_deref().is_some_and(|c| codes.contains(&c)))
            .collect()
    }

    // --------------------------------------------------------------------------------------------
    // Posts
    // --------------------------------------------------------------------------------------------

    /// The post with this name (`AMEMBASSY TOKYO`; any case and spacing). A name with an office
    /// suffix (`SECDEF WASHDC//USDP//`) finds the post without it.
    pub fn post_by_name(&self, plad: &str) -> Option<&Post> {
        let name = normalize_name(plad);
        let find = |n: &str| {
            self.posts
                .binary_search_by(|p| p.name.as_str().cmp(n))
                .ok()
                .map(|i| &self.posts[i])
        };
        find(&name).or_else(|| {
            name.split_once("//")
                .and_then(|(base, _)| find(base.trim_end()))
        })
    }

    /// The post whose banner and cable-id station this is (`TOKYO`, `USUN NEW YORK`, or the
    /// squeezed form of the ids, `USUNNEWYORK`). When several posts share a station (`BRUSSELS`
    /// is both the embassy's and USEU's), the one that sent the most cables.
    pub fn post_by_station(&self, station: &str) -> Option<&Post> {
        let key = squeeze(station);
        if key.is_empty() {
            return None;
        }
        let start = self
            .post_stations
            .partition_point(|(k, _)| k.as_str() < key.as_str());
        self.post_stations[start..]
            .iter()
            .take_while(|(k, _)| *k == key)
            .map(|&(_, i)| &self.posts[i as usize])
            .max_by(|a, b| {
                (a.count_as_originator, a.count, std::cmp::Reverse(&a.name)).cmp(&(
                    b.count_as_originator,
                    b.count,
                    std::cmp::Reverse(&b.name),
                ))
            })
    }

    /// The station meant by a misspelt one (`TOKIO` → the post whose station is `TOKYO`): the
    /// station one edit away (two for stations of eight letters or more), by the key `squeeze`
    /// gives, whose post sent the most cables. Stations of three letters or fewer get no
    /// suggestion, as nearly every short string is one edit from some station.
    pub fn suggest_station(&self, station: &str) -> Option<&Post> {
        let key = squeeze(station);
        if key.len() <= 3 || self.post_by_station(&key).is_some() {
            return None;
        }
        let bound = if key.len() >= 8 { 2 } else { 1 };
        let mut best: Option<(usize, &Post)> = None;
        for (k, i) in &self.post_stations {
            let Some(d) = crate::vocab::edit_distance(&key, k, bound) else {
                continue;
            };
            let p = &self.posts[*i as usize];
            let better = best.is_none_or(|(bd, bp)| {
                (d, std::cmp::Reverse(p.count_as_originator))
                    < (bd, std::cmp::Reverse(bp.count_as_originator))
            });
            if better {
                best = Some((d, p));
            }
        }
        best.map(|(_, p)| p)
    }

    /// The posts seen with this routing indicator (any case), most used first.
    pub fn posts_for_ri(&self, ri: &str) -> Vec<&Post> {
        let ri = upper(ri);
        let ri = ri.as_ref();
        let start = self.post_ris.partition_point(|(k, _)| k.as_str() < ri);
        let mut out: Vec<&Post> = self.post_ris[start..]
            .iter()
            .take_while(|(k, _)| k == ri)
            .map(|&(_, i)| &self.posts[i as usize])
            .collect();
        out.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(&b.name)));
        out
    }

    /// Posts matching a free query: the exact name, station or routing indicator first; then
    /// routing indicators starting with the query, names with words starting with the query's
    /// words, and posts in a country the query names (`JAPAN`, `JA`); by count.
    pub fn search_posts(&self, query: &str, limit: usize) -> Vec<&Post> {
        let q = normalize_name(query);
        let mut hits: Vec<(u8, u32)> = Vec::new();
        if q.is_empty() {
            hits.extend((0..self.posts.len() as u32).map(|i| (1, i)));
        } else {
            if let Ok(i) = self.posts.binary_search_by(|p| p.name.as_str().cmp(&q)) {
                hits.push((0, i as u32));
            }
            let sq = squeeze(&q);
            let start = self
                .post_stations
                .partition_point(|(k, _)| k.as_str() < sq.as_str());
            for (k, i) in &self.post_stations[start..] {
                if *k != sq {
                    break;
                }
                hits.push((0, *i));
            }
            if !q.contains(' ') && q.starts_with('R') {
                let start = self
                    .post_ris
                    .partition_point(|(k, _)| k.as_str() < q.as_str());
                for (k, i) in &self.post_ris[start..] {
                    if !k.starts_with(q.as_str()) {
                        break;
                    }
                    hits.push((u8::from(*k != q), *i));
                }
            }
            let query_words: Vec<&str> = words(&q).collect();
            hits.extend(
                match_all_words(&self.word_index().post_words, &query_words)
                    .into_iter()
                    .map(|i| (1, i)),
            );
            let in_countries: Vec<u32> = self
                .posts_in_countries(&query_words)
                .into_iter()
                .filter_map(|p| {
                    self.posts
                        .binary_search_by(|x| x.name.cmp(&p.name))
                        .ok()
                        .map(|i| i as u32)
                })
                .collect();
            hits.extend(in_countries.into_iter().map(|i| (1, i)));
        }
        let mut hits = best_rank_per_item(hits, self.posts.len());
        let key = |&(rank, i): &(u8, u32)| {
            let p = &self.posts[i as usize];
            (rank, std::cmp::Reverse(p.count), p.name.as_str())
        };
        top(&mut hits, limit, |x, y| key(x).cmp(&key(y)));
        hits.into_iter()
            .map(|(_, i)| &self.posts[i as usize])
            .collect()
    }
}

/// Whether two addresses of as many words differ in a word changed by more than one edit in its
/// ending (`USDELMAS`/`USDELMC`) or in most of its letters (`DOD`/`DIA`/`OSD`): office designators
/// that differ as names do. A typo slips inside a longer word (`DJYBYUTI`, `DQT`) or changes its
/// last letter only (`TREASUR`).
fn another_name(a: &str, b: &str) -> bool {
    let (aw, bw): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    aw.len() == bw.len()
        && aw.iter().zip(&bw).any(|(x, y)| {
            let edits = strsim::damerau_levenshtein(x, y);
            let len = x.chars().count().max(y.chars().count());
            edits > 1 && (x.chars().last() != y.chars().last() || 2 * edits > len)
        })
}
