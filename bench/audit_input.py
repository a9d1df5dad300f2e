"""What the random audits (event_audit.py, place_audit.py) read: the ids of
the held-out articles, never drawn, and the lines of `geokg extract` output."""
import glob, os, subprocess, sys


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
