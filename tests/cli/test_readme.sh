#!/bin/sh
# test_readme.sh — the commands README.md shows work as shown: every
# command and subcommand of its command-line reference exists and answers
# --help with its usage and exit 0 ("Every command answers --help").
# Ends with "cli-readme: N passed, N failed".
suite=readme; . tests/cli/common.inc
export GONGKAI_CONFIG=none

python3 - README.md > "$dir/cmds" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
cmds = set()
for line in text.splitlines():
    if not line.startswith("| `gongkai "):
        continue
    cell = line.replace("\\|", "/").split("|")[1]
    for m in re.finditer(r"`(?:gongkai )?([a-z][a-z-]*)((?: [a-z][a-z-]*)?)", cell):
        cmds.add((m.group(1) + m.group(2)).strip())
print("\n".join(sorted(cmds)))
PY
ok "README's command table names commands ($(wc -l < "$dir/cmds"))" [ "$(wc -l < "$dir/cmds")" -gt 40 ]
while read -r cmd; do
  # shellcheck disable=SC2086
  check "gongkai $cmd --help" 0 "usage" "$BIN" $cmd --help
done < "$dir/cmds"
check "an unknown option is an error (exit 2), not a file name" 2 "unknown option" \
  "$BIN" config check --verbose

echo "cli-readme: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
