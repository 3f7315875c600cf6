"""Check corpus/labeled/*.csv and corpus/heldout/*.csv against the guidelines: columns, labels, topics, styles, duplicates."""
import csv
import glob
import sys
from collections import Counter

TOPICS = {"war_diplomacy", "elections", "economy", "health", "climate", "crime", "immigration",
          "technology", "courts", "sports", "culture", "education", "labor", "science", "local"}
STYLES = {"wire", "analysis", "oped", "blog", "feature"}
LABELS = {"opinion", "reporting"}

def main(paths):
    seen = {}
    problems = 0
    for path in paths:
        with open(path, newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            if reader.fieldnames != ["text", "label", "topic", "style", "note"]:
                print(f"{path}: header must be text,label,topic,style,note, got {reader.fieldnames}")
                problems += 1
                continue
            labels, notes = Counter(), Counter()
            for line, row in enumerate(reader, start=2):
                text = (row["text"] or "").strip()
                for field, allowed in (("label", LABELS), ("topic", TOPICS), ("style", STYLES)):
                    if row[field] not in allowed:
                        print(f"{path}:{line}: bad {field} {row[field]!r}")
                        problems += 1
                if not text:
                    print(f"{path}:{line}: empty text"); problems += 1
                key = " ".join(text.lower().split())
                if key in seen:
                    print(f"{path}:{line}: duplicate of {seen[key]}"); problems += 1
                seen[key] = f"{path}:{line}"
                labels[row["label"]] += 1
                notes[row["note"]] += 1
            print(f"{path}: {sum(labels.values())} rows {dict(labels)}")
            print(f"   notes: {dict(notes.most_common())}")
    print(f"total rows: {len(seen)}; problems: {problems}")
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or sorted(glob.glob("corpus/labeled/*.csv"))
                 + sorted(glob.glob("corpus/heldout/*.csv"))))
