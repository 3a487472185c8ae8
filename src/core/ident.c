/* ident.c — GB 32100 and GB 11714 check characters. */
#include "core/ident.h"

#include <string.h>

static const char zUsccSet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

int ident_org_code_valid(const char *z) {
  static const int w[8] = {3, 7, 9, 10, 5, 8, 4, 2};
  char a[9];
  size_t n = strlen(z), k = 0;
  for (size_t i = 0; i < n && k < 9; i++) {
    if (z[i] == '-' && k == 8) continue;
    a[k++] = z[i];
  }
  if (k != 9 || (n != 9 && n != 10)) return 0;
  int s = 0;
  for (int i = 0; i < 8; i++) {
    int v;
    if (a[i] >= '0' && a[i] <= '9') v = a[i] - '0';
    else if (a[i] >= 'A' && a[i] <= 'Z') v = a[i] - 'A' + 10;
    else return 0;
    s += v * w[i];
  }
  int c = 11 - s % 11;
  char want = c == 10 ? 'X' : c == 11 ? '0' : (char)('0' + c);
  return a[8] == want;
}

int ident_uscc_valid(const char *z) {
  static const int w[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20,
                            29, 25, 13, 8, 24, 10, 30, 28};
  if (strlen(z) != 18) return 0;
  int s = 0;
  for (int i = 0; i < 17; i++) {
    const char *p = strchr(zUsccSet, z[i]);
    if (!p || !z[i]) return 0;
    s += (int)(p - zUsccSet) * w[i];
  }
  int c = (31 - s % 31) % 31;
  return z[17] == zUsccSet[c];
}
