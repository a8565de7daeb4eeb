-- 0004_facts.sql (SQLite): the regional fact base (issue 3, "joint fact finding").
-- Every figure keeps its provenance: a fact_source row says what it came from
-- (a DUO file, a hand-entered figure, a board's vacancy list, a snapshot of
-- computed figures), who supplied it and when, and whether the partners have
-- agreed it ("vastgesteld", with who and when). DUO tables hold the open data
-- as read; masked values are NULL (unknown), never 0.

CREATE TABLE fact_source (
    id              INTEGER PRIMARY KEY,
    region_id       INTEGER REFERENCES region(id),
    kind            TEXT NOT NULL CHECK (kind IN ('duo','manual','snapshot')),
    name            TEXT NOT NULL,
    licence         TEXT NOT NULL DEFAULT '',
    supplier        TEXT NOT NULL,
    board_id        INTEGER REFERENCES board(id),
    supplied_at     TEXT NOT NULL,
    detail          TEXT NOT NULL DEFAULT '',
    vastgesteld     INTEGER NOT NULL DEFAULT 0 CHECK (vastgesteld IN (0,1)),
    vastgesteld_by  TEXT,
    vastgesteld_at  TEXT
);

CREATE TABLE fact_figure (
    id              INTEGER PRIMARY KEY,
    source_id       INTEGER NOT NULL REFERENCES fact_source(id),
    region_id       INTEGER NOT NULL REFERENCES region(id),
    indicator       TEXT NOT NULL,
    board_id        INTEGER REFERENCES board(id),
    school_id       INTEGER REFERENCES school(id),
    subject_code    TEXT REFERENCES subject(code),
    period          TEXT NOT NULL,
    value           REAL,
    note            TEXT NOT NULL DEFAULT '',
    vastgesteld     INTEGER NOT NULL DEFAULT 0 CHECK (vastgesteld IN (0,1)),
    vastgesteld_by  TEXT,
    vastgesteld_at  TEXT,
    created_by      TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    CHECK (value IS NULL OR value >= 0)
);
CREATE INDEX fact_figure_region ON fact_figure(region_id, indicator);

CREATE TABLE vacancy (
    id              INTEGER PRIMARY KEY,
    board_id        INTEGER NOT NULL REFERENCES board(id),
    school_id       INTEGER REFERENCES school(id),
    subject_code    TEXT NOT NULL REFERENCES subject(code),
    hours_per_year  REAL NOT NULL CHECK (hours_per_year > 0 AND hours_per_year <= 1659 * 1.2),
    opened_on       TEXT NOT NULL,
    closed_on       TEXT,
    status          TEXT NOT NULL CHECK (status IN ('open','filled','withdrawn')),
    filled_how      TEXT CHECK (filled_how IN ('intern','regionaal','extern','zij_instromer','onbevoegd','anders')),
    note            TEXT NOT NULL DEFAULT '',
    created_by      TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CHECK ((status = 'open') = (closed_on IS NULL)),
    CHECK (status <> 'filled' OR filled_how IS NOT NULL),
    CHECK (closed_on IS NULL OR closed_on >= opened_on)
);
CREATE INDEX vacancy_board ON vacancy(board_id);

CREATE TABLE staff_fact (
    employment_id       INTEGER PRIMARY KEY REFERENCES employment(id) ON DELETE CASCADE,
    extra_hours_wanted  REAL NOT NULL DEFAULT 0 CHECK (extra_hours_wanted >= 0 AND extra_hours_wanted <= 1659),
    starter             INTEGER NOT NULL DEFAULT 0 CHECK (starter IN (0,1)),
    zij_instromer       INTEGER NOT NULL DEFAULT 0 CHECK (zij_instromer IN (0,1)),
    updated_by          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);

CREATE TABLE duo_location (
    brin               TEXT NOT NULL,
    vestiging          TEXT NOT NULL,
    bestuursnummer     TEXT NOT NULL,
    name               TEXT NOT NULL,
    street             TEXT NOT NULL DEFAULT '',
    postcode           TEXT NOT NULL DEFAULT '',
    city               TEXT NOT NULL DEFAULT '',
    municipality_code  TEXT NOT NULL DEFAULT '',
    municipality       TEXT NOT NULL DEFAULT '',
    province           TEXT NOT NULL DEFAULT '',
    denomination       TEXT NOT NULL DEFAULT '',
    structure          TEXT NOT NULL DEFAULT '',
    source_id          INTEGER NOT NULL REFERENCES fact_source(id),
    PRIMARY KEY (brin, vestiging)
);

CREATE TABLE duo_board (
    bestuursnummer  TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    city            TEXT NOT NULL DEFAULT '',
    denomination    TEXT NOT NULL DEFAULT '',
    kvk             TEXT NOT NULL DEFAULT '',
    source_id       INTEGER NOT NULL REFERENCES fact_source(id)
);

CREATE TABLE duo_pupils (
    brin       TEXT NOT NULL,
    vestiging  TEXT NOT NULL,
    year       INTEGER NOT NULL,
    known      INTEGER NOT NULL CHECK (known >= 0),
    masked     INTEGER NOT NULL CHECK (masked >= 0),
    source_id  INTEGER NOT NULL REFERENCES fact_source(id),
    PRIMARY KEY (brin, vestiging, year)
);

CREATE TABLE duo_prognosis (
    brin       TEXT NOT NULL,
    level      TEXT NOT NULL,
    year       INTEGER NOT NULL,
    count      INTEGER CHECK (count IS NULL OR count >= 0),
    source_id  INTEGER NOT NULL REFERENCES fact_source(id),
    PRIMARY KEY (brin, level, year)
);

CREATE TABLE duo_personnel (
    id              INTEGER PRIMARY KEY,
    bestuursnummer  TEXT NOT NULL,
    brin            TEXT NOT NULL,
    functiegroep    TEXT NOT NULL,
    year            INTEGER NOT NULL,
    persons         REAL,
    fte             REAL,
    avg_age         REAL,
    source_id       INTEGER NOT NULL REFERENCES fact_source(id)
);
CREATE INDEX duo_personnel_board ON duo_personnel(bestuursnummer, year);

CREATE TABLE forecast_scenario (
    id          INTEGER PRIMARY KEY,
    region_id   INTEGER NOT NULL REFERENCES region(id),
    name        TEXT NOT NULL,
    params      TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (region_id, name)
);

-- The AOW age by birth date (core/pension_age.c); empty = the built-in table.
CREATE TABLE pension_age_setting (
    id         INTEGER PRIMARY KEY,
    born_from  TEXT,
    born_to    TEXT,
    years      INTEGER NOT NULL,
    months     INTEGER NOT NULL,
    is_law     INTEGER NOT NULL CHECK (is_law IN (0,1)),
    source     TEXT NOT NULL
);

-- Bumped by every change of fact-base data, so cached views know when to recompute.
CREATE TABLE facts_version (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    version  INTEGER NOT NULL
);
INSERT INTO facts_version (id, version) VALUES (1, 0);
