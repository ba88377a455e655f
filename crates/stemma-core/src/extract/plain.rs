use crate::model::{Article, Source};
pub fn extract_plain(_text: &str, source: Source, _markdown: bool) -> Article { Article::empty(source) }
