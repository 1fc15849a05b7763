#!/bin/bash
# The store's acceptance checks on the bundled corpora: ingest twice (stats equal),
# GDELT export width, Parquet read back by another reader. Run from the checkout:
#   scripts/store/acceptance.sh
set -u
DB=/tmp/acc-$$.db
rm -f $DB*
npx dyad ingest ../shared/eval-dev/bench-voa.jsonl examples/ --db $DB 2>&1 | tail -1
npx dyad stats --db $DB > /tmp/stats1.txt
npx dyad ingest ../shared/eval-dev/bench-voa.jsonl examples/ --db $DB 2>&1 | tail -1
npx dyad stats --db $DB > /tmp/stats2.txt
diff /tmp/stats1.txt /tmp/stats2.txt && echo "STATS EQUAL"; head -12 /tmp/stats1.txt
echo "gdelt fields per line:"; npx dyad export --format gdelt --db $DB | awk -F'\t' '{print NF}' | sort | uniq -c
npx dyad export --format parquet --db $DB --out /tmp/acc-$$.parquet
npx dyad export --format csv --db $DB | tail -n +2 | wc -l | sed 's/^/csv rows: /'
node --input-type=module -e "import { parquetReadObjects } from 'hyparquet'; import { readFileSync } from 'node:fs'; const b=readFileSync('/tmp/acc-$$.parquet'); const ab=b.buffer.slice(b.byteOffset,b.byteOffset+b.byteLength); const rows=await parquetReadObjects({file:ab}); console.log('parquet rows read back by hyparquet:', rows.length);"
rm -f $DB* /tmp/acc-$$.parquet
