//! Which span each token of a text belongs to: one rule for every token-level view of the
//! annotations (the CoNLL export and token agreement), so both count the same thing.
//!
//! A token is tagged with the span that covers it, even in part. Where spans overlap, an entity
//! wins over a MEETING or OUTCOME trigger (which often contains it), then the span starting
//! first, then the longer; the other span is left out. EVIDENCE spans (words that are evidence of
//! a record's field, not names) tag nothing.

use crate::model::Span;
use crate::text::Token;

use super::meetings::{EVIDENCE_LABEL, MEETING_LABEL};
use super::outcomes::OUTCOME_LABEL;

/// Why a span tags no token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeftOut {
    Evidence,
    CoversNoToken,
    OverlapsEarlierSpan,
}

impl LeftOut {
    pub fn reason(self) -> &'static str {
        match self {
            LeftOut::Evidence => "evidence of a record's field, not a name",
            LeftOut::CoversNoToken => "covers no token",
            LeftOut::OverlapsEarlierSpan => "overlaps an earlier span",
        }
    }
}

/// The outcome of tagging one text's tokens with its spans.
#[derive(Debug, Default)]
pub struct TokenTags<'s> {
    /// Per token: the span tagging it, if any.
    pub tag_of: Vec<Option<&'s Span>>,
    /// Spans that tag no token, in the order they were considered, with why.
    pub left_out: Vec<(&'s Span, LeftOut)>,
}

impl<'s> TokenTags<'s> {
    /// The label of each token, `None` outside every span.
    pub fn labels(&self) -> impl Iterator<Item = Option<&'s str>> + '_ {
        self.tag_of
            .iter()
            .map(|span| span.map(|s| s.label.as_str()))
    }
}

fn is_trigger(label: &str) -> bool {
    label == MEETING_LABEL || label == OUTCOME_LABEL
}

/// Tags `tokens` (in text order, as `text::tokenize` gives them) with `spans`.
pub fn tag_tokens<'s>(
    tokens: &[Token],
    spans: impl IntoIterator<Item = &'s Span>,
) -> TokenTags<'s> {
    let mut spans: Vec<&Span> = spans.into_iter().collect();
    spans.sort_by_key(|s| {
        (
            is_trigger(&s.label),
            s.start,
            std::cmp::Reverse(s.end),
            s.id,
        )
    });
    let mut tags = TokenTags {
        tag_of: vec![None; tokens.len()],
        left_out: Vec::new(),
    };
    for span in spans {
        let first = tokens.partition_point(|t| t.range.end <= span.start);
        let covered = first
            ..(first..tokens.len())
                .find(|&i| tokens[i].range.start >= span.end)
                .unwrap_or(tokens.len());
        let why = if span.label == EVIDENCE_LABEL {
            Some(LeftOut::Evidence)
        } else if covered.is_empty() {
            Some(LeftOut::CoversNoToken)
        } else if tags.tag_of[covered.clone()].iter().any(Option::is_some) {
            Some(LeftOut::OverlapsEarlierSpan)
        } else {
            None
        };
        match why {
            Some(why) => tags.left_out.push((span, why)),
            None => tags.tag_of[covered].fill(Some(span)),
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SpanId;
    use crate::text::tokenize;

    fn span(id: u64, text: &str, start: usize, end: usize, label: &str) -> Span {
        Span::quoting(SpanId(id), text, start, end, label, "a").unwrap()
    }

    #[test]
    fn an_entity_inside_a_trigger_takes_its_tokens_and_the_trigger_is_left_out() {
        let text = "دیدار وزیر خارجه ایران با لاوروف";
        let tokens = tokenize(text);
        let trigger = span(1, text, 0, 22, "MEETING");
        let country = span(2, text, 17, 22, "LOC");
        let tags = tag_tokens(&tokens, [&trigger, &country]);
        let labels: Vec<_> = tags.labels().collect();
        assert_eq!(
            labels,
            [None, None, None, Some("LOC"), None, None],
            "tokens: {tokens:?}"
        );
        assert_eq!(tags.left_out.len(), 1);
        assert_eq!(tags.left_out[0].0.id, SpanId(1));
        assert_eq!(tags.left_out[0].1, LeftOut::OverlapsEarlierSpan);
    }

    #[test]
    fn a_token_partly_inside_a_span_counts_as_inside_and_evidence_tags_nothing() {
        let text = "نشست سران در تهران";
        let tokens = tokenize(text);
        let partial = span(1, text, 14, 16, "LOC");
        let evidence = span(2, text, 5, 9, "EVIDENCE");
        let tags = tag_tokens(&tokens, [&partial, &evidence]);
        let labels: Vec<_> = tags.labels().collect();
        assert_eq!(labels, [None, None, None, Some("LOC")]);
        assert_eq!(tags.left_out[0].1, LeftOut::Evidence);
    }
}
