//! Any text as a `factcheck.toml`: the TOML reader, the checks of each
//! key, and the error's line and column.

#![no_main]

use std::path::Path;

use factcheck::config;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match config::parse(Path::new("repo/factcheck.toml"), text) {
        Ok(config) => {
            // Each refs path once; a relative one under the config's
            // directory (an absolute one is taken as written).
            let mut seen = std::collections::HashSet::new();
            for path in &config.refs {
                assert!(
                    path.starts_with("repo") || path.is_absolute(),
                    "{}",
                    path.display()
                );
                assert!(seen.insert(path), "{} twice", path.display());
            }
        }
        Err(err) => {
            let message = err.to_string();
            assert!(message.contains("factcheck.toml"), "{message}");
        }
    }
});
