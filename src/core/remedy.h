/*
** remedy.h — the remedies an answer letter states (告知救济途径), by the
** date of the answer (regulation.md §9).
**
**  - Answers before 2024-01-01, and from then on every answer that is not
**    a refusal to disclose: "可以自收到之日起六十日内申请行政复议，或者六个
**    月内提起行政诉讼" (行政复议法 Art. 9 (1999) / Art. 20 (2023);
**    行政诉讼法 Art. 46; before 2015-05-01 "三个月", the 1989 Act's
**    Art. 39).  From 2024-01-01 it names the reconsideration organ when
**    one is given ("依法向X申请行政复议"): under the 2023 Act a decision
**    that does not name it leaves the 60 days running from when the
**    applicant learns it, up to a year (Art. 20 ¶3).
**  - From 2024-01-01 (行政复议法 as revised 2023-09-01), 不予公开 (the
**    results.denied.* outcomes) and the withheld part of 部分公开
**    (results.partial) go to administrative reconsideration first
**    (Art. 23 ¶1(四)); the organ must say so when it decides (Art. 23 ¶2)
**    and name the reconsideration organ (normally the people's government
**    at the same level, Art. 24); litigation only after the
**    reconsideration decision (行政诉讼法 Art. 45: within 15 days).
** Pure functions; thread-safe.
*/
#ifndef GK_REMEDY_H
#define GK_REMEDY_H

#include "lib/date.h"

/* 1 when an answer with outcome zOutcome given on dAnswer must send the
** applicant to reconsideration first (for results.partial: its withheld
** part). */
int remedy_review_first(Date dAnswer, const char *zOutcome);

/* The remedy paragraph(s) for an answer with outcome zOutcome (a table 三
** leaf id; NULL = not yet known) given on dAnswer, naming zOrgan as the
** reconsideration organ where the applicant must go first (NULL or "" =
** "本机关的同级人民政府") and, from 2024-01-01, in the either-route
** sentence of the other answers (NULL or "": not named).  New heap string, paragraphs separated by
** "\n"; caller frees. */
char *remedy_text(Date dAnswer, const char *zOutcome, const char *zOrgan);

/* The sentence of the public guide (指南) on remedies, as in force on
** dToday, naming zOrgan.  New heap string; caller frees. */
char *remedy_guide_text(Date dToday, const char *zOrgan);

#endif
