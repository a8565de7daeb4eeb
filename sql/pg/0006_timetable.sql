-- 0006_timetable.sql - timetable import (issue 4, docs/formats/timetables.md):
-- the teacher codes of a school's timetable (Untis, Zermelo) mapped to
-- Samen's people, so that imported lessons land on the right person.
CREATE TABLE teacher_code (
    school_id  BIGINT NOT NULL REFERENCES school(id),
    code       TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 15),
    person_id  BIGINT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    UNIQUE (school_id, code)
);
CREATE INDEX teacher_code_person ON teacher_code(person_id);
