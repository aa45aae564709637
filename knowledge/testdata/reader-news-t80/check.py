import json,os
d=json.load(open("questions.json"))
assert len(d["answerable"])==45, len(d["answerable"])
assert len(d["unanswerable"])==25, len(d["unanswerable"])
err=0
for x in d["answerable"]+d["unanswerable"]:
    p=os.path.join("articles",x["article"])
    if not os.path.isfile(p): print("missing",p); err+=1; continue
    t=open(p).read()
    for e in x.get("expect",[]):
        if e not in t: print("NOT FOUND",x["article"],e); err+=1
from collections import Counter
print(Counter(x["article"] for x in d["answerable"]),Counter(x["article"] for x in d["unanswerable"]))
print("OK" if err==0 else f"{err} errors")
