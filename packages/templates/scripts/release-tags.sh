#!/bin/sh
# Tags the templates for the users who pin them: vX.Y.Z (created when missing) and the moving vX
# (moved to vX.Y.Z unless X.Y.Z is a pre-release). Safe to re-run after a partial failure:
# every step checks the remote first.
# Usage: release-tags.sh <version> [remote]   (run at the release commit)
set -eu
version=${1:?usage: release-tags.sh <version> [remote]}
remote=${2:-origin}
major="v${version%%.*}"
tag="v${version}"

case "$version" in
  [0-9]*.[0-9]*.[0-9]*) ;;
  *) echo "release-tags: \"$version\" is not a version such as 1.2.3" >&2; exit 2 ;;
esac

remote_commit() {
  git ls-remote --tags "$remote" "refs/tags/$1^{}" "refs/tags/$1" | awk 'NR==1 || /\^\{\}$/ { c=$1 } END { print c }'
}

head=$(git rev-parse HEAD)
existing=$(remote_commit "$tag")
if [ -z "$existing" ]; then
  git tag -f -a "$tag" -m "templates $tag" "$head"
  git push --quiet "$remote" "refs/tags/$tag"
  echo "created $tag at $head"
elif [ "$existing" = "$head" ]; then
  echo "$tag already exists at $head"
else
  echo "release-tags: $tag already exists at $existing, not at $head: leaving it" >&2
  head=$existing
fi

case "$version" in
  *-*) echo "$version is a pre-release: $major stays where it is"; exit 0 ;;
esac
if [ "$(remote_commit "$major")" = "$head" ]; then
  echo "$major already points at $tag"
else
  git tag -f -a "$major" -m "templates $major (moves with every ${major}.x.y release)" "$head"
  git push --quiet --force "$remote" "refs/tags/$major"
  echo "moved $major to $tag"
fi
