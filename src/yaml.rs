//! A YAML document as a tree whose every node knows where it was written:
//! the one YAML reader of reference files and articles' front matter.
//!
//! serde stops at the first error of a file and locates only that one, so
//! reference files are read from the events of `saphyr-parser` (a safe,
//! YAML 1.2 parser that marks every event) into this small tree, which
//! `load.rs` then validates by hand, reporting every problem at its node.
//!
//! Hostile input is refused here, before any of it is interpreted:
//! aliases may add at most [`ALIAS_BUDGET`] nodes to the document (an
//! alias names a node already built, so a "billion laughs" file costs its
//! size, not its expansion), nesting stops at [`MAX_DEPTH`], and a document
//! holds at most [`MAX_NODES`] nodes. Tags and multi-document streams have
//! no use in a reference file and are refused too.

use std::borrow::Cow;
use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle, Span};

use crate::error::Location;

/// Deepest nesting accepted; a reference file needs five levels.
pub const MAX_DEPTH: usize = 64;
/// Nodes that aliases may add to a document, counted as expanded.
pub const ALIAS_BUDGET: u64 = 100_000;
/// Nodes held at once. A reference file's facts are validated while it
/// is parsed and their nodes dropped (see [`parse_streaming`]), so only a
/// file's other parts and a huge single value come near it.
pub const MAX_NODES: usize = 8_000_000;

/// Index of a node in [`Tree::nodes`].
pub type NodeId = usize;

#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    /// A scalar as written (quotes removed; borrowed from the file when it
    /// needed no unescaping); `plain` when unquoted, which is when YAML
    /// would read it as a number, a boolean or null.
    Scalar {
        text: Cow<'a, str>,
        plain: bool,
    },
    Seq(Vec<NodeId>),
    Map(Vec<(NodeId, NodeId)>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node<'a> {
    pub value: Value<'a>,
    /// Where the node starts, 1-based, column in characters.
    pub at: Location,
    /// Byte range of the node's text in the file.
    pub start: usize,
    pub end: usize,
    /// Nodes it stands for, its aliases expanded.
    size: u64,
}

impl Node<'_> {
    /// The scalar's text, when it is one.
    pub(crate) fn scalar(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    /// A plain scalar YAML reads as null (`~`, `null`, or nothing).
    pub fn is_null(&self) -> bool {
        matches!(&self.value, Value::Scalar { text, plain: true }
            if matches!(text.as_ref(), "" | "~" | "null" | "Null" | "NULL"))
    }

    /// What the node is, for messages: "a mapping", "a list", "a text".
    pub fn what(&self) -> &'static str {
        match &self.value {
            Value::Scalar { .. } if self.is_null() => "empty",
            Value::Scalar { .. } => "a single value",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }
}

/// A parsed document: its nodes, the root last built.
#[derive(Debug, Clone, Default)]
pub struct Tree<'a> {
    pub nodes: Vec<Node<'a>>,
    pub root: Option<NodeId>,
}

impl<'a> Tree<'a> {
    pub fn node(&self, id: NodeId) -> &Node<'a> {
        &self.nodes[id]
    }
}

/// Why a document was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub at: Option<Location>,
    pub message: String,
}

/// Converts the parser's character positions to byte offsets.
///
/// The parser counts characters from the start of the file; events come
/// in file order, so a cursor that walks forward makes the conversion
/// linear in the file (counting from each line's start would be
/// quadratic on a long line). ASCII text needs no counting at all.
struct Lines<'a> {
    text: &'a str,
    ascii: bool,
    /// (character index, byte offset) of the last conversion.
    cursor: (usize, usize),
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Lines<'a> {
        Lines {
            text,
            ascii: text.is_ascii(),
            cursor: (0, 0),
        }
    }

    /// Byte offset of a parser marker.
    fn byte(&mut self, mark: saphyr_parser::Marker) -> usize {
        let target = mark.index();
        if self.ascii {
            return target.min(self.text.len());
        }
        if target < self.cursor.0 {
            self.cursor = (0, 0);
        }
        let (mut chars, mut byte) = self.cursor;
        let mut rest = self.text[byte..].chars();
        while chars < target {
            match rest.next() {
                Some(c) => {
                    chars += 1;
                    byte += c.len_utf8();
                }
                None => break,
            }
        }
        self.cursor = (chars, byte);
        byte
    }
}

fn location(mark: saphyr_parser::Marker) -> Location {
    Location {
        line: mark.line(),
        column: mark.col() + 1,
    }
}

/// An open collection: its start and its children so far.
struct Open {
    anchor: usize,
    span: Span,
    /// Byte offset of its start.
    start: usize,
    map: bool,
    children: Vec<NodeId>,
    /// The first node of the child being built: where a streamed item's
    /// nodes begin.
    child_from: NodeId,
}

/// Parses `text` into a tree, refusing hostile documents.
pub fn parse(text: &str) -> Result<Tree<'_>, YamlError> {
    parse_streaming(text, |_, _, _| false)
}

/// Parses `text`, handing each item of a list that is the value of a
/// top-level key to `item` as soon as it is complete, with the top-level
/// mapping's entries so far (keys and values alternate; the last one is
/// that list's key). When `item` returns true it has dealt with the item:
/// it is left out of the list, and its nodes are dropped unless an anchor
/// was set inside it. So a reference file is validated fact by fact and
/// its tree never holds more than one fact.
pub(crate) fn parse_streaming<'a>(
    text: &'a str,
    mut item: impl FnMut(&Tree<'a>, &[NodeId], NodeId) -> bool,
) -> Result<Tree<'a>, YamlError> {
    let mut lines = Lines::new(text);
    let mut parser = Parser::new_from_str(text);
    let mut tree = Tree::default();
    let mut stack: Vec<Open> = Vec::new();
    // Anchor id → the node it names, once complete.
    let mut anchors: HashMap<usize, NodeId> = HashMap::new();
    let mut aliased: u64 = 0;
    // The last node an anchor names: nodes up to it must stay.
    let mut anchored: Option<NodeId> = None;
    let mut documents = 0;
    let fail = |span: Span, message: String| YamlError {
        at: Some(location(span.start)),
        message,
    };
    while let Some(event) = parser.next_event() {
        let (event, span) = event.map_err(|e| YamlError {
            at: Some(location(*e.marker())),
            message: if e.info().contains("recursion limit") {
                format!("nested deeper than {MAX_DEPTH} levels; a reference file needs five")
            } else {
                format!("YAML syntax: {}", e.info())
            },
        })?;
        let done: Option<(NodeId, usize)> = match event {
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => None,
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return Err(fail(
                        span,
                        "a second YAML document (`---`): a reference file holds one; split it into files"
                            .to_string(),
                    ));
                }
                None
            }
            Event::Alias(anchor) => {
                let Some(&id) = anchors.get(&anchor) else {
                    return Err(fail(
                        span,
                        "alias to a node that contains it (a recursive alias)".to_string(),
                    ));
                };
                aliased = aliased.saturating_add(tree.nodes[id].size);
                if aliased > ALIAS_BUDGET {
                    return Err(fail(
                        span,
                        format!(
                            "YAML aliases expand to more than {ALIAS_BUDGET} nodes; refused as an alias bomb (write the values out)"
                        ),
                    ));
                }
                match stack.last_mut() {
                    Some(open) => open.children.push(id),
                    None => tree.root = Some(id),
                }
                continue;
            }
            Event::Scalar(text_value, style, anchor, tag) => {
                if tag.is_some() {
                    return Err(fail(
                        span,
                        "YAML tags (`!…`) are not used in reference files; remove it".to_string(),
                    ));
                }
                let start = lines.byte(span.start);
                let id = push(
                    &mut tree,
                    &mut lines,
                    span,
                    start,
                    Value::Scalar {
                        text: text_value,
                        plain: style == ScalarStyle::Plain,
                    },
                    1,
                )?;
                Some((id, anchor))
            }
            Event::SequenceStart(anchor, ref tag) | Event::MappingStart(anchor, ref tag) => {
                if tag.is_some() {
                    return Err(fail(
                        span,
                        "YAML tags (`!…`) are not used in reference files; remove it".to_string(),
                    ));
                }
                if stack.len() >= MAX_DEPTH {
                    return Err(fail(
                        span,
                        format!(
                            "nested deeper than {MAX_DEPTH} levels; a reference file needs five"
                        ),
                    ));
                }
                stack.push(Open {
                    anchor,
                    span,
                    start: lines.byte(span.start),
                    map: matches!(&event, Event::MappingStart(..)),
                    children: Vec::new(),
                    child_from: tree.nodes.len(),
                });
                None
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(open) = stack.pop() else {
                    return Err(fail(span, "unbalanced YAML collection".to_string()));
                };
                let size = open
                    .children
                    .iter()
                    .fold(1u64, |n, &c| n.saturating_add(tree.nodes[c].size));
                let value = if open.map {
                    let pairs = open
                        .children
                        .chunks(2)
                        .filter_map(|p| match p {
                            [k, v] => Some((*k, *v)),
                            _ => None,
                        })
                        .collect();
                    Value::Map(pairs)
                } else {
                    Value::Seq(open.children)
                };
                let whole = Span::new(open.span.start, span.end);
                let id = push(&mut tree, &mut lines, whole, open.start, value, size)?;
                Some((id, open.anchor))
            }
        };
        if let Some((id, anchor)) = done {
            if anchor > 0 {
                anchors.insert(anchor, id);
                anchored = Some(id);
            }
            // An item of a list under a top-level key.
            let streamed = match stack.as_slice() {
                [top, list] if top.map && !list.map && top.children.len() % 2 == 1 => {
                    item(&tree, &top.children, id)
                }
                _ => false,
            };
            match stack.last_mut() {
                Some(open) if streamed => {
                    if anchored.is_none_or(|a| a < open.child_from) {
                        tree.nodes.truncate(open.child_from);
                    }
                    open.child_from = tree.nodes.len();
                }
                Some(open) => {
                    open.children.push(id);
                    open.child_from = tree.nodes.len();
                }
                None => tree.root = Some(id),
            }
        }
    }
    Ok(tree)
}

fn push<'a>(
    tree: &mut Tree<'a>,
    lines: &mut Lines,
    span: Span,
    start: usize,
    value: Value<'a>,
    size: u64,
) -> Result<NodeId, YamlError> {
    if tree.nodes.len() >= MAX_NODES {
        return Err(YamlError {
            at: Some(location(span.start)),
            message: format!("more than {MAX_NODES} YAML nodes; split the file"),
        });
    }
    let end = lines.byte(span.end).max(start);
    tree.nodes.push(Node {
        value,
        at: location(span.start),
        start,
        end,
        size,
    });
    Ok(tree.nodes.len() - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root(text: &str) -> (Tree<'_>, Node<'_>) {
        let tree = parse(text).unwrap();
        let node = tree.node(tree.root.unwrap()).clone();
        (tree, node)
    }

    #[test]
    fn every_node_knows_its_line_column_and_bytes() {
        let text = "a:\n  - x: 10.000\n    città: «ü»\n";
        let (tree, node) = root(text);
        let Value::Map(pairs) = node.value else {
            panic!()
        };
        let Value::Seq(items) = &tree.node(pairs[0].1).value else {
            panic!()
        };
        let Value::Map(inner) = &tree.node(items[0]).value else {
            panic!()
        };
        let value = tree.node(inner[0].1);
        assert_eq!(value.at, Location { line: 2, column: 8 });
        assert_eq!(&text[value.start..value.end], "10.000");
        let key = tree.node(inner[1].0);
        assert_eq!(key.at, Location { line: 3, column: 5 });
        let value = tree.node(inner[1].1);
        assert_eq!(
            value.at,
            Location {
                line: 3,
                column: 12
            }
        );
        assert_eq!(&text[value.start..value.end], "«ü»");
    }

    #[test]
    fn billion_laughs_is_refused_quickly() {
        let mut text = String::from("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for i in 1..10 {
            let prev = format!("*a{}", i - 1);
            text.push_str(&format!("a{i}: &a{i} [{}]\n", vec![prev; 9].join(", ")));
        }
        let err = parse(&text).unwrap_err();
        assert!(err.message.contains("alias bomb"), "{err:?}");
        // Refused at the first alias past the budget (line 6: a5's first
        // `*a4` brings the aliased nodes to 141,148), nothing expanded: the
        // work is counted, not timed.
        assert_eq!(err.at.map(|at| at.line), Some(6), "{err:?}");
    }

    #[test]
    fn small_aliases_are_fine() {
        let (tree, node) = root("a: &g [x, y]\nb: *g\n");
        let Value::Map(pairs) = node.value else {
            panic!()
        };
        assert_eq!(tree.node(pairs[1].1).value, tree.node(pairs[0].1).value);
    }

    #[test]
    fn deep_nesting_is_refused() {
        let flow = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let block: String = (0..200)
            .map(|i| format!("{}- \n", "  ".repeat(i)))
            .collect();
        for text in [flow, block] {
            let err = parse(&text).unwrap_err();
            assert!(err.message.contains("nested deeper than 64"), "{err:?}");
        }
    }

    #[test]
    fn tags_and_second_documents_are_refused() {
        assert!(parse("a: !!str 1\n").unwrap_err().message.contains("tags"));
        assert!(
            parse("a: 1\n---\nb: 2\n")
                .unwrap_err()
                .message
                .contains("second YAML document")
        );
    }

    #[test]
    fn syntax_errors_have_a_position() {
        let err = parse("a: [1, 2\nb: 3\n").unwrap_err();
        assert!(err.at.is_some(), "{err:?}");
    }
}
