/*
** notice.h — the documents an office sends during an application (issue
** 13 §6): each kind with its title, the article it rests on, the clock
** event that issues it and its default text written from the law.  The
** texts are templates the organisation can edit (answer_template, key
** "notice.<kind>"; answers keep their per-answer keys); placeholders in
** braces:
**   {applicant} {reg_no} {received_on} {info} {org} {date} {doc_no}
**   {contact} {phone} {remedy}, and per notice {event_text} (what was
**   recorded with the event: the items to correct, the reasons, the
**   third party, the fee), {limit} (its deadline), {days} (extension
**   working days) and {due} (the due date after the event).
** Pure data; thread-safe.
*/
#ifndef GK_NOTICE_H
#define GK_NOTICE_H

#include "lib/date.h"

typedef struct NoticeKind {
  const char *zId;       /* receipt, correction, extension, third_party,
                         ** disclose_third_party, fee, answer */
  const char *zTitle;    /* 政府信息公开申请登记回执 … */
  const char *zEvent;    /* application_event.kind that issues it, or NULL
                         ** (receipt: registration; answer: approval) */
  const char *zBasis;    /* 《条例》第三十一条 … */
  int bToApplicant;      /* 1: the applicant receives it (shown at /track) */
  const char *zDefault;  /* default template (NULL for answer: per answer) */
  const char *zDefault2007; /* the default for an application received
                         ** before 2019-05-15 (2007 Regulation's articles),
                         ** NULL when zDefault serves both */
} NoticeKind;

extern const NoticeKind aNoticeKind[]; /* terminated by zId == NULL */

/* The default text of kind k for an application received on dReceipt:
** the 2007 Regulation's text before 2019-05-15 (core/regime.h), else
** k->zDefault.  Static; NULL for the answer. */
const char *notice_default_text(const NoticeKind *k, Date dReceipt);

/* The kind with id zId, or NULL. */
const NoticeKind *notice_kind(const char *zId);
/* The kind an event of kind zEvent issues, or NULL. */
const NoticeKind *notice_kind_for_event(const char *zEvent);
/* The template key of a non-answer kind ("notice.receipt"), static. */
const char *notice_template_key(const NoticeKind *k);
/* The kind of a template key "notice.<kind>", or NULL. */
const NoticeKind *notice_kind_of_key(const char *zKey);

/* The 文号 "<prefix>〔<year>〕<serial>号" into z (n bytes). */
void notice_doc_no(char *z, int n, const char *zPrefix, int iYear, int iSerial);

#endif
