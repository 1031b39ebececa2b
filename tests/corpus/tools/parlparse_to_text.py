#!/usr/bin/env python3
"""Turn ONE section of a TheyWorkForYou/ParlParse Scottish Parliament XML file
(scrapedxml/sp/spYYYY-MM-DD.xml) into plain text.

Rules (nothing else is changed):
- each <major-heading>/<minor-heading> -> its text on a line of its own;
- each <speech>: paragraphs (<p>) in order; the first paragraph is prefixed
  with "<speakername>: " exactly as the speakername attribute gives it
  (speeches with nospeaker get no prefix);
- inline tags (<em>, <i>, <phrase>) are dropped, their text kept; <place-holder>
  elements (column/time markers, empty) are dropped;
- entities decoded; all characters and inner spacing kept as in the data;
- blocks separated by one blank line; file ends with a newline.
Section = from the <major-heading> whose text equals --start up to (not
including) the next <major-heading>.
"""
import sys, re, html, argparse

ap = argparse.ArgumentParser()
ap.add_argument('xml'); ap.add_argument('--start', required=True); ap.add_argument('-o', required=True)
a = ap.parse_args()
raw = open(a.xml, encoding='utf-8').read()
# entity table from the internal DTD
ents = dict(re.findall(r'<!ENTITY\s+(\w+)\s+"([^"]*)"\s*>', raw))
def dec(s):
    s = re.sub(r'&(\w+);', lambda m: ents[m.group(1)] if m.group(1) in ents else m.group(0), s)
    return html.unescape(s)
def inner_text(s):
    s = re.sub(r'<place-holder[^>]*/>', '', s)
    s = re.sub(r'</?(em|i|b|phrase)(\s[^>]*)?>', '', s)
    assert '<' not in s, s[:200]
    return dec(s)
body = raw[raw.index('<publicwhip'):]
items = re.findall(r'<(major-heading|minor-heading|speech)\b([^>]*)>(.*?)</\1>', body, re.S)
out, on = [], False
for tag, attrs, content in items:
    if tag == 'major-heading':
        t = inner_text(content).strip()
        if on: break
        if t == a.start: on = True
        else: continue
    if not on: continue
    if tag in ('major-heading', 'minor-heading'):
        out.append(inner_text(content).strip()); continue
    m = re.search(r'speakername="([^"]*)"', attrs)
    paras = [inner_text(p) for p in re.findall(r'<p\b[^>]*>(.*?)</p>', content, re.S)]
    paras = [p.strip('\n') for p in paras]
    if m: paras[0] = dec(m.group(1)) + ': ' + paras[0]
    out.extend(paras)
assert on, 'section not found'
open(a.o, 'w', encoding='utf-8').write('\n\n'.join(out) + '\n')
