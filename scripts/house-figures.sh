#!/usr/bin/env bash
# Prints figures of the code base: exported packages (from module-info), public top-level types, lines of main code.
# Usage: scripts/house-figures.sh [DIR]; pair it with `duplicates --most 200` for repeated code.
cd "${1:-.}"
mods=$(find . -path ./node_modules -prune -o -name module-info.java -path '*src/main/java*' -print | grep -v '/target/')
echo "exported packages (unqualified): $(cat $mods | grep -E '^\s*exports\s+[a-z.]+\s*;' | wc -l)"
echo "exported packages (qualified):   $(cat $mods | grep -E '^\s*exports\s+[a-z.]+\s+to' | wc -l)"
main=$(find . -path '*/src/main/java/*.java' -not -path '*/target/*' -not -name module-info.java -not -name package-info.java)
echo "public top-level types in main:  $(grep -lE '^public\s+(abstract\s+|final\s+|sealed\s+|non-sealed\s+)*(class|interface|record|enum|@interface)\s' $main | wc -l)"
echo "main Java files:                 $(echo "$main" | wc -l)"
echo "main lines (non-blank):          $(cat $main | grep -cv '^\s*$')"
echo "test Java files:                 $(find . -path '*/src/test/java/*.java' -not -path '*/target/*' | wc -l)"
