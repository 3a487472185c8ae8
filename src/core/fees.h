/*
** fees.h — the information processing fee (信息处理费) of
** 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号, in force 2021-01-01;
** regulation.md §3, data/fees.json).
**
** Two methods, both excess-progressive (超额累进), and an organ uses ONE of
** them per application (Art. 3), never both:
**   按件计收 (Art. 4): the n-th application of the same applicant within one
**     natural month costs 0 yuan for n <= 10, 100 for 11..30, and from 31
**     every band of 10 adds 100: 31..40 -> 200, 41..50 -> 300, ...
**     (fees.json: "100 + 100*ceil((n-30)/10)"; its note calls the banding
**     "our reading", not an official worked example).
**   按量计收 (Art. 5): pages of one application: 1..30 free, 31..100
**     10 yuan/page, 101..200 20 yuan/page, 201+ 40 yuan/page.
** The tiers are compiled in below (fee_per_item/fee_per_volume); the unit
** tests check them against the embedded data/fees.json.  Waivers, notice
** and payment periods are unverified (fees.json) and left to callers.
**
** fee_compute() adds the conditions (in force from 2021-01-01; 按量 not
** for on-site inspection; counting per organ) and fee_notice_text() the
** notice's content.
**
** Amounts are whole yuan (every tier price is a whole number of yuan).
** Pure functions; thread-safe; no I/O.
*/
#ifndef GK_FEES_H
#define GK_FEES_H

#include "lib/date.h"

enum {
  FEE_OK = 0,        /* success */
  FEE_EINVAL = -1    /* arguments out of range; message in zText */
};

#define FEE_MAX_COUNT 100000   /* largest item/page number accepted */

typedef struct FeeResult {
  long long nYuan;   /* amount due, yuan */
  char *zText;       /* Chinese explanation (or error message); owned */
} FeeResult;

/* Price in yuan of the n-th application of one applicant in one natural
** month (n >= 1) under 按件计收; 0 for n < 1. */
long long fee_item_price(int n);

/* 按件计收: nPrior applications of this applicant were already counted this
** month, this application adds nItems (after splitting under 一事一申请).
** Fills *pRes with the fee for items nPrior+1 .. nPrior+nItems and an
** explanation per tier.  Returns FEE_OK, or FEE_EINVAL (nPrior < 0,
** nItems < 1, or beyond FEE_MAX_COUNT) with the message in pRes->zText.
** Allocates pRes->zText either way; free with fee_result_free(). */
int fee_per_item(int nPrior, int nItems, FeeResult *pRes);

/* 按量计收 for an application of nPages pages (nPages >= 0).  Same
** contract as fee_per_item(). */
int fee_per_volume(int nPages, FeeResult *pRes);

/* ---- one decision: may this application be charged, and how much -------- */

/* What the organ proposes to charge for one application. */
typedef struct FeeRequest {
  Date dReceived;        /* the application's receipt date (Art. 31) */
  const char *zMethod;   /* "per_item" (第四条) or "per_volume" (第五条) */
  const char *zForm;     /* form wanted: paper, email, electronic,
                         ** inspection (当场查阅), other */
  int nPrior;            /* items already counted this natural month for
                         ** the same applicant at the same organ */
  int nCount;            /* items (after 一事一申请) or pages */
} FeeRequest;

/* Decides the fee of one application under 国办函〔2020〕109号:
**  - none before 2021-01-01 (the measures' effective date);
**  - 按件计收 applies to every kind of decision (第四条), counting the
**    applicant's items at this organ in the natural month [I: the measures
**    say "同一申请人一个自然月内累计申请"; each organ charges for what it
**    receives (第三条 "行政机关对每件申请…")];
**  - 按量计收 only when the information is provided as paper copies, by
**    e-mail or as copied electronic data (第五条): not for 当场查阅.
** Returns FEE_OK with pRes->nYuan (may be 0) and the explanation, or
** FEE_EINVAL with the reason in pRes->zText.  Free with fee_result_free(). */
int fee_compute(const FeeRequest *p, FeeResult *pRes);

/* The text of the fee notice (收费通知): the basis, the standard, the
** amount and the payment deadline (20 working days from receipt; dLimit
** = the deadline counted from the day the notice is sent), and what
** happens when it is not paid.  zExplain is fee_compute()'s explanation.
** New heap string; caller frees. */
char *fee_notice_text(const char *zMethod, long long nYuan,
                      const char *zExplain, Date dLimit);

/* Frees pRes->zText. */
void fee_result_free(FeeResult *pRes);

#endif
