#!/usr/bin/env bash
# Prints what an Observatoire database holds, without timestamps and in a fixed order, so that
# two ingests (two binaries, two commits) can be compared with diff or md5sum:
#   scripts/dump-db.sh base.sqlite | md5sum
# Needs the sqlite3 command-line tool.
set -euo pipefail
db=$1
for q in \
 "select source,source_id,title,description,published,location,department,region,contract,rome_code,naf,naf_section,company,url,source_skills,content_hash,first_run_id,last_run_id,content_run_id,id from postings order by id" \
 "select posting_id,taxonomy_version,domains,domain_scores,title_normalized,title_rome from classifications order by posting_id" \
 "select * from posting_domains order by 1,2" \
 "select * from posting_competencies order by 1,2" \
 "select posting_id,competency_id,start_offset,end_offset,text,section,negated,wording from evidence order by 1,2,3" \
 "select * from exact_keys order by 1,2" \
 "select posting_id,source,published,title_key,hex(minhash) from dedup_sketches order by 1" \
 "select * from dedup_bands order by 1,2,3" \
 "select * from duplicates order by 1" ; do
  echo "== $q"
  sqlite3 "$db" "$q"
done
