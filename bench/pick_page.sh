#!/bin/sh
# pick_page.sh DB — the public page the throughput benchmark fetches: the
# published document with the longest body (its page is /o/ORG/d/ID), else
# an organisation guide when the database has no published document.
# The body's stored length: a packed body (migration 0104) counts with its
# frame, so "longest" is the longest after packing, which is near enough.
db=$1
p=$(sqlite3 "$db" "SELECT '/o/'||o.slug||'/d/'||d.id FROM doc d JOIN org o ON o.id=d.org_id WHERE d.state='published' ORDER BY length(d.body) DESC LIMIT 1" 2>/dev/null || true)
echo "${p:-/o/znwsj/guide}"
