#!/usr/bin/env python3
"""codecheck.py — rejects unescaped interpolation in the HTML/JSON producers.

In src/web, src/api and src/http every call that writes output (req_printf,
buf_printf) must pass to a %s conversion only a string literal, a
conditional between literals, or a name ending in `_html` (HTML the code
built itself).  Strings made with req_fmt/arena_printf/mprintf are plain
text: they reach the output only through these calls, so through %h & co.  Everything else goes
through %h (HTML), %u (URL), %j (JSON) or %c (CSV).  An exception is marked
on the call's line with the comment /*safe-for-%s*/ and a reason.
Exit status 1 with file:line messages when a call breaks the rule.
"""
import os
import re
import sys

FUNCS = ("req_printf", "buf_printf")
DIRS = ("src/web", "src/api", "src/http")
CONV = re.compile(r"%(?:\.\d+f|ll?d|zu|[shujcd%])")


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
    """The text of a (possibly concatenated) string literal, or None."""
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"', arg)
    rest = re.sub(r'"((?:[^"\\]|\\.)*)"', "", arg).strip()
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


def check_file(path):
    src = open(path, encoding="utf-8").read()
    bad = []
    for m in re.finditer(r"\b(%s)\s*\(" % "|".join(FUNCS), src):
        if src[max(0, m.start() - 6):m.start()].rstrip().endswith(("void", "char *", "*")):
            continue  # a declaration or definition
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
        call = src[m.end():i - 1]
        line = src.count("\n", 0, m.start()) + 1
        line_text = src[src.rfind("\n", 0, m.start()) + 1:src.find("\n", i)]
        if "safe-for-%s" in line_text:
            continue
        args = split_args(call)
        fi = 0 if m.group(1) in ("mprintf",) else 1
        if len(args) <= fi:
            continue
        fmt = literal_text(args[fi])
        if fmt is None:
            if m.group(1) != "buf_printf" or "zFmt" not in args[fi]:
                bad.append("%s:%d: %s with a non-literal format" % (path, line, m.group(1)))
            continue
        ai = fi + 1
        for conv in CONV.findall(fmt):
            if conv == "%%":
                continue
            if conv == "%s":
                if ai >= len(args) or not safe_arg(args[ai]):
                    bad.append("%s:%d: %%s given %r (use %%h, %%u, %%j or %%c)"
                               % (path, line, args[ai] if ai < len(args) else None))
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
    bad = check_settings(root)
    for d in DIRS:
        for dp, _, files in os.walk(os.path.join(root, d)):
            for f in sorted(files):
                if f.endswith(".c"):
                    bad += check_file(os.path.join(dp, f))
    for b in bad:
        print(b, file=sys.stderr)
    if bad:
        print("codecheck: %d unescaped interpolation(s)" % len(bad), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
