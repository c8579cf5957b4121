//! Real published text from `../shared` (never copied into the project):
//! copydesk must read all of it without trouble and print valid JSON.

use serde_json::Value;

use crate::support::{copydesk, shared, stdout};

#[test]
fn seed_articles_give_valid_json() {
    let Some(seeds) = shared("seeds") else { return };
    let out = copydesk()
        .args(["check", "--format", "json"])
        .arg(&seeds)
        .output()
        .unwrap();
    assert_ne!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let items: Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    assert!(items.is_array());
}
