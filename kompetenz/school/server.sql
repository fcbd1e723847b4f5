-- Kompetenz on a school's PostgreSQL server: group roles, owner columns, row-level security.
--
-- `kompetenz school init-server` runs this after the migrations, as the administrator, in the
-- same transaction (all or nothing), and again after an update (every statement may run twice).
-- The placeholders are filled in by kompetenz/school/server.py:
--   {database}  this database
--   {learners}  group role of every person (named after the database: roles are per cluster)
--   {school}    group role of the head teacher (Schulleitung); also a member of {learners}
-- Each person logs in as a role of their own (`kompetenz school add-person`), which is a member
-- of {learners}. Every row carries the role that wrote it (`owner`, filled in by the server), and
-- a role sees and changes only its own rows. The {school} role additionally reads the released
-- completions of everyone: name, role, module, completion date, version and certificate number,
-- never scores, answers, notes or time (see docs/school.md).

-- Who may connect at all: only the people of this school.
REVOKE ALL ON DATABASE {database} FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE {database} TO {learners};
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO {learners};

-- Every row belongs to the role that wrote it.
ALTER TABLE profiles ADD COLUMN IF NOT EXISTS owner text NOT NULL DEFAULT current_user;
ALTER TABLE lesson_progress ADD COLUMN IF NOT EXISTS owner text NOT NULL DEFAULT current_user;
ALTER TABLE quiz_attempts ADD COLUMN IF NOT EXISTS owner text NOT NULL DEFAULT current_user;
ALTER TABLE answers ADD COLUMN IF NOT EXISTS owner text NOT NULL DEFAULT current_user;
ALTER TABLE notes ADD COLUMN IF NOT EXISTS owner text NOT NULL DEFAULT current_user;
ALTER TABLE certificates ADD COLUMN IF NOT EXISTS owner text NOT NULL DEFAULT current_user;
ALTER TABLE released_completions ADD COLUMN IF NOT EXISTS owner text NOT NULL DEFAULT current_user;
ALTER TABLE school_records ADD COLUMN IF NOT EXISTS owner text NOT NULL DEFAULT current_user;
ALTER TABLE school_register ADD COLUMN IF NOT EXISTS owner text NOT NULL DEFAULT current_user;
ALTER TABLE school_settings ADD COLUMN IF NOT EXISTS owner text NOT NULL DEFAULT current_user;

-- Names are unique per person, not across the school: two colleagues may both call their
-- profile "Anna". The same holds for the head teacher's imported records and settings.
ALTER TABLE profiles DROP CONSTRAINT IF EXISTS uq_profiles_name_key;
CREATE UNIQUE INDEX IF NOT EXISTS uq_profiles_owner_name_key ON profiles (owner, name_key);
ALTER TABLE school_records DROP CONSTRAINT IF EXISTS uq_school_records_certificate_number_module_id;
CREATE UNIQUE INDEX IF NOT EXISTS uq_school_records_owner_number_module
    ON school_records (owner, certificate_number, module_id);
ALTER TABLE school_settings DROP CONSTRAINT IF EXISTS uq_school_settings_key;
CREATE UNIQUE INDEX IF NOT EXISTS uq_school_settings_owner_key ON school_settings (owner, key);

-- A role sees and changes its own rows only.
ALTER TABLE profiles ENABLE ROW LEVEL SECURITY;
ALTER TABLE lesson_progress ENABLE ROW LEVEL SECURITY;
ALTER TABLE quiz_attempts ENABLE ROW LEVEL SECURITY;
ALTER TABLE answers ENABLE ROW LEVEL SECURITY;
ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE certificates ENABLE ROW LEVEL SECURITY;
ALTER TABLE released_completions ENABLE ROW LEVEL SECURITY;
ALTER TABLE school_records ENABLE ROW LEVEL SECURITY;
ALTER TABLE school_register ENABLE ROW LEVEL SECURITY;
ALTER TABLE school_settings ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS own_rows ON profiles;
CREATE POLICY own_rows ON profiles TO {learners}
    USING (owner = current_user) WITH CHECK (owner = current_user);
DROP POLICY IF EXISTS own_rows ON lesson_progress;
CREATE POLICY own_rows ON lesson_progress TO {learners}
    USING (owner = current_user) WITH CHECK (owner = current_user);
DROP POLICY IF EXISTS own_rows ON quiz_attempts;
CREATE POLICY own_rows ON quiz_attempts TO {learners}
    USING (owner = current_user) WITH CHECK (owner = current_user);
DROP POLICY IF EXISTS own_rows ON answers;
CREATE POLICY own_rows ON answers TO {learners}
    USING (owner = current_user) WITH CHECK (owner = current_user);
DROP POLICY IF EXISTS own_rows ON notes;
CREATE POLICY own_rows ON notes TO {learners}
    USING (owner = current_user) WITH CHECK (owner = current_user);
DROP POLICY IF EXISTS own_rows ON certificates;
CREATE POLICY own_rows ON certificates TO {learners}
    USING (owner = current_user) WITH CHECK (owner = current_user);
DROP POLICY IF EXISTS own_rows ON released_completions;
CREATE POLICY own_rows ON released_completions TO {learners}
    USING (owner = current_user) WITH CHECK (owner = current_user);
DROP POLICY IF EXISTS own_rows ON school_records;
CREATE POLICY own_rows ON school_records TO {learners}
    USING (owner = current_user) WITH CHECK (owner = current_user);
DROP POLICY IF EXISTS own_rows ON school_register;
CREATE POLICY own_rows ON school_register TO {learners}
    USING (owner = current_user) WITH CHECK (owner = current_user);
DROP POLICY IF EXISTS own_rows ON school_settings;
CREATE POLICY own_rows ON school_settings TO {learners}
    USING (owner = current_user) WITH CHECK (owner = current_user);

-- The head teacher reads what people released, and nothing else of theirs.
DROP POLICY IF EXISTS school_reads_released ON released_completions;
CREATE POLICY school_reads_released ON released_completions FOR SELECT TO {school} USING (true);

-- What the people may do at all (the policies above narrow it to their rows).
GRANT SELECT ON alembic_version TO {learners};
GRANT SELECT, INSERT, UPDATE, DELETE ON profiles, lesson_progress, quiz_attempts, answers,
    notes, certificates, released_completions, school_records, school_register, school_settings
    TO {learners};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {learners};
