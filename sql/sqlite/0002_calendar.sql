-- 0002_calendar.sql (SQLite): school holidays per holiday region, schools'
-- busy periods, planned meeting series with their meetings and attendees,
-- calendar feed tokens (hash only) and the collaboration's next steps.
-- Dates are ISO text (YYYY-MM-DD); timestamps are ISO text in UTC.
-- See docs/calendar.md.

CREATE TABLE school_holiday (
    id           INTEGER PRIMARY KEY,
    school_year  TEXT NOT NULL,   -- '2025-2026'
    region       TEXT NOT NULL CHECK (region IN ('noord','midden','zuid')),
    kind         TEXT NOT NULL CHECK (kind IN ('herfstvakantie','kerstvakantie','voorjaarsvakantie',
                                               'meivakantie','meivakantie_adviesweek_optioneel',
                                               'zomervakantie')),
    start_date   TEXT NOT NULL,
    end_date     TEXT NOT NULL,
    source       TEXT NOT NULL DEFAULT 'samen' CHECK (source IN ('samen','import')),
    updated_at   TEXT NOT NULL,
    CHECK (end_date >= start_date),
    UNIQUE (school_year, region, kind)
);
CREATE INDEX school_holiday_dates ON school_holiday(start_date);

CREATE TABLE busy_period (
    id          INTEGER PRIMARY KEY,
    school_id   INTEGER NOT NULL REFERENCES school(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('open_dag','toetsweek','examenweek','studiedag',
                                              'rapportvergadering','meivakantie','overig')),
    name        TEXT NOT NULL,
    start_date  TEXT NOT NULL,
    end_date    TEXT NOT NULL,
    source      TEXT NOT NULL DEFAULT 'hand' CHECK (source IN ('hand','ics','demo')),
    ics_uid     TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    CHECK (end_date >= start_date)
);
CREATE INDEX busy_period_school ON busy_period(school_id, start_date);

CREATE TABLE meeting_series (
    id             INTEGER PRIMARY KEY,
    region_id      INTEGER NOT NULL REFERENCES region(id),
    title          TEXT NOT NULL,
    location       TEXT NOT NULL DEFAULT '',
    from_date      TEXT NOT NULL,
    to_date        TEXT NOT NULL,
    weekdays       TEXT NOT NULL,           -- 'di,do' in order of preference
    start_time     TEXT NOT NULL,           -- '15:30'
    end_time       TEXT NOT NULL,
    min_gap_weeks  INTEGER NOT NULL CHECK (min_gap_weeks >= 1),
    max_gap_weeks  INTEGER NOT NULL CHECK (max_gap_weeks >= 0),
    adviesweek     INTEGER NOT NULL DEFAULT 0 CHECK (adviesweek IN (0,1)),
    uid_base       TEXT NOT NULL UNIQUE,
    created_by     INTEGER REFERENCES app_user(id),
    created_at     TEXT NOT NULL
);
CREATE INDEX meeting_series_region ON meeting_series(region_id);

CREATE TABLE meeting_series_school (
    series_id  INTEGER NOT NULL REFERENCES meeting_series(id) ON DELETE CASCADE,
    school_id  INTEGER NOT NULL REFERENCES school(id),
    PRIMARY KEY (series_id, school_id)
);

CREATE TABLE meeting (
    id          INTEGER PRIMARY KEY,
    series_id   INTEGER NOT NULL REFERENCES meeting_series(id) ON DELETE CASCADE,
    seq_no      INTEGER NOT NULL,
    day         TEXT NOT NULL,
    uid         TEXT NOT NULL UNIQUE,
    sequence    INTEGER NOT NULL DEFAULT 0,
    updated_at  TEXT NOT NULL,
    UNIQUE (series_id, seq_no)
);
CREATE INDEX meeting_day ON meeting(day);

CREATE TABLE meeting_attendee (
    id         INTEGER PRIMARY KEY,
    series_id  INTEGER NOT NULL REFERENCES meeting_series(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    email      TEXT NOT NULL,
    user_id    INTEGER REFERENCES app_user(id) ON DELETE SET NULL,
    UNIQUE (series_id, email)
);
CREATE INDEX meeting_attendee_email ON meeting_attendee(email);

CREATE TABLE calendar_feed (
    id            INTEGER PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
    token_hash    TEXT NOT NULL UNIQUE,    -- BLAKE2b-256 of the token, hex; never the token
    label         TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    revoked_at    TEXT,
    last_used_at  TEXT
);
CREATE INDEX calendar_feed_user ON calendar_feed(user_id);

CREATE TABLE collab_step (
    id          INTEGER PRIMARY KEY,
    region_id   INTEGER NOT NULL REFERENCES region(id),
    title       TEXT NOT NULL,
    owner       TEXT NOT NULL DEFAULT '',
    due_date    TEXT,
    series_id   INTEGER REFERENCES meeting_series(id) ON DELETE SET NULL,
    done        INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0,1)),
    created_at  TEXT NOT NULL
);
CREATE INDEX collab_step_region ON collab_step(region_id);
