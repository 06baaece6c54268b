"""Parse-checks Swift sources with tree-sitter-swift (no Swift compiler is available here).

Usage: python swift_syntax_check.py FILE.swift...

`@_documentation(...)` attributes are removed first: the grammar does not know them. Exits 1
and prints the first error locations when any file has a syntax error.
"""

import re
import sys

import tree_sitter
import tree_sitter_swift

UNKNOWN_ATTRIBUTE = re.compile(r"@_documentation\([^)]*\)")


def errors(tree):
    """Every ERROR or MISSING node, in document order."""
    found = []
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if node.is_error or node.is_missing:
            found.append(node)
            continue
        stack.extend(reversed(node.children))
    return found


def main(paths):
    parser = tree_sitter.Parser(tree_sitter.Language(tree_sitter_swift.language()))
    failed = 0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            source = UNKNOWN_ATTRIBUTE.sub("", f.read())
        found = errors(parser.parse(source.encode("utf-8")))
        lines = source.count("\n") + 1
        if found:
            failed += 1
            print(f"{path}: {len(found)} syntax error(s) in {lines} lines")
            for node in found[:10]:
                row, col = node.start_point
                text = source.splitlines()[row] if row < lines - 1 else ""
                print(f"  {row + 1}:{col + 1}: {'missing' if node.is_missing else 'error'} near {text.strip()[:100]!r}")
        else:
            print(f"{path}: ok ({lines} lines)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
