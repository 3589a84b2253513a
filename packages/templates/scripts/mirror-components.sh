#!/bin/sh
# Mirrors templates/ (the CI/CD components), the README and the CI/CD Catalog release pipeline to
# the GitLab component project, then tags X.Y.Z there; the tag pipeline's `release:` job creates
# the Catalog release. Safe to re-run: an existing X.Y.Z tag is left alone.
# Usage: mirror-components.sh <version> <mirror git URL>   (run at the repository root;
# the credentials come from git's credential configuration)
set -eu
version=${1:?usage: mirror-components.sh <version> <mirror git URL>}
url=${2:?usage: mirror-components.sh <version> <mirror git URL>}
here=$(pwd)

if [ -n "$(git ls-remote --tags "$url" "refs/tags/${version}")" ]; then
  echo "${version} already exists on the component project: nothing to do"
  exit 0
fi

mirror=$(mktemp -d)
trap 'rm -rf "$mirror"' EXIT
git clone --quiet --depth 1 "$url" "$mirror"
rm -rf "${mirror}/templates"
cp -R "${here}/templates" "${mirror}/templates"
cp "${here}/packages/templates/README.md" "${mirror}/README.md"
cp "${here}/packages/templates/catalog/gitlab-ci.yml" "${mirror}/.gitlab-ci.yml"
cp "${here}/LICENSE" "${mirror}/LICENSE"
cd "$mirror"
git add -A
if git diff --cached --quiet; then
  echo "no template changes since the last release"
else
  git -c user.name="mlops-pipeline release" -c user.email="release@mlops-pipeline.invalid" commit --quiet -m "templates ${version}"
  git push --quiet origin HEAD
fi
git -c user.name="mlops-pipeline release" -c user.email="release@mlops-pipeline.invalid" tag -a "${version}" -m "templates ${version}"
git push --quiet origin "refs/tags/${version}"
echo "tagged ${version} on the component project"
