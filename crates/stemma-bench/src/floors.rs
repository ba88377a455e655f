//! Accuracy floors: `bench/floors.json` holds the minimum of every gated figure, shared by
//! all benches; each bench checks the keys with its own prefixes.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use anyhow::Context;
use serde_json::Value;

/// Compare measured figures with `floors` (a JSON object: metric name → minimum; a name ending
/// in `_max` → the most the metric without that suffix may be; `"seed"` → `true` to require
/// the seed check; keys starting with `_` are comments). Measured figures
/// are rounded to the 4 decimals that are printed before comparing, so a floor copied from
/// the printed table passes. Only keys starting with one of `prefixes` are this bench's;
/// the others belong to other benches and are skipped. Returns the failures.
fn check_floors(
    path: &Path,
    prefixes: &[&str],
    measured: &BTreeMap<&'static str, f64>,
    seed_ok: Option<bool>,
) -> Vec<String> {
    let floors: serde_json::Map<String, Value> = match fs::read_to_string(path)
        .with_context(|| format!("reading {}", path.display()))
        .and_then(|t| {
            serde_json::from_str(&t).with_context(|| format!("parsing {}", path.display()))
        }) {
        Ok(f) => f,
        Err(e) => return vec![format!("{e:#}")],
    };
    let mut failures = Vec::new();
    for (key, floor) in &floors {
        if key.starts_with('_') || !prefixes.iter().any(|p| key.starts_with(p)) {
            continue;
        }
        if key == "seed" {
            let Some(seed_ok) = seed_ok else { continue };
            match floor.as_bool() {
                Some(true) if !seed_ok => failures.push("seed: the seed check failed".to_string()),
                Some(_) => {}
                None => failures.push(format!("seed: floor must be true or false, not {floor}")),
            }
            continue;
        }
        let Some(bound) = floor.as_f64() else {
            failures.push(format!("{key}: floor must be a number, not {floor}"));
            continue;
        };
        let (figure, is_max) = match key.strip_suffix("_max") {
            Some(f) => (f, true),
            None => (key.as_str(), false),
        };
        match measured.get(figure) {
            Some(&v) => {
                let shown = (v * 1e4).round() / 1e4;
                if is_max && shown > bound + 1e-12 {
                    failures.push(format!("{figure}: {v:.4} > most allowed {bound:.4}"));
                } else if !is_max && shown < bound - 1e-12 {
                    failures.push(format!("{key}: {v:.4} < floor {bound:.4}"));
                }
            }
            None => {
                let known: Vec<&str> = measured.keys().copied().collect();
                failures.push(format!(
                    "{key}: unknown figure (known: seed, {})",
                    known.join(", ")
                ));
            }
        }
    }
    failures
}

/// Check `measured` against the floors file, if one was given, and print the verdict the same
/// way for every bench. Returns the failures (`None`: no floors file was given).
pub fn gate(
    path: Option<&Path>,
    prefixes: &[&str],
    measured: &BTreeMap<&'static str, f64>,
    seed_ok: Option<bool>,
) -> Option<Vec<String>> {
    let Some(path) = path else {
        println!("== Floors: not checked (add --floors bench/floors.json) ==");
        return None;
    };
    let failures = check_floors(path, prefixes, measured, seed_ok);
    if failures.is_empty() {
        println!("== Floors ({}): all met ==", path.display());
    } else {
        println!(
            "== Floors ({}): {} NOT MET ==",
            path.display(),
            failures.len()
        );
        for x in &failures {
            println!("  FAIL  {x}");
        }
    }
    Some(failures)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floors_compare_at_printed_precision() {
        let dir = std::env::temp_dir().join(format!("stemma-bench-floors-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let f = dir.join("floors.json");
        const P: &[&str] = &["scrapinghub_", "wcxb_", "seed"];
        let mut m = BTreeMap::new();
        m.insert("scrapinghub_f1", 0.84567);
        fs::write(
            &f,
            r#"{"scrapinghub_f1": 0.8457, "seed": true, "_note": "x"}"#,
        )
        .unwrap();
        assert!(check_floors(&f, P, &m, Some(true)).is_empty());
        assert_eq!(check_floors(&f, P, &m, Some(false)).len(), 1);
        fs::write(
            &f,
            r#"{"scrapinghub_f1": 0.85, "wcxb_typo": 0.1, "other_f1": 0.9}"#,
        )
        .unwrap();
        assert_eq!(check_floors(&f, P, &m, Some(true)).len(), 2);
        // A `_max` key bounds its figure from above.
        m.insert("wcxb_merged", 1.0);
        fs::write(&f, r#"{"wcxb_merged_max": 0}"#).unwrap();
        assert_eq!(check_floors(&f, P, &m, None).len(), 1);
        fs::write(&f, r#"{"wcxb_merged_max": 1}"#).unwrap();
        assert!(check_floors(&f, P, &m, None).is_empty());
        fs::remove_dir_all(&dir).unwrap();
    }
}
