//! The full-text index (tantivy) over titles, bodies and quotes, with the filters the queries
//! use (outlet, day, speakers, entities). It holds no record of its own: every document is the
//! SQLite article of the same id, and tantivy's commit payload names the last SQLite batch the
//! index holds (see [`crate::Store`] for the consistency rule).

use std::collections::HashSet;
use std::ops::Bound;
use std::path::Path;

use std::collections::HashMap;

use tantivy::collector::{Collector, DocSetCollector, SegmentCollector, TopDocs};
use tantivy::columnar::Column;
use tantivy::directory::MmapDirectory;
use tantivy::query::{
    AllQuery, BooleanQuery, Occur, PhraseQuery, Query, QueryParser, RangeQuery, TermQuery,
};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, SchemaBuilder, FAST, INDEXED, STORED, TEXT,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::{
    DocId, Index, IndexReader, IndexWriter, ReloadPolicy, Score, SegmentReader, TantivyDocument,
    Term,
};

use crate::error::{Result, StoreError};

/// Memory the index writer may use before it flushes a segment.
const WRITER_HEAP: usize = 64 * 1024 * 1024;

#[derive(Clone, Copy)]
struct Fields {
    article: Field,
    title: Field,
    body: Field,
    quotes: Field,
    site: Field,
    speakers: Field,
    entities: Field,
    day: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = SchemaBuilder::new();
    let f = Fields {
        article: b.add_i64_field("article", INDEXED | FAST | STORED),
        title: b.add_text_field("title", TEXT),
        body: b.add_text_field("body", TEXT),
        quotes: b.add_text_field("quotes", TEXT),
        site: b.add_text_field("site", TEXT),
        speakers: b.add_text_field("speakers", TEXT),
        entities: b.add_i64_field("entities", INDEXED),
        day: b.add_i64_field("day", INDEXED | FAST),
    };
    (b.build(), f)
}

/// What the index holds of one article.
#[derive(Debug, Default, Clone)]
pub(crate) struct TextDoc {
    pub article: i64,
    pub title: String,
    pub body: String,
    pub quotes: Vec<String>,
    pub site: String,
    pub speakers: Vec<String>,
    /// The stored entities the article mentions.
    pub entities: Vec<i64>,
    pub day: Option<i64>,
}

/// Filters of a full-text search; an empty filter matches everything.
#[derive(Debug, Default, Clone)]
pub struct TextFilter {
    pub site: Option<String>,
    pub from_day: Option<i64>,
    pub to_day: Option<i64>,
    pub speaker: Option<String>,
    /// The article mentions one of these entities (the store resolves a name to them).
    pub entities: Option<Vec<i64>>,
}

pub(crate) struct FullText {
    index: Index,
    reader: IndexReader,
    f: Fields,
}

/// A search hit: the article, its score, and the highlighted passage of its body.
pub(crate) struct Hit {
    pub article: i64,
    pub score: f32,
}

impl FullText {
    /// Open the index in `dir`, creating it (and the folder) when `create` is set.
    pub fn open(dir: &Path, create: bool) -> Result<Self> {
        let (schema, f) = schema();
        if create {
            std::fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
        } else if !dir.join("meta.json").is_file() {
            return Err(StoreError::Index(tantivy::TantivyError::InvalidArgument(
                format!("{} holds no full-text index", dir.display()),
            )));
        }
        let mmap = MmapDirectory::open(dir)
            .map_err(|e| StoreError::Index(tantivy::TantivyError::from(e)))?;
        let index = Index::open_or_create(mmap, schema)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(FullText { index, reader, f })
    }

    /// The last SQLite batch the committed index holds (0 when none).
    pub fn committed_batch(&self) -> Result<i64> {
        let metas = self.index.load_metas()?;
        Ok(metas
            .payload
            .as_deref()
            .and_then(|p| p.strip_prefix("batch "))
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or(0))
    }

    pub fn writer(&self) -> Result<IndexWriter> {
        Ok(self.index.writer_with_num_threads(1, WRITER_HEAP)?)
    }

    pub fn add(&self, w: &IndexWriter, d: &TextDoc) -> Result<()> {
        let f = self.f;
        let mut doc = TantivyDocument::default();
        doc.add_i64(f.article, d.article);
        doc.add_text(f.title, &d.title);
        doc.add_text(f.body, &d.body);
        for q in &d.quotes {
            doc.add_text(f.quotes, q);
        }
        doc.add_text(f.site, &d.site);
        for s in &d.speakers {
            doc.add_text(f.speakers, s);
        }
        for &e in &d.entities {
            doc.add_i64(f.entities, e);
        }
        if let Some(day) = d.day {
            doc.add_i64(f.day, day);
        }
        w.add_document(doc)?;
        Ok(())
    }

    pub fn delete(&self, w: &IndexWriter, article: i64) {
        w.delete_term(Term::from_field_i64(self.f.article, article));
    }

    /// Commit what the writer holds, naming `batch` as the last SQLite batch it covers.
    pub fn commit(&self, w: &mut IndexWriter, batch: i64) -> Result<()> {
        let mut prepared = w.prepare_commit()?;
        prepared.set_payload(&format!("batch {batch}"));
        prepared.commit()?;
        self.reader.reload()?;
        Ok(())
    }

    /// Every article id the committed index holds.
    pub fn article_ids(&self) -> Result<Vec<i64>> {
        self.reader.reload()?;
        let searcher = self.reader.searcher();
        let mut out = Vec::new();
        for seg in searcher.segment_readers() {
            let col = seg.fast_fields().i64("article")?;
            for doc in seg.doc_ids_alive() {
                if let Some(id) = col.first(doc) {
                    out.push(id);
                }
            }
        }
        Ok(out)
    }

    /// Number of live documents.
    pub fn num_docs(&self) -> Result<u64> {
        self.reader.reload()?;
        Ok(self.reader.searcher().num_docs())
    }

    fn phrase(&self, field: Field, text: &str) -> Result<Option<Box<dyn Query>>> {
        let mut tok = self.index.tokenizer_for_field(field)?;
        let mut stream = tok.token_stream(text);
        let mut terms = Vec::new();
        while stream.advance() {
            terms.push(Term::from_field_text(field, &stream.token().text));
        }
        Ok(match terms.len() {
            0 => None,
            1 => Some(Box::new(TermQuery::new(
                terms.remove(0),
                IndexRecordOption::Basic,
            ))),
            _ => Some(Box::new(PhraseQuery::new(terms))),
        })
    }

    fn text_query(&self, text: &str) -> Box<dyn Query> {
        let f = self.f;
        if text.trim().is_empty() {
            return Box::new(AllQuery);
        }
        let mut parser = QueryParser::for_index(&self.index, vec![f.title, f.body, f.quotes]);
        parser.set_conjunction_by_default();
        parser.set_field_boost(f.title, 2.0);
        let (q, errors) = parser.parse_query_lenient(text);
        if !errors.is_empty() {
            tracing::debug!(?errors, "search: query read leniently");
        }
        q
    }

    fn query(&self, text: &str, filter: &TextFilter) -> Result<Box<dyn Query>> {
        let f = self.f;
        let mut parts: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, self.text_query(text))];
        for (field, value) in [(f.site, &filter.site), (f.speakers, &filter.speaker)] {
            if let Some(v) = value {
                match self.phrase(field, v)? {
                    Some(q) => parts.push((Occur::Must, q)),
                    // A filter with no words matches nothing rather than everything.
                    None => return Ok(Box::new(BooleanQuery::new(Vec::new()))),
                }
            }
        }
        if let Some(ids) = &filter.entities {
            let any: Vec<(Occur, Box<dyn Query>)> = ids
                .iter()
                .map(|&id| {
                    let q: Box<dyn Query> = Box::new(TermQuery::new(
                        Term::from_field_i64(f.entities, id),
                        IndexRecordOption::Basic,
                    ));
                    (Occur::Should, q)
                })
                .collect();
            if any.is_empty() {
                return Ok(Box::new(BooleanQuery::new(Vec::new())));
            }
            parts.push((Occur::Must, Box::new(BooleanQuery::new(any))));
        }
        if filter.from_day.is_some() || filter.to_day.is_some() {
            let lo = filter.from_day.map_or(Bound::Unbounded, |d| {
                Bound::Included(Term::from_field_i64(f.day, d))
            });
            let hi = filter.to_day.map_or(Bound::Unbounded, |d| {
                Bound::Included(Term::from_field_i64(f.day, d))
            });
            parts.push((Occur::Must, Box::new(RangeQuery::new(lo, hi))));
        }
        Ok(Box::new(BooleanQuery::new(parts)))
    }

    /// The best `limit` articles for `text` under `filter`, best first.
    pub fn search(&self, text: &str, filter: &TextFilter, limit: usize) -> Result<Vec<Hit>> {
        let searcher = self.reader.searcher();
        let q = self.query(text, filter)?;
        let top = searcher.search(&q, &TopDocs::with_limit(limit.max(1)).order_by_score())?;
        let mut out = Vec::with_capacity(top.len());
        for (score, addr) in top {
            let seg = searcher.segment_reader(addr.segment_ord);
            if let Some(article) = seg.fast_fields().i64("article")?.first(addr.doc_id) {
                out.push(Hit { article, score });
            }
        }
        Ok(out)
    }

    /// How many articles matching `text` under `filter` fall on each day (`None`: undated),
    /// read from the index's day column: no article is looked up.
    pub fn day_counts(&self, text: &str, filter: &TextFilter) -> Result<HashMap<Option<i64>, i64>> {
        let searcher = self.reader.searcher();
        let q = self.query(text, filter)?;
        Ok(searcher.search(&q, &DayCounts)?)
    }

    /// Every article matching `text` under `filter` (the search page's facets).
    pub fn matching(&self, text: &str, filter: &TextFilter) -> Result<HashSet<i64>> {
        let searcher = self.reader.searcher();
        let q = self.query(text, filter)?;
        let docs = searcher.search(&q, &DocSetCollector)?;
        ids_of(&searcher, docs)
    }

    /// The articles whose quotes contain one of `phrases` (as phrases, in the quotes field).
    pub fn quoting(&self, phrases: &[String]) -> Result<HashSet<i64>> {
        let mut any: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for p in phrases {
            if let Some(q) = self.phrase(self.f.quotes, p)? {
                any.push((Occur::Should, q));
            }
        }
        if any.is_empty() {
            return Ok(HashSet::new());
        }
        let searcher = self.reader.searcher();
        let docs = searcher.search(&BooleanQuery::new(any), &DocSetCollector)?;
        ids_of(&searcher, docs)
    }

    /// A highlighter for the words of `text` in article bodies.
    pub fn highlighter(&self, text: &str) -> Result<Option<SnippetGenerator>> {
        if text.trim().is_empty() {
            return Ok(None);
        }
        let searcher = self.reader.searcher();
        let q = self.text_query(text);
        let mut g = SnippetGenerator::create(&searcher, &*q, self.f.body)?;
        g.set_max_num_chars(240);
        Ok(Some(g))
    }
}

/// Counts of matching documents per day (the `day` fast field).
struct DayCounts;

struct SegmentDays {
    day: Column<i64>,
    counts: HashMap<Option<i64>, i64>,
}

impl Collector for DayCounts {
    type Fruit = HashMap<Option<i64>, i64>;
    type Child = SegmentDays;

    fn for_segment(&self, _ord: u32, segment: &SegmentReader) -> tantivy::Result<SegmentDays> {
        Ok(SegmentDays {
            day: segment.fast_fields().i64("day")?,
            counts: HashMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        let mut out = HashMap::new();
        for f in fruits {
            for (d, n) in f {
                *out.entry(d).or_insert(0) += n;
            }
        }
        Ok(out)
    }
}

impl SegmentCollector for SegmentDays {
    type Fruit = HashMap<Option<i64>, i64>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        *self.counts.entry(self.day.first(doc)).or_insert(0) += 1;
    }

    fn harvest(self) -> Self::Fruit {
        self.counts
    }
}

/// The article ids of a set of matched documents.
fn ids_of(
    searcher: &tantivy::Searcher,
    docs: HashSet<tantivy::DocAddress>,
) -> Result<HashSet<i64>> {
    let mut out = HashSet::with_capacity(docs.len());
    for addr in docs {
        let seg = searcher.segment_reader(addr.segment_ord);
        if let Some(id) = seg.fast_fields().i64("article")?.first(addr.doc_id) {
            out.insert(id);
        }
    }
    Ok(out)
}
