//! End-to-end tests of the archive: `stemma ingest` and the queries, run as separate processes
//! on a data directory in a temporary folder. The pages are invented (tests/archive/pages);
//! the seed from ../shared is added when it is there (the copies of it are made at test time,
//! never kept in the repository).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::Value;

use super::{run_input, write, Run};

mod crash;
mod damage;
mod roundup;

/// `stemma ARGS… --data DATA`, run in `data`'s parent.
fn stemma(data: &Path, args: &[&str]) -> Run {
    run_input(&mut cmd(data, args), None)
}

fn cmd(data: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_stemma"));
    c.current_dir(data.parent().unwrap_or(Path::new(".")))
        .env_remove("STEMMA_LOG")
        .env_remove("STEMMA_DATA")
        .args(args)
        .arg("--data")
        .arg(data);
    c
}

/// A query's JSON lines.
fn json_lines(data: &Path, args: &[&str]) -> Vec<Value> {
    let mut a = args.to_vec();
    a.extend(["--format", "jsonl"]);
    let r = stemma(data, &a);
    assert_eq!(r.code, 0, "stemma {args:?} failed:\n{}", r.stderr);
    r.stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn ingest(data: &Path, paths: &[&Path]) -> Run {
    let mut args: Vec<String> = vec!["ingest".into(), "--progress".into(), "never".into()];
    args.extend(paths.iter().map(|p| p.display().to_string()));
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    stemma(data, &refs)
}

/// The invented pages (kept apart from tests/fixtures, whose every page `extract` reads).
fn archive_fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/archive/pages")
}

fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or("")
}

/// The strings of a JSON array.
fn strings(v: &Value) -> Vec<&str> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

/// The seed page, where ../shared (or $STEMMA_SHARED) has it.
fn seed() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let shared = std::env::var_os("STEMMA_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared"));
    let p = shared.join("seed/000_2c9b3e01253a035b.txt");
    p.is_file().then_some(p)
}

#[test]
fn archive_invented_story_end_to_end() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    // A page that cannot be read as one: recorded as failed, the rest go on.
    write(
        tmp.path(),
        "in/broken.html",
        b"\x00\x01\x02\xff\xfe binary junk \x00\x00",
    );
    let r = ingest(&data, &[&archive_fixtures(), &tmp.path().join("in")]);
    assert_eq!(r.code, 1, "a failed page gives exit 1:\n{}", r.stderr);
    assert!(r.stderr.contains("4 added"), "{}", r.stderr);

    let errors = json_lines(&data, &["errors"]);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(str_of(&errors[0], "input").ends_with("broken.html"));

    // search: the original names both words in its headline.
    let hits = json_lines(&data, &["search", "Brenning Wolves"]);
    assert!(hits.len() >= 2, "{hits:?}");
    assert!(
        str_of(&hits[0], "record").ends_with("original.md"),
        "{hits:?}"
    );
    assert!(!hits
        .iter()
        .any(|h| str_of(h, "record").ends_with("unrelated.md")));
    assert!(!hits[0]["highlights"].as_array().unwrap().is_empty());
    // filters: the outlet, the dates, the speaker, the entity under another name
    let only = json_lines(&data, &["search", "patrols", "--site", "Gull Island Post"]);
    assert_eq!(only.len(), 1, "{only:?}");
    let late = json_lines(&data, &["search", "Brenning", "--from", "2021-03-05"]);
    assert!(
        late.iter()
            .all(|h| str_of(h, "record").ends_with("quoting.md")),
        "{late:?}"
    );
    let by_entity = json_lines(
        &data,
        &["search", "harbour", "--entity", "Northern Tide Brigade"],
    );
    assert!(
        by_entity
            .iter()
            .any(|h| str_of(h, "record").ends_with("original.md")),
        "{by_entity:?}"
    );
    let by_speaker = json_lines(&data, &["search", "quay", "--speaker", "Voss"]);
    assert!(
        by_speaker
            .iter()
            .all(|h| str_of(h, "record").ends_with("quoting.md")),
        "{by_speaker:?}"
    );

    // quotes: the minister's sentence, first in the original, repeated by two other outlets.
    let quotes = json_lines(&data, &["quotes", "--speaker", "Brenning"]);
    let dawn = quotes
        .iter()
        .find(|q| str_of(q, "quote").contains("find it there at dawn"))
        .unwrap_or_else(|| panic!("{quotes:?}"));
    assert!(
        str_of(&dawn["first"], "record").ends_with("original.md"),
        "{dawn}"
    );
    let outlets = strings(&dawn["outlets"]);
    assert_eq!(
        outlets,
        ["Harbour Wire", "Gull Island Post", "Kestrel Review"],
        "{dawn}"
    );
    assert!(!quotes.iter().any(|q| str_of(q, "quote").contains("cows")));

    // story: the named origin, the copy with its notice dropped
    let original = archive_fixtures().join("original.md");
    let stories = json_lines(&data, &["story", &original.display().to_string()]);
    assert_eq!(stories.len(), 1);
    let s = &stories[0];
    assert_eq!(s["credited"]["name"], "Tidewater Bulletin", "{s}");
    let members = s["members"].as_array().unwrap();
    assert_eq!(members.len(), 2, "{s}");
    assert!(str_of(&members[0], "record").ends_with("original.md"));
    let copy = &members[1];
    assert!(str_of(copy, "record").ends_with("copy_dropped.md"), "{s}");
    assert_eq!(copy["notice_state"], "dropped", "{s}");
    assert!(copy["flags"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f == "notice_dropped"));

    // entity: found under an alias, with the articles asserting it
    let ents = json_lines(&data, &["entity", "Sea Wolves"]);
    assert_eq!(ents.len(), 1, "{ents:?}");
    assert_eq!(ents[0]["name"], "Coastal Liberation Front");
    let names = ents[0]["names"].as_array().unwrap();
    let wolves = names.iter().find(|n| n["name"] == "Sea Wolves").unwrap();
    let by: Vec<&str> = wolves["asserted_by"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| str_of(u, "record"))
        .collect();
    assert!(
        by.iter().any(|r| r.ends_with("original.md"))
            && by.iter().any(|r| r.ends_with("copy_dropped.md")),
        "{by:?}"
    );

    // attention by day for the entity, and by month for a query
    let att = json_lines(
        &data,
        &[
            "attention",
            "--entity",
            "Northern Tide Brigade",
            "--by",
            "day",
        ],
    );
    let att2 = json_lines(
        &data,
        &["attention", "--entity", "Coastal Liberation Front"],
    );
    assert_eq!(att, att2);
    let days: Vec<&str> = att2.iter().map(|r| str_of(r, "bucket")).collect();
    assert_eq!(days, ["2021-03-03", "2021-03-04"], "{att2:?}");
    let months = json_lines(
        &data,
        &["attention", "--query", "harbour OR cheese", "--by", "month"],
    );
    assert_eq!(months.len(), 2, "{months:?}");

    // stats, check, and idempotence: the same pages again add nothing
    let stats = json_lines(&data, &["stats"]);
    assert_eq!(stats[0]["articles"], 4);
    assert_eq!(stats[0]["stories"], 1);
    let again = ingest(&data, &[&archive_fixtures()]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(
        again.stderr.contains("0 added, 4 already stored"),
        "{}",
        again.stderr
    );
    assert_eq!(json_lines(&data, &["stats"])[0]["articles"], 4);
    assert_eq!(
        json_lines(&data, &["check"])[0]["problems"],
        Value::Array(vec![])
    );

    // the other formats
    let csv = stemma(
        &data,
        &["quotes", "--speaker", "Brenning", "--format", "csv"],
    );
    assert!(csv.stdout.starts_with("quote,speaker,"), "{}", csv.stdout);
    let table = stemma(&data, &["stats", "--format", "table"]);
    assert!(table.stdout.contains("articles"), "{}", table.stdout);
}

/// The seed with pages written around it at test time: a copy by an invented outlet with the
/// notice dropped, a story quoting Lavrov's words, an unrelated page.
#[test]
fn archive_seed_end_to_end() {
    let Some(seed) = seed() else {
        eprintln!("../shared/seed not found: the seed part of the archive test is skipped");
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    // The seed's body, as stemma reads it, is what the copy reposts.
    let r = run_input(
        Command::new(env!("CARGO_BIN_EXE_stemma"))
            .args(["extract", "--no-attribution"])
            .arg(&seed),
        None,
    );
    let rec: Value = serde_json::from_str(r.stdout.trim()).unwrap();
    let body = rec["text"].as_str().unwrap();
    write(
        tmp.path(),
        "pages/copy.md",
        format!(
            "\n\n# US Coalition Reluctant to Strike Terrorists, Says Russian FM\n\nBy [Orchard Street Desk](#)\n\n\
             Orchard Street Monitor, September 16, 2016\n\n{body}\n"
        ),
    );
    write(
        tmp.path(),
        "pages/quoting.md",
        "\n\n# Diplomats Trade Words Over Aleppo Ceasefire\n\nBy [Hedda Marlow](#)\n\n\
         Lantern Ledger, September 18, 2016\n\n\
         The ceasefire talks in Geneva went on late into the night, with both delegations \
         saying little to the reporters waiting outside the hotel.\n\n\
         \"This is a topic for a very serious discussion with our American partners,\" Russian \
         Foreign Minister Sergey Lavrov said of the rebel groups, a line his ministry repeated on \
         Friday.\n\n\
         Aid convoys were still waiting at the border on Sunday morning.\n",
    );
    let r = ingest(
        &data,
        &[
            &seed,
            &archive_fixtures().join("unrelated.md"),
            &tmp.path().join("pages"),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let seed_s = seed.display().to_string();

    let hits = json_lines(&data, &["search", "Lavrov Nusra"]);
    assert_eq!(str_of(&hits[0], "record"), seed_s, "{hits:?}");

    let quotes = json_lines(&data, &["quotes", "--speaker", "Lavrov"]);
    assert!(quotes.len() >= 3, "{quotes:?}");
    let partners = quotes
        .iter()
        .find(|q| str_of(q, "quote").contains("American partners"))
        .unwrap_or_else(|| panic!("{quotes:?}"));
    let outlets = strings(&partners["outlets"]);
    assert_eq!(
        outlets,
        [
            "Global Research",
            "Orchard Street Monitor",
            "Lantern Ledger"
        ],
        "{partners}"
    );

    let stories = json_lines(&data, &["story", &seed_s]);
    let s = &stories[0];
    assert_eq!(s["credited"]["name"], "South Front", "{s}");
    let members = s["members"].as_array().unwrap();
    let copy = members
        .iter()
        .find(|m| str_of(m, "record").ends_with("copy.md"))
        .unwrap_or_else(|| panic!("{s}"));
    assert_eq!(copy["notice_state"], "dropped", "{s}");

    let ents = json_lines(&data, &["entity", "al Qaeda"]);
    assert_eq!(ents[0]["name"], "Jabhat Al Nusra", "{ents:?}");
    let names = ents[0]["names"].as_array().unwrap();
    let qaeda = names.iter().find(|n| n["name"] == "al Qaeda").unwrap();
    assert!(
        qaeda["asserted_by"]
            .as_array()
            .unwrap()
            .iter()
            .any(|u| str_of(u, "record") == seed_s),
        "{qaeda}"
    );
}

/// Spawn an ingest that the caller may kill.
fn spawn_ingest(data: &Path, input: &Path, batch: usize) -> std::process::Child {
    cmd(
        data,
        &[
            "ingest",
            "--progress",
            "never",
            "--batch",
            &batch.to_string(),
        ],
    )
    .arg(input)
    .stdout(Stdio::null())
    .stderr(Stdio::null())
    .spawn()
    .expect("starting stemma ingest")
}

/// Remove write permission from a directory tree (true when it took: root ignores it).
fn make_read_only(dir: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    for e in fs::read_dir(dir).unwrap().flatten() {
        if e.path().is_dir() {
            make_read_only(&e.path());
        }
    }
    fs::set_permissions(dir, fs::Permissions::from_mode(0o555)).unwrap();
    fs::write(dir.join(".probe"), b"x").is_err()
}

const SETTLE: Duration = Duration::from_millis(20);

#[test]
fn archive_takes_record_jsonl_from_directories() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let r = run_input(
        Command::new(env!("CARGO_BIN_EXE_stemma"))
            .arg("extract")
            .arg(archive_fixtures().join("original.md")),
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    write(
        tmp.path(),
        "in/nested/records.jsonl",
        format!("{}not a record\n", r.stdout),
    );
    // a link loop in the walked tree ends
    std::os::unix::fs::symlink(tmp.path().join("in"), tmp.path().join("in/nested/loop")).unwrap();
    let r = ingest(&data, &[&tmp.path().join("in")]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("1 added"), "{}", r.stderr);
    let errors = json_lines(&data, &["errors"]);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        str_of(&errors[0], "input").ends_with("records.jsonl:2"),
        "{errors:?}"
    );
    assert!(str_of(&errors[0], "reason").contains("not an article record"));
    let hits = json_lines(&data, &["search", "Brenning"]);
    assert_eq!(hits.len(), 1, "{hits:?}");
}
