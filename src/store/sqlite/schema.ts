// The SQLite store's tables. A dyad database says so in its header
// (application_id) and carries its layout version (user_version).

/** "dyad" in ASCII: the application_id of every dyad database. */
export const APPLICATION_ID = 0x64796164;
export const STORE_VERSION = 1;

export const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

CREATE TABLE documents (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  pub_date TEXT NOT NULL,
  date_inferred INTEGER NOT NULL,
  title TEXT,
  source TEXT,
  url TEXT,
  engine TEXT NOT NULL,
  schema_version INTEGER NOT NULL,
  origin TEXT,
  ingested_at TEXT NOT NULL,
  n_events INTEGER NOT NULL,
  text TEXT NOT NULL,
  record TEXT NOT NULL,
  input TEXT NOT NULL
);
CREATE INDEX documents_source ON documents(source COLLATE NOCASE);
CREATE INDEX documents_engine ON documents(engine);

CREATE TABLE sources (key TEXT PRIMARY KEY, doc_id TEXT NOT NULL) WITHOUT ROWID;

CREATE TABLE mentions (
  rowid INTEGER PRIMARY KEY,
  doc INTEGER NOT NULL REFERENCES documents(rowid),
  idx INTEGER NOT NULL,
  id TEXT NOT NULL,
  event_id TEXT NOT NULL,
  gkey TEXT NOT NULL,
  cameo TEXT NOT NULL,
  plover TEXT,
  mode TEXT,
  quad INTEGER NOT NULL,
  goldstein REAL NOT NULL,
  src_code TEXT, src_country TEXT, src_name TEXT, src_start INTEGER, src_end INTEGER,
  tgt_code TEXT, tgt_country TEXT, tgt_name TEXT, tgt_start INTEGER, tgt_end INTEGER,
  date TEXT, precision TEXT, d0 INTEGER NOT NULL, d1 INTEGER NOT NULL,
  modality TEXT NOT NULL,
  place TEXT, loc_name TEXT, loc_country TEXT, lat REAL, lon REAL,
  ev_start INTEGER NOT NULL, ev_end INTEGER NOT NULL, evidence TEXT NOT NULL,
  sentence INTEGER NOT NULL,
  is_root INTEGER NOT NULL,
  extra TEXT,
  UNIQUE (doc, idx)
);
CREATE INDEX mentions_gkey ON mentions(gkey);
CREATE INDEX mentions_event ON mentions(event_id);

CREATE TABLE events (
  id TEXT PRIMARY KEY,
  gkey TEXT NOT NULL,
  cameo TEXT NOT NULL, root TEXT NOT NULL, plover TEXT, mode TEXT,
  quad INTEGER NOT NULL, goldstein REAL NOT NULL,
  src_code TEXT, src_country TEXT, src_name TEXT,
  tgt_code TEXT, tgt_country TEXT, tgt_name TEXT,
  date TEXT, precision TEXT, d0 INTEGER NOT NULL, d1 INTEGER NOT NULL,
  modality TEXT NOT NULL,
  loc_name TEXT, loc_country TEXT, lat REAL, lon REAL,
  num_mentions INTEGER NOT NULL, num_sources INTEGER NOT NULL, num_articles INTEGER NOT NULL,
  is_root INTEGER NOT NULL,
  first_doc TEXT NOT NULL, first_mention INTEGER NOT NULL,
  first_seen TEXT NOT NULL, last_seen TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX events_gkey ON events(gkey);
-- Date indexes carry d1 for --since; country and dyad indexes also cover the timeline's columns,
-- so that a timeline or a date range reads no table rows.
CREATE INDEX events_d0 ON events(d0, d1);
CREATE INDEX events_src ON events(src_country, d0, d1, precision, quad, goldstein, num_mentions);
CREATE INDEX events_tgt ON events(tgt_country, d0, d1, precision, quad, goldstein, num_mentions, src_country);
CREATE INDEX events_dyad ON events(src_country, tgt_country, d0, d1, precision, quad, goldstein, num_mentions);
CREATE INDEX events_src_code ON events(src_code, d0);
CREATE INDEX events_tgt_code ON events(tgt_code, d0);
CREATE INDEX events_root ON events(root, d0);

-- Events per day, precision and QuadClass (Goldstein in tenths), for timelines without filters.
CREATE TABLE timeline_days (
  d0 INTEGER NOT NULL, precision TEXT NOT NULL, quad INTEGER NOT NULL, d1 INTEGER NOT NULL,
  n INTEGER NOT NULL, g INTEGER NOT NULL, m INTEGER NOT NULL,
  PRIMARY KEY (d0, precision, quad)
) WITHOUT ROWID;

-- The same per country (an event counts once for each of its source and target countries).
CREATE TABLE timeline_countries (
  country TEXT NOT NULL, d0 INTEGER NOT NULL, precision TEXT NOT NULL, quad INTEGER NOT NULL, d1 INTEGER NOT NULL,
  n INTEGER NOT NULL, g INTEGER NOT NULL, m INTEGER NOT NULL,
  PRIMARY KEY (country, d0, precision, quad)
) WITHOUT ROWID;

CREATE TABLE doc_actors (
  doc INTEGER NOT NULL REFERENCES documents(rowid),
  code TEXT NOT NULL, country TEXT, name TEXT, n INTEGER NOT NULL,
  PRIMARY KEY (doc, code)
) WITHOUT ROWID;
CREATE INDEX doc_actors_code ON doc_actors(code);

CREATE TABLE failures (
  origin TEXT PRIMARY KEY,
  stage TEXT NOT NULL,
  reason TEXT NOT NULL,
  doc_id TEXT,
  at TEXT NOT NULL
) WITHOUT ROWID;

CREATE VIRTUAL TABLE doc_fts USING fts5(title, text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE mention_fts USING fts5(evidence, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
`;
