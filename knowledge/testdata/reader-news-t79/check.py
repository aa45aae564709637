import json, os, re, sys
d = os.path.dirname(os.path.abspath(__file__))
j = json.load(open(os.path.join(d, "questions.json"), encoding="utf-8"))
errs = []
A, U = j["answerable"], j["unanswerable"]
if len(A) != 45: errs.append(f"answerable={len(A)}")
if len(U) != 25: errs.append(f"unanswerable={len(U)}")
texts = {}
for e in A + U:
    p = os.path.join(d, "articles", e["article"])
    if not os.path.isfile(p): errs.append("missing " + e["article"]); continue
    texts[e["article"]] = open(p, encoding="utf-8").read()
for e in A:
    t = texts.get(e["article"], "")
    for s in e["expect"]:
        if s not in t: errs.append(f"not found: {s!r} in {e['article']}")
for f, t in texts.items():
    lines = t.split("\n")
    if not (lines[1] == "" and re.fullmatch(r"\d\d/\d\d/\d{4}", lines[2]) and lines[3] == "" and lines[4].startswith("(Báo Hà Nam) - ")):
        errs.append("layout " + f)
    body = "\n".join(lines[4:])
    print(f, "body words:", len(body.split()))
from collections import Counter
print(Counter(e["article"] for e in A), Counter(e["article"] for e in U))
print("ERRORS:", errs) if errs else print("OK", len(A), len(U))
