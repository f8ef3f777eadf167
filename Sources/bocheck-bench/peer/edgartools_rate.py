"""How fast the peer edgartools parses EDGAR XML Schedule 13D/13G, in process (bocheck-bench runs this).

    python edgartools_rate.py [--runs N] FILE_OR_FOLDER...   the in-process rate, as one JSON line
    python edgartools_rate.py --one FILE                     import edgartools, parse one file, exit

The rate: every .xml file named (or inside a named folder) is read into memory once and decoded as UTF-8;
then each run parses every one of them as edgartools does for a filing's XML document in
``Schedule13D.from_filing`` / ``Schedule13G.from_filing``: ``parse_xml(text)`` and the constructor on its
result. No network, no ``Filing`` (the constructor's ``filing`` is ``None``). One warm-up run, then ``--runs``
timed runs (``time.perf_counter``); the JSON line gives the best, the median and every run's time. ``--one`` is the cold
case timed from outside (``/usr/bin/time -v``): interpreter start, the import, one parse.

Which class parses a file is decided by its own submission type or namespace (13D, else 13G), before the
timed runs.
"""

import json
import os
import statistics
import sys
import time


def load(paths):
    """The (path, text, byte count) of every .xml file in `paths`, sorted by path."""
    files = []
    for path in paths:
        if os.path.isdir(path):
            names = sorted(name for name in os.listdir(path) if name.endswith(".xml"))
            files += [os.path.join(path, name) for name in names]
        else:
            files.append(path)
    loaded = []
    for path in files:
        with open(path, "rb") as handle:
            data = handle.read()
        loaded.append((path, data.decode("utf-8"), len(data)))
    return loaded


def schedule_class(text):
    """Schedule13D for a 13D document (its submission type or namespace says so), else Schedule13G."""
    from edgar.beneficial_ownership import Schedule13D, Schedule13G

    head = text[:2000]
    if "SCHEDULE 13D" in head or "edgar/schedule13D" in head:
        return Schedule13D
    return Schedule13G


def parse(cls, text):
    """What from_filing does with a filing's XML: parse it and build the object."""
    return cls(filing=None, **cls.parse_xml(text))


def main(arguments):
    runs = 5
    if arguments[:1] == ["--one"]:
        if len(arguments) != 2:
            sys.exit("usage: edgartools_rate.py --one FILE")
        ((_, text, _),) = load(arguments[1:])
        schedule = parse(schedule_class(text), text)
        print(f"{type(schedule).__name__}: {len(schedule.reporting_persons)} reporting persons")
        return
    if arguments[:1] == ["--runs"]:
        runs = max(1, int(arguments[1]))
        arguments = arguments[2:]
    if not arguments:
        sys.exit("usage: edgartools_rate.py [--runs N] FILE_OR_FOLDER... | --one FILE")
    import edgar

    files = load(arguments)
    if not files:
        sys.exit("edgartools_rate.py: no .xml file")
    work = [(schedule_class(text), text) for _, text, _ in files]
    failures = 0
    for cls, text in work:  # The warm-up run, which also counts the files edgartools cannot parse.
        try:
            parse(cls, text)
        except Exception:
            failures += 1
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for cls, text in work:
            try:
                parse(cls, text)
            except Exception:
                pass
        times.append(time.perf_counter() - start)
    print(
        json.dumps(
            {
                "files": len(files),
                "bytes": sum(size for _, _, size in files),
                "failures": failures,
                "runs": runs,
                "best": min(times),
                "median": statistics.median(times),
                "times": times,
                "edgartools": getattr(edgar, "__version__", "unknown"),
                "python": sys.version.split()[0],
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1:])
