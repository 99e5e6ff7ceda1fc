#!/usr/bin/env python3
"""Checks that two cloud assemblies hold the same stacks, built alike: the benchmark compares like with like.

    python3 bench/anchor/compare.py CLS_ASSEMBLY ANCHOR_ASSEMBLY

Compares, per stack: the template (logical ids, properties, DependsOn, policies, resource metadata such as cdk-nag
suppressions, outputs), the construct path of every resource (from the stacks' metadata files), the stack-level
metadata other than construct stack traces (tags, cls's project record), and the asset manifest (asset hashes, the
template's hash). Prints one line per stack; on any difference prints FIRST DIFFERENCE naming the stack, the resource
(logical id, type, construct path) and the property path, then the others (at most 20), and exits 1.
"""
import json
import os
import sys

SHOWN = 20


class Assembly:
    def __init__(self, root):
        self.root = root
        manifest = json.load(open(os.path.join(root, "manifest.json")))
        self.stacks = {}
        for artifact_id, artifact in manifest["artifacts"].items():
            if artifact["type"] == "aws:cloudformation:stack":
                name = artifact["properties"].get("stackName", artifact_id)
                self.stacks[name] = (artifact_id, artifact)

    def template(self, name):
        return self._json(self.stacks[name][1]["properties"]["templateFile"])

    def assets(self, name):
        file = self.stacks[name][1]["properties"]["templateFile"].replace(".template.json", ".assets.json")
        return self._json(file) if os.path.exists(os.path.join(self.root, file)) else None

    def metadata(self, name):
        artifact_id, artifact = self.stacks[name]
        if "metadata" in artifact:
            return artifact["metadata"]
        return self._json(artifact["additionalMetadataFile"]) if "additionalMetadataFile" in artifact else {}

    def paths(self, name):
        """Logical id -> construct path below the stack."""
        artifact_id = self.stacks[name][0]
        found = {}
        for path, entries in self.metadata(name).items():
            for entry in entries:
                if entry["type"] == "aws:cdk:logicalId":
                    found[entry["data"]] = path[len("/" + artifact_id + "/"):]
        return found

    def stack_metadata(self, name):
        """The stack's own metadata entries, without construct stack traces (which name each side's code)."""
        artifact_id = self.stacks[name][0]
        return [e for e in self.metadata(name).get("/" + artifact_id, []) if e["type"] != "aws:cdk:creationStack"]

    def _json(self, file):
        return json.load(open(os.path.join(self.root, file)))


def differences(path, a, b, out):
    """Appends (path, what) for every place a (cls) and b (the anchor) differ, in document order."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in list(a) + [k for k in b if k not in a]:
            if key not in b:
                out.append((f"{path}/{key}", f"only in cls: {short(a[key])}"))
            elif key not in a:
                out.append((f"{path}/{key}", f"only in the anchor: {short(b[key])}"))
            else:
                differences(f"{path}/{key}", a[key], b[key], out)
    elif isinstance(a, list) and isinstance(b, list):
        for i, (x, y) in enumerate(zip(a, b)):
            differences(f"{path}[{i}]", x, y, out)
        if len(a) != len(b):
            longer, side = (a, "cls") if len(a) > len(b) else (b, "the anchor")
            out.append((f"{path}[{min(len(a), len(b))}:]", f"only in {side} ({len(a)} items in cls, {len(b)} in the "
                                                             f"anchor): {short(longer[min(len(a), len(b)):])}"))
    elif a != b:
        out.append((path, f"cls {short(a)} != anchor {short(b)}"))


def short(value):
    text = json.dumps(value)
    return text if len(text) <= 300 else text[:300] + "..."


def compare_stack(name, cls, anchor, out):
    a, b = cls.template(name), anchor.template(name)
    a_paths, b_paths = cls.paths(name), anchor.paths(name)
    a_resources, b_resources = a.get("Resources", {}), b.get("Resources", {})

    def described(logical, resources, paths):
        return f"{logical} ({resources[logical]['Type']} at {paths.get(logical, '?')})"

    # in cls's template order, so the first difference reported is the first in its template
    for logical in a_resources:
        if logical not in b_resources:
            out.append((name, f"resource {described(logical, a_resources, a_paths)}", "only in cls"))
            continue
        found = []
        differences("", a_resources[logical], b_resources[logical], found)
        if not found and a_paths.get(logical) != b_paths.get(logical):
            found.append(("", f"construct path: cls {a_paths.get(logical)} != anchor {b_paths.get(logical)}"))
        out.extend((name, f"resource {described(logical, a_resources, a_paths)} {p}", what) for p, what in found)
    for logical in b_resources:
        if logical not in a_resources:
            out.append((name, f"resource {described(logical, b_resources, b_paths)}", "only in the anchor"))
    rest_a = {k: v for k, v in a.items() if k != "Resources"}
    rest_b = {k: v for k, v in b.items() if k != "Resources"}
    found = []
    differences("", rest_a, rest_b, found)
    differences("(stack metadata)", cls.stack_metadata(name), anchor.stack_metadata(name), found)
    differences("(assets.json)", cls.assets(name), anchor.assets(name), found)
    out.extend((name, p, what) for p, what in found)
    return len(a_resources), len(b_resources)


def main():
    cls, anchor = Assembly(sys.argv[1]), Assembly(sys.argv[2])
    out = []
    for name in cls.stacks:
        if name not in anchor.stacks:
            out.append((name, "", "stack only in cls"))
    for name in anchor.stacks:
        if name not in cls.stacks:
            out.append((name, "", "stack only in the anchor"))
    total = 0
    for name in cls.stacks:
        if name in anchor.stacks:
            counts = compare_stack(name, cls, anchor, out)
            total += counts[0]
            print(f"  {name}: {counts[0]} resources (cls), {counts[1]} (anchor)")
    if not out:
        print(f"  {len(cls.stacks)} stacks, {total} resources: templates, construct paths, stack metadata and "
              "assets equal")
        return
    stack, where, what = out[0]
    print(f"compare: FIRST DIFFERENCE in stack {stack}: {where}: {what}", file=sys.stderr)
    for stack, where, what in out[1:SHOWN]:
        print(f"  also in stack {stack}: {where}: {what}", file=sys.stderr)
    if len(out) > SHOWN:
        print(f"  ... and {len(out) - SHOWN} more", file=sys.stderr)
    print(f"compare: the anchor does not build cls's stacks ({len(out)} differences): bench/anchor/app.js (and "
          "spec.py) must follow cls's synthesis before any timing means anything", file=sys.stderr)
    sys.exit(1)


if __name__ == "__main__":
    main()
