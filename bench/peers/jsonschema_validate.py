#!/usr/bin/python3
"""Python jsonschema peer: what check-jsonschema does, in one process.

Loads the upstream schemas once (SchemaStore github-workflow.json, GitLab's ci.json), then for every
CI file under the given directories (or the given files) parses the YAML (libyaml when available)
and validates it with the schema its path calls for, collecting every error.
Usage: jsonschema_validate.py <schemas-dir> <dir-or-file>...
Prints "<files> files, <invalid> invalid, <errors> errors".
"""
import json
import os
import re
import sys

import jsonschema
import yaml

try:
    Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing
    Loader = yaml.SafeLoader


class CiLoader(Loader):
    pass


def _reference(loader, node):
    return loader.construct_sequence(node)


CiLoader.add_constructor("!reference", _reference)

INPUT = re.compile(r"\$\[\[\s*inputs\.[A-Za-z0-9_-]+\s*\]\]")


def main(argv):
    schemas = argv[1]
    validators = {}
    for kind, name in (("github", "github-workflow.json"), ("gitlab", "gitlab-ci.json")):
        with open(os.path.join(schemas, name), encoding="utf-8") as fh:
            schema = json.load(fh)
        cls = jsonschema.validators.validator_for(schema)
        validators[kind] = cls(schema, format_checker=cls.FORMAT_CHECKER)

    def files_of(arg):
        if os.path.isdir(arg):
            for root, dirs, names in os.walk(arg):
                for n in names:
                    if n.endswith((".yml", ".yaml")):
                        yield os.path.join(root, n)
        else:
            yield arg

    count = invalid = errors = 0
    for arg in argv[2:]:
        for path in files_of(arg):
            kind = "github" if "/.github/workflows/" in path.replace(os.sep, "/") else "gitlab"
            with open(path, encoding="utf-8", errors="replace") as fh:
                text = fh.read()
            count += 1
            try:
                docs = list(yaml.load_all(INPUT.sub("x", text), Loader=CiLoader))
            except yaml.YAMLError:
                invalid += 1
                errors += 1
                continue
            doc = docs[-1] if docs else None
            if isinstance(doc, dict) and True in doc:
                # YAML 1.1 reads the `on:` key as a boolean; check-jsonschema (YAML 1.2) keeps "on".
                doc["on"] = doc.pop(True)
            found = sum(1 for _ in validators[kind].iter_errors(doc))
            if found:
                invalid += 1
                errors += found
    print(f"{count} files, {invalid} invalid, {errors} errors")


if __name__ == "__main__":
    main(sys.argv)
