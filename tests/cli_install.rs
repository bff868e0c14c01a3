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
/// `cablelint … | true` leaves it, and returns the exit code and standard error.
fn run_into_closed_pipe(args: &[&str]) -> (i32, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cablelint"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("cablelint runs");
    // Closing the only reading end before the program writes makes its first write fail.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().expect("cablelint exited normally"),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn no_command_panics_on_a_closed_pipe() {
    // `completions` exits as `man`, `rules` and `data` do (0, nothing said); `check` and `fmt`
    // keep their own code (2: the report was not all written), also without a word.
    let quiet: &[(&[&str], i32)] = &[
        (&["completions", "bash"], 0),
        (&["completions", "zsh"], 0),
        (&["completions", "fish"], 0),
        (&["man"], 0),
        (&["rules"], 0),
        (&["rule", "CBL204"], 0),
        (&["data", "tags", "PR"], 0),
        (&["check", "examples/draft-with-errors.cable"], 2),
    ];
    for (args, code) in quiet {
        let (got, stderr) = run_into_closed_pipe(args);
        assert!(
            !stderr.contains("panicked") && stderr.is_empty(),
            "cablelint {args:?}: {stderr}"
        );
        assert_eq!(got, *code, "cablelint {args:?}: {stderr}");
    }
}
