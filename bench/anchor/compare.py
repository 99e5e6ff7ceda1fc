#!/usr/bin/env python3
"""Checks that two cloud assemblies hold the same stacks with equal templates: the benchmark compares like with like.

    python3 bench/anchor/compare.py CLS_ASSEMBLY ANCHOR_ASSEMBLY

Prints one line per stack (resources on each side) and every difference; exits 1 when any template differs.
"""
import json
import os
import sys


def templates(assembly):
    manifest = json.load(open(os.path.join(assembly, "manifest.json")))
    found = {}
    for artifact in manifest["artifacts"].values():
        if artifact["type"] == "aws:cloudformation:stack":
            path = os.path.join(assembly, artifact["properties"]["templateFile"])
            found[artifact["properties"].get("stackName", artifact.get("displayName"))] = json.load(open(path))
    return found


def differences(path, a, b, out):
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a:
                out.append(f"{path}/{key}: only in the anchor")
            elif key not in b:
                out.append(f"{path}/{key}: only in cls")
            else:
                differences(f"{path}/{key}", a[key], b[key], out)
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b)):
            differences(f"{path}[{i}]", x, y, out)
    elif a != b:
        out.append(f"{path}: cls {json.dumps(a)[:200]} != anchor {json.dumps(b)[:200]}")


def main():
    cls, anchor = templates(sys.argv[1]), templates(sys.argv[2])
    out = []
    if set(cls) != set(anchor):
        out.append(f"stacks differ: cls {sorted(cls)}, anchor {sorted(anchor)}")
    total = 0
    for name in sorted(set(cls) & set(anchor)):
        count = len(cls[name].get("Resources", {}))
        total += count
        print(f"  {name}: {count} resources (cls), {len(anchor[name].get('Resources', {}))} (anchor)")
        differences(name, cls[name], anchor[name], out)
    for line in out:
        print("  DIFFERENT " + line)
    print(f"  {len(cls)} stacks, {total} resources: " + ("templates equal" if not out else f"{len(out)} differences"))
    sys.exit(1 if out else 0)


if __name__ == "__main__":
    main()
