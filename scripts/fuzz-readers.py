#!/usr/bin/env python3
"""Hostile-input harness for the readers of `observatoire ingest` and `observatoire classify`.

Builds small valid documents from seed files, mutates them (one mutation family per
case, see FAMILIES), then runs on each generated file, sequentially, from the
repository root:

    timeout 20 BIN ingest FILE --db FRESH.sqlite --json
    timeout 20 BIN classify --jobs 1 --input FILE

A case fails when a run ends on a signal or a timeout, prints crash text
("Program crashed", "Fatal error"), exits with a status outside {0, 1, 2}, when
ingest's JSON summary breaks read == stored + updated + unchanged + sum(rejected),
when classify writes a line that is not JSON, or when a mutation that keeps every
record (line endings, '>' in a script attribute, repeated CSV header) loses or
invents records.

Seeds are read at run time from ../shared/data/ (real postings and course texts:
their licence forbids copying them into this repository) and from the synthetic
demo files in Data/. Generated cases live in a temporary directory; failing
inputs are saved into --out with a .txt report (command, status, stderr tail).
The same --seed and the same seed files give the same cases.

Usage: scripts/fuzz-readers.py [--bin .build/release/observatoire] [--cases N]
       [--seed S] [--out DIR] [--only jsonl,ft,csv,formations-csv,html,jsonld,lheo]
"""
import argparse
import csv
import html
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.normpath(os.path.join(ROOT, '..', 'shared', 'data'))
FORMATS = ['jsonl', 'ft', 'csv', 'formations-csv', 'html', 'jsonld', 'lheo']
EXTENSION = {'jsonl': 'jsonl', 'ft': 'json', 'csv': 'csv', 'formations-csv': 'csv',
             'html': 'html', 'jsonld': 'jsonld', 'lheo': 'xml'}
TIMEOUT = 20
CRASH_TEXT = (b'Program crashed', b'Fatal error')


# ---------------------------------------------------------------- seeds

class Seeds:
    """Seed records, read at run time; nothing here is ever written into the repository."""

    def __init__(self):
        self.notes = []
        self.posting_lines = []   # raw JSONL lines (bytes)
        self.ft_offers = []       # France Travail API offers (dicts)
        self.csv_tables = []      # (header, rows, separator)
        self.lheo_docs = []       # (head, [formation elements], tail)
        shared = os.path.isdir(SHARED)
        if shared:
            self.notes.append(f'seeds: {SHARED} (read at run time) and Data/')
        else:
            self.notes.append(f'seeds: {SHARED} is absent, Data/ demo files only')
        self._postings(shared)
        self._ft(shared)
        self._csv(shared)
        self._lheo(shared)
        self.formations = [f for doc in self.lheo_docs for f in map(formation_fields, doc[1])]
        self.formations = [f for f in self.formations if f[0]]

    def _postings(self, shared):
        paths = [os.path.join(ROOT, 'Data', 'demo-postings.jsonl')]
        if shared:
            paths.insert(0, os.path.join(SHARED, 'postings', 'postings.jsonl'))
        for path in paths:
            if os.path.exists(path):
                with open(path, 'rb') as fh:
                    self.posting_lines += [ln for ln in fh.read().split(b'\n') if ln.strip()]
        if not self.posting_lines:
            sys.exit('fuzz-readers: no posting seeds (Data/demo-postings.jsonl missing)')

    def _ft(self, shared):
        raw = os.path.join(SHARED, 'postings', 'raw')
        if shared and os.path.exists(os.path.join(raw, 'france-travail-api-page.json')):
            with open(os.path.join(raw, 'france-travail-api-page.json'), encoding='utf-8') as fh:
                self.ft_offers = json.load(fh).get('resultats', [])
            offer = os.path.join(raw, 'france-travail-api-offer.json')
            if os.path.exists(offer):
                with open(offer, encoding='utf-8') as fh:
                    self.ft_offers.append(json.load(fh))
        if not self.ft_offers:
            # Synthetic API offers made from the demo postings.
            rng = random.Random(0)
            for line in rng.sample(self.posting_lines, min(200, len(self.posting_lines))):
                p = json.loads(line)
                self.ft_offers.append({
                    'id': p.get('id'), 'intitule': p.get('title'), 'description': p.get('description'),
                    'dateCreation': (p.get('published') or '2025-01-01') + 'T00:00:00.000Z',
                    'lieuTravail': {'libelle': p.get('location')}, 'entreprise': {'nom': p.get('company')},
                    'romeCode': p.get('rome_code'), 'typeContrat': p.get('contract')})

    def _csv(self, shared):
        path = os.path.join(SHARED, 'postings', 'raw', 'france-travail-ardeche.csv')
        if shared and os.path.exists(path):
            with open(path, encoding='utf-8', newline='') as fh:
                table = list(csv.reader(fh, delimiter='|'))
            self.csv_tables.append((table[0], table[1:], '|'))
        # A plain ';' table made from the JSONL seeds, always available.
        cols = ['id', 'title', 'description', 'company', 'location', 'published']
        rng = random.Random(0)
        rows = []
        for line in rng.sample(self.posting_lines, min(300, len(self.posting_lines))):
            p = json.loads(line)
            rows.append(['' if p.get(c) is None else str(p.get(c)) for c in cols])
        self.csv_tables.append((cols, rows, ';'))

    def _lheo(self, shared):
        paths = [os.path.join(ROOT, 'Data', 'demo-formations.lheo.xml')]
        training = os.path.join(SHARED, 'training')
        if shared and os.path.isdir(training):
            paths += [os.path.join(training, n) for n in sorted(os.listdir(training)) if n.endswith('.xml')]
        for path in paths:
            if not os.path.exists(path):
                continue
            with open(path, encoding='utf-8', errors='replace') as fh:
                text = fh.read()
            forms = list(re.finditer(r'<formation[\s>].*?</formation>', text, re.S))
            if forms:
                self.lheo_docs.append((text[:forms[0].start()], [m.group(0) for m in forms], text[forms[-1].end():]))
        if not self.lheo_docs:
            sys.exit('fuzz-readers: no LHEO seeds (Data/demo-formations.lheo.xml missing)')

    def postings(self, rng, n):
        return [json.loads(ln) for ln in rng.sample(self.posting_lines, min(n, len(self.posting_lines)))]


def xml_text(formation, tag):
    m = re.search(rf'<{tag}[^>]*>(.*?)</{tag}>', formation, re.S)
    return html.unescape(m.group(1)) if m else ''


def formation_fields(formation):
    """One row of a training-catalogue CSV, taken from an LHEO <formation>."""
    return [xml_text(formation, 'intitule-formation'), xml_text(formation, 'raison-sociale') or xml_text(formation, 'nom-organisme'),
            xml_text(formation, 'code-FORMACODE'), xml_text(formation, 'objectif-formation'),
            xml_text(formation, 'contenu-formation'), xml_text(formation, 'ville')]


FORMATIONS_HEADER = ['Intitulé de la formation', 'Organisme', 'Formacode', 'Objectifs', 'Contenu', 'Ville']


# ---------------------------------------------------------------- documents

class Doc:
    """A small valid document of one format; mutation families edit it, then render() gives the bytes."""

    def __init__(self, fmt, items, **opts):
        self.fmt, self.items, self.opts = fmt, items, opts

    def render(self):
        return RENDER[self.fmt](self)


def ld_posting(p):
    """A schema.org JobPosting from a JSONL posting."""
    return {'@context': 'https://schema.org', '@type': 'JobPosting', 'title': p.get('title'),
            'description': p.get('description'), 'datePosted': p.get('published'),
            'hiringOrganization': {'@type': 'Organization', 'name': p.get('company')},
            'jobLocation': {'@type': 'Place', 'address': {'@type': 'PostalAddress',
                                                         'addressLocality': p.get('location'),
                                                         'postalCode': p.get('department')}},
            'identifier': {'@type': 'PropertyValue', 'value': p.get('id')}}


def make_doc(rng, seeds, fmt):
    n = rng.randint(1, 8)
    if fmt == 'jsonl':
        return Doc(fmt, seeds.postings(rng, n), eol='\n')
    if fmt == 'ft':
        return Doc(fmt, rng.sample(seeds.ft_offers, min(n, len(seeds.ft_offers))), single=rng.random() < 0.15)
    if fmt == 'csv':
        header, rows, sep = rng.choice(seeds.csv_tables)
        return Doc(fmt, [list(r) for r in rng.sample(rows, min(n, len(rows)))], header=list(header), sep=sep, eol='\n')
    if fmt == 'formations-csv':
        rows = rng.sample(seeds.formations, min(n, len(seeds.formations)))
        return Doc(fmt, [list(r) for r in rows], header=list(FORMATIONS_HEADER), sep=';', eol='\n')
    if fmt in ('html', 'jsonld'):
        return Doc(fmt, [ld_posting(p) for p in seeds.postings(rng, n)], shape=rng.choice(['graph', 'array', 'scripts']),
                   script='<script type="application/ld+json">', pre='', charset='utf-8')
    if fmt == 'lheo':
        head, forms, tail = rng.choice(seeds.lheo_docs)
        return Doc(fmt, rng.sample(forms, min(rng.randint(1, 4), len(forms))), head=head, tail=tail, encoding='utf-8')
    raise ValueError(fmt)


def dumps(o):
    return json.dumps(o, ensure_ascii=False)


def render_jsonl(doc):
    return ''.join(dumps(p) + doc.opts['eol'] for p in doc.items).encode('utf-8', 'surrogatepass')


def render_ft(doc):
    body = doc.items[0] if doc.opts['single'] and doc.items else {'resultats': doc.items}
    return dumps(body).encode('utf-8', 'surrogatepass')


def render_csv(doc):
    eol = doc.opts['eol']
    out = []
    for i, row in enumerate([doc.opts['header']] + doc.items):
        buf = io.StringIO()
        # lineterminator '\r\n' makes the writer quote fields holding CR or LF; it is then replaced.
        csv.writer(buf, delimiter=doc.opts['sep'], lineterminator='\r\n').writerow(row)
        out.append(buf.getvalue()[:-2] + (eol(i) if callable(eol) else eol))
    return ''.join(out).encode(doc.opts.get('encoding', 'utf-8'), 'replace')


def render_jsonld(doc):
    shape = doc.opts['shape']
    if shape == 'array':
        body = dumps(doc.items)
    elif shape == 'graph' or len(doc.items) != 1:
        body = dumps({'@context': 'https://schema.org', '@graph': doc.items})
    else:
        body = dumps(doc.items[0])
    return body.encode('utf-8', 'surrogatepass')


def render_html(doc):
    if doc.opts['shape'] == 'scripts':
        blocks = [dumps(p) for p in doc.items]
    else:
        blocks = [render_jsonld(doc).decode('utf-8', 'surrogatepass')]
    scripts = ''.join(doc.opts['script'] + b + '</script>' for b in blocks)
    page = (f'<!doctype html><html><head><meta charset="{doc.opts["charset"]}"><title>Offre</title>'
            f'{doc.opts["pre"]}{scripts}</head><body><h1>Offre</h1></body></html>')
    if doc.opts['charset'] == 'utf-8':
        return page.encode('utf-8', 'surrogatepass')
    return page.encode(doc.opts['charset'], 'xmlcharrefreplace')


def render_lheo(doc):
    text = doc.opts['head'] + '\n'.join(doc.items) + doc.opts['tail']
    return text.encode(doc.opts['encoding'], 'xmlcharrefreplace')


RENDER = {'jsonl': render_jsonl, 'ft': render_ft, 'csv': render_csv, 'formations-csv': render_csv,
          'html': render_html, 'jsonld': render_jsonld, 'lheo': render_lheo}


class Case:
    """Generated bytes. For a mutation that must keep every record, `reference` is the unmutated
    document: ingest must then count the same records read, kept and rejected in both, apart from
    `extra` lines the mutation adds that must be read and rejected, never kept."""

    def __init__(self, data, reference=None, extra=0):
        self.data, self.reference, self.extra = data, reference, extra


def same_records(doc, mutate, extra=0):
    """Case whose bytes are mutate(doc) and whose reference is doc rendered before the mutation."""
    reference = doc.render()
    return Case(mutate(doc), reference, extra)


# ---------------------------------------------------------------- generic mutation families (bytes)

BAD_UTF8 = [b'\x80', b'\xbf', b'\xc0\xaf', b'\xe0\x80\xaf', b'\xf0\x80\x80\xaf', b'\xed\xa0\x80', b'\xed\xbf\xbf',
            b'\xf4\x90\x80\x80', b'\xf8\x88\x80\x80\x80', b'\xfe', b'\xff', b'\xc3', b'\xe2\x82', b'\xef\xbb\xbf']


def fam_byte_flips(rng, seeds, fmt):
    """Flip 1-20 random bits."""
    b = bytearray(make_doc(rng, seeds, fmt).render())
    for _ in range(rng.randint(1, 20)):
        if b:
            b[rng.randrange(len(b))] ^= 1 << rng.randrange(8)
    return Case(bytes(b))


def fam_truncate(rng, seeds, fmt):
    """Cut the file anywhere, often inside a multi-byte character or a token."""
    b = make_doc(rng, seeds, fmt).render()
    return Case(b[:rng.randrange(0, max(1, len(b)))])


def fam_invalid_utf8(rng, seeds, fmt):
    """Insert overlong forms, surrogates, stray continuation bytes, truncated sequences, BOMs."""
    b = bytearray(make_doc(rng, seeds, fmt).render())
    for _ in range(rng.randint(1, 30)):
        k = rng.randrange(len(b) + 1)
        b[k:k] = rng.choice(BAD_UTF8)
    return Case(bytes(b))


def fam_nul_bytes(rng, seeds, fmt):
    """NUL bytes: a few, a run, or a whole file of them."""
    b = bytearray(make_doc(rng, seeds, fmt).render())
    if rng.random() < 0.1:
        return Case(b'\x00' * rng.choice([1, 4096, 65537]))
    for _ in range(rng.randint(1, 5)):
        k = rng.randrange(len(b) + 1)
        b[k:k] = b'\x00' * rng.choice([1, 1, 2, 100, 5000])
    return Case(bytes(b))


def fam_splice(rng, seeds, fmt):
    """Duplicate, move or repeat a chunk of the file."""
    b = bytearray(make_doc(rng, seeds, fmt).render())
    i = rng.randrange(len(b))
    j = min(len(b), i + rng.randint(1, 4000))
    seg = bytes(b[i:j])
    op = rng.randrange(3)
    if op == 0:
        b[j:j] = seg
    elif op == 1:
        del b[i:j]
        k = rng.randrange(len(b) + 1)
        b[k:k] = seg
    else:
        k = rng.randrange(len(b) + 1)
        b[k:k] = seg * rng.randint(2, 30)
    return Case(bytes(b))


def fam_unbalanced_quotes(rng, seeds, fmt):
    """Stray quote characters: open strings, quoted CSV fields and attributes that never close."""
    b = bytearray(make_doc(rng, seeds, fmt).render())
    for _ in range(rng.randint(1, 8)):
        k = rng.randrange(len(b) + 1)
        b[k:k] = rng.choice([b'"', b'"', b"'", b'""', b'\\"', b'"\n'])
    return Case(bytes(b))


def huge_text(rng):
    size = rng.choice([1 << 16, 1 << 20, 3 << 20, 6 << 20])
    unit = rng.choice(['SQL Python ', 'a', 'é', 'ligne\n', '\\', '&amp;', ' '])
    return unit * (size // len(unit.encode()))


def fam_huge_field(rng, seeds, fmt):
    """One text field of 64 KB to 6 MB (with or without spaces, newlines, escapes)."""
    doc = make_doc(rng, seeds, fmt)
    big = huge_text(rng)
    k = rng.randrange(len(doc.items))
    if fmt in ('jsonl', 'ft', 'html', 'jsonld'):
        doc.items[k]['description'] = big
    elif fmt in ('csv', 'formations-csv'):
        doc.items[k][rng.randrange(len(doc.items[k]))] = big
    else:
        esc = big.replace('&', '&amp;').replace('<', '&lt;')
        doc.items[k] = doc.items[k].replace('<contenu-formation>', '<contenu-formation>' + esc, 1) \
            if '<contenu-formation>' in doc.items[k] else doc.items[k].replace('</formation>', f'<contenu-formation>{esc}</contenu-formation></formation>')
    return Case(doc.render())


GENERIC = [fam_byte_flips, fam_truncate, fam_invalid_utf8, fam_nul_bytes, fam_splice, fam_unbalanced_quotes, fam_huge_field]


# ---------------------------------------------------------------- JSON families (jsonl, ft, jsonld, html)

WRONG_VALUES = [123, -1, 1.5, 1e308, True, None, '', '   ', [], ['a', 'b'], [[[]]], {}, {'a': 'b'}]
FT_FIELDS = ['id', 'intitule', 'description', 'dateCreation', 'lieuTravail', 'entreprise', 'romeCode',
             'typeContrat', 'competences', 'salaire', 'formations', 'qualitesProfessionnelles']


def fam_json_wrong_types(rng, seeds, fmt):
    """A field (or a nested field) holds a value of the wrong JSON type."""
    doc = make_doc(rng, seeds, fmt)
    for _ in range(rng.randint(1, 3)):
        item = rng.choice(doc.items)
        keys = list(item.keys()) + (FT_FIELDS if fmt == 'ft' else ['skills'])
        key = rng.choice(keys)
        target = item
        if isinstance(item.get(key), dict) and item[key] and rng.random() < 0.5:
            target, key = item[key], rng.choice(list(item[key].keys()))
        target[key] = rng.choice(WRONG_VALUES)
    return Case(doc.render())


def fam_json_bad_escapes(rng, seeds, fmt):
    """Lone surrogates, short or non-hex \\u escapes, unknown escapes, escaped NULs inside strings."""
    doc = make_doc(rng, seeds, fmt)
    marker = 'FUZZESC'
    item = rng.choice(doc.items)
    field = 'intitule' if fmt == 'ft' else 'title'
    item[field] = f'{item.get(field) or ""} {marker}'
    esc = rng.choice([r'\ud800', r'\udc00', r'\ud800\u0041', r'\udbff\udfff', r'\u', r'\u12', r'\uZZZZ', r'\x41',
                      '\\', r'\ud800\ud800', r'\u0000' * 50, r'\ufeff', r'\u2028\u2029\u0085', r'\/\b\f\t'])
    return Case(doc.render().replace(marker.encode(), esc.encode(), 1))


def fam_json_numbers(rng, seeds, fmt):
    """Out-of-range and malformed numbers where strings are expected."""
    doc = make_doc(rng, seeds, fmt)
    marker = '"FUZZNUM"'
    item = rng.choice(doc.items)
    item[rng.choice(list(item.keys()))] = 'FUZZNUM'
    num = rng.choice(['1e999999', '-1e999999', '9' * 5000, '1E+2147483648', 'NaN', 'Infinity', '-', '01', '1.', '.5', '0x10', '-0'])
    return Case(doc.render().replace(marker.encode(), num.encode(), 1))


def fam_json_deep_nesting(rng, seeds, fmt):
    """Arrays or objects nested 100 to 100,000 deep, closed or not, as a field value or a whole document."""
    doc = make_doc(rng, seeds, fmt)
    depth = rng.choice([100, 127, 128, 129, 1000, 10000, 100000])
    opener, closer = rng.choice([('[', ']'), ('{"a":', '}')])
    value = opener * depth + ('1' if opener != '[' else '') + (closer * depth if rng.random() < 0.7 else '')
    if rng.random() < 0.2:
        return Case((value + '\n').encode())
    item = rng.choice(doc.items)
    item[rng.choice(list(item.keys()) + ['extra'])] = 'FUZZDEEP'
    return Case(doc.render().replace(b'"FUZZDEEP"', value.encode(), 1))


def fam_json_duplicate_keys(rng, seeds, fmt):
    """The same key many times in one object, last value of another type."""
    doc = make_doc(rng, seeds, fmt)
    b = doc.render()
    key = b'"intitule":' if fmt == 'ft' else b'"title":'
    dup = key + b'"x",' * rng.choice([1, 10, 50000])
    return Case(b.replace(key, dup + key, 1) if key in b else b)


def fam_jsonl_line_endings(rng, seeds, fmt):
    """CRLF, CR-only or mixed line endings between JSONL records: every record must still be read."""
    doc = make_doc(rng, seeds, fmt)
    eol = rng.choice(['\r\n', '\n\n', '\r\n\r\n'])
    return same_records(doc, lambda d: d.render().replace(b'\n', eol.encode()))


def fam_jsonl_shapes(rng, seeds, fmt):
    """Lines that are valid JSON but not records, or two records on one line."""
    lines = [json.dumps(p).encode() for p in seeds.postings(rng, 2)]
    odd = rng.choice([b'null', b'[]', b'{}', b'"s"', b'123', b'true', b'[' + lines[0] + b']', b'{"id":', b'}',
                      lines[0] + lines[1], lines[0] + b' garbage', b'\xef\xbb\xbf' + lines[0], b'   \t'])
    return Case(b'\n'.join([lines[0], odd, lines[1]]) + b'\n')


# Pieces of text the normalizers and the classifier react to (separators, gender markers,
# parentheses, inclusive suffixes, elisions, entities, odd spaces and marks).
TEXT_PIECES = [' ', '  ', ' - ', '-', ' | ', '|', ' / ', '/', ', ', ',', '(', ')', '((', '))', '(H/F)', '(F/H/X)', 'h/f',
               '·', '·e·s', '.', '..', 'e', 'se', 'euse', '(se)', '.ne', 'Data', 'Développeur', 'Cheffe', 'CDI', '75',
               '69000', '2A', 'télétravail', "'", '’', 'l’', "qu'", ':', '–', '—', '\u00a0', '\u202f', '\t', '\n',
               '\r\n', 'e\u0301', '\u0301', '\u200b', '\u200d', '\u202e', '\u00ad', '\ufeff', 'ﬁ', 'œ', 'İ', 'ǅ',
               'Ⅻ', '²', '¾', '😀', 'مرحبا', '&amp;', '&#039;', '&lt;b&gt;', '<br>', '<b>', '<!--', '-->', 'C++', 'C#',
               '.NET', 'Node.js', 'IA', 'SOC', '3D', 'R', 'Go', 'sans', 'pas de', 'requis', 'Profil recherché :',
               'Missions :', 'Qui sommes-nous ?', '\u2022', '*', '\\', '"']


TEXT_SEPARATORS = [' ', ' - ', ' -', '- ', '-', ' | ', ' |', '| ', ' / ', ' /', '/ ', ', ', ',', ' ,', ' – ', '(', ')']


def fam_text_pieces(rng, seeds, fmt):
    """Valid records whose title and description are runs of the pieces in TEXT_PIECES (found
    `Data - - Analyst`, which crashed the title normalizer): no record may be lost, only blank
    descriptions rejected."""
    def text(lo, hi):
        # Half of the pieces are separators with or without their spaces, so that they meet.
        return ''.join(rng.choice(TEXT_SEPARATORS if rng.random() < 0.5 else TEXT_PIECES)
                       for _ in range(rng.randint(lo, hi)))
    items = seeds.postings(rng, rng.randint(4, 16))
    for p in items:
        p['title'] = text(0, 20)
        p['description'] = text(1, 120) + ' data'
    return Case(Doc(fmt, items, eol='\n').render())


def fam_ft_shapes(rng, seeds, fmt):
    """France Travail pages whose containers have unexpected types."""
    offers = rng.sample(seeds.ft_offers, min(3, len(seeds.ft_offers)))
    body = rng.choice([{'resultats': None}, {'resultats': {}}, {'resultats': [None, 1, [], 'x'] + offers},
                       {'resultats': offers, 'filtresPossibles': [{'a': [[[]]]}]}, [offers], offers,
                       {'resultats': [{'resultats': offers}]}, {}])
    return Case(dumps(body).encode())


def fam_jsonld_shapes(rng, seeds, fmt):
    """JSON-LD documents with odd @graph, @type and ItemList shapes."""
    doc = make_doc(rng, seeds, fmt)
    jp = doc.items[0]
    shape = rng.choice([{'@graph': None}, {'@graph': {}}, {'@graph': [None, 1, [], 'x', jp]}, [jp, None],
                        {'@graph': [{'@graph': [{'@graph': [jp]}]}]},
                        {'@type': 'ItemList', 'itemListElement': [{'@type': 'ListItem', 'item': p} for p in doc.items]},
                        dict(jp, **{'@type': ['JobPosting', 'Thing']}), dict(jp, **{'@type': 'jobposting'}),
                        dict(jp, **{'@type': None}), {'@type': 'WebPage', 'mainEntity': jp}, dict(jp, relatedLink=jp)])
    if fmt == 'html':
        doc.opts['shape'] = 'scripts'
        doc.items = [shape]
        return Case(doc.render())
    return Case(dumps(shape).encode())


# ---------------------------------------------------------------- CSV families

def fam_csv_line_endings(rng, seeds, fmt):
    """CR-only, CRLF or mixed line endings: every row must still be read (CR-only once lost them all)."""
    doc = make_doc(rng, seeds, fmt)
    kind = rng.choice(['cr', 'cr', 'crlf', 'mixed'])
    if kind == 'cr':
        # Every newline becomes a lone CR, inside quoted fields too.
        return same_records(doc, lambda d: d.render().replace(b'\r\n', b'\n').replace(b'\n', b'\r'))
    ends = [rng.choice(['\n', '\r', '\r\n']) if kind == 'mixed' else '\r\n' for _ in range(len(doc.items) + 1)]

    def mutate(d):
        d.opts['eol'] = lambda i: ends[i]
        return d.render()
    return same_records(doc, mutate)


def fam_csv_header_repeat(rng, seeds, fmt):
    """The header line repeated mid-file (concatenated exports): it must not become a record."""
    doc = make_doc(rng, seeds, fmt)
    at = rng.randint(1, len(doc.items))

    def mutate(d):
        d.items.insert(at, list(d.opts['header']))
        return d.render()
    return same_records(doc, mutate, extra=1)


def fam_csv_encodings(rng, seeds, fmt):
    """BOMs, UTF-16/32, windows-1252 with its undefined bytes 0x81 0x8D 0x8F 0x90 0x9D, mixed encodings."""
    doc = make_doc(rng, seeds, fmt)
    kind = rng.choice(['cp1252', 'cp1252-undefined', 'latin1', 'bom', 'bom-twice', 'utf16le', 'utf16be', 'utf32', 'mixed'])
    if kind in ('cp1252', 'latin1'):
        doc.opts['encoding'] = 'cp1252' if kind == 'cp1252' else 'latin-1'
        return Case(doc.render())
    b = doc.render()
    if kind == 'cp1252-undefined':
        doc.opts['encoding'] = 'cp1252'
        b = bytearray(doc.render())
        for _ in range(rng.randint(1, 5)):
            k = rng.randrange(len(b))
            b[k:k] = bytes([rng.choice([0x81, 0x8D, 0x8F, 0x90, 0x9D])])
        return Case(bytes(b))
    if kind == 'bom':
        return Case(b'\xef\xbb\xbf' + b)
    if kind == 'bom-twice':
        return Case(b'\xef\xbb\xbf\xef\xbb\xbf' + b)
    if kind == 'utf16le':
        return Case(b'\xff\xfe' + b.decode().encode('utf-16-le'))
    if kind == 'utf16be':
        return Case(b.decode().encode('utf-16-be'))
    if kind == 'utf32':
        return Case(b.decode().encode('utf-32'))
    lines = b.split(b'\n')
    return Case(b'\n'.join(ln.decode().encode('cp1252', 'replace') if i % 2 else ln for i, ln in enumerate(lines)))


def fam_csv_ragged(rng, seeds, fmt):
    """Rows with missing or extra columns, a different separator, or empty lines."""
    doc = make_doc(rng, seeds, fmt)
    kind = rng.choice(['short', 'long', 'separator', 'empty-lines', 'wide-header'])
    if kind == 'short':
        doc.items = [r[:rng.randrange(len(r))] for r in doc.items]
    elif kind == 'long':
        doc.items = [r + ['x'] * rng.choice([1, 5, 1000]) for r in doc.items]
    elif kind == 'separator':
        doc.opts['sep'] = rng.choice([',', '\t', '|', ';'])
    elif kind == 'empty-lines':
        doc.opts['eol'] = '\n\n'
    else:
        doc.opts['header'] = doc.opts['header'] + [''] * 100000
    return Case(doc.render())


def fam_csv_open_quote(rng, seeds, fmt):
    """A quoted field that opens mid-file and never closes (swallows the rest, possibly megabytes)."""
    doc = make_doc(rng, seeds, fmt)
    row = rng.choice(doc.items)
    row[-1] = '"' + row[-1]
    b = doc.render()
    if rng.random() < 0.3:
        b += (doc.opts['sep'].join(['SQL'] * 20) + '\n').encode() * 50000
    return Case(b)


# ---------------------------------------------------------------- HTML families

def fam_html_gt_in_attribute(rng, seeds, fmt):
    """'>' inside a quoted attribute of <script type="application/ld+json">: each posting must still be read."""
    doc = make_doc(rng, seeds, fmt)
    doc.opts['shape'] = 'scripts'
    attr = rng.choice(['data-a=">"', "data-a='>'", 'data-x="a>b" id="j"', 'nonce="<>"', 'title="x > y"'])
    typ = rng.choice(['type="application/ld+json"', "type='application/ld+json'", 'type=application/ld+json'])
    script = rng.choice([f'<script {attr} {typ}>', f'<script {typ} {attr}>'])

    def mutate(d):
        d.opts['script'] = script
        return d.render()
    return same_records(doc, mutate)


def fam_html_script_tags(rng, seeds, fmt):
    """Odd <script> tags: upper case, unclosed, inside comments, '</script>' inside the JSON, CDATA."""
    doc = make_doc(rng, seeds, fmt)
    doc.opts['shape'] = 'scripts'
    kind = rng.choice(['upper', 'unclosed', 'comment', 'close-in-json', 'cdata', 'many-open', 'charset-param'])
    if kind == 'upper':
        doc.opts['script'] = '<SCRIPT TYPE="APPLICATION/LD+JSON">'
    elif kind == 'charset-param':
        doc.opts['script'] = '<script type="application/ld+json; charset=utf-8">'
    elif kind == 'comment':
        doc.opts['pre'] = '<!-- <script type="application/ld+json">' + dumps(doc.items[0]) + '</script> '
    elif kind == 'close-in-json':
        doc.items[0]['description'] = 'a </script><script type="application/ld+json">{"@type":"JobPosting"} b'
    elif kind == 'cdata':
        doc.opts['script'] = '<script type="application/ld+json">//<![CDATA[\n'
    elif kind == 'many-open':
        doc.opts['pre'] = '<script type="application/ld+json">' * rng.choice([10, 50000])
    b = doc.render()
    if kind == 'unclosed':
        b = b[:b.rfind(b'</script>')]
    return Case(b)


def fam_html_deep_nesting(rng, seeds, fmt):
    """Hundreds of thousands of nested elements or '<' before the JSON-LD."""
    doc = make_doc(rng, seeds, fmt)
    doc.opts['pre'] = rng.choice(['<div>', '<', '<!--', '<script>']) * rng.choice([1000, 200000])
    return Case(doc.render())


def fam_html_encodings(rng, seeds, fmt):
    """Pages in windows-1252 (declared or not) or UTF-16."""
    doc = make_doc(rng, seeds, fmt)
    kind = rng.choice(['cp1252', 'cp1252-undeclared', 'utf16'])
    if kind == 'utf16':
        return Case(b'\xff\xfe' + doc.render().decode('utf-8', 'replace').encode('utf-16-le'))
    doc.opts['charset'] = 'windows-1252'
    b = doc.render()
    if kind == 'cp1252-undeclared':
        b = b.replace(b'charset="windows-1252"', b'')
    return Case(b)


# ---------------------------------------------------------------- XML (LHEO) families

# Declared encodings. UTF-7, UTF-32, UCS-4, ISO-2022-JP, HZ, and windows-1252 with an undefined
# byte once crashed libxml2 under Foundation's XMLParser; the others are controls.
DECLARED = [('UTF-7', 'utf-7'), ('UTF-32', 'utf-32'), ('UTF-32LE', 'utf-32-le'), ('UCS-4', 'utf-32-be'),
            ('ISO-2022-JP', 'iso2022_jp'), ('HZ', 'hz'), ('IBM037', 'cp037'), ('windows-1252', 'cp1252'),
            ('US-ASCII', 'ascii'), ('UTF-16', 'utf-16'), ('ISO-8859-1', 'latin-1'), ('EUC-JP', 'euc_jp'),
            ('X-NOPE-42', None)]


def fam_xml_declared_encoding(rng, seeds, fmt):
    """An XML declaration naming an unusual encoding, body in that encoding or left in UTF-8."""
    doc = make_doc(rng, seeds, fmt)
    name, codec = rng.choice(DECLARED)
    body = doc.render().decode('utf-8')
    body = re.sub(r'^\s*<\?xml[^>]*\?>', '', body)
    text = f'<?xml version="1.0" encoding="{name}"?>' + body
    if rng.random() < 0.25:
        text = f'<?xml version="1.0" encoding="{name}"?><lheo/>'
    b = text.encode(codec, 'xmlcharrefreplace') if codec and rng.random() < 0.6 else text.encode()
    if name == 'windows-1252' and rng.random() < 0.7:
        # Bytes windows-1252 leaves undefined (once a SIGSEGV in libxml2).
        b = bytearray(b)
        k = b.find(b'<intitule-formation>')
        k = k + 20 if k >= 0 else len(b) // 2
        b[k:k] = bytes([rng.choice([0x81, 0x8D, 0x8F, 0x90, 0x9D])])
        b = bytes(b)
    if name == 'US-ASCII':
        b = text.encode('utf-8')  # high bytes under an ASCII declaration
    return Case(b)


def fam_xml_processing_instructions(rng, seeds, fmt):
    """Processing instructions, some without data ('<?a?>' once crashed with a NULL strlen)."""
    doc = make_doc(rng, seeds, fmt)
    pi = rng.choice(['<?a?>', '<?pi?>', '<?a ?>', '<?pi x?>', '<?xml-stylesheet href="x"?>', '<?a', '<??>'])
    if rng.random() < 0.2:
        return Case(pi.encode())
    b = doc.render().decode()
    where = [m.end() for m in re.finditer(r'>', b)]
    for _ in range(rng.randint(1, 3)):
        k = rng.choice(where)
        b = b[:k] + pi + b[k:]
    return Case(b.encode())


def fam_xml_doctype(rng, seeds, fmt):
    """DOCTYPEs: entity expansion bombs, external entities, parameter entities, late or EBCDIC-encoded DOCTYPEs."""
    doc = make_doc(rng, seeds, fmt)
    body = re.sub(r'^\s*<\?xml[^>]*\?>', '', doc.render().decode())
    lol = '<!ENTITY lol "lol">' + ''.join(f'<!ENTITY lol{i} "' + ('&lol;' if i == 1 else f'&lol{i - 1};') * 10 + '">' for i in range(1, 10))
    kind = rng.choice(['bomb', 'file', 'http', 'param', 'undeclared', 'late', 'after-64k', 'ebcdic'])
    decl = '<?xml version="1.0"?>'
    ref = '&lol9;'
    if kind == 'bomb':
        dtd = f'<!DOCTYPE lheo [{lol}]>'
    elif kind == 'file':
        dtd, ref = '<!DOCTYPE lheo [<!ENTITY x SYSTEM "file:///etc/hostname">]>', '&x;'
    elif kind == 'http':
        dtd, ref = '<!DOCTYPE lheo SYSTEM "http://127.0.0.1:9/x.dtd">', ''
    elif kind == 'param':
        dtd, ref = '<!DOCTYPE lheo [<!ENTITY % p SYSTEM "file:///etc/hostname"> %p;]>', ''
    elif kind == 'undeclared':
        dtd, ref = '', '&foo;&#0;&#xD800;&#x110000;'
    elif kind == 'late':
        dtd, ref = '', ''
        body = body.replace('</offres>', '<!DOCTYPE x [<!ENTITY y "z">]></offres>', 1)
    elif kind == 'after-64k':
        dtd, ref = ' ' * 65534 + '<!DOCTYPE lheo>', ''
        decl = ''
    else:
        text = f'<?xml version="1.0" encoding="IBM037"?><!DOCTYPE lheo [{lol}]>' + body.replace('<intitule-formation>', '<intitule-formation>&lol3;', 1)
        return Case(text.encode('cp037', 'replace'))
    body = body.replace('<intitule-formation>', '<intitule-formation>' + ref, 1)
    return Case((decl + dtd + body).encode())


def fam_xml_deep_nesting(rng, seeds, fmt):
    """Elements nested up to 100,000 deep, inside a formation or outside, closed or not."""
    doc = make_doc(rng, seeds, fmt)
    depth = rng.choice([55, 64, 1000, 100000])
    closed = rng.random() < 0.7
    tag = rng.choice(['x', 'formation', 'domaine-formation'])
    nest = f'<{tag}>' * depth + (f'</{tag}>' * depth if closed else '')
    k = rng.randrange(len(doc.items))
    doc.items[k] = doc.items[k].replace('<intitule-formation>', nest + '<intitule-formation>', 1)
    return Case(doc.render())


def fam_xml_markup(rng, seeds, fmt):
    """CDATA, comments, two roots, prefixes, unterminated constructs, text after the root."""
    doc = make_doc(rng, seeds, fmt)
    b = doc.render().decode()
    kind = rng.choice(['cdata', 'comments', 'two-roots', 'prefix', 'open-cdata', 'open-comment', 'garbage-after', 'attrs'])
    if kind == 'cdata':
        b = re.sub(r'>([^<]+)<', lambda m: '><![CDATA[' + m.group(1) + ']]><', b)
    elif kind == 'comments':
        b = re.sub(r'(<[a-z][^>]*>)', r'<!--c-->\1', b)
    elif kind == 'two-roots':
        b = b + re.sub(r'^\s*<\?xml[^>]*\?>', '', b)
    elif kind == 'prefix':
        b = b.replace('<', '<l:').replace('<l:/', '</l:').replace('<l:!', '<!').replace('<l:?', '<?').replace('xmlns=', 'xmlns:l=')
    elif kind == 'open-cdata':
        b = b.replace('<intitule-formation>', '<intitule-formation><![CDATA[Data', 1)
    elif kind == 'open-comment':
        b = b.replace('</offres>', '<!-- </offres>', 1)
    elif kind == 'garbage-after':
        b = b + '<<<&&&'
    else:
        b = b.replace('<formation', '<formation ' + ' '.join(f'a{i}="{i}"' for i in range(rng.choice([10, 50000]))), 1)
    return Case(b.encode())


FAMILIES = {
    'jsonl': [fam_json_wrong_types, fam_json_bad_escapes, fam_json_numbers, fam_json_deep_nesting,
              fam_json_duplicate_keys, fam_jsonl_line_endings, fam_jsonl_shapes, fam_text_pieces] + GENERIC,
    'ft': [fam_json_wrong_types, fam_json_bad_escapes, fam_json_numbers, fam_json_deep_nesting,
           fam_json_duplicate_keys, fam_ft_shapes] + GENERIC,
    'csv': [fam_csv_line_endings, fam_csv_header_repeat, fam_csv_encodings, fam_csv_ragged, fam_csv_open_quote] + GENERIC,
    'formations-csv': [fam_csv_line_endings, fam_csv_header_repeat, fam_csv_encodings, fam_csv_ragged, fam_csv_open_quote] + GENERIC,
    'html': [fam_html_gt_in_attribute, fam_html_script_tags, fam_html_deep_nesting, fam_html_encodings,
             fam_json_wrong_types, fam_json_deep_nesting, fam_jsonld_shapes] + GENERIC,
    'jsonld': [fam_json_wrong_types, fam_json_bad_escapes, fam_json_deep_nesting, fam_jsonld_shapes] + GENERIC,
    'lheo': [fam_xml_declared_encoding, fam_xml_processing_instructions, fam_xml_doctype, fam_xml_deep_nesting,
             fam_xml_markup] + GENERIC,
}


# ---------------------------------------------------------------- running and checking

def run(cmd):
    """Run one command from the repository root; returns (status, stdout, stderr, seconds)."""
    t0 = time.time()
    try:
        p = subprocess.run(['timeout', '-k', '5', str(TIMEOUT)] + cmd, cwd=ROOT,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT + 15)
        status, out, err = p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired as e:
        status, out, err = 124, e.stdout or b'', e.stderr or b''
    return status, out, err, time.time() - t0


def problems(status, err):
    found = []
    if status == 124 or status == 137:
        found.append(f'timeout after {TIMEOUT} s')
    elif status < 0 or status > 128:
        found.append(f'killed by signal {-status if status < 0 else status - 128}')
    elif status not in (0, 1, 2):
        found.append(f'exit status {status}')
    found += [f'crash text "{t.decode()}"' for t in CRASH_TEXT if t in err]
    return found


def counts(summary):
    """(read, kept, rejected) from ingest's JSON summary; raises on a malformed summary."""
    rejected = sum(summary.get('rejected', {}).values())
    return summary['read'], summary['stored'] + summary['updated'] + summary['unchanged'], rejected


def check_ingest(status, out, err, reference=None, extra=0):
    """Problems of one ingest run; `reference` is (read, kept, rejected) of the unmutated document."""
    found = problems(status, err)
    if found or status == 1 and not out.strip():
        return found
    try:
        s = json.loads(out.decode('utf-8'))
        read, kept, rejected = counts(s)
        if read != kept + rejected:
            found.append(f'summary: read {read} != stored {s["stored"]} + updated {s["updated"]}'
                         f' + unchanged {s["unchanged"]} + rejected {rejected}')
        elif reference and (read, kept, rejected) != (reference[0] + extra, reference[1], reference[2] + extra):
            found.append(f'records lost or invented: read/kept/rejected {read}/{kept}/{rejected}, unmutated document '
                         f'{reference[0]}/{reference[1]}/{reference[2]}' + (f' plus {extra} line(s) to reject' if extra else ''))
    except (ValueError, KeyError, TypeError, AttributeError) as e:
        found.append(f'summary is not the expected JSON ({e}): {out[:200]!r}')
    return found


def ingest(binary, path, db):
    """Run ingest on a fresh database; returns (command, status, stdout, stderr, seconds)."""
    for suffix in ('', '-wal', '-shm', '-journal'):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    cmd = [binary, 'ingest', path, '--db', db, '--json']
    return (cmd,) + run(cmd)


def check_classify(status, out, err):
    found = problems(status, err)
    for n, line in enumerate(out.split(b'\n'), 1):
        if line.strip():
            try:
                json.loads(line.decode('utf-8'))
            except ValueError as e:
                found.append(f'output line {n} is not JSON ({e})')
                break
    return found


def save_failure(out_dir, name, path, runs):
    """Copy the input next to a report: command, status, reasons, stderr tail."""
    saved = os.path.join(out_dir, os.path.basename(path))
    shutil.copyfile(path, saved)
    with open(os.path.join(out_dir, name + '.txt'), 'w', encoding='utf-8') as fh:
        for cmd, status, seconds, found, out, err in runs:
            cmd = [os.path.join(out_dir, os.path.basename(c)) if c.startswith(os.path.dirname(path) + os.sep) else c for c in cmd]
            cmd = [c.replace('fresh.sqlite', 'repro.sqlite') for c in cmd]
            fh.write(f'$ cd {ROOT} && rm -f {out_dir}/repro.sqlite* && timeout {TIMEOUT} {" ".join(cmd)}\n')
            fh.write(f'status {status}, {seconds:.2f} s\n')
            fh.write(''.join(f'FAILURE: {f}\n' for f in found))
            if out.strip():
                fh.write('stdout (start):\n' + out[:1000].decode('utf-8', 'replace') + '\n')
            crash = [ln for ln in err.decode('utf-8', 'replace').splitlines() if any(t.decode() in ln for t in CRASH_TEXT)]
            if crash:
                fh.write('crash line: ' + crash[0] + '\n')
            fh.write('stderr (last 20 lines):\n')
            fh.write('\n'.join(err.decode('utf-8', 'replace').splitlines()[-20:]) + '\n\n')
    return saved


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--bin', default='.build/release/observatoire', help='observatoire binary (relative to the repository root)')
    ap.add_argument('--cases', type=int, default=490, help='number of cases, shared among the formats (default: 490, about 4 min)')
    ap.add_argument('--seed', default='1', help='random seed (same seed and seed files: same cases)')
    ap.add_argument('--out', help='directory for failing inputs and their reports (default: a new temporary directory)')
    ap.add_argument('--only', default=','.join(FORMATS), help='comma-separated formats: ' + ','.join(FORMATS))
    args = ap.parse_args()

    formats = [f.strip() for f in args.only.split(',') if f.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        ap.error(f'unknown format(s) {", ".join(unknown)}; choose among {",".join(FORMATS)}')
    binary = os.path.abspath(os.path.join(ROOT, args.bin))
    if not os.access(binary, os.X_OK):
        sys.exit(f'fuzz-readers: {binary} is not an executable (build it with swift build -c release)')
    out_dir = os.path.abspath(args.out) if args.out else tempfile.mkdtemp(prefix='fuzz-readers-')
    if os.path.commonpath([out_dir, ROOT]) == ROOT:
        sys.exit('fuzz-readers: --out must be outside the repository (cases may contain ../shared texts)')
    os.makedirs(out_dir, exist_ok=True)
    work = tempfile.mkdtemp(prefix='fuzz-readers-work-')

    seeds = Seeds()
    for note in seeds.notes:
        print(note)
    print(f'binary: {binary}; failing inputs go to {out_dir}', flush=True)

    t0 = time.time()
    stats = {f: [0, 0] for f in formats}
    try:
        for index in range(args.cases):
            fmt = formats[index % len(formats)]
            number = index // len(formats)
            families = FAMILIES[fmt]
            family = families[number % len(families)]
            rng = random.Random(f'{args.seed}/{fmt}/{number}')
            case = family(rng, seeds, fmt)
            name = f'{fmt}-{number:04d}-{family.__name__[4:]}'
            path = os.path.join(work, f'{name}.{EXTENSION[fmt]}')
            with open(path, 'wb') as fh:
                fh.write(case.data)
            db = os.path.join(work, 'fresh.sqlite')
            runs = []
            reference = None
            if case.reference is not None:
                # The unmutated document first: its counts are what the mutated one must give.
                ref_path = os.path.join(work, f'{name}.reference.{EXTENSION[fmt]}')
                with open(ref_path, 'wb') as fh:
                    fh.write(case.reference)
                cmd, status, out, err, secs = ingest(binary, ref_path, db)
                found = check_ingest(status, out, err)
                if found:
                    runs.append((cmd, status, secs, found, out, err))
                elif status == 0:
                    reference = counts(json.loads(out.decode('utf-8')))
            cmd, status, out, err, secs = ingest(binary, path, db)
            runs.append((cmd, status, secs, check_ingest(status, out, err, reference, case.extra), out, err))
            cmd = [binary, 'classify', '--jobs', '1', '--input', path]
            status, out, err, secs = run(cmd)
            runs.append((cmd, status, secs, check_classify(status, out, err), b'', err))
            stats[fmt][0] += 1
            failed = [r for r in runs if r[3]]
            if failed:
                stats[fmt][1] += 1
                saved = save_failure(out_dir, name, path, failed)
                if case.reference is not None:
                    shutil.copyfile(ref_path, os.path.join(out_dir, os.path.basename(ref_path)))
                for cmd, status, _, found, _, _ in failed:
                    print(f'FAIL {name} ({cmd[1]}, status {status}): {"; ".join(found)} -> {saved}', flush=True)
            for leftover in os.listdir(work):
                os.remove(os.path.join(work, leftover))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    for fmt in formats:
        print(f'{fmt:15} {stats[fmt][0]:4d} cases, {stats[fmt][1]} failures')
    failures = sum(s[1] for s in stats.values())
    print(f'total: {sum(s[0] for s in stats.values())} cases, {failures} failures, {time.time() - t0:.0f} s'
          + (f'; reproducers in {out_dir}' if failures else ''))
    if not failures and not args.out:
        os.rmdir(out_dir)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
