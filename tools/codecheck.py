#!/usr/bin/env python3
"""codecheck.py — checks the escaping discipline of every printf-like call.

gongkai escapes once, at output, by the formatter (lib/buf.c: %h HTML/XML,
%u URL, %j JSON, %c CSV; %s copies verbatim).  As Fossil's codecheck1 does,
this script knows every printf-like function and what each produces:

  markup  the output itself (an HTML page, JSON, CSV, Atom or DOCX XML):
          req_printf everywhere, buf_printf in src/web, src/api, src/http and
          the DOCX writer src/lib/docx.c (elsewhere a Buf is whatever its
          owner writes: the ledger's canonical JSON, a CSV file, Markdown,
          a message).  A %s there may only be given a string literal, a
          conditional between literals, or a name ending in `_html` (markup
          the code built itself).
  text    plain text kept in a variable and escaped later, when it is
          written out: req_fmt, arena_printf, mprintf, store_fail, the
          error setters of src/core.  A %h or %j there escapes text that will be escaped again
          at output (`R&D` shown as `R&amp;amp;D`), so it is refused; %s is
          right.
  libc    printf/fprintf/snprintf/vsnprintf family: C conversions only.

A function defined with a `const char *zFmt, ...` parameter that is not in
PRODUCERS is an error: the table must name what it produces.  An exception
is marked on the call's line with /*safe-for-%s*/ (markup), /*html*/
(text that is deliberately markup) or /*escaped: reason*/ (an escaping
conversion used as an encoding that is never output).  It also checks that every run-time setting has a reader.
Exit status 1 with file:line messages when a call breaks the rule.
"""
import os
import re
import sys

# name -> what it produces (None: markup in MARKUP_DIRS, else text).  The
# position of the format argument is read from the definition.
PRODUCERS = {
    "req_printf": "markup",
    "buf_printf": None,
    "req_fmt": "text",
    "arena_printf": "text",
    "mprintf": "text",
    "store_fail": "text",
    "set_err": "text",      # core/ident.c, core/index_number.c
    "ctx_err": "text",      # core/report_format.c
    "cell_error": "text",   # core/catalogue.c
    "add_err": "text",      # core/application.c
    "fail": "text",         # web/page_reports.c
}
MARKUP_DIRS = ("src/web", "src/api", "src/http", "src/lib/docx.c")
DIRS = ("src",)
CONV = re.compile(r"%(?:\.\d+f|ll?d|zu|[shujcd%])")
LIBC = ("printf", "fprintf", "snprintf", "vsnprintf", "vfprintf")


def split_args(s):
    """Splits a C argument list at top-level commas."""
    args, depth, cur, i, n = [], 0, [], 0, len(s)
    while i < n:
        ch = s[i]
        if ch in "\"'":
            q = ch
            j = i + 1
            while j < n and s[j] != q:
                j += 2 if s[j] == "\\" else 1
            cur.append(s[i:j + 1])
            i = j + 1
            continue
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        if ch == "," and depth == 0:
            args.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
        i += 1
    if cur:
        args.append("".join(cur).strip())
    return args


def literal_text(arg):
    """The text of a (possibly concatenated) string literal, or None.  An
    upper-case name between the pieces is a string macro (BACKUP_PREFIX):
    it counts as literal text without conversions."""
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"', arg)
    rest = re.sub(r'"((?:[^"\\]|\\.)*)"', "", arg)
    rest = re.sub(r"\b[A-Z][A-Z0-9_]*\b", "", rest).strip()
    if not parts or rest:
        return None
    return "".join(parts)


def split_ternary(arg):
    """(cond, a, b) for a top-level `cond ? a : b`, else None."""
    depth, q, i, n = 0, None, 0, len(arg)
    qpos, nest = -1, 0
    while i < n:
        ch = arg[i]
        if ch in "\"'":
            j = i + 1
            while j < n and arg[j] != ch:
                j += 2 if arg[j] == "\\" else 1
            i = j + 1
            continue
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif depth == 0 and ch == "?":
            if qpos < 0:
                qpos = i
            else:
                nest += 1
        elif depth == 0 and ch == ":" and qpos >= 0:
            if nest == 0:
                return arg[:qpos], arg[qpos + 1:i], arg[i + 1:]
            nest -= 1
        i += 1
    return None


def safe_arg(arg):
    arg = arg.strip()
    if literal_text(arg) is not None:
        return True
    if re.fullmatch(r"[A-Za-z_]\w*_html", arg):
        return True
    t = split_ternary(arg)
    if t:
        return safe_arg(t[1]) and safe_arg(t[2])
    return False


DEF = re.compile(r"\b(\w+)\s*\(([^()]*?)\bconst char \*zFmt,\s*\.\.\.\)")


def find_producers(files):
    """{name: format-argument index} for every printf-like definition, and
    the messages for those PRODUCERS does not know."""
    idx, bad = {}, []
    for path, src in files:
        for m in DEF.finditer(src):
            name = m.group(1)
            idx[name] = len([x for x in split_args(m.group(2)) if x])
            if name not in PRODUCERS:
                line = src.count("\n", 0, m.start()) + 1
                bad.append("%s:%d: printf-like %s is not in codecheck.py's PRODUCERS "
                           "(say what it produces)" % (path, line, name))
    return idx, bad


def call_spans(src, names):
    """(name, start, argument text) of each call of one of names."""
    for m in re.finditer(r"\b(%s)\s*\(" % "|".join(names), src):
        before = src[max(0, m.start() - 12):m.start()].rstrip()
        if before.endswith(("void", "char *", "*", "int")):
            continue  # a declaration or definition
        if src[src.rfind("\n", 0, m.start()) + 1:m.start()].lstrip().startswith("#") or \
                src[m.start():src.find("\n", m.start())].rstrip().endswith("\\"):
            continue  # inside a macro: checked where the macro is used
        i, depth = m.end(), 1
        while i < len(src) and depth:
            ch = src[i]
            if ch in "\"'":
                q = ch
                i += 1
                while i < len(src) and src[i] != q:
                    i += 2 if src[i] == "\\" else 1
            elif ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
            i += 1
        yield m.group(1), m.start(), i, src[m.end():i - 1]


def check_file(path, src, idx):
    bad = []
    markup_dir = path.replace(os.sep, "/").split("/src/")[-1].startswith(
        tuple(d[4:] for d in MARKUP_DIRS))
    for name, start, end, call in call_spans(src, sorted(idx)):
        kind = PRODUCERS.get(name) or ("markup" if markup_dir else "buffer")
        line = src.count("\n", 0, start) + 1
        line_text = src[src.rfind("\n", 0, start) + 1:src.find("\n", end)]
        args = split_args(call)
        fi = idx[name]
        if len(args) <= fi:
            continue
        fmt = literal_text(args[fi])
        if fmt is None:
            if "zFmt" not in args[fi]:
                bad.append("%s:%d: %s with a non-literal format" % (path, line, name))
            continue
        ai = fi + 1
        for conv in CONV.findall(fmt):
            if conv == "%%":
                continue
            arg = args[ai] if ai < len(args) else None
            if kind == "markup" and conv == "%s" and "safe-for-%s" not in line_text:
                if arg is None or not safe_arg(arg):
                    bad.append("%s:%d: %%s given %r in %s, which writes markup "
                               "(use %%h, %%u, %%j or %%c)" % (path, line, arg, name))
            if kind == "text" and conv in ("%h", "%j") and not re.search(
                    r"/\*(html|escaped:[^*]+)\*/", line_text):
                bad.append("%s:%d: %s given to %s, which makes plain text that is "
                           "escaped again at output (use %%s)" % (path, line, conv, name))
            ai += 1
    return bad


def check_settings(root):
    """Every SettingId (core/settings.h) has a reader: a store_setting_int or
    store_setting_text call naming it somewhere in src/ (issue 12: settings
    that nothing read, and a reader of a name not in the table)."""
    hdr = open(os.path.join(root, "src/core/settings.h"), encoding="utf-8").read()
    ids = [i for i in re.findall(r"\b(SET_[A-Z0-9_]+)\b", hdr) if i != "SET__COUNT"]
    text = ""
    for dp, _, files in os.walk(os.path.join(root, "src")):
        for f in files:
            if f.endswith(".c"):
                text += open(os.path.join(dp, f), encoding="utf-8").read()
    read = set(re.findall(r"store_setting_(?:int|text)\([^;]*?\b(SET_[A-Z0-9_]+)", text))
    return ["src/core/settings.h: setting %s is read by nothing" % i
            for i in dict.fromkeys(ids) if i not in read]


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    files = []
    for d in DIRS:
        for dp, _, names in os.walk(os.path.join(root, d)):
            for f in sorted(names):
                if f.endswith(".c"):
                    path = os.path.join(dp, f)
                    files.append((path, open(path, encoding="utf-8").read()))
    idx, bad = find_producers(files)
    for path, src in files:
        bad += check_file(path, src, idx)
    bad += check_settings(root)
    for b in bad:
        print(b, file=sys.stderr)
    if bad:
        print("codecheck: %d problem(s)" % len(bad), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
