/*
** jsonl.c — in-place parser of flat JSON objects (see jsonl.h).
*/
#include "lib/jsonl.h"

#include <string.h>

#include "lib/utf8.h"

typedef struct P {
  char *z;      /* the text */
  size_t n;     /* its length */
  size_t i;     /* read position */
} P;

static void skip_ws(P *p) {
  while (p->i < p->n && (p->z[p->i] == ' ' || p->z[p->i] == '\t' ||
                         p->z[p->i] == '\r' || p->z[p->i] == '\n'))
    p->i++;
}

/* Value of hex digit c, or -1. */
static int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* Reads 4 hex digits at p->i; the code unit, or -1. */
static long hex4(P *p) {
  if (p->i + 4 > p->n) return -1;
  long v = 0;
  for (int k = 0; k < 4; k++) {
    int h = hexval(p->z[p->i + k]);
    if (h < 0) return -1;
    v = v * 16 + h;
  }
  p->i += 4;
  return v;
}

/* aStop[c] is 1 for the bytes that end a run of plain string content:
** controls (an error), '"' and '\\'. */
static const unsigned char aStop[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x00 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x10 */
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x20: '"' */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x30 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x40 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, /* 0x50: '\\' */
};

/* Parses the string starting at the '"' at p->i; unescapes it in place and
** NUL-terminates it; returns its start, or NULL with *pzErr set. */
static char *string(P *p, const char **pzErr) {
  char *zOut = p->z + p->i + 1;
  char *o = zOut;
  p->i++;
  while (p->i < p->n) {
    /* A run of plain bytes: scanned with a pointer, and moved only once an
    ** escape has made the output lag behind the input. */
    const char *zRun = p->z + p->i, *zEnd = p->z + p->n, *zScan = zRun;
    while (zScan < zEnd && !aStop[(unsigned char)*zScan]) zScan++;
    if (zScan > zRun) {
      size_t nRun = (size_t)(zScan - zRun);
      if (o != zRun) memmove(o, zRun, nRun);
      o += nRun;
      p->i += nRun;
      if (p->i >= p->n) break;
    }
    unsigned char c = (unsigned char)p->z[p->i];
    if (c == '"') {
      /* o <= the quote's position: unescaping never grows. */
      *o = 0;
      p->i++;
      return zOut;
    }
    if (c < 0x20) {
      *pzErr = "字符串中含有控制字符";
      return NULL;
    }
    if (c != '\\') {
      *o++ = (char)c;
      p->i++;
      continue;
    }
    if (++p->i >= p->n) break;
    char e = p->z[p->i++];
    switch (e) {
      case '"': *o++ = '"'; break;
      case '\\': *o++ = '\\'; break;
      case '/': *o++ = '/'; break;
      case 'b': *o++ = '\b'; break;
      case 'f': *o++ = '\f'; break;
      case 'n': *o++ = '\n'; break;
      case 'r': *o++ = '\r'; break;
      case 't': *o++ = '\t'; break;
      case 'u': {
        long cp = hex4(p);
        if (cp < 0) {
          *pzErr = "\\u 转义无效";
          return NULL;
        }
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          long lo = -1;
          if (p->i + 2 <= p->n && p->z[p->i] == '\\' && p->z[p->i + 1] == 'u') {
            p->i += 2;
            lo = hex4(p);
          }
          if (lo < 0xDC00 || lo > 0xDFFF) {
            *pzErr = "\\u 代理对无效";
            return NULL;
          }
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
          *pzErr = "\\u 代理对无效";
          return NULL;
        }
        if (cp == 0) {
          *pzErr = "字符串中含有 \\u0000";
          return NULL;
        }
        o += utf8_encode((uint32_t)cp, o);
        break;
      }
      default:
        *pzErr = "转义字符无效";
        return NULL;
    }
  }
  *pzErr = "字符串未结束";
  return NULL;
}

/* A number, true, false or null at p->i: NUL-terminates its text in place
** when the next character allows (returns the text; NULL for null).  Sets
** *pzErr on a syntax error. */
static const char *scalar(P *p, const char **pzErr, int *pbNull) {
  size_t i0 = p->i;
  while (p->i < p->n) {
    char c = p->z[p->i];
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '-' ||
          c == '+' || c == '.' || c == 'E'))
      break;
    p->i++;
  }
  size_t len = p->i - i0;
  const char *z = p->z + i0;
  *pbNull = 0;
  if (len == 4 && !memcmp(z, "null", 4)) {
    *pbNull = 1;
    return NULL;
  }
  int bOk = (len == 4 && !memcmp(z, "true", 4)) ||
            (len == 5 && !memcmp(z, "false", 5));
  if (!bOk && len > 0) {
    /* A JSON number: -?digits(.digits)?([eE][+-]?digits)? */
    size_t k = 0;
    if (z[k] == '-') k++;
    size_t d0 = k;
    while (k < len && z[k] >= '0' && z[k] <= '9') k++;
    bOk = k > d0;
    if (bOk && k < len && z[k] == '.') {
      size_t f0 = ++k;
      while (k < len && z[k] >= '0' && z[k] <= '9') k++;
      bOk = k > f0;
    }
    if (bOk && k < len && (z[k] == 'e' || z[k] == 'E')) {
      k++;
      if (k < len && (z[k] == '+' || z[k] == '-')) k++;
      size_t e0 = k;
      while (k < len && z[k] >= '0' && z[k] <= '9') k++;
      bOk = k > e0;
    }
    bOk = bOk && k == len;
  }
  if (!bOk) {
    *pzErr = p->i < p->n && (p->z[p->i] == '{' || p->z[p->i] == '[')
                 ? "不支持嵌套的对象或数组"
                 : "JSON 格式错误";
    return NULL;
  }
  return z; /* not NUL-terminated: the caller terminates after the token */
}

int jsonl_parse(char *z, size_t n, JsonlField *a, int nMax, int *pn,
                const char **pzErr) {
  P p = {z, n, 0};
  int nF = 0;
  *pn = 0;
  if (!utf8_valid(z, n)) {
    *pzErr = "不是有效的 UTF-8";
    return -1;
  }
  skip_ws(&p);
  if (p.i >= n || z[p.i] != '{') {
    *pzErr = "不是 JSON 对象";
    return -1;
  }
  p.i++;
  skip_ws(&p);
  if (p.i < n && z[p.i] == '}') {
    p.i++;
  } else {
    for (;;) {
      skip_ws(&p);
      if (p.i >= n || z[p.i] != '"') {
        *pzErr = "JSON 格式错误";
        return -1;
      }
      char *zKey = string(&p, pzErr);
      if (!zKey) return -1;
      skip_ws(&p);
      if (p.i >= n || z[p.i] != ':') {
        *pzErr = "JSON 格式错误";
        return -1;
      }
      p.i++;
      skip_ws(&p);
      if (nF >= nMax) {
        *pzErr = "字段过多";
        return -1;
      }
      a[nF].zKey = zKey;
      if (p.i < n && z[p.i] == '"') {
        char *zVal = string(&p, pzErr);
        if (!zVal) return -1;
        a[nF].zVal = zVal;
        a[nF].bString = 1;
      } else {
        int bNull;
        const char *zS = scalar(&p, pzErr, &bNull);
        if (!zS && !bNull) return -1;
        a[nF].zVal = zS;
        a[nF].bString = 0;
        /* Terminate the token: move past white space first so the NUL
        ** lands on a byte that is not needed any more. */
        size_t iEnd = p.i;
        skip_ws(&p);
        if (p.i >= n || (z[p.i] != ',' && z[p.i] != '}')) {
          *pzErr = "JSON 格式错误";
          return -1;
        }
        if (zS) {
          if (iEnd < p.i) {
            z[iEnd] = 0;
          } else {
            /* the token is followed directly by ',' or '}': remember which
            ** and terminate there. */
            char c = z[p.i];
            z[p.i] = 0;
            nF++;
            p.i++;
            if (c == '}') goto end;
            continue;
          }
        }
      }
      nF++;
      skip_ws(&p);
      if (p.i < n && z[p.i] == ',') {
        p.i++;
        continue;
      }
      if (p.i < n && z[p.i] == '}') {
        p.i++;
        break;
      }
      *pzErr = "JSON 格式错误";
      return -1;
    }
  }
end:
  skip_ws(&p);
  if (p.i != n) {
    *pzErr = "对象后有多余内容";
    return -1;
  }
  *pn = nF;
  return 0;
}

const JsonlField *jsonl_get(const JsonlField *a, int n, const char *zKey) {
  for (int i = n - 1; i >= 0; i--)
    if (!strcmp(a[i].zKey, zKey)) return &a[i];
  return NULL;
}
