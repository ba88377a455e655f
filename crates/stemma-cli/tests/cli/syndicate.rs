//! `stemma syndicate` end to end on invented records: stories, origins, edges and flags, the
//! incremental index, bad lines, usage, and the spread of quotes across stories.

use super::*;

// ---- syndicate ----

/// `stemma syndicate ARGS…` run in `dir`.
fn syndicate_cmd(dir: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_stemma"));
    c.current_dir(dir)
        .env_remove("STEMMA_LOG")
        .arg("syndicate")
        .args(args);
    c
}

fn syndicate(dir: &Path, args: &[&str]) -> Run {
    run_input(&mut syndicate_cmd(dir, args), None)
}

fn syndicate_fixture(name: &str) -> String {
    fixtures()
        .join("syndicate")
        .join(name)
        .to_str()
        .unwrap()
        .to_owned()
}

const PIER: &str = "https://tidewaterpost.example/news/ferry-pier-closure";
const PIER_COPY: &str = "https://gullcourier.example/2031/04/09/pier";
const PIER_EXCERPT: &str = "https://herondaily.example/islands/pier-closure";
const CYCLE_LANE: &str = "https://tidewaterpost.example/news/seafront-cycle-lane";
const PIER_PIECE: &str = "saved/kite-weekly-pier.html";

fn members(cluster: &Value) -> Vec<&str> {
    cluster["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap())
        .collect()
}

fn edge<'a>(cluster: &'a Value, copy: &str) -> &'a Value {
    cluster["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["copy"] == copy)
        .unwrap_or_else(|| panic!("no edge for {copy} in {cluster}"))
}

fn flags(edge: &Value) -> Vec<&str> {
    edge["flags"]
        .as_array()
        .map(|f| f.iter().map(|x| x.as_str().unwrap()).collect())
        .unwrap_or_default()
}

#[test]
fn syndicate_groups_copies_and_names_the_origin() {
    let dir = tempfile::tempdir().unwrap();
    let r = syndicate(
        dir.path(),
        &[
            &syndicate_fixture("batch1.jsonl"),
            &syndicate_fixture("batch2.jsonl"),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let clusters = r.records();
    // The pier story, the cycle-lane story, and the piece that quotes the pier story inside
    // its own text (a story of its own, and an embedding member of the pier story).
    assert_eq!(clusters.len(), 3, "{}", r.stdout);
    assert_eq!(members(&clusters[2]), vec![PIER_PIECE]);
    let pier = &clusters[0];
    assert_eq!(pier["embedding"], serde_json::json!([PIER_PIECE]));
    assert_eq!(
        members(pier),
        vec![PIER, PIER_COPY, PIER_EXCERPT, PIER_PIECE],
        "a record without a URL is named by its source path"
    );
    assert_eq!(pier["origin"], PIER);
    assert_eq!(pier["origin_certain"], true);
    let copy = edge(pier, PIER_COPY);
    assert_eq!(copy["source"], PIER);
    assert_eq!(copy["evidence"]["notice_names_source"], true);
    assert!(copy["evidence"]["lag_days"].as_f64().unwrap() > 0.0);
    assert!(flags(copy).is_empty(), "{copy}");
    let excerpt = edge(pier, PIER_EXCERPT);
    let f = flags(excerpt);
    assert!(f.contains(&"excerpt") && f.contains(&"no_notice"), "{f:?}");
    assert!(f.contains(&"byline_changed"), "{f:?}");
    assert_eq!(excerpt["evidence"]["shared"], 1.0);
    let piece = edge(pier, PIER_PIECE);
    assert!(flags(piece).contains(&"embedded"), "{piece}");
    // Another story of the same site, sharing only its footer, stays on its own.
    assert_eq!(members(&clusters[1]), vec![CYCLE_LANE]);
    assert!(clusters[1]["edges"].as_array().unwrap().is_empty());
}

#[test]
fn syndicate_index_is_incremental_and_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let b1 = syndicate_fixture("batch1.jsonl");
    let b2 = syndicate_fixture("batch2.jsonl");
    let first = syndicate(dir.path(), &["--index", "ix", &b1]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert_eq!(first.records().len(), 2);
    assert!(dir.path().join("ix/index.json").exists());
    assert!(!dir.path().join("ix/index.json.tmp").exists());
    // The second batch touches only the pier story (and the piece quoting it).
    let second = syndicate(dir.path(), &["--index", "ix", &b2]);
    assert_eq!(second.code, 0, "{}", second.stderr);
    let touched = second.records();
    assert_eq!(touched.len(), 2, "{}", second.stdout);
    assert_eq!(members(&touched[0]).len(), 4);
    assert_eq!(touched[0]["origin"], PIER);
    // Adding the same records again adds nothing and prints nothing.
    let again = syndicate(dir.path(), &["--index", "ix", &b1, &b2]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(again.stdout.is_empty(), "{}", again.stdout);
    // --all prints every cluster; the same as one run over both files.
    let all = syndicate(dir.path(), &["--index", "ix", "--all", &b1]);
    let once = syndicate(dir.path(), &[&b1, &b2]);
    assert_eq!(all.stdout, once.stdout);
}

#[test]
fn syndicate_reports_bad_lines_and_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let good = fs::read_to_string(syndicate_fixture("batch1.jsonl")).unwrap();
    let mut lines: Vec<&str> = good.lines().collect();
    lines.insert(1, "{not json");
    lines.insert(3, "{\"title\": \"a record without its fields\"}");
    lines.push("");
    write(dir.path(), "in/mixed.jsonl", lines.join("\n"));
    write(
        dir.path(),
        "in/notes.txt",
        "not read: a directory yields only JSON files",
    );
    let r = syndicate(dir.path(), &["in", "missing.jsonl"]);
    assert_eq!(r.code, 1);
    assert_eq!(r.records().len(), 2, "{}", r.stdout);
    let errors = r.error_lines();
    assert!(
        errors
            .iter()
            .any(|l| l.contains("in/mixed.jsonl:2:") && l.contains("not an article record")),
        "{errors:?}"
    );
    assert!(
        errors.iter().any(|l| l.contains("in/mixed.jsonl:4:")),
        "{errors:?}"
    );
    assert!(
        errors.iter().any(|l| l.contains("missing.jsonl")),
        "{errors:?}"
    );
}

#[test]
fn syndicate_usage_stdin_json_and_broken_pipe() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(syndicate(dir.path(), &[]).code, 2);
    assert_eq!(
        syndicate(dir.path(), &["--format", "xml", "x.jsonl"]).code,
        2
    );
    let records = fs::read(syndicate_fixture("batch1.jsonl")).unwrap();
    let r = run_input(
        &mut syndicate_cmd(dir.path(), &["--format", "json", "-"]),
        Some(records),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);

    // Many clusters, reader gone after the first line.
    let one = fs::read_to_string(syndicate_fixture("batch1.jsonl")).unwrap();
    let rec: Value = serde_json::from_str(one.lines().next().unwrap()).unwrap();
    let mut many = String::new();
    for i in 0..20_000 {
        let mut r = rec.clone();
        r["url"] = Value::String(format!("https://many.example/{i}"));
        r["text"] = Value::String(format!("Short note number {i} from the harbour."));
        many.push_str(&r.to_string());
        many.push('\n');
    }
    write(dir.path(), "many.jsonl", many);
    let mut cmd = syndicate_cmd(dir.path(), &["many.jsonl"]);
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let mut err = child.stderr.take().unwrap();
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = err.read_to_string(&mut s);
        s
    });
    {
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        out.read_line(&mut line).unwrap();
        assert!(line.contains("many.example/0"), "{line}");
    }
    let status = wait_limited(&mut child, TIME_LIMIT);
    let stderr = err_reader.join().unwrap();
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn syndicate_quotes_spread_across_stories() {
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(syndicate_fixture("batch1.jsonl")).unwrap();
    let mut recs: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let said = "every patch has bought us less time than the one before";
    let quote = |speaker: &str| {
        serde_json::json!({
            "text": said, "kind": "direct", "start": 0, "end": 10, "cue": null,
            "speech_act": "statement",
            "speaker": {"name": speaker, "mention": null, "role": null},
            "confidence": 0.9
        })
    };
    // The pier story and its copy quote the chair; the unrelated cycle-lane story repeats
    // the words in its headline, credited to someone else.
    recs[0]["quotes"] = serde_json::json!([quote("Ottilie Brandvold")]);
    recs[2]["quotes"] = serde_json::json!([quote("Ottilie Brandvold")]);
    recs[1]["quotes"] = serde_json::json!([quote("Henrike Vasquez-Lund")]);
    recs[1]["title"] = "Every patch has bought us less time than the one before".into();
    let lines: Vec<String> = recs.iter().map(Value::to_string).collect();
    write(dir.path(), "q.jsonl", lines.join("\n"));
    let r = syndicate(dir.path(), &["--quotes", "q.jsonl"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let spreads = r.records();
    assert_eq!(spreads.len(), 1, "{}", r.stdout);
    let s = &spreads[0];
    assert_eq!(s["quote"], said);
    assert_eq!(s["stories"], 2, "copies of one story count once");
    assert_eq!(s["first"], PIER);
    let uses = s["uses"].as_array().unwrap();
    let lane = uses.iter().find(|u| u["record"] == CYCLE_LANE).unwrap();
    assert_eq!(lane["headline"], "fact");
    assert_eq!(lane["same_speaker"], false);
}
