//! html5gum's tokenizer driving html5ever's tree builder.
//!
//! Both follow the WHATWG tokenizer, so the tree is the one `html5ever::parse_document` builds;
//! html5gum reads runs of plain bytes at a time where html5ever takes a character at a time
//! through a queue of tendrils, which was about a third of the whole `extract` run. The glue
//! here ([`Glue`]) gathers each token's pieces and hands the finished token to the tree
//! builder, and the tree builder's answer (raw text after `<script>`, `<style>`, `<title>`…)
//! back to the tokenizer as its next state.
//!
//! What the tree never sees is not built: comment text (the [`super::Dom`] keeps comments as
//! empty placeholders) and parse errors. Text between two other tokens goes to the tree
//! builder as one token.

use std::borrow::Cow;
use std::convert::Infallible;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{Doctype, Tag, TagKind, Token, TokenSink, TokenSinkResult};
use html5ever::tree_builder::TreeBuilder;
use html5ever::{ns, Attribute, LocalName, QualName};
use html5gum::{Emitter, Error, State, Tokenizer};

use super::{Dom, Sink};

/// Parse a whole document (scripting enabled, as `html5ever::parse_document` with its default
/// options, a leading byte-order mark dropped).
pub(super) fn parse(html: &str, sink: Sink) -> Dom {
    let html = html.strip_prefix('\u{feff}').unwrap_or(html);
    let tb = TreeBuilder::new(sink, Default::default());
    let glue = Glue::new(&tb);
    // Reading a `&str` cannot fail (its error type is `Infallible`).
    let Ok(()) = Tokenizer::new_with_emitter(html, glue).finish();
    use html5ever::interface::TreeSink;
    tb.sink.finish()
}

/// What the token being read is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Current {
    None,
    StartTag,
    EndTag,
    Comment,
    Doctype,
}

/// The emitter: collects a token, then hands it to the tree builder.
struct Glue<'a> {
    tb: &'a TreeBuilder<u32, Sink>,
    /// Text not yet handed over (it goes as one token before the next other token).
    text: Vec<u8>,
    current: Current,
    name: Vec<u8>,
    self_closing: bool,
    attrs: Vec<Attribute>,
    /// The names in `attrs`, kept once a tag has many (see [`Glue::finish_attr`]).
    attr_set: rustc_hash::FxHashSet<LocalName>,
    duplicate_attrs: bool,
    /// Whether an attribute is being read (its name and value below).
    in_attr: bool,
    attr_name: Vec<u8>,
    attr_value: Vec<u8>,
    /// The name of the last start tag, for "appropriate end tag" in raw text.
    last_start: Vec<u8>,
    doctype_name: Vec<u8>,
    public_id: Option<Vec<u8>>,
    system_id: Option<Vec<u8>>,
    force_quirks: bool,
}

/// The text of token bytes. They are pieces of a `&str` and decoded character references, so
/// always UTF-8; should that ever fail, the bad bytes become U+FFFD.
fn text(b: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(b) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => String::from_utf8_lossy(b),
    }
}

fn tendril(b: &[u8]) -> StrTendril {
    StrTendril::from_slice(&text(b))
}

fn atom(b: &[u8]) -> LocalName {
    match text(b) {
        Cow::Borrowed(s) => LocalName::from(s),
        Cow::Owned(s) => LocalName::from(s),
    }
}

impl<'a> Glue<'a> {
    fn new(tb: &'a TreeBuilder<u32, Sink>) -> Self {
        Glue {
            tb,
            text: Vec::with_capacity(4096),
            current: Current::None,
            name: Vec::new(),
            self_closing: false,
            attrs: Vec::new(),
            attr_set: Default::default(),
            duplicate_attrs: false,
            in_attr: false,
            attr_name: Vec::new(),
            attr_value: Vec::new(),
            last_start: Vec::new(),
            doctype_name: Vec::new(),
            public_id: None,
            system_id: None,
            force_quirks: false,
        }
    }

    fn process(&self, token: Token) -> TokenSinkResult<u32> {
        self.tb.process_token(token, 1)
    }

    /// Hand the pending text over; a NUL goes as its own token, as html5ever's tokenizer
    /// sends it (the tree builder drops it in most places).
    fn flush_text(&mut self) {
        if self.text.is_empty() {
            return;
        }
        let text = std::mem::take(&mut self.text);
        let mut rest = &text[..];
        loop {
            match memchr::memchr(0, rest) {
                None => {
                    if !rest.is_empty() {
                        let _ = self.process(Token::CharacterTokens(tendril(rest)));
                    }
                    break;
                }
                Some(k) => {
                    if k > 0 {
                        let _ = self.process(Token::CharacterTokens(tendril(&rest[..k])));
                    }
                    let _ = self.process(Token::NullCharacterToken);
                    rest = &rest[k + 1..];
                }
            }
        }
        self.text = text;
        self.text.clear();
    }

    /// Put the attribute being read on the tag; a second attribute of the same name is
    /// dropped, as the tokenizer's spec says.
    fn finish_attr(&mut self) {
        if !std::mem::take(&mut self.in_attr) || self.current != Current::StartTag {
            return;
        }
        let name = atom(&self.attr_name);
        // A linear look while the tag is small; past that a set of the names seen, so that a
        // tag of 100 000 attributes stays linear.
        let seen = if self.attrs.len() < 32 {
            self.attrs.iter().any(|a| a.name.local == name)
        } else {
            if self.attr_set.is_empty() {
                self.attr_set
                    .extend(self.attrs.iter().map(|a| a.name.local.clone()));
            }
            !self.attr_set.insert(name.clone())
        };
        if seen {
            self.duplicate_attrs = true;
            return;
        }
        self.attrs.push(Attribute {
            name: QualName::new(None, ns!(), name),
            value: tendril(&self.attr_value),
        });
    }

    fn init_tag(&mut self, current: Current) {
        self.current = current;
        self.name.clear();
        self.self_closing = false;
        self.attrs = Vec::new();
        self.attr_set.clear();
        self.duplicate_attrs = false;
        self.in_attr = false;
    }
}

impl Emitter for Glue<'_> {
    type Token = Infallible;

    fn set_last_start_tag(&mut self, last_start_tag: Option<&[u8]>) {
        self.last_start.clear();
        self.last_start
            .extend_from_slice(last_start_tag.unwrap_or_default());
    }

    fn emit_eof(&mut self) {
        self.flush_text();
        let _ = self.process(Token::EOFToken);
        self.tb.end();
    }

    fn emit_error(&mut self, _error: Error) {}

    #[inline]
    fn should_emit_errors(&mut self) -> bool {
        false
    }

    fn pop_token(&mut self) -> Option<Infallible> {
        None
    }

    #[inline]
    fn emit_string(&mut self, c: &[u8]) {
        self.text.extend_from_slice(c);
    }

    fn init_start_tag(&mut self) {
        self.init_tag(Current::StartTag);
    }

    fn init_end_tag(&mut self) {
        self.init_tag(Current::EndTag);
    }

    fn init_comment(&mut self) {
        self.current = Current::Comment;
    }

    fn emit_current_tag(&mut self) -> Option<State> {
        self.finish_attr();
        self.flush_text();
        let kind = if self.current == Current::StartTag {
            self.last_start.clear();
            self.last_start.extend_from_slice(&self.name);
            TagKind::StartTag
        } else {
            TagKind::EndTag
        };
        self.current = Current::None;
        let tag = Tag {
            kind,
            name: atom(&self.name),
            self_closing: self.self_closing,
            attrs: std::mem::take(&mut self.attrs),
            had_duplicate_attributes: self.duplicate_attrs,
        };
        match self.process(Token::TagToken(tag)) {
            TokenSinkResult::Continue | TokenSinkResult::EncodingIndicator(_) => None,
            TokenSinkResult::Script(_) => Some(State::Data),
            TokenSinkResult::Plaintext => Some(State::PlainText),
            TokenSinkResult::RawData(RawKind::Rcdata) => Some(State::RcData),
            TokenSinkResult::RawData(RawKind::Rawtext) => Some(State::RawText),
            TokenSinkResult::RawData(RawKind::ScriptData | RawKind::ScriptDataEscaped(_)) => {
                Some(State::ScriptData)
            }
        }
    }

    fn emit_current_comment(&mut self) {
        self.flush_text();
        self.current = Current::None;
        // The tree keeps comments as empty placeholders: their text is never read.
        let _ = self.process(Token::CommentToken(StrTendril::new()));
    }

    fn emit_current_doctype(&mut self) {
        self.flush_text();
        self.current = Current::None;
        let doctype = Doctype {
            name: (!self.doctype_name.is_empty()).then(|| tendril(&self.doctype_name)),
            public_id: self.public_id.take().map(|v| tendril(&v)),
            system_id: self.system_id.take().map(|v| tendril(&v)),
            force_quirks: self.force_quirks,
        };
        let _ = self.process(Token::DoctypeToken(doctype));
    }

    fn set_self_closing(&mut self) {
        self.self_closing = true;
    }

    fn set_force_quirks(&mut self) {
        self.force_quirks = true;
    }

    #[inline]
    fn push_tag_name(&mut self, s: &[u8]) {
        self.name.extend_from_slice(s);
    }

    fn push_comment(&mut self, _s: &[u8]) {}

    fn push_doctype_name(&mut self, s: &[u8]) {
        self.doctype_name.extend_from_slice(s);
    }

    fn init_doctype(&mut self) {
        self.current = Current::Doctype;
        self.doctype_name.clear();
        self.public_id = None;
        self.system_id = None;
        self.force_quirks = false;
    }

    fn init_attribute(&mut self) {
        self.finish_attr();
        self.in_attr = true;
        self.attr_name.clear();
        self.attr_value.clear();
    }

    #[inline]
    fn push_attribute_name(&mut self, s: &[u8]) {
        self.attr_name.extend_from_slice(s);
    }

    #[inline]
    fn push_attribute_value(&mut self, s: &[u8]) {
        self.attr_value.extend_from_slice(s);
    }

    fn set_doctype_public_identifier(&mut self, value: &[u8]) {
        self.public_id = Some(value.to_vec());
    }

    fn set_doctype_system_identifier(&mut self, value: &[u8]) {
        self.system_id = Some(value.to_vec());
    }

    fn push_doctype_public_identifier(&mut self, s: &[u8]) {
        self.public_id
            .get_or_insert_with(Vec::new)
            .extend_from_slice(s);
    }

    fn push_doctype_system_identifier(&mut self, s: &[u8]) {
        self.system_id
            .get_or_insert_with(Vec::new)
            .extend_from_slice(s);
    }

    fn current_is_appropriate_end_tag_token(&mut self) -> bool {
        self.current == Current::EndTag
            && !self.last_start.is_empty()
            && self.name == self.last_start
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&mut self) -> bool {
        self.tb
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Dom, Edge, Node};

    fn attrs_of_first(dom: &Dom, tag: &str) -> Vec<(String, String)> {
        dom.traverse()
            .find_map(|e| match e {
                Edge::Open(n) => match n.value() {
                    Node::Element(el) if el.name() == tag => Some(
                        el.attrs()
                            .map(|(k, v)| (k.to_owned(), v.to_owned()))
                            .collect(),
                    ),
                    _ => None,
                },
                _ => None,
            })
            .expect("element")
    }

    #[test]
    fn a_repeated_attribute_keeps_its_first_value() {
        let dom = Dom::parse("<p a=1 B=2 b=3 a='4'>t</p>");
        assert_eq!(
            attrs_of_first(&dom, "p"),
            [("a".into(), "1".into()), ("b".into(), "2".into())]
        );
        // Past the first 32 attributes the names are looked up in a set: same answers.
        let mut html = String::from("<p");
        for i in 0..40 {
            html.push_str(&format!(" x{i}={i}"));
        }
        html.push_str(" x0=again x39=again x40=new>t");
        let attrs = attrs_of_first(&Dom::parse(&html), "p");
        assert_eq!(attrs.len(), 41);
        assert_eq!(attrs[0], ("x0".into(), "0".into()));
        assert_eq!(attrs[39], ("x39".into(), "39".into()));
        assert_eq!(attrs[40], ("x40".into(), "new".into()));
    }

    #[test]
    fn a_hundred_thousand_attributes_stay_linear() {
        // Every new name was once compared with every earlier one (html5ever's own tokenizer
        // still does: 25 s for 200 000 names in a release build).
        let mut html = String::from("<p");
        for i in 0..100_000 {
            html.push_str(&format!(" a{i}=1"));
        }
        html.push_str(">text");
        assert_eq!(attrs_of_first(&Dom::parse(&html), "p").len(), 100_000);
    }

    #[test]
    fn raw_text_states_follow_the_tree_builder() {
        // The tree builder names the state after <script>, <title>, <plaintext>…: markup in
        // them is text.
        let dom = Dom::parse(
            "<title>a <b>b</b></title><script>if (a<b) {}</script><textarea><i>c</textarea>\
             <svg><style><b>in svg</b></style></svg><plaintext><p>all",
        );
        let text: Vec<String> = dom
            .traverse()
            .filter_map(|e| match e {
                Edge::Open(n) => match n.value() {
                    Node::Text(t) => Some(t.to_owned()),
                    _ => None,
                },
                _ => None,
            })
            .collect();
        assert_eq!(
            text,
            ["a <b>b</b>", "if (a<b) {}", "<i>c", "in svg", "<p>all"]
        );
    }
}
