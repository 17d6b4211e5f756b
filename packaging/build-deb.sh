#!/usr/bin/env bash
# Builds the Debian package: the release binary, then the files made from the project's own
# definitions (man pages, completions, icon sizes: examples/package_files.rs), then cargo-deb
# (package metadata in Cargo.toml). Needs cargo-deb (`cargo install cargo-deb --locked`) and
# dpkg-dev. Writes target/debian/annals_VERSION-1_ARCH.deb and prints its path.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo-deb >/dev/null || { echo "build-deb.sh: needs cargo-deb (cargo install cargo-deb --locked)" >&2; exit 2; }
cargo build --locked --release
rm -rf target/package
cargo run --locked --release --quiet --example package_files -- target/package
gzip -9n target/package/man/*.1
cargo deb --locked --no-build --output target/debian/ >/dev/null
ls -1 target/debian/annals_*.deb | tail -n 1
