#!/usr/bin/env python3
"""Aggregate jdk.ExecutionSample of a JFR file: per phase (from RequestCpuBenchmark's 'phase NAME START END' lines),
top self frames, top inclusive frames, own-code (org.youguan) inclusive frames and category shares.
usage: python3 tools/jfr_phases.py file.jfr benchmark-output.txt [thread=main] [top=25]
(RequestCpuBenchmark prints the phase lines; DAY=YYYY-MM-DD when jfr prints times without a date)"""
import re, subprocess, sys, collections
from datetime import datetime, timezone
jfr, out = sys.argv[1], sys.argv[2]
thread = sys.argv[3] if len(sys.argv) > 3 else 'main'
top = int(sys.argv[4]) if len(sys.argv) > 4 else 25
DAY = __import__('os').environ.get('DAY', '2026-12-01')
phases = []
for line in open(out, errors='replace'):
    m = re.match(r'phase (\S+) (\S+) (\S+)', line.strip())
    if m:
        p = lambda s: datetime.fromisoformat(s.replace('Z', '+00:00'))
        phases.append((m.group(1), p(m.group(2)), p(m.group(3))))
text = subprocess.run(['jfr', 'print', '--events', 'jdk.ExecutionSample', '--stack-depth', '400', jfr],
                      capture_output=True, text=True).stdout
samples = []  # (time, thread, frames)
for block in text.split('jdk.ExecutionSample {')[1:]:
    t = re.search(r'startTime = (\S+)(?: \((\S+)\))?', block)
    th = re.search(r'sampledThread = "([^"]*)"', block)
    if not t or not th or th.group(1) != thread:
        continue
    ts = datetime.fromisoformat((t.group(2) or DAY) + 'T' + t.group(1)).replace(tzinfo=timezone.utc)
    frames = [re.sub(r'\s+line:.*', '', f.strip()) for f in block.split('stackTrace = [', 1)[1].split('\n')[1:]
              if f.strip() and not f.strip().startswith((']', '}', '...'))]
    samples.append((ts, frames))
CATS = [('thymeleaf', 'org.thymeleaf.'), ('spel', 'org.springframework.expression.'),
        ('security-filters', 'org.springframework.security.web.FilterChainProxy'),
        ('jackson', 'tools.jackson.'), ('jdbc', 'org.postgresql.'), ('hikari', 'com.zaxxer.'),
        ('messages', 'MessageSource'), ('csrf-token', 'CsrfToken'), ('formatDecimal', 'NumberUtils'),
        ('url-encoding', 'encodeURL'), ('sessions', 'session.jdbc'), ('render', 'ThymeleafView.render'),
        ('handler', 'InvocableHandlerMethod.invokeForRequest'), ('gc/log?', 'logback')]
def meth(f):
    return re.sub(r'\(.*', '', f)
for name, a, b in phases or [('all', datetime.min.replace(tzinfo=timezone.utc), datetime.max.replace(tzinfo=timezone.utc))]:
    ss = [f for ts, f in samples if a <= ts <= b]
    n = len(ss)
    print(f'\n=== {name}: {n} samples on thread {thread}')
    if not n:
        continue
    selfc = collections.Counter(meth(f[0]) for f in ss if f)
    inc = collections.Counter(); own = collections.Counter(); cat = collections.Counter()
    for f in ss:
        ms = set(meth(x) for x in f)
        inc.update(ms)
        own.update(m for m in ms if m.startswith('org.youguan.'))
        joined = '\n'.join(f)
        for c, key in CATS:
            if key in joined:
                cat[c] += 1
    print('-- categories (inclusive %)')
    for c, k in cat.most_common():
        print(f'{100*k/n:5.1f}%  {c}')
    print('-- top self frames')
    for m, k in selfc.most_common(top):
        print(f'{100*k/n:5.1f}%  {m}')
    print('-- top own-code frames (inclusive)')
    for m, k in own.most_common(top):
        print(f'{100*k/n:5.1f}%  {m}')
    print('-- top inclusive frames (not framework plumbing)')
    for m, k in inc.most_common(400):
        if 100*k/n < 3: break
        if any(s in m for s in ('junit', 'surefire', 'Filter.doFilter', 'doFilterInternal', 'FilterChain', 'jdk.internal', 'reflect', 'MockMvc', 'RequestCpuBenchmark', 'java.lang.Thread')):
            continue
        print(f'{100*k/n:5.1f}%  {m}')
