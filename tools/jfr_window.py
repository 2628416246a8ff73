#!/usr/bin/env python3
"""Samples of a JFR file taken while ParcelIngestBenchmark's timed batch ran (all threads): the window ends at the
batch's log line ('Parcel batch bench-… in N ms') and lasts its N ms. Prints the threads' shares, the inclusive share of
the ingest path's parts (gzip reader, head checks, batch cap, digest, parser, validator, claims, DuckDB, JDBC) and the top
self frames, so two commits' recordings can be compared part by part whatever the box's load.
usage: python3 tools/jfr_window.py file.jfr benchmark-output.txt [event=jdk.ExecutionSample]
(jdk.NativeMethodSample for the time in native code, e.g. Inflater.inflate; it counts waiting in native code too)
Record with -Dbench.jvm.args="-Xmx1g -XX:FlightRecorderOptions:stackdepth=256 -XX:StartFlightRecording=filename=x.jfr,settings=profile"."""
import re, subprocess, sys, collections
from datetime import datetime, timedelta
jfr, log = sys.argv[1], sys.argv[2]
end = dur = None
for line in open(log, errors='replace'):
    m = re.match(r'(\S+)Z\s+INFO.*Parcel batch bench-[0-9a-f]+ .* in (\d+) ms', line)
    if m:
        end = datetime.fromisoformat(m.group(1)); dur = int(m.group(2))
start = end - timedelta(milliseconds=dur)
EV = sys.argv[3] if len(sys.argv) > 3 else 'jdk.ExecutionSample'
text = subprocess.run(['jfr', 'print', '--events', EV, '--stack-depth', '256', jfr],
                      capture_output=True, text=True).stdout
samples = []
for block in text.split(EV + ' {')[1:]:
    t = re.search(r'startTime = (\S+)(?: \((\S+)\))?', block)
    th = re.search(r'sampledThread = "([^"]*)"', block)
    ts = datetime.fromisoformat((t.group(2) or end.date().isoformat()) + 'T' + t.group(1))
    if not (start <= ts <= end):
        continue
    frames = [re.sub(r'\(.*', '', re.sub(r'\s+line:.*', '', f.strip())) for f in block.split('stackTrace = [', 1)[1].split('\n')[1:]
              if f.strip() and not f.strip().startswith((']', '}', '...'))]
    samples.append((th.group(1) if th else '?', frames))
n = len(samples)
print(f'window {start}..{end} ({dur} ms): {n} samples, all threads')
threads = collections.Counter(re.sub(r'\d+', 'N', t) for t, f in samples)
for t, k in threads.most_common(8):
    print(f'  thread {t}: {100*k/n:.1f}%')
MARK = [('GzipBody (new gzip reader)', 'GzipBody.'), ('GZIPInputStream (old)', 'GZIPInputStream.'),
        ('Inflater.inflate', 'Inflater.inflate'), ('CRC32', 'CRC32.'),
        ('requireLines/requireText/decoded (head checks)', ('ParcelIngest.requireLines', 'ParcelIngest.requireText', 'FileKind.')),
        ('CappedStream/BoundedInputStream (new cap)', ('BoundedInputStream', 'CappedStream')), ('ParcelIngest$Capped (old cap)', 'ParcelIngest$Capped'),
        ('DigestInputStream', 'DigestInputStream'), ('CloseShield', 'CloseShield'),
        ('ParcelLines.ndjson', 'ParcelLines.ndjson'), ('ParcelValidator.validate', 'ParcelValidator.validate'),
        ('IdNumbers', 'IdNumbers.'), ('Pseudonyms', 'Pseudonyms.'),
        ('WaybillClaims', 'WaybillClaims.'), ('DuckDB/Parquet', 'duckdb'), ('PostgreSQL JDBC', 'org.postgresql.')]
inc = collections.Counter()
selfc = collections.Counter()
for t, f in samples:
    if f: selfc[f[0]] += 1
    j = '\n'.join(f)
    for name, key in MARK:
        keys = key if isinstance(key, tuple) else (key,)
        if any(k in j for k in keys):
            inc[name] += 1
print('-- inclusive share of markers')
for name, key in MARK:
    print(f'{100*inc[name]/n:6.2f}%  {inc[name]:6d}  {name}')
print('-- top self frames')
for m, k in selfc.most_common(25):
    print(f'{100*k/n:6.2f}%  {m}')
