-- 0005_matching.sql - acute shortage help across boards (issue 4, docs/match.md):
-- help requests, the regional pool (opt-in), timetables and bell schedules,
-- travel times, offers and in-app notifications.

-- Per-region settings of matching.
CREATE TABLE match_setting (
    region_id       INTEGER PRIMARY KEY REFERENCES region(id),
    speed_kmh       REAL NOT NULL DEFAULT 30 CHECK (speed_kmh > 0),
    weeks_per_year  INTEGER NOT NULL DEFAULT 40 CHECK (weeks_per_year BETWEEN 1 AND 52),
    offer_days      INTEGER NOT NULL DEFAULT 3 CHECK (offer_days BETWEEN 1 AND 30)
);

-- Per-school settings: lesson length (rule 14) and teaching-load cap in clock hours per fte (rule 12).
CREATE TABLE match_school_setting (
    school_id       INTEGER PRIMARY KEY REFERENCES school(id),
    lesson_minutes  INTEGER NOT NULL DEFAULT 50 CHECK (lesson_minutes BETWEEN 20 AND 120),
    teaching_cap    REAL NOT NULL DEFAULT 720 CHECK (teaching_cap > 0 AND teaching_cap <= 1659)
);

-- Bell schedule: the times of each period of a school (minutes after midnight).
CREATE TABLE school_period (
    school_id  INTEGER NOT NULL REFERENCES school(id),
    period     INTEGER NOT NULL CHECK (period BETWEEN 1 AND 16),
    start_min  INTEGER NOT NULL CHECK (start_min BETWEEN 0 AND 1439),
    end_min    INTEGER NOT NULL CHECK (end_min BETWEEN 1 AND 1440),
    CHECK (end_min > start_min),
    PRIMARY KEY (school_id, period)
);

-- Imported travel times between schools; they take precedence over the haversine estimate.
CREATE TABLE travel_time (
    from_school_id  INTEGER NOT NULL REFERENCES school(id),
    to_school_id    INTEGER NOT NULL REFERENCES school(id),
    minutes         INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 1440),
    PRIMARY KEY (from_school_id, to_school_id)
);

-- A teacher's lessons (from an Untis/Zermelo timetable, formats/timetable.h).
CREATE TABLE match_lesson (
    id            INTEGER PRIMARY KEY,
    person_id     INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    school_id     INTEGER NOT NULL REFERENCES school(id),
    weekday       INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 5),
    period        INTEGER NOT NULL DEFAULT 0,
    start_min     INTEGER NOT NULL CHECK (start_min BETWEEN 0 AND 1439),
    end_min       INTEGER NOT NULL CHECK (end_min BETWEEN 1 AND 1440),
    class_name    TEXT NOT NULL DEFAULT '',
    subject_code  TEXT NOT NULL DEFAULT '',
    source        TEXT NOT NULL DEFAULT '',
    CHECK (end_min > start_min)
);
CREATE INDEX match_lesson_person ON match_lesson(person_id, weekday);

-- The regional pool: one row per person; consent recorded, withdrawable (rule 31).
CREATE TABLE match_pool (
    id              INTEGER PRIMARY KEY,
    person_id       INTEGER NOT NULL UNIQUE REFERENCES person(id),
    board_id        INTEGER NOT NULL REFERENCES board(id),
    kind            TEXT NOT NULL CHECK (kind = 'self' OR kind = 'boventallig' OR kind = 'contract_end'),
    extra_hours     INTEGER NOT NULL CHECK (extra_hours BETWEEN 0 AND 4000),
    weekdays        INTEGER NOT NULL CHECK (weekdays BETWEEN 1 AND 31),
    max_travel      INTEGER NOT NULL CHECK (max_travel BETWEEN 0 AND 240),
    share_name      INTEGER NOT NULL DEFAULT 0 CHECK (share_name IN (0,1)),
    expertise       TEXT NOT NULL DEFAULT '',
    note            TEXT NOT NULL DEFAULT '',
    consent_at      TEXT,
    consent_by      TEXT,
    withdrawn_at    TEXT,
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL
);
CREATE INDEX match_pool_board ON match_pool(board_id);

CREATE TABLE match_pool_school (
    pool_id    INTEGER NOT NULL REFERENCES match_pool(id) ON DELETE CASCADE,
    school_id  INTEGER NOT NULL REFERENCES school(id),
    pref       TEXT NOT NULL CHECK (pref = 'prefer' OR pref = 'avoid'),
    PRIMARY KEY (pool_id, school_id)
);

-- A help request of a school (Hulpvraag).
CREATE TABLE match_request (
    id              INTEGER PRIMARY KEY,
    school_id       INTEGER NOT NULL REFERENCES school(id),
    board_id        INTEGER NOT NULL REFERENCES board(id),
    subject_code    TEXT NOT NULL REFERENCES subject(code),
    school_type     TEXT NOT NULL,
    year_from       INTEGER NOT NULL CHECK (year_from BETWEEN 1 AND 6),
    year_to         INTEGER NOT NULL CHECK (year_to BETWEEN 1 AND 6),
    hours_per_week  INTEGER NOT NULL CHECK (hours_per_week BETWEEN 0 AND 4000),
    start_date      TEXT NOT NULL,
    end_date        TEXT NOT NULL,
    urgency         INTEGER NOT NULL CHECK (urgency BETWEEN 1 AND 9),
    expertise       TEXT NOT NULL DEFAULT '',
    accept_under    INTEGER NOT NULL DEFAULT 0 CHECK (accept_under IN (0,1)),
    notes           TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL DEFAULT 'open' CHECK (status = 'open' OR status = 'filled' OR status = 'cancelled'),
    parent_id       INTEGER REFERENCES match_request(id),
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    CHECK (year_to >= year_from),
    CHECK (end_date >= start_date)
);
CREATE INDEX match_request_school ON match_request(school_id);

CREATE TABLE match_request_lesson (
    id          INTEGER PRIMARY KEY,
    request_id  INTEGER NOT NULL REFERENCES match_request(id) ON DELETE CASCADE,
    weekday     INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 5),
    period      INTEGER NOT NULL CHECK (period BETWEEN 1 AND 16),
    start_min   INTEGER NOT NULL,
    end_min     INTEGER NOT NULL,
    class_name  TEXT NOT NULL DEFAULT '',
    CHECK (end_min > start_min)
);
CREATE INDEX match_request_lesson_request ON match_request_lesson(request_id);

-- An offer: part of a request for one person, with a deadline (one person at a time).
CREATE TABLE match_offer (
    id              INTEGER PRIMARY KEY,
    request_id      INTEGER NOT NULL REFERENCES match_request(id),
    person_id       INTEGER NOT NULL REFERENCES person(id),
    lender_board_id INTEGER NOT NULL REFERENCES board(id),
    hours_per_week  INTEGER NOT NULL CHECK (hours_per_week > 0 AND hours_per_week <= 4000),
    travel_minutes  INTEGER NOT NULL DEFAULT 0,
    status          TEXT NOT NULL CHECK (status = 'proposed' OR status = 'accepted' OR status = 'declined'
                                         OR status = 'approved' OR status = 'refused' OR status = 'expired'
                                         OR status = 'withdrawn'),
    source          TEXT NOT NULL DEFAULT 'manual',
    deadline        TEXT NOT NULL,
    reason          TEXT NOT NULL DEFAULT '',
    proposed_at     TEXT NOT NULL,
    proposed_by     TEXT NOT NULL,
    answered_at     TEXT,
    decided_at      TEXT,
    decided_by      TEXT,
    secondment_id   INTEGER REFERENCES secondment(id)
);
CREATE INDEX match_offer_request ON match_offer(request_id);
CREATE INDEX match_offer_person ON match_offer(person_id);

CREATE TABLE match_offer_lesson (
    offer_id           INTEGER NOT NULL REFERENCES match_offer(id) ON DELETE CASCADE,
    request_lesson_id  INTEGER NOT NULL REFERENCES match_request_lesson(id),
    PRIMARY KEY (offer_id, request_lesson_id)
);

-- In-app notifications (and the e-mail state of each).
CREATE TABLE notification (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER REFERENCES app_user(id),
    person_id    INTEGER REFERENCES person(id),
    board_id     INTEGER REFERENCES board(id),
    kind         TEXT NOT NULL,
    object_type  TEXT NOT NULL DEFAULT '',
    object_id    TEXT NOT NULL DEFAULT '',
    text         TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    read_at      TEXT,
    emailed_at   TEXT
);
CREATE INDEX notification_person ON notification(person_id);
CREATE INDEX notification_board ON notification(board_id);
