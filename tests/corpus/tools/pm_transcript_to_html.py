#!/usr/bin/env python3
"""A PM Transcripts record (pmtranscripts.pmc.gov.au XML, as harvested in
github.com/wragge/pm-transcripts) as the page a reader sees: the title as a
heading and the transcript's HTML as published, to be rendered with
html_to_text.py --select article. The record's metadata fields (release
date, subjects, ...) are left out: they are the site's index, not the page.

usage: pm_transcript_to_html.py transcript-N.xml > transcript-N.html
"""
import html
import sys
import xml.etree.ElementTree as ET

transcript = ET.parse(sys.argv[1]).getroot().find("transcript")
title = transcript.findtext("title") or ""
content = transcript.findtext("content") or ""
page = [
    "<!DOCTYPE html><html><body><article>",
    "<h1>%s</h1>" % html.escape(title, quote=False),
    content,
    "</article></body></html>",
]
sys.stdout.write("\n".join(page) + "\n")
