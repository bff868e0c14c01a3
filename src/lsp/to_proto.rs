//! Conversions from the engine's and [`crate::ide`]'s answers (byte offsets, plain Rust types) to
//! LSP types. Positions go through [`Converter`].

use std::path::PathBuf;
use std::str::FromStr;

use tower_lsp_server::ls_types::*;

use super::convert::Converter;
use crate::data::TagKind;
use crate::ide;
use crate::rules::Severity;

/// The path of a `file:` URI; `None` for other schemes.
pub fn uri_path(uri: &Uri) -> Option<PathBuf> {
    if uri.scheme().as_str() != "file" {
        return None;
    }
    uri.to_file_path().map(|p| p.into_owned())
}

/// Markdown content, or its plain text for a client that does not take Markdown.
pub fn markup(markdown: String, markdown_ok: bool) -> MarkupContent {
    if markdown_ok {
        MarkupContent {
            kind: MarkupKind::Markdown,
            value: markdown,
        }
    } else {
        MarkupContent {
            kind: MarkupKind::PlainText,
            value: plain_text(&markdown),
        }
    }
}

/// The text of Markdown without its markup, read with `pulldown-cmark`: emphasis and code marks
/// dropped, a link's address in parentheses after its text, list items on lines of their own
/// starting with `- `, a thematic break as a line of dashes, blocks separated by a blank line.
pub fn plain_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut out = String::new();
    let mut links = Vec::new();
    let block_break = |out: &mut String| {
        let trimmed = out.trim_end_matches([' ', '\n']).len();
        out.truncate(trimmed);
        if !out.is_empty() {
            out.push_str("\n\n");
        }
    };
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) | Event::Html(t) => {
                out.push_str(&t)
            }
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::Rule => {
                block_break(&mut out);
                out.push_str("---");
            }
            Event::Start(Tag::Item) => {
                // The first item follows the list's blank line; the others go on the next line.
                if !out.is_empty() && !out.ends_with("\n\n") {
                    let trimmed = out.trim_end_matches([' ', '\n']).len();
                    out.truncate(trimmed);
                    out.push('\n');
                }
                out.push_str("- ");
            }
            Event::Start(Tag::Link { dest_url, .. }) => links.push(dest_url),
            Event::End(TagEnd::Link) => {
                if let Some(url) = links.pop().filter(|u| !u.is_empty()) {
                    out.push_str(&format!(" ({url})"));
                }
            }
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::CodeBlock(_))
                if !out.ends_with("- ") =>
            {
                block_break(&mut out)
            }
            Event::Start(Tag::List(_) | Tag::BlockQuote(_)) => block_break(&mut out),
            _ => {}
        }
    }
    out.trim_end().to_string()
}

/// A diagnostic, with its code, the address of the rule's documentation and the related places
/// the rule named (an empty list when the client asked for related information and there are none).
pub fn diagnostic(
    d: &crate::rules::Diagnostic,
    conv: &Converter<'_>,
    uri: &Uri,
    related: bool,
) -> Diagnostic {
    let severity = match d.severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    };
    let related_information = (related || !d.related.is_empty()).then(|| {
        d.related
            .iter()
            .map(|r| DiagnosticRelatedInformation {
                location: Location::new(uri.clone(), conv.range(r.range)),
                message: r.message.clone(),
            })
            .collect::<Vec<_>>()
    });
    Diagnostic {
        range: conv.range(d.range),
        severity: Some(severity),
        code: Some(NumberOrString::String(d.rule.code().to_string())),
        code_description: ide::rule_url(d.rule)
            .and_then(|u| Uri::from_str(&u).ok())
            .map(|href| CodeDescription { href }),
        source: Some("cablelint".to_string()),
        message: d.message.clone(),
        related_information: related_information.filter(|r| !r.is_empty()),
        tags: None,
        data: Some(serde_json::json!({ "rule": d.rule.name() })),
    }
}

/// The editor's icon for a completion item.
pub fn completion_kind(kind: ide::CompletionKind) -> CompletionItemKind {
    use ide::CompletionKind as K;
    match kind {
        K::Tag(TagKind::Subject) => CompletionItemKind::KEYWORD,
        K::Tag(TagKind::Program) => CompletionItemKind::MODULE,
        K::Tag(TagKind::Geographic) => CompletionItemKind::CONSTANT,
        K::Tag(TagKind::Organization) => CompletionItemKind::CLASS,
        K::Tag(TagKind::Personal) => CompletionItemKind::REFERENCE,
        K::Addressee => CompletionItemKind::REFERENCE,
        K::Originator => CompletionItemKind::MODULE,
        K::Precedence | K::Reason => CompletionItemKind::ENUM_MEMBER,
        K::Level | K::Marking => CompletionItemKind::CONSTANT,
        K::Caption | K::Keyword => CompletionItemKind::KEYWORD,
        K::Line => CompletionItemKind::SNIPPET,
        K::Decl | K::DateTimeGroup => CompletionItemKind::VALUE,
    }
}

fn symbol_kind(kind: ide::SymbolKind) -> SymbolKind {
    use ide::SymbolKind as K;
    match kind {
        K::Header => SymbolKind::NAMESPACE,
        K::HeaderLine => SymbolKind::FIELD,
        K::AddresseeBlock => SymbolKind::ARRAY,
        K::Addressee => SymbolKind::STRING,
        K::Banner => SymbolKind::CONSTANT,
        K::Caption => SymbolKind::KEY,
        K::Eo | K::Tags | K::Subject | K::ClassifiedBy => SymbolKind::PROPERTY,
        K::Ref => SymbolKind::ARRAY,
        K::RefItem => SymbolKind::OBJECT,
        K::Paragraph => SymbolKind::STRUCT,
        K::Signature => SymbolKind::EVENT,
    }
}

/// A document symbol with its children.
#[allow(deprecated)]
pub fn document_symbol(s: &ide::Symbol, conv: &Converter<'_>) -> DocumentSymbol {
    DocumentSymbol {
        name: if s.name.trim().is_empty() {
            "(empty)".to_string()
        } else {
            s.name.clone()
        },
        detail: s.detail.clone(),
        kind: symbol_kind(s.kind),
        tags: None,
        deprecated: None,
        range: conv.range(s.range),
        selection_range: conv.range(s.selection_range),
        children: (!s.children.is_empty()).then(|| {
            s.children
                .iter()
                .map(|c| document_symbol(c, conv))
                .collect()
        }),
    }
}

/// A symbol and its descendants as flat symbol information, for clients without hierarchical
/// symbols.
#[allow(deprecated)]
pub fn flat_symbols(
    s: &ide::Symbol,
    conv: &Converter<'_>,
    uri: &Uri,
    container: Option<&str>,
    out: &mut Vec<SymbolInformation>,
) {
    let d = document_symbol(s, conv);
    out.push(SymbolInformation {
        name: d.name.clone(),
        kind: d.kind,
        tags: None,
        deprecated: None,
        location: Location::new(uri.clone(), d.range),
        container_name: container.map(str::to_string),
    });
    for c in &s.children {
        flat_symbols(c, conv, uri, Some(&s.name), out);
    }
}

/// A folding range's kind: the header is a region (see [`ide::FoldKind::Header`]).
pub fn folding_kind(kind: ide::FoldKind) -> FoldingRangeKind {
    match kind {
        ide::FoldKind::Header | ide::FoldKind::Region => FoldingRangeKind::Region,
        ide::FoldKind::Comment => FoldingRangeKind::Comment,
    }
}

/// An inlay hint: its label after the decoded value, separated from it by a space, with the
/// longer explanation as its tooltip.
pub fn inlay_hint(h: &ide::InlayHint, conv: &Converter<'_>) -> InlayHint {
    InlayHint {
        position: conv.position(h.offset),
        label: InlayHintLabel::String(h.label.clone()),
        kind: None,
        text_edits: None,
        tooltip: Some(InlayHintTooltip::String(h.tooltip.clone())),
        padding_left: Some(true),
        padding_right: None,
        data: None,
    }
}

/// A code lens: a title with no command to run. VS Code shows such a lens as plain text, and
/// Neovim shows its title; the empty command id is how the protocol writes "nothing to run".
pub fn code_lens(l: &ide::CodeLens, conv: &Converter<'_>) -> CodeLens {
    CodeLens {
        range: conv.range(l.range),
        command: Some(Command {
            title: l.title.clone(),
            command: String::new(),
            arguments: None,
        }),
        data: None,
    }
}

/// A text edit.
pub fn text_edit(e: &crate::rules::Edit, conv: &Converter<'_>) -> TextEdit {
    TextEdit::new(conv.range(e.range), e.new_text.clone())
}

/// An edit of the formatter.
pub fn format_edit(e: &crate::formatter::TextEdit, conv: &Converter<'_>) -> TextEdit {
    TextEdit::new(conv.range(e.range), e.new_text.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_drops_the_markup_and_keeps_the_words() {
        let md = "**PREL** — External Political Relations\n\n*subject tag*\n\n---\n\n\
                  **CBL304** `missing-geographic-tag` (warning)\n\n\
                  - first\n- second\n\nSee [the format](https://example.org/format).";
        assert_eq!(
            plain_text(md),
            "PREL — External Political Relations\n\nsubject tag\n\n---\n\n\
             CBL304 missing-geographic-tag (warning)\n\n- first\n- second\n\n\
             See the format (https://example.org/format)."
        );
        let m = markup(md.to_string(), false);
        assert_eq!(m.kind, MarkupKind::PlainText);
        assert_eq!(markup(md.to_string(), true).value, md);
    }
}
