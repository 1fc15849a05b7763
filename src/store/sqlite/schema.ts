// The SQLite store's tables. A dyad database says so in its header
// (application_id) and carries its layout version (user_version).
//
// Writes stay local: rows and index entries are keyed so that new news lands
// where recent news is (events and mentions are rowid tables in the order they
// were stored; the merge key and every event index lead with a date after their
// filter column), so that a commit dirties few pages however large the store.
// Every event index that lists events ends with (d0, d1, id), the order events
// are listed in, so that no query sorts.

/** "dyad" in ASCII: the application_id of every dyad database. */
export const APPLICATION_ID = 0x64796164;
export const STORE_VERSION = 3;

/** The tables of documents and their reports (kept as they are by a migration). */
const DOCUMENT_TABLES = `
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
  input TEXT NOT NULL,
  date_source TEXT
);
CREATE INDEX documents_source ON documents(source COLLATE NOCASE);
CREATE INDEX documents_engine ON documents(engine);

CREATE TABLE sources (key TEXT PRIMARY KEY, doc_id TEXT NOT NULL) WITHOUT ROWID;

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

const MENTIONS = `
CREATE TABLE mentions (
  rowid INTEGER PRIMARY KEY,
  doc INTEGER NOT NULL REFERENCES documents(rowid),
  idx INTEGER NOT NULL,
  id TEXT NOT NULL,
  event INTEGER NOT NULL,
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
`;

/**
 * --actor NAME (a substring of an actor's name) looks through the few distinct names
 * rather than every event, then takes the events of the names that match from an index.
 */
const NAME_INDEXES = `
-- No listing walks these (it takes the rowids they give, or walks the events' order checking
-- names), so they go on with the dates a filter compares rather than (d0, d1, id). The target's
-- also holds the source's name: a count of the events that name either (the target's less those
-- the source's already counted) reads no event rows. Both end with a timeline's columns, so that
-- the timeline of a name many events hold reads no event rows either (257 → 122 ms for 5% of a
-- million events).
CREATE INDEX events_src_name ON events(src_name, d0, d1, precision, quad, goldstein, num_mentions);
CREATE INDEX events_tgt_name ON events(tgt_name, d0, d1, src_name, precision, quad, goldstein, num_mentions);

-- The events' actor names, with how many events name each as source and as target
-- (a name goes when no event holds it any more).
CREATE TABLE actor_names (
  name TEXT PRIMARY KEY, as_source INTEGER NOT NULL, as_target INTEGER NOT NULL
) WITHOUT ROWID;
`;

/** Tables derived from the documents and their reports: a migration rebuilds them. */
const DERIVED = `
CREATE INDEX mentions_gkey ON mentions(gkey);
CREATE INDEX mentions_event ON mentions(event);

-- Which document each origin (a path, "path:line", a URL) gave last: when an origin gives
-- another document (the file was edited, the page changed), the earlier one is replaced.
CREATE TABLE origins (origin TEXT PRIMARY KEY, doc INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX origins_doc ON origins(doc);
CREATE INDEX sources_doc ON sources(doc_id);

CREATE TABLE events (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
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
  first_doc TEXT NOT NULL, first_mention INTEGER NOT NULL, first_added TEXT,
  first_seen TEXT NOT NULL, last_seen TEXT NOT NULL
);
CREATE INDEX events_gkey ON events(gkey);
CREATE INDEX events_d0 ON events(d0, d1, id);
-- Country and root indexes also cover the timeline's columns, so that a timeline reads no table rows;
-- a dyad walks its source country's events and reads the target country from the index; the
-- country indexes also hold both actor codes, for \`dyad actors --country\`.
CREATE INDEX events_src ON events(src_country, d0, d1, id, precision, quad, goldstein, num_mentions, tgt_country, src_code, tgt_code);
CREATE INDEX events_tgt ON events(tgt_country, d0, d1, id, precision, quad, goldstein, num_mentions, src_country, src_code, tgt_code);
CREATE INDEX events_root ON events(root, d0, d1, id, precision, quad, goldstein, num_mentions);
CREATE INDEX events_src_code ON events(src_code, d0, d1, id);
CREATE INDEX events_tgt_code ON events(tgt_code, d0, d1, id);
CREATE INDEX events_cameo ON events(cameo, d0, d1, id);
CREATE INDEX events_plover ON events(plover, d0, d1, id);
CREATE INDEX events_modality ON events(modality, d0, d1, id);
${NAME_INDEXES}
-- The publishers that reported each event (--source), in the events' order, with the timeline's
-- columns, so that a publisher's listing, count or timeline reads no event rows.
CREATE TABLE event_sources (
  source TEXT NOT NULL COLLATE NOCASE, d0 INTEGER NOT NULL, d1 INTEGER NOT NULL, id TEXT NOT NULL, event INTEGER NOT NULL,
  precision TEXT, quad INTEGER NOT NULL, goldstein REAL NOT NULL, num_mentions INTEGER NOT NULL,
  PRIMARY KEY (source, d0, d1, id)
) WITHOUT ROWID;
CREATE INDEX event_sources_event ON event_sources(event);

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

-- Events per actor code as source and as target, and their reports, for \`dyad actors\` without filters.
-- The name and country are the greatest seen, as the filtered query's max() gives.
CREATE TABLE actor_counts (
  code TEXT PRIMARY KEY, name TEXT, country TEXT,
  as_source INTEGER NOT NULL, as_target INTEGER NOT NULL, mentions INTEGER NOT NULL
) WITHOUT ROWID;
`;

export const SCHEMA = DOCUMENT_TABLES + MENTIONS + DERIVED;

/**
 * From store version 1: the documents and reports stay; the merge keys, events,
 * rollups and indexes are rebuilt (the store then recomputes every merge group).
 */
export const MIGRATE_FROM_1 = `
DROP TABLE IF EXISTS doc_actors;
DROP TABLE IF EXISTS events;
DROP TABLE IF EXISTS timeline_days;
DROP TABLE IF EXISTS timeline_countries;
DROP INDEX IF EXISTS mentions_gkey;
DROP INDEX IF EXISTS mentions_event;
ALTER TABLE documents ADD COLUMN date_source TEXT;
ALTER TABLE mentions RENAME TO mentions_v1;
${MENTIONS}
INSERT INTO mentions SELECT rowid, doc, idx, id, 0, gkey, cameo, plover, mode, quad, goldstein, src_code, src_country, src_name, src_start, src_end,
  tgt_code, tgt_country, tgt_name, tgt_start, tgt_end, date, precision, d0, d1, modality, place, loc_name, loc_country, lat, lon,
  ev_start, ev_end, evidence, sentence, is_root, extra FROM mentions_v1;
DROP TABLE mentions_v1;
${DERIVED}
INSERT INTO origins (origin, doc) SELECT origin, rowid FROM documents WHERE origin IS NOT NULL;
`;

/** From store version 2: the actor names, and the events' indexes by name. */
export const MIGRATE_FROM_2 = `
${NAME_INDEXES}
-- Each side from its new index, in name order: no sort.
INSERT INTO actor_names (name, as_source, as_target) SELECT src_name, count(*), 0 FROM events WHERE src_name IS NOT NULL GROUP BY src_name;
INSERT INTO actor_names (name, as_source, as_target) SELECT tgt_name, 0, count(*) FROM events WHERE tgt_name IS NOT NULL GROUP BY tgt_name
  ON CONFLICT (name) DO UPDATE SET as_target = excluded.as_target;
`;
