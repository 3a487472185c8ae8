/*
** document.h — proactive disclosure documents (政府信息): the record, the
** review chain as a state machine, the rules checked before each step, the
** canonical content hashed into the publication ledger, and the Art. 26
** publication deadline.  Pure functions: no I/O, no SQL; the store keeps
** the records and the pages/API/CLI apply these rules.
**
** Code names (shared/glossary.md) of the stored enumerations:
**   state     draft 草稿 → dept_review 科室审核 → secrecy_review 保密审查 →
**             approval 领导审批 → published 已发布 (proactive) or filed
**             已审定（不主动公开） (on_request / withheld); withdrawn 已撤回
**   mode      proactive 主动公开 | on_request 依申请公开 | withheld 不予公开
**   validity  valid 有效 | amended 已修订 | repealed 废止 | expired 失效
**   report_kind  regulation 规章 | normative 行政规范性文件 | other 其他
**
** Index numbers are assigned when a document leaves the chain (publication
** or filing), not at creation: drafts that are sent back, abandoned or
** deleted never consume a number, so the public sequence has no holes that
** point at unpublished content, and a number always names content that
** passed the whole review.
*/
#ifndef GK_DOCUMENT_H
#define GK_DOCUMENT_H

#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"
#include "core/perm.h"
#include "lib/buf.h"

/* One document.  Strings are owned by whoever filled the record (an Arena
** in the store); "" rather than NULL for empty text.  Ids are 0 when
** absent. */
typedef struct Doc {
  int64_t id;
  int64_t orgId;
  int64_t deptId;             /* 责任部门 (0: none) */
  const char *zIndexNumber;   /* 索引号; "" until assigned */
  int bIndexImported;         /* 1: kept from an import */
  const char *zTitle;         /* 标题 */
  const char *zDocNumber;     /* 文号 */
  const char *zPublisher;     /* 发布机构 */
  const char *zSignedDate;    /* 成文日期 YYYY-MM-DD or "" */
  const char *zFormedDate;    /* 生成日期 (Art. 26 clock) */
  const char *zPublishedDate; /* 发布日期 */
  const char *zMode;          /* proactive | on_request | withheld | "" */
  const char *zWithheldGround;/* DocGround code when mode is withheld */
  const char *zScope;         /* 公开范围 */
  int64_t catalogueItemId;    /* catalogue_item(id) or 0 */
  const char *zGenre;         /* 体裁 */
  const char *zReportKind;    /* regulation | normative | other */
  const char *zKeywords;      /* 关键词 */
  const char *zSummary;       /* 内容概述 */
  const char *zBody;          /* Markdown */
  int64_t interpretsId;       /* the policy a 解读 explains, or 0 */
  const char *zState;         /* see above */
  const char *zValidity;      /* valid | amended | repealed | expired */
  const char *zValidityDate;  /* date of the validity change or "" */
  int64_t replacedById;       /* the replacing document or 0 */
  const char *zWithdrawReason;/* public reason once withdrawn */
  const char *zWithdrawnAt;   /* ISO timestamp or "" */
  const char *zScannedAt;     /* last privacy scan or "" */
  int64_t createdBy;          /* drafter (承办人) */
  const char *zCreatedAt;     /* ISO timestamp */
  const char *zUpdatedAt;     /* ISO timestamp */
  const char *zChangedOn;     /* last change of title/body (Art. 26) or "" */
  /* Filled by the store's reads, not stored on the row. */
  const char *zOrgName;       /* organisation name on the publication date
                              ** (the current one before publication) */
  const char *zOrgSlug;       /* organisation URL name */
  const char *zDeptName;      /* department name or "" */
  const char *zCreatedByName; /* drafter's display name */
} Doc;

/* An attachment as listed (the bytes stay in the store). */
typedef struct DocAttachment {
  int64_t id;
  int64_t docId;
  const char *zSha256;        /* 64 hex chars */
  const char *zFilename;      /* as uploaded, for Content-Disposition */
  const char *zMime;          /* detected by content */
  int64_t size;               /* bytes */
  const char *zNotes;         /* hidden sheets, comments, tracked changes */
  const char *zAddedAt;       /* ISO timestamp */
} DocAttachment;

/* One step of the review chain (发布审核单 row). */
typedef struct DocReview {
  int64_t id;
  const char *zFrom;          /* state before */
  const char *zTo;            /* state after */
  const char *zDecision;      /* submit | pass | return | withdraw */
  const char *zOpinion;       /* reviewer's opinion */
  int64_t userId;
  const char *zUserName;      /* filled by the store */
  const char *zAt;            /* ISO timestamp */
} DocReview;

/* A privacy finding of the secrecy review. */
typedef struct DocFinding {
  int64_t id;
  int64_t docId;
  const char *zSource;        /* title | body | attachment:<id> */
  const char *zKind;          /* privacy_kind_name() */
  const char *zMatch;         /* the text found */
  const char *zContext;       /* text around it */
  const char *zMask;          /* suggested masked form */
  const char *zStatus;        /* open | masked | accepted */
  const char *zReason;        /* written reason when accepted */
  const char *zFoundAt;       /* ISO timestamp */
  int64_t decidedBy;          /* 0 while open */
  const char *zDecidedByName; /* filled by the store */
  const char *zDecidedAt;     /* ISO timestamp or "" */
} DocFinding;

/* A further publication channel. */
typedef struct DocChannel {
  int64_t id;
  int64_t docId;
  const char *zChannel;       /* 微信公众号 … */
  const char *zDay;           /* YYYY-MM-DD */
  const char *zNote;
  const char *zAddedAt;
} DocChannel;

/* One publication-ledger entry. */
typedef struct LedgerEntry {
  int64_t seq;                /* 1, 2, … */
  const char *zAt;            /* ISO timestamp */
  int64_t docId;
  const char *zEvent;         /* publish | edit | validity | withdraw */
  const char *zContent;       /* canonical JSON; NULL in the newest entry
                              ** of a document, whose content is the
                              ** document as stored (store_ledger_content) */
  const char *zContentHash;   /* SHA-256 hex of zContent */
  const char *zPrevHash;      /* entry_hash of seq-1, or 64 zeros */
  const char *zEntryHash;     /* doc_ledger_entry_hash() */
  int64_t orgId;              /* the document's organisation (store_ledger_list
                              ** only; 0 elsewhere) */
} LedgerEntry;

/* The code/label pairs of a stored enumeration. */
typedef struct DocCode {
  const char *zCode;          /* stored value */
  const char *zLabel;         /* Chinese label */
} DocCode;

/* Lists ending with {NULL, NULL}. */
extern const DocCode aDocState[];      /* states in chain order */
extern const DocCode aDocMode[];       /* disclosure modes */
extern const DocCode aDocValidity[];   /* validity values */
extern const DocCode aDocReportKind[]; /* report kinds */
extern const DocCode aDocGround[];     /* legal grounds of Arts. 14-16 */
extern const char *const azDocGenre[]; /* common genres, NULL-terminated */
extern const char *const azDocChannel[]; /* common channels, NULL-ended */

/* Label of zCode in list a, or zCode itself when unknown ("" for NULL). */
const char *doc_label(const DocCode *a, const char *zCode);
/* 1 when zCode is in list a. */
int doc_code_valid(const DocCode *a, const char *zCode);

#define DOC_LEDGER_ZERO_HASH \
  "0000000000000000000000000000000000000000000000000000000000000000"

/* Review-chain actions. */
typedef enum DocAction {
  DOC_ACT_SUBMIT = 1,         /* drafter sends a draft to 科室审核 */
  DOC_ACT_PASS,               /* reviewer passes the current step */
  DOC_ACT_RETURN,             /* reviewer sends back to draft */
  DOC_ACT_WITHDRAW            /* office withdraws a published document */
} DocAction;

/* Parses "submit" "pass" "return" "withdraw"; 0 when unknown. */
DocAction doc_action_parse(const char *z);

/*
** The state machine.  For action eAct on a document in state zState with
** disclosure mode zMode, sets *pzNext to the state after it (a static
** string) and *pPerm to the permission the actor needs on the document's
** organisation.  Returns NULL when the action is possible in that state,
** else a Chinese message (static) and leaves the outputs unchanged.
*/
const char *doc_transition(const char *zState, const char *zMode,
                           DocAction eAct, const char **pzNext, Perm *pPerm);

/* 三审: the three reviews of one round (from the latest submission) are
** made by three people.  1 when user userId already passed a step of the
** current round in aRev[0..nRev) (the document's review rows, oldest
** first), so may not pass another one; sending back is not a pass. */
int doc_passed_this_round(const DocReview *aRev, int nRev, int64_t userId);

/* Checks what must hold before a draft is submitted (公开属性确认): a
** title, a valid 生成日期, a disclosure mode, a legal ground of Arts.
** 14-16 when withheld, valid optional dates and codes.  NULL when fine,
** else a Chinese message (static). */
const char *doc_submit_check(const Doc *d);

/* Checks the fields of a draft being saved (lighter than submission: the
** mode may still be unset).  NULL or a static Chinese message. */
const char *doc_draft_check(const Doc *d);

/* The dates of d against today (issue 12): 成文日期, 生成日期 and 发布日期,
** when set, must be plausible (date_plausible: 1949-10-01 to a year
** ahead), and a document cannot be signed after it was published.  The
** caller sets d->zPublishedDate to the publication day it is about to use
** when publishing.  NULL or a static Chinese message. */
const char *doc_dates_check(const Doc *d, Date today);

/* Checks a validity change of published document d to zValidity on
** zDate, seen on today (Beijing): a known value; for 已修订, 废止 and 失效
** a date, which records what has happened — not after today (a document
** that expires tomorrow is 有效 today) and not before the 成文日期.  NULL
** or a static Chinese message. */
const char *doc_validity_check(const Doc *d, const char *zValidity,
                               const char *zDate, Date today);

/* 1 when a published document's content is visible to the public: state
** published (withdrawn documents show only the withdrawal notice). */
int doc_is_public(const Doc *d);

/* What a document of validity zValidity has become, for "本文件…":
** 已修订, 已废止, 已失效 (the labels of aDocValidity are 已修订, 废止,
** 失效: "本文件已" + label read 本文件已已修订); "" for valid. */
const char *doc_validity_done(const char *zValidity);

/* The label before the link from a document whose validity is zValidity
** (amended, repealed or expired) to the document recorded as replacing
** it, true for the states of both: "修改本文件的文件" when this one is
** amended (it stays in force, as amended); else "现行文件" only when the
** other is published and valid; else "替代文件" (the other's own state —
** withdrawn, amended, repealed, expired — is said after the link). */
const char *doc_replacement_label(const char *zValidity, const char *zOtherState,
                                  const char *zOtherValidity);

/*
** The canonical content of a document for the ledger: compact JSON, keys
** in byte order, of the public fields — attachments (array of
** {filename, mime, sha256, size} sorted by sha256 then filename), body,
** catalogue_item_id, doc_number, formed_date, genre, id, index_number,
** interprets_id, keywords, mode, org_id, published_date, publisher,
** replaced_by_id, report_kind, scope, signed_date, state, summary, title,
** validity, validity_date, withdraw_reason.  Ids are numbers (null when
** 0).  aAtt may be reordered.  Returns a new heap string the caller frees.
*/
char *doc_canonical(const Doc *d, DocAttachment *aAtt, int nAtt);

/* doc_canonical() in three consecutive parts appended to *b: the head (up
** to genre: attachments, body …), the identity (id, index_number: what the
** store assigns) and the tail (interprets_id … withdraw_reason and the
** closing brace).  Their concatenation is doc_canonical(), byte for byte;
** an import hashes the head and tail away from the database
** (core/doc_import.h). */
void doc_canonical_head(Buf *b, const Doc *d, DocAttachment *aAtt, int nAtt);
void doc_canonical_ident(Buf *b, const Doc *d);
void doc_canonical_tail(Buf *b, const Doc *d);

/* The entry hash of a ledger entry: SHA-256 hex of
** "<seq>\n<at>\n<docId>\n<event>\n<contentHash>\n<prevHash>" into zOut. */
void doc_ledger_entry_hash(int64_t seq, const char *zAt, int64_t docId,
                           const char *zEvent, const char *zContentHash,
                           const char *zPrevHash, char zOut[65]);

/* Checks entry e against the previous entry's hash zPrev (64 zeros for
** the first).  NULL when it holds, else a static Chinese message naming
** what broke (content hash, link, entry hash).  An entry without content
** (zContent NULL) is checked for its link and entry hash only: the caller
** compares the hash of the document's canonical content with
** zContentHash. */
const char *doc_ledger_check(const LedgerEntry *e, const char *zPrev);

/* Art. 26: a document is published within 20 working days of its 生成日期. */
#define DOC_ART26_DAYS 20

/* Art. 26 ("自该政府信息形成或者变更之日起20个工作日内"): the day the period
** runs from — the later of the 生成日期 dFormed and the day the content
** last changed, dChanged (DATE_NONE when never changed): a change restarts
** the 20 working days. */
Date doc_art26_start(Date dFormed, Date dChanged);

/* Art. 26 status of an unpublished document formed on dFormed, seen on
** dToday: *pDue receives the last permitted day, and the return value is
** the number of working days left after dToday until *pDue (0 on the last
** day, negative when past: minus the working days overdue). */
int doc_art26_left(const Calendar *pCal, Date dFormed, Date dToday,
                   Date *pDue);

#endif
