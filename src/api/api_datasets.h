/*
** api_datasets.h — bulk open data: every public document's metadata and
** text, the catalogue and the published annual reports' tables, per
** organisation and for the whole site, as JSON Lines and as CSV (UTF-8 with
** BOM, for Excel), each with its SHA-256, listed with a DCAT-style
** description in manifest.json.
**
** The files are built into a directory (datasets_build(): by `gongkai
** datasets build`, by `gongkai export-site`, and by the server when the
** manifest is missing or older than a day, or the publication ledger has
** moved since the server built them: a withdrawn document leaves them at
** once) and served as they are:
**   GET /api/v1/datasets          the manifest
**   GET /api/v1/datasets/{file}   one file named in the manifest
*/
#ifndef GK_API_DATASETS_H
#define GK_API_DATASETS_H

#include <jansson.h>

#include "http/req.h"
#include "store/store.h"

/* The JSON flags of every dataset line, CSV number and the manifest:
** reals with 15 significant digits, so a value read from a decimal stays
** that decimal (0.3 万元 is written 0.3; jansson's default of 17 digits
** writes 0.29999999999999999). */
#define DATASET_JSON_FLAGS (JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15))

/* Builds every dataset into zDir (created when absent): each file is
** written beside its final name and renamed into place, the manifest last,
** so readers never see half a file.  zBaseUrl prefixes the documents'
** addresses ("" for site-relative).  Returns 0, or 1 with *pzErr
** (malloc'd). */
int datasets_build(Store *s, const char *zDir, const char *zBaseUrl, char **pzErr);

/* The directory the server keeps them in: "datasets" beside a SQLite
** database (in r's arena); with PostgreSQL a private directory of this
** process under $TMPDIR (each server builds its own copy). */
const char *datasets_dir(Req *r);

/* The manifest (built first when due: missing, a day old, or behind the
** publication ledger), for the people's page /data (web/page_open_data.c).
** While another request builds, *pbBuilding is set to 1 and the previous
** manifest is returned (its files answer 503 until the build ends); only
** the very first build is waited for.  NULL when it cannot be had.  The
** caller json_decref()s it. */
json_t *datasets_manifest(Req *r, int *pbBuilding);

int api_datasets(Req *r);       /* GET /api/v1/datasets */
int api_dataset_file(Req *r);   /* GET /api/v1/datasets/{file} */

#endif
