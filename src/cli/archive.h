/*
** archive.h — transfer to archives and public libraries (移送, Art. 25): a
** self-checking directory with one year's published documents of an
** organisation, and its verification.
**
** Layout of DIR:
**   documents/NNNN/document.json   canonical JSON of the document, byte for
**                                  byte the content of its latest ledger
**                                  entry (core/document.h doc_canonical)
**   documents/NNNN/body.md         the body (Markdown)
**   documents/NNNN/attachments/KK-NAME   each attachment
**   ledger.jsonl                   the contiguous ledger segment from the
**                                  first to the last entry of these
**                                  documents, one JSON object per line
**   manifest.csv                   序号, 索引号, 标题, 文号, 成文日期,
**                                  发布日期, document.json SHA-256
**   manifest.json                  organisation, year, documents (index
**                                  number, title, dates, files) and the
**                                  SHA-256 and size of every other file
**
** Verification checks every listed file's size and hash, that no file is
** missing or extra, the ledger segment's chain (content hashes, links,
** entry hashes), that each document.json hashes to its latest ledger
** entry, that its attachments and body are those the canonical JSON
** names, and that manifest.csv matches.  The ledger segment's last entry
** hash is reported so it can be compared with the live system's ledger.
*/
#ifndef GK_CLI_ARCHIVE_H
#define GK_CLI_ARCHIVE_H

#include <stdint.h>

#include "lib/buf.h"
#include "store/store.h"

/* Writes the archive of orgId's documents published in year into the new
** directory zDir (which must not exist; its parent must).  Returns 0 and
** sets *pnDocs, or -1 with a Chinese message appended to pErr (a partly
** written directory is left for inspection). */
int archive_export(Store *s, int64_t orgId, int year, const char *zDir,
                   Buf *pErr, int *pnDocs);

/* Verifies the archive in zDir.  Returns 0 (sets *pnDocs and the last
** ledger entry hash in zLast[65], "" when the segment is empty), or -1
** with every problem found appended to pErr, one per line. */
int archive_verify(const char *zDir, Buf *pErr, int *pnDocs, char zLast[65]);

#endif
