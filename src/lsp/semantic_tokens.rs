//! `textDocument/semanticTokens/full`, and the legend the server announces. Both read one list of
//! token types ([`TYPES`]) and one of modifiers ([`MODIFIERS`]), so that the legend and the
//! encoding cannot disagree.

use std::sync::Arc;

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::convert::Converter;
use super::dispatch::blocking;
use super::session::Inner;
use crate::ide::{self, TokenKind, TokenModifiers};

/// The legend's token types in order, each with the kinds of [`crate::ide`] it stands for.
const TYPES: &[(&str, &[TokenKind])] = &[
    ("keyword", &[TokenKind::Keyword]),
    ("macro", &[TokenKind::Level]),
    ("decorator", &[TokenKind::Marking, TokenKind::Caption]),
    ("type", &[TokenKind::Tag]),
    ("namespace", &[TokenKind::RoutingIndicator]),
    ("string", &[TokenKind::Address]),
    ("enumMember", &[TokenKind::Precedence]),
    ("number", &[TokenKind::Number, TokenKind::Date]),
    ("variable", &[TokenKind::Reference]),
    ("comment", &[TokenKind::Marker, TokenKind::Continuation]),
];

/// Whether a token has one modifier.
type Has = fn(TokenModifiers) -> bool;

/// The legend's token modifiers in bit order, each with the question it answers.
const MODIFIERS: &[(&str, Has)] = &[
    ("deprecated", |m| m.deprecated),
    ("classified", |m| m.classified),
];

/// The legend announced in the server's capabilities.
pub(super) fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: TYPES
            .iter()
            .map(|(t, _)| SemanticTokenType::new(t))
            .collect(),
        token_modifiers: MODIFIERS
            .iter()
            .map(|(m, _)| SemanticTokenModifier::new(m))
            .collect(),
    }
}

/// The legend index of a token kind.
fn token_type(kind: TokenKind) -> u32 {
    TYPES
        .iter()
        .position(|(_, kinds)| kinds.contains(&kind))
        .expect("every token kind is in the legend") as u32
}

/// The legend bits of a token's modifiers.
fn modifier_bits(m: TokenModifiers) -> u32 {
    MODIFIERS
        .iter()
        .enumerate()
        .filter(|(_, (_, has))| has(m))
        .fold(0, |bits, (i, _)| bits | 1 << i)
}

/// Tokens in the protocol's relative encoding; a token that would span a line break is left out.
fn encode(tokens: &[ide::SemanticToken], conv: &Converter<'_>) -> Vec<SemanticToken> {
    let mut data = Vec::with_capacity(tokens.len());
    let (mut prev_line, mut prev_col) = (0u32, 0u32);
    for t in tokens {
        let start = conv.position(t.range.start());
        let end = conv.position(t.range.end());
        if end.line != start.line || end.character <= start.character {
            continue;
        }
        let delta_line = start.line - prev_line;
        let delta_start = if delta_line == 0 {
            start.character - prev_col
        } else {
            start.character
        };
        data.push(SemanticToken {
            delta_line,
            delta_start,
            length: end.character - start.character,
            token_type: token_type(t.kind),
            token_modifiers_bitset: modifier_bits(t.modifiers),
        });
        prev_line = start.line;
        prev_col = start.character;
    }
    data
}

/// `textDocument/semanticTokens/full`.
pub(super) async fn full(
    inner: &Arc<Inner>,
    params: SemanticTokensParams,
) -> Result<Option<SemanticTokensResult>> {
    let Some((snap, unit)) = inner.snapshot(&params.text_document.uri) else {
        return Ok(None);
    };
    blocking("textDocument/semanticTokens/full", move || {
        let analysis = snap.analysis();
        let conv = Converter::new(analysis.text(), analysis.line_index(), unit);
        let tokens = ide::semantic_tokens(analysis.cable(), analysis.tables());
        Some(SemanticTokensResult::Tokens(SemanticTokens {
            result_id: None,
            data: encode(&tokens, &conv),
        }))
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_exactly_one_token_type() {
        for kind in TokenKind::ALL {
            let n = TYPES.iter().filter(|(_, k)| k.contains(&kind)).count();
            assert_eq!(n, 1, "{kind:?}");
        }
        assert_eq!(
            token_type(TokenKind::Caption),
            token_type(TokenKind::Marking)
        );
    }

    #[test]
    fn modifiers_are_bits_in_legend_order() {
        let none = TokenModifiers::default();
        assert_eq!(modifier_bits(none), 0);
        let classified = TokenModifiers {
            classified: true,
            ..none
        };
        assert_eq!(modifier_bits(classified), 2);
        let both = TokenModifiers {
            deprecated: true,
            classified: true,
        };
        assert_eq!(modifier_bits(both), 3);
        assert_eq!(legend().token_modifiers.len(), MODIFIERS.len());
    }
}
