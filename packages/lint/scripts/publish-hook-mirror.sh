#!/bin/sh
# Publishes the pre-commit hook repository of a release: its files (hook-mirror.mjs) committed on
# main and tagged vX.Y.Z. Safe to re-run after a partial failure: an existing tag is left alone,
# and a commit is made only when the files changed.
# Usage: publish-hook-mirror.sh <version> <remote>   (run from the repository root after the build)
set -eu
version=${1:?usage: publish-hook-mirror.sh <version> <remote>}
remote=${2:?usage: publish-hook-mirror.sh <version> <remote>}
tag="v${version}"
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if git ls-remote --exit-code --tags "$remote" "refs/tags/$tag" >/dev/null 2>&1; then
  echo "hook mirror: $tag already exists: leaving it"
  exit 0
fi
if git ls-remote --exit-code --heads "$remote" main >/dev/null 2>&1; then
  git clone --quiet --branch main "$remote" "$work/mirror"
else
  git init --quiet -b main "$work/mirror"
  git -C "$work/mirror" remote add origin "$remote"
fi
find "$work/mirror" -mindepth 1 -maxdepth 1 ! -name .git -exec rm -rf {} +
node "$here/hook-mirror.mjs" "$work/mirror" "$version"
git -C "$work/mirror" add -A
if git -C "$work/mirror" diff --cached --quiet 2>/dev/null && git -C "$work/mirror" rev-parse --verify -q HEAD >/dev/null; then
  echo "hook mirror: files unchanged"
else
  git -C "$work/mirror" commit --quiet -m "mlops-lint $version"
fi
git -C "$work/mirror" tag -a "$tag" -m "mlops-lint $tag"
git -C "$work/mirror" push --quiet origin main "refs/tags/$tag"
echo "hook mirror: published $tag"
