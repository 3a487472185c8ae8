/* ident.h — identifier checks (placeholder until the full module lands). */
#ifndef GK_IDENT_H
#define GK_IDENT_H
int ident_uscc_valid(const char *z);
int ident_org_code_valid(const char *z);
#endif
