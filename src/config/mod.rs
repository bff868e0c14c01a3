//! `cablelint.toml`: finding, reading and validating the configuration. PLACEHOLDER.
