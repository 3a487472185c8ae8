/*
** settings.h — THE table of run-time settings an administrator may change
** (stored in the database table `setting`; unset means the default here).
** One line per setting drives validation, `gongkai config`, the admin page
** and the README's reference.  Server start-up options (listen address,
** threads, key file) are command-line options of `gongkai serve` instead.
*/
#ifndef GK_SETTINGS_H
#define GK_SETTINGS_H

#include <stdint.h>

typedef enum SettingType { SETTING_INT, SETTING_BOOL, SETTING_TEXT } SettingType;

/* Every setting, by the name code reads it under.  aSettingDef is indexed
** by this enum, so a reader can only name a setting that exists; that every
** setting has a reader is checked by tools/codecheck.py (each SET_ constant
** must appear in src/ outside this file and settings.c). */
typedef enum SettingId {
  SET_ATTACHMENT_MAX_MB,
  SET_APPLICATION_DUE_SOON_WORKDAYS,
  SET_APPLICATION_CORRECTION_WORKDAYS,
  SET_APPLICATION_FEE_WAIT_COUNTED,
  SET_APPLICATION_RATE_LIMIT_PER_HOUR,
  SET_MESSAGE_REPLY_WORKDAYS,
  SET_MESSAGE_RATE_LIMIT_PER_HOUR,
  SET_PUBLISH_DUE_SOON_WORKDAYS,
  SET_SITE_NAME,
  SET_SEARCH_RECENCY_PERCENT,
  SET__COUNT
} SettingId;

typedef struct SettingDef {
  const char *zName;     /* "message_reply_workdays" */
  SettingType eType;
  const char *zDefault;  /* as text */
  int64_t iMin, iMax;    /* for SETTING_INT */
  const char *zHelp;     /* Chinese, shown on the admin page */
} SettingDef;

/* Indexed by SettingId; aSettingDef[SET__COUNT].zName == NULL ends it. */
extern const SettingDef aSettingDef[];

/* The definition named zName, or NULL. */
const SettingDef *settings_find(const char *zName);

/* Checks a value for a setting: NULL when acceptable, else a Chinese
** message (static). */
const char *settings_validate(const SettingDef *d, const char *zValue);

#endif
