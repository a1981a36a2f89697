"""How well ``ascua statement check`` reads crisis statements: accuracy per principle on a labelled set.

``benchmarks/data/statements.jsonl`` holds statements written for Ascua (Spanish and
English; good, partial and bad: non-apologies, blame-shifting, "no comment", legalese,
defensive and aggressive replies, remarks off the record), each labelled per principle
``met`` / ``missing`` / ``violated`` by its author, independently of the checker's rules.
For every principle this prints the accuracy (the checker's status equals the label), the
confusions, and the statements it got wrong. The cues were extended once by reading the
errors on the odd-numbered statements only ("dev"); the even-numbered ones ("held out")
were never looked at for that, so their accuracy is the fair estimate for new statements.

Run: ``python benchmarks/statement_accuracy.py [--set FILE] [--json OUT] [--quiet]``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from ascua.respond.statement import PRINCIPLES, check_statement

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default=str(HERE / "data" / "statements.jsonl"))
    parser.add_argument("--json", help="write the per-principle figures and the errors here")
    parser.add_argument("--quiet", action="store_true", help="only the table")
    args = parser.parse_args()
    items = [json.loads(line) for line in Path(args.set).read_text(encoding="utf-8").splitlines() if line.strip()]
    confusion: dict[str, Counter[tuple[str, str]]] = {name: Counter() for name in PRINCIPLES}
    errors: list[dict[str, Any]] = []
    by_lang: dict[str, Counter[str]] = {}
    for item in items:
        report = check_statement(item["text"], item.get("lang", "auto")).as_json()
        lang_counts = by_lang.setdefault(item["lang"], Counter())
        for name in PRINCIPLES:
            want, got = item["labels"][name], report[name]["status"]  # type: ignore[index]
            confusion[name][(want, got)] += 1
            lang_counts["right" if want == got else "wrong"] += 1
            if want != got:
                errors.append({"id": item["id"], "principle": name, "label": want, "checker": got,
                               "evidence": report[name]["evidence"]})  # type: ignore[index]  # fmt: skip
    languages = Counter(item["lang"] for item in items)
    print(f"{len(items)} statements ({', '.join(f'{lang}: {count}' for lang, count in sorted(languages.items()))})")
    print(f"{'principle':24} accuracy   (label → checker, when they differ)")
    summary: dict[str, Any] = {}
    for name in PRINCIPLES:
        counts = confusion[name]
        right = sum(count for (want, got), count in counts.items() if want == got)
        accuracy = right / max(1, sum(counts.values()))
        wrong = ", ".join(f"{want}→{got} {count}" for (want, got), count in sorted(counts.items()) if want != got)
        print(f"{name:24} {accuracy:6.1%}     {wrong}")
        summary[name] = {"accuracy": round(accuracy, 4), "confusion": {f"{w}->{g}": c for (w, g), c in counts.items()}}
    total = sum(c["right"] for c in by_lang.values()) / max(1, sum(sum(c.values()) for c in by_lang.values()))
    print(f"{'all principles':24} {total:6.1%}   " + "  ".join(
        f"{lang}: {c['right'] / max(1, sum(c.values())):.1%}" for lang, c in sorted(by_lang.items())))  # fmt: skip
    for part, odd in (("dev (odd ids)", 1), ("held out (even ids)", 0)):
        chosen = {item["id"] for item in items if int(item["id"].split("-")[-1]) % 2 == odd}
        wrong_in = Counter(error["principle"] for error in errors if error["id"] in chosen)
        per = {name: 1 - wrong_in[name] / max(1, len(chosen)) for name in PRINCIPLES}
        overall = sum(per.values()) / len(PRINCIPLES)
        summary[part] = {"overall": round(overall, 4), **{name: round(value, 4) for name, value in per.items()}}
        print(f"{part:24} {overall:6.1%}   lowest: {min(per, key=per.__getitem__)} {min(per.values()):.1%}")
    if not args.quiet:
        for error in errors:
            print(f"  {error['id']:6} {error['principle']:22} label {error['label']:8} checker {error['checker']:8} "
                  f"{error['evidence']}")  # fmt: skip
    if args.json:
        Path(args.json).write_text(json.dumps({"summary": summary, "overall": round(total, 4), "errors": errors},
                                              indent=1, ensure_ascii=False), encoding="utf-8")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
