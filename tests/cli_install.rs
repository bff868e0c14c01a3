//! What installing cablelint gives a shell: completion scripts (`cablelint completions`) that the
//! shells load and use, and a manual page (`cablelint man`) that renders.

mod cli_support;

use std::process::Command;

use cli_support::*;

/// Whether a program can be run (the shells and `groff` are installed by `.ci/run`).
fn have(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Completes `line` (the cursor at its end) with the bash completion script loaded, as bash's
/// programmable completion would, and returns the candidates.
fn bash_complete(line: &str) -> Vec<String> {
    let dir = tree(&[]);
    let script = run(&["completions", "bash"]);
    assert_eq!(script.code, 0, "{script:?}");
    std::fs::write(dir.path().join("cablelint.bash"), &script.stdout).unwrap();
    let words: Vec<&str> = line.split(' ').collect();
    let driver = format!(
        "source ./cablelint.bash || exit 3\n\
         COMP_LINE='{line}'; COMP_POINT=${{#COMP_LINE}}\n\
         COMP_WORDS=({words}); COMP_CWORD={cword}\n\
         _cablelint cablelint '{current}' '{previous}'\n\
         printf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        words = words
            .iter()
            .map(|w| format!("'{w}'"))
            .collect::<Vec<_>>()
            .join(" "),
        cword = words.len() - 1,
        current = words[words.len() - 1],
        previous = words[words.len() - 2],
    );
    let out = Command::new("bash")
        .arg("-c")
        .arg(&driver)
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

#[test]
fn the_bash_script_loads_and_completes_subcommands_and_formats() {
    assert_eq!(bash_complete("cablelint ch"), ["check"]);
    let all = bash_complete("cablelint ");
    for sub in [
        "check",
        "rules",
        "rule",
        "data",
        "lsp",
        "completions",
        "man",
    ] {
        assert!(all.iter().any(|c| c == sub), "{sub} not in {all:?}");
    }
    let formats = bash_complete("cablelint check --output-format g");
    assert_eq!(formats, ["github", "gitlab", "grouped"]);
}

#[test]
fn zsh_and_fish_scripts_parse() {
    for (shell, name, check) in [
        ("zsh", "_cablelint", &["-n"][..]),
        ("fish", "cablelint.fish", &["--no-execute"][..]),
    ] {
        let script = run(&["completions", shell]);
        assert_eq!(script.code, 0, "{script:?}");
        assert_contains(&script.stdout, "gitlab");
        if std::env::var_os("CI").is_none() && !have(shell) {
            // Outside CI a missing shell is not a failure of cablelint; CI installs both.
            continue;
        }
        let dir = tree(&[(name, script.stdout.as_bytes())]);
        let out = Command::new(shell)
            .args(check)
            .arg(dir.path().join(name))
            .output()
            .unwrap_or_else(|e| panic!("{shell} runs: {e}"));
        assert!(out.status.success(), "{shell}: {out:?}");
    }
}

#[test]
fn the_man_page_renders() {
    let page = run(&["man"]);
    assert_eq!(page.code, 0, "{page:?}");
    assert!(page.stdout.starts_with(".ie"), "{}", &page.stdout[..200]);
    assert_contains(&page.stdout, ".TH cablelint 1");
    // Rendered as `man` would show it.
    let dir = tree(&[("cablelint.1", page.stdout.as_bytes())]);
    let out = Command::new("groff")
        .args(["-man", "-Tutf8", "-ww", "-P", "-cbou", "cablelint.1"])
        .current_dir(dir.path())
        .output()
        .expect("groff runs (Debian: groff-base)");
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    // `groff -ww` warns on standard error about anything it cannot render.
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    for word in [
        "NAME",
        "SYNOPSIS",
        "SUBCOMMANDS",
        "cablelint-check(1)",
        "completions",
    ] {
        assert!(text.contains(word), "{word} missing from\n{text}");
    }

    // One page per command into a directory.
    let r = run_in(dir.path(), &["man", "--output-dir", "pages"], None);
    assert_eq!(r.code, 0, "{r:?}");
    let check = std::fs::read_to_string(dir.path().join("pages/cablelint-check.1")).unwrap();
    assert_contains(&check, "output\\-format");
    assert_contains(&check, "show\\-settings");
}

/// Runs `cablelint` with its standard output a pipe whose reading end is already closed, as
/// `cablelint … | head -1` leaves it once `head` has read its line, with `stdin` (a file of the
/// repository) as standard input, and returns the exit code and standard error.
fn run_into_closed_pipe(args: &[&str], stdin: Option<&str>) -> (i32, String) {
    let root = env!("CARGO_MANIFEST_DIR");
    let input = match stdin {
        Some(path) => std::process::Stdio::from(
            std::fs::File::open(std::path::Path::new(root).join(path)).unwrap(),
        ),
        None => std::process::Stdio::null(),
    };
    // The reading end is closed before the program starts, so its first write fails whatever
    // the timing.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = Command::new(env!("CARGO_BIN_EXE_cablelint"))
        .args(args)
        .current_dir(root)
        .env("NO_COLOR", "1")
        .stdin(input)
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .output()
        .expect("cablelint runs");
    (
        out.status.code().expect("cablelint exited normally"),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Every command that writes to standard output ends alike when the reader has closed it: at
/// once, without a word, with 0 (as ruff and ripgrep do), whatever it found before; `check` on a
/// cable with errors, which exits 1 when its report is read, too.
#[test]
fn every_command_ends_quietly_with_0_on_a_closed_pipe() {
    const DRAFT: &str = "examples/draft-with-errors.cable";
    let new: &[&str] = &[
        "new",
        "--isolated",
        "--from",
        "OSLO",
        "--to",
        "SECSTATE WASHDC",
        "--date",
        "2026-03-01T10:00",
    ];
    let commands: &[(&[&str], Option<&str>)] = &[
        (&["completions", "bash"], None),
        (&["completions", "zsh"], None),
        (&["completions", "fish"], None),
        (&["man"], None),
        (&["rules"], None),
        (&["rules", "--output-format", "json"], None),
        (&["rule", "CBL204"], None),
        (&["data", "tags", "PR"], None),
        (&["data", "posts"], None),
        (&["--help"], None),
        (&["check", "--help"], None),
        (&["--version"], None),
        (&["check", DRAFT], None),
        (&["check", "--output-format", "concise", DRAFT], None),
        (&["check", "--output-format", "json", DRAFT], None),
        (&["check", "--output-format", "grouped", DRAFT], None),
        (&["check", "--output-format", "sarif", DRAFT], None),
        (&["check", "--output-format", "junit", DRAFT], None),
        (&["check", "--statistics", DRAFT], None),
        (&["check", "--show-files", "examples"], None),
        (&["check", "--show-settings", DRAFT], None),
        (&["check", "--diff", DRAFT], None),
        (&["check", "examples", "tests/fixtures"], None),
        (
            &["check", "--fix", "-", "--stdin-filename", "d.cable"],
            Some(DRAFT),
        ),
        (&["fmt", "--diff", DRAFT], None),
        (&["fmt", "-"], Some(DRAFT)),
        (&["inspect", DRAFT], None),
        (&["inspect", "--output-format", "json", "examples"], None),
        (new, None),
    ];
    for (args, stdin) in commands {
        let (got, stderr) = run_into_closed_pipe(args, *stdin);
        // `check --fix -` writes the fixed text to standard output and its report to standard
        // error, which stays open: the report is there, and nothing about the pipe.
        if args.contains(&"--fix") {
            assert!(stderr.contains("error[CBL107]"), "{stderr}");
            assert!(
                !stderr.contains("panicked") && !stderr.contains("could not"),
                "cablelint {args:?} said: {stderr}"
            );
        } else {
            assert!(stderr.is_empty(), "cablelint {args:?} said: {stderr}");
        }
        assert_eq!(got, 0, "cablelint {args:?}");
    }
    // Read in full, the same report fails the check: the 0 above is the closed pipe's.
    let r = run_in(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")),
        &["check", DRAFT],
        None,
    );
    assert_eq!(r.code, 1, "{r:?}");
}
