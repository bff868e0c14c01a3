//! Reference tables: TAGS, addressees (routing indicator ↔ address), posts and the closed
//! vocabularies. Embedded in the binary, parsed once, searchable by exact code, by prefix and fuzzily.
//!
//! PLACEHOLDER API: the reference-data work (issue 3) fills this module.

use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TagKind {
    Subject,
    Program,
    Geographic,
    Organization,
    Personal,
}

#[derive(Debug, Clone)]
pub struct Tag {
    pub code: String,
    pub kind: TagKind,
    pub title: String,
    pub note: Option<String>,
    pub retired: bool,
    pub replacement: Option<String>,
    pub count: u32,
}

#[derive(Debug, Clone)]
pub struct Addressee {
    pub routing_indicator: String,
    pub address: String,
    pub count: u32,
}

#[derive(Debug, Clone)]
pub struct Post {
    pub name: String,
    pub routing_indicator: Option<String>,
    pub station: Option<String>,
    pub country_tag: Option<String>,
    pub kind: String,
}

#[derive(Debug, Default)]
pub struct Tables {
    tags: Vec<Tag>,
    addressees: Vec<Addressee>,
    posts: Vec<Post>,
}

impl Tables {
    /// The built-in tables, parsed on first use.
    pub fn builtin() -> &'static Tables {
        static T: OnceLock<Tables> = OnceLock::new();
        T.get_or_init(Tables::default)
    }

    pub fn tag(&self, code: &str) -> Option<&Tag> {
        self.tags.iter().find(|t| t.code == code)
    }

    pub fn suggest_tag(&self, _code: &str) -> Option<&Tag> {
        None
    }

    pub fn tags_with_prefix(&self, prefix: &str) -> Vec<&Tag> {
        self.tags.iter().filter(|t| t.code.starts_with(prefix)).collect()
    }

    pub fn addressees_for_ri(&self, ri: &str) -> Vec<&Addressee> {
        self.addressees.iter().filter(|a| a.routing_indicator == ri).collect()
    }

    pub fn post_by_name(&self, name: &str) -> Option<&Post> {
        self.posts.iter().find(|p| p.name == name)
    }
}
