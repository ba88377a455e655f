//! A lean, read-only DOM built by html5ever's tree builder.
//!
//! [`Dom::parse`] feeds html5ever's tree builder with html5gum's tokenizer (see [`tokens`]:
//! the same tree as html5ever's own tokenizer, in about half the time) and a sink that fills
//! a compact arena: one `Vec` of 32-byte nodes linked by `u32` indices, one `Vec` of
//! [`Element`]s, and one shared `String` holding every text node's text. Compared with `scraper::Html` this skips the
//! per-node `ego_tree` payloads, the attribute sort, the lazily-built id/class caches, the
//! doctype and comment text, and the one-allocation-per-text-node tendrils.
//!
//! The API mirrors the part of `scraper` that extraction uses ([`Dom::traverse`] yields
//! [`Edge::Open`] / [`Edge::Close`] in document order; [`Node`], [`Element::name`],
//! [`Element::attr`], [`Element::attrs`], [`Element::id`]), and the tree is the same tree
//! `scraper` builds, node for node, with three differences that extraction never sees:
//!
//! * a U+FEFF right after `</script>` stays text (html5ever's tokenizer drops it as if it
//!   were a byte-order mark when it resumes after a script; the spec keeps it);
//! * the doctype is not stored, and comments are kept only as empty [`Node::Other`]
//!   placeholders (so text on either side of a comment stays two text nodes, as in `scraper`);
//! * [`Element::attrs`] yields attributes in source order (`scraper` sorts them by name).
//!
//! A `<template>`'s contents hang, as in `scraper`, under a [`Node::Other`] fragment node that
//! is the template element's first child.

use std::borrow::Cow;
use std::cell::{Ref, RefCell};
use std::fmt;

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{ns, Attribute, QualName};

mod tokens;

/// "No node" in the arena links.
const NONE: u32 = u32::MAX;

#[derive(Clone, Copy, Debug)]
enum Kind {
    Document,
    /// Index into `Dom::elements`.
    Element(u32),
    /// A byte range of `Dom::text`.
    Text(u32, u32),
    /// Index into `Dom::owned`: text that outgrew its place in the shared buffer.
    OwnedText(u32),
    /// Comment, processing instruction or template-contents fragment.
    Other,
}

#[derive(Clone, Copy, Debug)]
struct NodeData {
    parent: u32,
    first_child: u32,
    last_child: u32,
    prev_sibling: u32,
    next_sibling: u32,
    kind: Kind,
}

impl NodeData {
    fn new(kind: Kind) -> Self {
        NodeData {
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            prev_sibling: NONE,
            next_sibling: NONE,
            kind,
        }
    }
}

/// A parsed HTML document.
pub struct Dom {
    nodes: Vec<NodeData>,
    elements: Vec<Element>,
    /// The text of most text nodes, back to back.
    text: String,
    /// The text of text nodes that were appended to after another text node followed them
    /// into `text` (foster-parented text, mostly).
    owned: Vec<String>,
}

/// An HTML element: its name and attributes.
pub struct Element {
    name: QualName,
    attrs: Vec<Attribute>,
    /// `<annotation-xml encoding="text/html">` in MathML: an HTML integration point.
    integration_point: bool,
}

/// What a node is.
#[derive(Clone, Copy, Debug)]
pub enum Node<'a> {
    Document,
    Element(&'a Element),
    Text(&'a str),
    /// A comment, processing instruction or template-contents fragment.
    Other,
}

/// A node of a [`Dom`].
#[derive(Clone, Copy)]
pub struct NodeRef<'a> {
    dom: &'a Dom,
    id: u32,
}

/// A step of a traversal: entering or leaving a node.
#[derive(Clone, Copy, Debug)]
pub enum Edge<'a> {
    Open(NodeRef<'a>),
    Close(NodeRef<'a>),
}

/// Iterator of [`Edge`]s over a subtree in document order, without recursion.
#[derive(Clone)]
pub struct Traverse<'a> {
    dom: &'a Dom,
    root: u32,
    /// The next node and whether it is to be opened (else closed).
    next: Option<(u32, bool)>,
}

impl Dom {
    /// Parse a whole document the way a browser would (html5ever, scripting enabled).
    pub fn parse(html: &str) -> Dom {
        let sink = Sink {
            dom: RefCell::new(Dom::with_capacity(html.len())),
        };
        tokens::parse(html, sink)
    }

    /// The same tree, read by html5ever's own tokenizer (to check [`Dom::parse`] against).
    pub fn parse_html5ever(html: &str) -> Dom {
        let sink = Sink {
            dom: RefCell::new(Dom::with_capacity(html.len())),
        };
        html5ever::parse_document(sink, Default::default()).one(html)
    }

    fn with_capacity(bytes: usize) -> Dom {
        // News pages run about 10 nodes, 4 elements and 650 bytes of text (most of it script
        // and style) per KiB of HTML; text rarely outgrows the input.
        let mut nodes = Vec::with_capacity(bytes / 80 + 16);
        nodes.push(NodeData::new(Kind::Document));
        Dom {
            nodes,
            elements: Vec::with_capacity(bytes / 200 + 16),
            text: String::with_capacity(bytes + 64),
            owned: Vec::new(),
        }
    }

    /// The document node.
    pub fn root(&self) -> NodeRef<'_> {
        NodeRef { dom: self, id: 0 }
    }

    /// Every node of the document, entered and left in document order.
    pub fn traverse(&self) -> Traverse<'_> {
        self.root().traverse()
    }

    /// Number of nodes, the document node included.
    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }

    fn node(&self, id: u32) -> &NodeData {
        &self.nodes[id as usize]
    }

    fn node_mut(&mut self, id: u32) -> &mut NodeData {
        &mut self.nodes[id as usize]
    }

    fn push_node(&mut self, kind: Kind) -> u32 {
        let id = u32::try_from(self.nodes.len())
            .ok()
            .filter(|&id| id != NONE)
            .expect("over 4 billion nodes");
        self.nodes.push(NodeData::new(kind));
        id
    }

    fn text_of(&self, kind: Kind) -> Option<&str> {
        match kind {
            Kind::Text(start, end) => Some(&self.text[start as usize..end as usize]),
            Kind::OwnedText(i) => Some(&self.owned[i as usize]),
            _ => None,
        }
    }

    /// Unlink a node from its parent and siblings (no-op for a node without a parent).
    fn detach(&mut self, id: u32) {
        let NodeData {
            parent,
            prev_sibling: prev,
            next_sibling: next,
            ..
        } = *self.node(id);
        if parent == NONE {
            return;
        }
        if prev != NONE {
            self.node_mut(prev).next_sibling = next;
        } else {
            self.node_mut(parent).first_child = next;
        }
        if next != NONE {
            self.node_mut(next).prev_sibling = prev;
        } else {
            self.node_mut(parent).last_child = prev;
        }
        let n = self.node_mut(id);
        n.parent = NONE;
        n.prev_sibling = NONE;
        n.next_sibling = NONE;
    }

    /// Link a detached node as the last child of `parent`.
    fn append_child(&mut self, parent: u32, child: u32) {
        let last = self.node(parent).last_child;
        let c = self.node_mut(child);
        c.parent = parent;
        c.prev_sibling = last;
        c.next_sibling = NONE;
        if last != NONE {
            self.node_mut(last).next_sibling = child;
        } else {
            self.node_mut(parent).first_child = child;
        }
        self.node_mut(parent).last_child = child;
    }

    /// Link a detached node just before `sibling`, which has a parent.
    fn insert_before(&mut self, sibling: u32, child: u32) {
        let NodeData {
            parent,
            prev_sibling: prev,
            ..
        } = *self.node(sibling);
        let c = self.node_mut(child);
        c.parent = parent;
        c.prev_sibling = prev;
        c.next_sibling = sibling;
        self.node_mut(sibling).prev_sibling = child;
        if prev != NONE {
            self.node_mut(prev).next_sibling = child;
        } else {
            self.node_mut(parent).first_child = child;
        }
    }

    /// A new, detached text node.
    fn new_text(&mut self, s: &str) -> u32 {
        let start = self.text.len();
        let kind = match u32::try_from(start + s.len()) {
            Ok(end) if end != NONE => {
                self.text.push_str(s);
                Kind::Text(start as u32, end)
            }
            _ => {
                self.owned.push(s.to_string());
                Kind::OwnedText((self.owned.len() - 1) as u32)
            }
        };
        self.push_node(kind)
    }

    /// Append to node `id` if it is a text node; say whether it was.
    fn extend_text(&mut self, id: u32, s: &str) -> bool {
        match self.node(id).kind {
            Kind::Text(start, end) => {
                let new_end = self.text.len() + s.len();
                if end as usize == self.text.len() && new_end < NONE as usize {
                    // Still the last text written: grow it in place.
                    self.text.push_str(s);
                    self.node_mut(id).kind = Kind::Text(start, new_end as u32);
                } else {
                    // Other text followed it: move it to a string of its own, so that
                    // alternating appends to two text nodes stay linear.
                    let old = &self.text[start as usize..end as usize];
                    let mut owned = String::with_capacity(2 * (old.len() + s.len()));
                    owned.push_str(old);
                    owned.push_str(s);
                    self.owned.push(owned);
                    self.node_mut(id).kind = Kind::OwnedText((self.owned.len() - 1) as u32);
                }
                true
            }
            Kind::OwnedText(i) => {
                self.owned[i as usize].push_str(s);
                true
            }
            _ => false,
        }
    }

    fn element(&self, id: u32) -> &Element {
        match self.node(id).kind {
            Kind::Element(i) => &self.elements[i as usize],
            _ => panic!("node {id} is not an element"),
        }
    }
}

impl fmt::Debug for Dom {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Dom")
            .field("nodes", &self.nodes.len())
            .field("elements", &self.elements.len())
            .field("text_bytes", &self.text.len())
            .finish()
    }
}

impl<'a> NodeRef<'a> {
    /// What this node is.
    pub fn value(&self) -> Node<'a> {
        let kind = self.dom.node(self.id).kind;
        match kind {
            Kind::Document => Node::Document,
            Kind::Element(i) => Node::Element(&self.dom.elements[i as usize]),
            Kind::Text(..) | Kind::OwnedText(_) => {
                Node::Text(self.dom.text_of(kind).expect("text node"))
            }
            Kind::Other => Node::Other,
        }
    }

    /// The node's index in its document (the document node is 0).
    pub fn id(&self) -> usize {
        self.id as usize
    }

    fn link(&self, id: u32) -> Option<NodeRef<'a>> {
        (id != NONE).then_some(NodeRef { dom: self.dom, id })
    }

    pub fn parent(&self) -> Option<NodeRef<'a>> {
        self.link(self.dom.node(self.id).parent)
    }

    pub fn first_child(&self) -> Option<NodeRef<'a>> {
        self.link(self.dom.node(self.id).first_child)
    }

    pub fn last_child(&self) -> Option<NodeRef<'a>> {
        self.link(self.dom.node(self.id).last_child)
    }

    pub fn next_sibling(&self) -> Option<NodeRef<'a>> {
        self.link(self.dom.node(self.id).next_sibling)
    }

    pub fn prev_sibling(&self) -> Option<NodeRef<'a>> {
        self.link(self.dom.node(self.id).prev_sibling)
    }

    /// The node's children, first to last.
    pub fn children(&self) -> impl Iterator<Item = NodeRef<'a>> + 'a {
        std::iter::successors(self.first_child(), |n| n.next_sibling())
    }

    /// This node and its descendants, entered and left in document order.
    pub fn traverse(&self) -> Traverse<'a> {
        Traverse {
            dom: self.dom,
            root: self.id,
            next: Some((self.id, true)),
        }
    }
}

impl fmt::Debug for NodeRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "NodeRef({}, {:?})", self.id, self.value())
    }
}

impl PartialEq for NodeRef<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.dom, other.dom) && self.id == other.id
    }
}

impl Eq for NodeRef<'_> {}

impl<'a> Iterator for Traverse<'a> {
    type Item = Edge<'a>;

    fn next(&mut self) -> Option<Edge<'a>> {
        let (id, open) = self.next?;
        let n = self.dom.node(id);
        let node = NodeRef { dom: self.dom, id };
        if open {
            self.next = Some(if n.first_child != NONE {
                (n.first_child, true)
            } else {
                (id, false)
            });
            Some(Edge::Open(node))
        } else {
            self.next = if id == self.root {
                None
            } else if n.next_sibling != NONE {
                Some((n.next_sibling, true))
            } else if n.parent != NONE {
                Some((n.parent, false))
            } else {
                None
            };
            Some(Edge::Close(node))
        }
    }
}

impl std::iter::FusedIterator for Traverse<'_> {}

impl Element {
    /// The local name (`div`, `svg`, `foreignObject`).
    pub fn name(&self) -> &str {
        &self.name.local
    }

    /// The value of the attribute with this (non-namespaced) name.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| a.name.prefix.is_none() && a.name.ns == ns!() && &*a.name.local == name)
            .map(|a| &*a.value)
    }

    /// The values of several attributes ([`Element::attr`] each), in one pass.
    pub fn attrs_named<const N: usize>(&self, names: [&str; N]) -> [Option<&str>; N] {
        let mut out = [None; N];
        for a in &self.attrs {
            if a.name.prefix.is_some() || a.name.ns != ns!() {
                continue;
            }
            let local: &str = &a.name.local;
            if let Some(k) = names.iter().position(|&n| n == local) {
                // The first attribute of a name wins, as in `attr`.
                out[k].get_or_insert(&*a.value);
            }
        }
        out
    }

    /// Every attribute as (local name, value), in source order.
    pub fn attrs(&self) -> impl Iterator<Item = (&str, &str)> + '_ {
        self.attrs.iter().map(|a| (&*a.name.local, &*a.value))
    }

    /// The value of the `id` attribute.
    pub fn id(&self) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| &*a.name.local == "id")
            .map(|a| &*a.value)
    }
}

impl fmt::Debug for Element {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<{}", self.name())?;
        for (k, v) in self.attrs() {
            write!(f, " {k}={v:?}")?;
        }
        write!(f, ">")
    }
}

/// The html5ever tree sink filling a [`Dom`]. Handles are node indices.
struct Sink {
    dom: RefCell<Dom>,
}

impl Sink {
    fn append_to(dom: &mut Dom, parent: u32, child: NodeOrText<u32>) {
        match child {
            NodeOrText::AppendNode(id) => {
                dom.detach(id);
                dom.append_child(parent, id);
            }
            NodeOrText::AppendText(text) => {
                let last = dom.node(parent).last_child;
                if last == NONE || !dom.extend_text(last, &text) {
                    let id = dom.new_text(&text);
                    dom.append_child(parent, id);
                }
            }
        }
    }

    fn insert_before(dom: &mut Dom, sibling: u32, new_node: NodeOrText<u32>) {
        if let NodeOrText::AppendNode(id) = new_node {
            dom.detach(id);
        }
        if dom.node(sibling).parent == NONE {
            return;
        }
        match new_node {
            NodeOrText::AppendNode(id) => dom.insert_before(sibling, id),
            NodeOrText::AppendText(text) => {
                let prev = dom.node(sibling).prev_sibling;
                if prev == NONE || !dom.extend_text(prev, &text) {
                    let id = dom.new_text(&text);
                    dom.insert_before(sibling, id);
                }
            }
        }
    }
}

impl TreeSink for Sink {
    type Handle = u32;
    type Output = Dom;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Dom {
        self.dom.into_inner()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> u32 {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a u32) -> Ref<'a, QualName> {
        Ref::map(self.dom.borrow(), |d| &d.element(*target).name)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> u32 {
        let mut dom = self.dom.borrow_mut();
        let index = dom.elements.len() as u32;
        dom.elements.push(Element {
            name,
            attrs,
            integration_point: flags.mathml_annotation_xml_integration_point,
        });
        let id = dom.push_node(Kind::Element(index));
        if flags.template {
            // The contents fragment is always the node right after its template.
            let contents = dom.push_node(Kind::Other);
            dom.append_child(id, contents);
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> u32 {
        self.dom.borrow_mut().push_node(Kind::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> u32 {
        self.dom.borrow_mut().push_node(Kind::Other)
    }

    fn append(&self, parent: &u32, child: NodeOrText<u32>) {
        Sink::append_to(&mut self.dom.borrow_mut(), *parent, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &u32,
        prev_element: &u32,
        child: NodeOrText<u32>,
    ) {
        let mut dom = self.dom.borrow_mut();
        if dom.node(*element).parent != NONE {
            Sink::insert_before(&mut dom, *element, child);
        } else {
            Sink::append_to(&mut dom, *prev_element, child);
        }
    }

    fn append_doctype_to_document(
        &self,
        _name: StrTendril,
        _public: StrTendril,
        _system: StrTendril,
    ) {
    }

    fn get_template_contents(&self, target: &u32) -> u32 {
        *target + 1
    }

    fn same_node(&self, x: &u32, y: &u32) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &u32, new_node: NodeOrText<u32>) {
        Sink::insert_before(&mut self.dom.borrow_mut(), *sibling, new_node);
    }

    fn add_attrs_if_missing(&self, target: &u32, attrs: Vec<Attribute>) {
        let mut dom = self.dom.borrow_mut();
        let Kind::Element(i) = dom.node(*target).kind else {
            return;
        };
        let el = &mut dom.elements[i as usize];
        for attr in attrs {
            if !el.attrs.iter().any(|a| a.name == attr.name) {
                el.attrs.push(attr);
            }
        }
    }

    fn remove_from_parent(&self, target: &u32) {
        self.dom.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &u32, new_parent: &u32) {
        let mut dom = self.dom.borrow_mut();
        let (node, new_parent) = (*node, *new_parent);
        let NodeData {
            first_child: first,
            last_child: last,
            ..
        } = *dom.node(node);
        if first == NONE {
            return;
        }
        let mut c = first;
        while c != NONE {
            let n = dom.node_mut(c);
            n.parent = new_parent;
            c = n.next_sibling;
        }
        let tail = dom.node(new_parent).last_child;
        if tail != NONE {
            dom.node_mut(tail).next_sibling = first;
            dom.node_mut(first).prev_sibling = tail;
        } else {
            dom.node_mut(new_parent).first_child = first;
        }
        dom.node_mut(new_parent).last_child = last;
        let n = dom.node_mut(node);
        n.first_child = NONE;
        n.last_child = NONE;
    }

    fn is_mathml_annotation_xml_integration_point(&self, handle: &u32) -> bool {
        self.dom.borrow().element(*handle).integration_point
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// One step of a traversal, as comparable data.
    #[derive(Debug, PartialEq, Eq)]
    enum Ev {
        /// Name, sorted attributes, `id()`, and `attr(name)` for each attribute name.
        Open(
            String,
            Vec<(String, String)>,
            Option<String>,
            Vec<Option<String>>,
        ),
        Text(String),
        Close(String),
    }

    fn open_ev<'a>(
        name: &str,
        attrs: impl Iterator<Item = (&'a str, &'a str)>,
        id: Option<&str>,
        attr: impl Fn(&str) -> Option<String>,
    ) -> Ev {
        let mut attrs: Vec<(String, String)> =
            attrs.map(|(k, v)| (k.to_string(), v.to_string())).collect();
        attrs.sort();
        let lookups = attrs.iter().map(|(k, _)| attr(k)).collect();
        Ev::Open(name.to_string(), attrs, id.map(str::to_string), lookups)
    }

    fn scraper_events(html: &str) -> Vec<Ev> {
        use ego_tree::iter::Edge as E;
        use scraper::node::Node as N;
        let doc = scraper::Html::parse_document(html);
        let mut out = Vec::new();
        for edge in doc.tree.root().traverse() {
            match edge {
                E::Open(n) => match n.value() {
                    N::Element(el) => out.push(open_ev(el.name(), el.attrs(), el.id(), |k| {
                        el.attr(k).map(str::to_string)
                    })),
                    N::Text(t) => out.push(Ev::Text(t.to_string())),
                    _ => {}
                },
                E::Close(n) => {
                    if let N::Element(el) = n.value() {
                        out.push(Ev::Close(el.name().to_string()));
                    }
                }
            }
        }
        out
    }

    fn dom_events(html: &str) -> Vec<Ev> {
        let dom = Dom::parse(html);
        let mut out = Vec::new();
        for edge in dom.traverse() {
            match edge {
                Edge::Open(n) => match n.value() {
                    Node::Element(el) => out.push(open_ev(el.name(), el.attrs(), el.id(), |k| {
                        el.attr(k).map(str::to_string)
                    })),
                    Node::Text(t) => out.push(Ev::Text(t.to_string())),
                    _ => {}
                },
                Edge::Close(n) => {
                    if let Node::Element(el) = n.value() {
                        out.push(Ev::Close(el.name().to_string()));
                    }
                }
            }
        }
        out
    }

    /// Links are consistent: every child's parent is its parent, siblings point both ways.
    fn check_links(dom: &Dom) {
        for (i, n) in dom.nodes.iter().enumerate() {
            let i = i as u32;
            let mut prev = NONE;
            let mut c = n.first_child;
            while c != NONE {
                let cn = dom.node(c);
                assert_eq!(cn.parent, i);
                assert_eq!(cn.prev_sibling, prev);
                prev = c;
                c = cn.next_sibling;
            }
            assert_eq!(n.last_child, prev);
        }
    }

    fn same(html: &str) {
        let a = scraper_events(html);
        let b = dom_events(html);
        assert_eq!(a, b, "input: {html:?}");
        check_links(&Dom::parse(html));
    }

    #[test]
    fn tricky_inputs_match_scraper() {
        for html in [
            "",
            "plain text",
            "<b><i>x</b>y</i>z",
            "<p>1<b>2<i>3<p>4</b>5</i>6",
            "<a href=x>1<p>2</a>3",
            "<table>stray<tr><td>a</td>more<td>b</table>after",
            "<table><tr>x<td>y</td>z<td>w</td>v</tr></table>",
            "<table><b>bold<tr><td>c</td></tr></b></table>",
            "<div><table>t1<!-- c -->t2<tr>t3</table></div>",
            "<p>one<p>two<div>three<p>four</div>",
            "<ul><li>a<li>b<ul><li>c</ul><li>d</ul>",
            "<template><p>inside</p><td>cell</template><p>out</p>",
            "<head><template>x<b>y</b></template></head><body><template><tr><td>z</template>",
            "<script>var s = '<b>not a tag</b>' && 1 < 2;</script>",
            "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\"}</script>",
            "<style>p > a { color: red }</style><p>x",
            "<p>&amp; &lt;tag&gt; &eacute;&nbsp;&#x1F600; &notanentity; &copy</p>",
            "<html lang=en><body><html lang=fr data-x=1 class=c><p>hi",
            "<body class=a><p>x<body id=b class=c><p>y",
            "<!DOCTYPE html><html><head><title>T &amp; t</title></head><body>b</body></html>",
            "<p>a<!-- comment -->b</p>",
            "<select><option>1<option>2<p>x</select>",
            "<svg><foreignObject><p>html</p></foreignObject><a xlink:href=u href=h>s</a></svg>",
            "<math><mi>x</mi><annotation-xml><p>y</annotation-xml></math>",
            "<frameset><frame></frameset>",
            "<textarea>\n<b>raw</b></textarea><pre>\nkeep</pre>",
            "<noscript><p>no</p></noscript>",
            "<h1><h2>x</h1></h2>",
            "<nobr>a<nobr>b<nobr>c",
            "<form><form><input></form>",
            "<table><caption>c<table>inner</table></caption></table>",
            "<div id=main class=\"a b\" ID=dup style='x'>t</div>",
            "</p></br></div>text",
            "<plaintext><b>all text",
            "text</html>more<!-- c -->after",
            "\u{feff}<p>after a byte-order mark",
            "a\r\nb\rc<pre>\r\nx</pre><textarea>\r\ny</textarea>",
            "<p a=1 A=2 b='x' b=\"y\" c=d&amp;e f=&notit; g=&notin; h=&ampx>t</p>",
            "<svg><![CDATA[<b>x</b>]]></svg><p><![CDATA[y]]>",
            "<script><!--<script>a</script>b</script>c-->d</script><p>e",
            "<title>a<b>&amp;</title><iframe><p>x</iframe><xmp><p>y</xmp>",
            "<p>&#0;&#128;&#x110000;&#xD800;&#65&#x41 &LT &GT; &AElig &notin</p>",
            "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\"><p><table><tr><td>q",
            "<?xml version=\"1.0\"?><p>pi</p><!-->x<!--->y<!-- a -- b --!>z",
            "<a href='x' <b>t</b> <c d=\"e\"/ f>",
            "<div\u{0}x=1>n\u{0}ul</div\u{0}>",
        ] {
            same(html);
        }
    }

    #[test]
    fn foster_parented_text_alternating_with_cells() {
        let mut html = String::from("<table><tr>");
        for i in 0..200 {
            html.push_str(&format!("x{i}<td>y{i}</td>"));
        }
        same(&html);
        let dom = Dom::parse(&html);
        let text: Vec<&str> = dom
            .traverse()
            .filter_map(|e| match e {
                Edge::Open(n) => match n.value() {
                    Node::Text(t) => Some(t),
                    _ => None,
                },
                _ => None,
            })
            .collect();
        assert!(text[0].starts_with("x0x1x2"));
        assert!(text[0].ends_with("x199"));
    }

    #[test]
    fn accessors() {
        let dom = Dom::parse("<div id=d class=c data-x='1'>t<!--c--><br></div>");
        let body = dom
            .traverse()
            .find_map(|e| match e {
                Edge::Open(n) => match n.value() {
                    Node::Element(el) if el.name() == "div" => Some((n, el)),
                    _ => None,
                },
                _ => None,
            })
            .expect("div");
        let (div, el) = body;
        assert_eq!(el.id(), Some("d"));
        assert_eq!(el.attr("class"), Some("c"));
        assert_eq!(el.attr("data-x"), Some("1"));
        assert_eq!(el.attr("nope"), None);
        assert_eq!(
            el.attrs().collect::<Vec<_>>(),
            [("id", "d"), ("class", "c"), ("data-x", "1")]
        );
        let kids: Vec<_> = div.children().map(|c| c.value()).collect();
        assert!(matches!(
            kids[..],
            [Node::Text("t"), Node::Other, Node::Element(_)]
        ));
        let body = dom.root().first_child().and_then(|html| html.last_child());
        assert_eq!(div.parent(), body);
        assert!(matches!(dom.root().value(), Node::Document));
        assert!(dom.root().parent().is_none());
        // A subtree traversal stays inside the subtree.
        let edges: Vec<_> = div.traverse().collect();
        assert_eq!(edges.len(), 8);
        assert!(matches!(edges.last(), Some(Edge::Close(n)) if *n == div));
    }

    #[test]
    fn template_contents_hang_under_a_fragment() {
        let dom = Dom::parse("<template><p>in</p></template>");
        let (t, _) = dom
            .traverse()
            .find_map(|e| match e {
                Edge::Open(n) => match n.value() {
                    Node::Element(el) if el.name() == "template" => Some((n, el)),
                    _ => None,
                },
                _ => None,
            })
            .expect("template");
        let kids: Vec<_> = t.children().collect();
        assert_eq!(kids.len(), 1);
        assert!(matches!(kids[0].value(), Node::Other));
        let p = kids[0].first_child().expect("contents");
        assert!(matches!(p.value(), Node::Element(el) if el.name() == "p"));
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        // Nested spans: html5ever builds them in linear time. Nested divs cost depth² scope
        // checks in the tree builder (20 000 take 16 s in a debug build), so those stay
        // shallower; the traversal is the same code either way.
        let n = 100_000;
        let html = "<span>".repeat(n) + "x";
        let dom = Dom::parse(&html);
        let (mut depth, mut max, mut edges) = (0usize, 0usize, 0usize);
        for e in dom.traverse() {
            edges += 1;
            match e {
                Edge::Open(_) => {
                    depth += 1;
                    max = max.max(depth);
                }
                Edge::Close(_) => depth -= 1,
            }
        }
        assert_eq!(depth, 0);
        // document, html, head, body, the spans, the text.
        assert_eq!(max, n + 4);
        assert_eq!(edges, 2 * (n + 5));
        drop(dom);

        let n = 3_000;
        let html = "<div>".repeat(n) + "x" + &"</div>".repeat(n);
        let dom = Dom::parse(&html);
        assert_eq!(dom.traverse().count(), 2 * (n + 5));
    }

    /// Random tag soup: tags that exercise the tree builder's odd corners, attributes,
    /// text, entities, comments.
    fn soup() -> impl Strategy<Value = String> {
        const TAGS: &[&str] = &[
            "html",
            "head",
            "body",
            "p",
            "div",
            "span",
            "b",
            "i",
            "a",
            "em",
            "nobr",
            "table",
            "tbody",
            "tr",
            "td",
            "th",
            "caption",
            "col",
            "colgroup",
            "ul",
            "ol",
            "li",
            "dl",
            "dd",
            "dt",
            "h1",
            "h2",
            "template",
            "script",
            "style",
            "title",
            "textarea",
            "select",
            "option",
            "optgroup",
            "form",
            "input",
            "button",
            "br",
            "img",
            "hr",
            "pre",
            "svg",
            "math",
            "mi",
            "foreignObject",
            "desc",
            "noscript",
            "iframe",
            "frameset",
            "xmp",
            "code",
            "article",
            "main",
            "section",
            "meta",
            "link",
            "base",
            "font",
            "center",
            "marquee",
            "object",
            "applet",
            "image",
            "isindex",
            "ruby",
            "rt",
            "rp",
            "plaintext",
            "noembed",
            "noframes",
            "tfoot",
            "thead",
            "label",
            "custom-el",
        ];
        const ATTRS: &[&str] = &[
            "class",
            "id",
            "href",
            "style",
            "lang",
            "hidden",
            "type",
            "xlink:href",
            "xml:lang",
            "xmlns",
            "role",
            "definitionURL",
            "size",
            "color",
        ];
        const TEXT: &[&str] = &[
            "x",
            " ",
            "\n",
            "word ",
            "&amp;",
            "&lt;",
            "&nbsp;",
            "&eacute",
            "&#65;",
            "<",
            ">",
            "a&b",
            "é ü",
            "\u{0}",
            "\t",
            "]]>",
            "--",
            "\r\n",
            "\r",
            "&#x0;",
            "&#128;",
            "&ampx",
            "&notin",
            "&#xD800;",
            "<!--<script>",
            "-->",
            "<![CDATA[c]]>",
            "<?pi x?>",
            "</ p>",
            "<a",
            "&",
            "<!",
            "</",
            "<scr",
            "</script",
            "'",
            "`",
            "=",
        ];
        let attr = (prop::sample::select(ATTRS), prop::sample::select(TEXT))
            .prop_map(|(k, v)| format!(" {k}=\"{}\"", v.replace('"', "")));
        let token = prop_oneof![
            4 => (prop::sample::select(TAGS), prop::collection::vec(attr, 0..3), any::<bool>())
                .prop_map(|(t, attrs, selfclose)| {
                    format!("<{t}{}{}>", attrs.concat(), if selfclose { "/" } else { "" })
                }),
            3 => prop::sample::select(TAGS).prop_map(|t| format!("</{t}>")),
            4 => prop::sample::select(TEXT).prop_map(str::to_string),
            1 => Just("<!-- c -->".to_string()),
            1 => prop::sample::select(&[
                "<!DOCTYPE html>",
                "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">",
                "<!doctype html system 'about:legacy-compat'>",
                "<!DOCTYPE>",
                "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">",
            ][..]).prop_map(str::to_string),
            1 => (prop::sample::select(TAGS), prop::sample::select(ATTRS), prop::sample::select(TEXT))
                .prop_map(|(t, k, v)| format!("<{} {k}={} {k}='{v}' {}>", t.to_uppercase(), v.replace(['>', ' '], ""), k.to_uppercase())),
        ];
        prop::collection::vec(token, 0..60).prop_map(|t| t.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1024))]

        #[test]
        fn tag_soup_matches_scraper(html in soup()) {
            let a = scraper_events(&html);
            let b = dom_events(&html);
            prop_assert_eq!(a, b, "input: {:?}", html);
            check_links(&Dom::parse(&html));
        }
    }
}
