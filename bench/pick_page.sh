#!/bin/sh
# pick_page.sh DB — the public page the throughput benchmark fetches: a
# published document's page when there is one, else an organisation guide.
db=$1
p=$(sqlite3 "$db" "SELECT '/o/'||o.slug||'/d/'||d.id FROM document d JOIN org o ON o.id=d.org_id WHERE d.status='published' ORDER BY length(d.body) DESC LIMIT 1" 2>/dev/null || true)
echo "${p:-/o/znwsj/guide}"
