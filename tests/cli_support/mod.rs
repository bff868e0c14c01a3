//! Helpers shared by the command-line tests: run the built binary, make temporary trees, read the
//! fixtures (small invented cables under `tests/fixtures/cli/`).

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// What a run of `cablelint` produced.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// The JSON document of `--output-format json` (or `sarif`).
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
                self.stdout, self.stderr
            )
        })
    }

    /// The codes reported for one file in a JSON report.
    pub fn codes_for(&self, path_suffix: &str) -> Vec<String> {
        let v = self.json();
        let file = v["files"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["path"].as_str().unwrap().ends_with(path_suffix))
            .unwrap_or_else(|| panic!("no file ending in {path_suffix} in {}", self.stdout));
        file["diagnostics"]
            .as_array()
            .unwrap_or_else(|| panic!("no diagnostics for {path_suffix}: {file}"))
            .iter()
            .map(|d| d["code"].as_str().unwrap().to_string())
            .collect()
    }
}

/// Runs `cablelint` with arguments in a directory, with optional standard input.
pub fn run_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Run {
    run_with_env(dir, args, stdin, &[])
}

/// The line [`run_with_another_writer`] appends to the file.
pub const APPENDED: &str = "APPENDED BY ANOTHER PROGRAM\n";

/// Runs `cablelint` like [`run_in`] with the test hook that appends [`APPENDED`] to the file just
/// before cablelint compares it with what it read: another program writing the file while
/// cablelint runs.
pub fn run_with_another_writer(dir: &Path, args: &[&str]) -> Run {
    run_with_env(
        dir,
        args,
        None,
        &[
            ("CABLELINT_TEST_HOOKS", "1"),
            ("CABLELINT_TEST_APPEND_BEFORE_WRITE", APPENDED),
        ],
    )
}

/// Runs `cablelint` like [`run_in`] with extra environment variables.
pub fn run_with_env(dir: &Path, args: &[&str], stdin: Option<&[u8]>, vars: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_cablelint"));
    cmd.args(args)
        .current_dir(dir)
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR")
        .env_remove("CABLELINT_DOCS_URL")
        .envs(vars.iter().copied())
        .env("NO_COLOR", "1")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("cablelint runs");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().unwrap();
        let input = input.to_vec();
        std::thread::spawn(move || {
            let _ = pipe.write_all(&input);
        });
    }
    let out = child.wait_with_output().unwrap();
    Run {
        code: out
            .status
            .code()
            .expect("cablelint exited normally (no signal)"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// Runs `cablelint` in the crate's directory.
pub fn run(args: &[&str]) -> Run {
    run_in(Path::new(env!("CARGO_MANIFEST_DIR")), args, None)
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/cli")
        .join(name)
}

pub fn fixture_text(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).unwrap()
}

/// A temporary directory holding the given files (parent directories are created).
pub fn tree(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, contents) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
    }
    dir
}

/// The 1-based line of the first line that starts with `prefix` in a text.
pub fn line_of(text: &str, prefix: &str) -> usize {
    text.lines().position(|l| l.starts_with(prefix)).unwrap() + 1
}

/// Asserts that `text` (a run's standard output or error) contains `needle`; the failure shows
/// the whole text.
#[track_caller]
pub fn assert_contains(text: &str, needle: &str) {
    assert!(text.contains(needle), "{text}");
}
