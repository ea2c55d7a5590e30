#!/usr/bin/env bash
# Refreshes translations/tunebench_de.ts from the GUI sources (lupdate), then writes the
# German strings of de_ui.py / de_tree.py into it (fill_de.py lists any source they lack:
# add it to de_ui.py and run this again). The build turns the .ts into an embedded .qm.
#     translations/update.sh            # refresh and fill
#     python3 translations/fill_de.py --check   # exit 1 while anything is untranslated
set -euo pipefail
cd "$(dirname "$0")/.."
LUPDATE=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
# The decision tree is data: its texts reach lupdate through a generated source file (one
# unbroken literal per text, marked clang-format off, so regenerating it changes nothing).
python3 translations/extract_tree_strings.py
"$LUPDATE" -I . -locations none -no-obsolete ui app/tunebench -ts translations/tunebench_de.ts
python3 translations/fill_de.py translations/tunebench_de.ts
# Re-run so the file is in lupdate's own layout (keeps diffs small).
"$LUPDATE" -I . -locations none -no-obsolete ui app/tunebench -ts translations/tunebench_de.ts >/dev/null
