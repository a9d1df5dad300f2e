"""What the random audits (event_audit.py, place_audit.py) read: the ids of
the held-out articles, never drawn, and the lines of `geokg extract` output."""
import csv, glob, os, re, subprocess, sys


def held_out_ids(directory):
    # From the file names alone (each is its article's id): the held-out
    # articles and their annotations are not read.
    return {os.path.basename(p)[: -len(".gold.json")] for p in glob.glob(os.path.join(directory, "*.gold.json"))}


def extraction_lines(args, extract_args, who):
    """The lines of args.extract, else of `geokg extract EXTRACT_ARGS… CORPUS`."""
    if args.extract:
        with open(args.extract, encoding="utf-8") as f:
            yield from f
        return
    cmd = [args.geokg, "extract", *extract_args, args.corpus]
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True) as p:
        yield from p.stdout
    if p.returncode != 0:
        sys.exit(f"{who}: {' '.join(cmd)} exited with {p.returncode}")


def sentence_key(article, sentence):
    """An event's sentence as earlier audit files print it: its first 80
    characters, whitespace collapsed. The article id is not part of the key:
    the corpus holds near-duplicate articles (the same wire story under two
    ids), whose sentences a new draw must not judge again."""
    del article
    return re.sub(r"\s+", " ", sentence.replace("\\|", "|")).strip()[:80]


def audited_sentences(paths):
    """The (article, sentence) keys of the events judged in earlier audits
    (event_audit.py Markdown tables, place_audit.py TSV files), so that a new
    draw measures sentences no rule was written from."""
    keys = set()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            if path.endswith(".tsv"):
                for row in csv.DictReader(f, delimiter="\t"):
                    keys.add(sentence_key(row["article"], row["sentence"]))
                continue
            for line in f:
                cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)]
                if len(cells) > 8 and cells[1].isdigit():
                    keys.add(sentence_key(cells[2], cells[7]))
    return keys
