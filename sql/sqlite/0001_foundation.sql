-- 0001_foundation.sql (SQLite): regions, boards, schools, people, contracts,
-- qualifications, users, sessions and the audit log.
-- Dates are ISO text (YYYY-MM-DD); timestamps are ISO text in UTC.

CREATE TABLE municipality (
    name           TEXT NOT NULL,
    province       TEXT NOT NULL,
    holiday_region TEXT NOT NULL CHECK (holiday_region IN ('noord','midden','zuid')),
    note           TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (name, province)
);

CREATE TABLE subject (
    code      TEXT PRIMARY KEY,
    name_nl   TEXT NOT NULL,
    name_en   TEXT NOT NULL,
    category  TEXT NOT NULL DEFAULT '',
    shortage  INTEGER NOT NULL DEFAULT 0 CHECK (shortage IN (0,1))
);

CREATE TABLE region (
    id    INTEGER PRIMARY KEY,
    code  TEXT NOT NULL UNIQUE,
    name  TEXT NOT NULL
);

CREATE TABLE board (
    id              INTEGER PRIMARY KEY,
    region_id       INTEGER NOT NULL REFERENCES region(id),
    bestuursnummer  TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL
);
CREATE INDEX board_region ON board(region_id);

CREATE TABLE school (
    id              INTEGER PRIMARY KEY,
    board_id        INTEGER NOT NULL REFERENCES board(id),
    brin            TEXT NOT NULL,
    vestiging       TEXT NOT NULL,
    name            TEXT NOT NULL,
    street          TEXT NOT NULL DEFAULT '',
    postcode        TEXT NOT NULL DEFAULT '',
    city            TEXT NOT NULL DEFAULT '',
    municipality    TEXT NOT NULL,
    province        TEXT NOT NULL,
    lat             REAL,
    lon             REAL,
    school_types    TEXT NOT NULL,
    holiday_region  TEXT NOT NULL CHECK (holiday_region IN ('noord','midden','zuid')),
    UNIQUE (brin, vestiging),
    FOREIGN KEY (municipality, province) REFERENCES municipality(name, province)
);
CREATE INDEX school_board ON school(board_id);

CREATE TABLE person (
    id          INTEGER PRIMARY KEY,
    first_name  TEXT NOT NULL,
    last_name   TEXT NOT NULL,
    birth_date  TEXT NOT NULL,
    email       TEXT UNIQUE,
    created_at  TEXT NOT NULL,
    sort_name   TEXT NOT NULL DEFAULT ''   -- surname without tussenvoegsel, first name; lower case
);

CREATE TABLE employment (
    id               INTEGER PRIMARY KEY,
    person_id        INTEGER NOT NULL REFERENCES person(id),
    board_id         INTEGER NOT NULL REFERENCES board(id),
    employee_number  TEXT NOT NULL,
    UNIQUE (board_id, employee_number),
    UNIQUE (board_id, person_id)
);
CREATE INDEX employment_person ON employment(person_id);

CREATE TABLE contract (
    id              INTEGER PRIMARY KEY,
    employment_id   INTEGER NOT NULL REFERENCES employment(id) ON DELETE CASCADE,
    kind            TEXT NOT NULL CHECK (kind IN ('vast','tijdelijk')),
    hours_per_year  REAL NOT NULL CHECK (hours_per_year > 0 AND hours_per_year <= 1659 * 1.2),
    salary_scale    TEXT NOT NULL,
    salary_step     INTEGER NOT NULL CHECK (salary_step BETWEEN 0 AND 30),
    start_date      TEXT NOT NULL,
    end_date        TEXT,
    CHECK (end_date IS NULL OR end_date >= start_date)
);
-- (employment_id, start_date, id): the latest contract of an employment without a sort per row.
CREATE INDEX contract_employment ON contract(employment_id, start_date, id);

CREATE TABLE assignment (
    id             INTEGER PRIMARY KEY,
    employment_id  INTEGER NOT NULL REFERENCES employment(id) ON DELETE CASCADE,
    school_id      INTEGER NOT NULL REFERENCES school(id),
    fte_share      REAL NOT NULL CHECK (fte_share > 0 AND fte_share <= 1),
    UNIQUE (employment_id, school_id)
);
CREATE INDEX assignment_school ON assignment(school_id);

CREATE TABLE qualification (
    id            INTEGER PRIMARY KEY,
    person_id     INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    subject_code  TEXT NOT NULL REFERENCES subject(code),
    -- An OR chain rather than IN (...): SQLite 3.40 builds a temporary index per INSERT for IN.
    level         TEXT NOT NULL CHECK (level = 'eerstegraads' OR level = 'tweedegraads'
                                       OR level = 'beperkt_tweedegraads' OR level = 'in_opleiding'),
    UNIQUE (person_id, subject_code)
);
CREATE INDEX qualification_subject ON qualification(subject_code);

CREATE TABLE app_user (
    id             INTEGER PRIMARY KEY,
    email          TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL,
    password_hash  TEXT NOT NULL,
    role           TEXT NOT NULL CHECK (role IN ('admin','coordinator','executive','hr','school_leader','staff')),
    region_id      INTEGER REFERENCES region(id),
    board_id       INTEGER REFERENCES board(id),
    school_id      INTEGER REFERENCES school(id),
    person_id      INTEGER REFERENCES person(id),
    disabled       INTEGER NOT NULL DEFAULT 0,
    created_at     TEXT NOT NULL
);

CREATE TABLE app_session (
    id_hash     TEXT PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
    csrf_token  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL
);
CREATE INDEX app_session_user ON app_session(user_id);

CREATE TABLE audit_log (
    id           INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    user_id      INTEGER,
    actor        TEXT NOT NULL,
    action       TEXT NOT NULL,
    object_type  TEXT NOT NULL,
    object_id    TEXT NOT NULL DEFAULT '',
    board_id     INTEGER,
    detail       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log(at);
