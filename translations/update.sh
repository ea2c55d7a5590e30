#!/usr/bin/env bash
# Refreshes translations/tunebench_de.ts from the GUI sources (lupdate), then fills in the
# German strings known to fill_de.py. The build turns the .ts into an embedded .qm.
set -euo pipefail
cd "$(dirname "$0")/.."
LUPDATE=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
# The decision tree is data: its texts reach lupdate through a generated source file.
python3 translations/extract_tree_strings.py
"$LUPDATE" -I . -locations none -no-obsolete ui app/tunebench -ts translations/tunebench_de.ts
python3 translations/fill_de.py translations/tunebench_de.ts
# Re-run so the file is in lupdate's own layout (keeps diffs small).
"$LUPDATE" -I . -locations none -no-obsolete ui app/tunebench -ts translations/tunebench_de.ts >/dev/null
