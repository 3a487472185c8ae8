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

typedef struct SettingDef {
  const char *zName;     /* "message_reply_workdays" */
  SettingType eType;
  const char *zDefault;  /* as text */
  int64_t iMin, iMax;    /* for SETTING_INT */
  const char *zHelp;     /* Chinese, shown on the admin page */
} SettingDef;

extern const SettingDef aSettingDef[];  /* ends with zName == NULL */

/* The definition named zName, or NULL. */
const SettingDef *settings_find(const char *zName);

/* Checks a value for a setting: NULL when acceptable, else a Chinese
** message (static). */
const char *settings_validate(const SettingDef *d, const char *zValue);

#endif
