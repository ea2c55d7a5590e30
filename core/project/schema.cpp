#include "core/project/schema.h"

#include <sqlite3.h>

#include "core/common/error.h"
#include "core/project/statement.h"

namespace tb {
namespace {

// Times are ISO 8601 UTC text with milliseconds ("2026-11-28T15:53:59.123Z"): sortable,
// readable in any SQLite browser, and equal to what the C++ side writes.
#define TB_NOW "(strftime('%Y-%m-%dT%H:%M:%fZ','now'))"

// Step 1: the pipeline's tables. Messages are stored as the canonical JSON of
// tb::to_json(Example) ({"messages": [...], "tools": ...}); content_hash is
// tb::content_hash(Example), UNIQUE so a re-import adds nothing.
const char* kStep1 = R"SQL(
CREATE TABLE project_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE import_reports (
  id           INTEGER PRIMARY KEY,
  source_file  TEXT NOT NULL,
  format       TEXT NOT NULL,               -- detected format: chat, sharegpt, alpaca, csv
  options      TEXT NOT NULL DEFAULT '{}',  -- JSON: csv columns, skip_invalid
  records      INTEGER NOT NULL,
  accepted     INTEGER NOT NULL,
  rejected     INTEGER NOT NULL,
  inserted     INTEGER NOT NULL,            -- accepted minus duplicates of stored examples
  duplicates   INTEGER NOT NULL,
  created_at   TEXT NOT NULL DEFAULT )SQL" TB_NOW R"SQL(
);

CREATE TABLE import_rejects (
  id         INTEGER PRIMARY KEY,
  import_id  INTEGER NOT NULL REFERENCES import_reports(id) ON DELETE CASCADE,
  line       INTEGER NOT NULL,
  reason     TEXT NOT NULL,
  detail     TEXT NOT NULL DEFAULT '',
  raw        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX import_rejects_by_import ON import_rejects(import_id, line);

CREATE TABLE examples (
  id            INTEGER PRIMARY KEY,
  messages      TEXT NOT NULL CHECK (json_valid(messages)),
  content_hash  TEXT NOT NULL UNIQUE,
  preview       TEXT NOT NULL DEFAULT '',   -- first user text, shortened, for list views
  turns         INTEGER NOT NULL DEFAULT 0, -- number of messages
  source_file   TEXT NOT NULL DEFAULT '',
  source_line   INTEGER NOT NULL DEFAULT 0,
  import_id     INTEGER REFERENCES import_reports(id) ON DELETE SET NULL,
  created_at    TEXT NOT NULL DEFAULT )SQL" TB_NOW R"SQL(,
  updated_at    TEXT NOT NULL DEFAULT )SQL" TB_NOW R"SQL(
);
-- No index on import_id: it cost 9% of import speed, and only a rare "undo import" scans it.

-- Every edit keeps the version it replaced; never updated.
CREATE TABLE example_history (
  id            INTEGER PRIMARY KEY,
  example_id    INTEGER NOT NULL REFERENCES examples(id) ON DELETE CASCADE,
  messages      TEXT NOT NULL,
  content_hash  TEXT NOT NULL,
  note          TEXT NOT NULL DEFAULT '',
  replaced_at   TEXT NOT NULL DEFAULT )SQL" TB_NOW R"SQL(
);
CREATE INDEX example_history_by_example ON example_history(example_id, id);

CREATE TABLE tags (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL DEFAULT )SQL" TB_NOW R"SQL(
);
CREATE TABLE example_tags (
  example_id  INTEGER NOT NULL REFERENCES examples(id) ON DELETE CASCADE,
  tag_id      INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  created_at  TEXT NOT NULL DEFAULT )SQL" TB_NOW R"SQL(,
  PRIMARY KEY (example_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX example_tags_by_tag ON example_tags(tag_id, example_id);

-- The current split of each example (one row per assigned example).
CREATE TABLE splits (
  example_id   INTEGER PRIMARY KEY REFERENCES examples(id) ON DELETE CASCADE,
  split        TEXT NOT NULL CHECK (split IN ('train', 'validation', 'test')),
  seed         INTEGER,
  assigned_at  TEXT NOT NULL DEFAULT )SQL" TB_NOW R"SQL(
);
CREATE INDEX splits_by_split ON splits(split, example_id);

-- Review history is append-only: a new verdict is a new row. content_hash is the
-- example's hash when reviewed, so an edit after the review shows as stale.
CREATE TABLE reviews (
  id                 INTEGER PRIMARY KEY,
  example_id         INTEGER NOT NULL REFERENCES examples(id) ON DELETE CASCADE,
  reviewer           TEXT NOT NULL,
  verdict            TEXT NOT NULL,
  note               TEXT NOT NULL DEFAULT '',
  guideline_version  TEXT NOT NULL DEFAULT '',
  content_hash       TEXT NOT NULL DEFAULT '',
  created_at         TEXT NOT NULL DEFAULT )SQL" TB_NOW R"SQL(
);
CREATE INDEX reviews_by_example ON reviews(example_id, id);
CREATE INDEX reviews_by_reviewer ON reviews(reviewer, id);
CREATE TRIGGER reviews_append_only BEFORE UPDATE ON reviews
BEGIN SELECT RAISE(ABORT, 'reviews are append-only: add a new review instead'); END;

CREATE TABLE golden_sets (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL UNIQUE,
  kind         TEXT NOT NULL CHECK (kind IN ('task', 'general')),
  description  TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL DEFAULT )SQL" TB_NOW R"SQL(
);
CREATE TABLE golden_items (
  id          INTEGER PRIMARY KEY,
  set_id      INTEGER NOT NULL REFERENCES golden_sets(id) ON DELETE CASCADE,
  messages    TEXT NOT NULL CHECK (json_valid(messages)),  -- the prompt, same JSON as examples
  reference   TEXT NOT NULL DEFAULT '',                    -- reference answer
  rubric      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(rubric)),
  author      TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL DEFAULT )SQL" TB_NOW R"SQL(,
  updated_at  TEXT NOT NULL DEFAULT )SQL" TB_NOW R"SQL(
);
CREATE INDEX golden_items_by_set ON golden_items(set_id, id);

CREATE TABLE runs (
  id             INTEGER PRIMARY KEY,
  kind           TEXT NOT NULL CHECK (kind IN ('train', 'eval')),
  name           TEXT NOT NULL DEFAULT '',
  parent_run_id  INTEGER REFERENCES runs(id) ON DELETE SET NULL,  -- eval -> the train run it evaluates
  config         TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(config)),
  status         TEXT NOT NULL DEFAULT 'pending'
                 CHECK (status IN ('pending', 'running', 'completed', 'failed', 'cancelled')),
  app_version    TEXT NOT NULL DEFAULT '',
  created_at     TEXT NOT NULL DEFAULT )SQL" TB_NOW R"SQL(,
  started_at     TEXT,
  ended_at       TEXT,
  log            TEXT NOT NULL DEFAULT ''
);
CREATE INDEX runs_by_kind ON runs(kind, id);
CREATE INDEX runs_by_parent ON runs(parent_run_id);

CREATE TABLE run_metrics (
  run_id       INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  name         TEXT NOT NULL,      -- "train/loss", "lr", "val/loss", ...
  step         INTEGER NOT NULL,
  value        REAL NOT NULL,
  recorded_at  TEXT NOT NULL DEFAULT )SQL" TB_NOW R"SQL(,
  PRIMARY KEY (run_id, name, step)
) WITHOUT ROWID;

CREATE TABLE eval_outputs (
  id              INTEGER PRIMARY KEY,
  run_id          INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  golden_item_id  INTEGER REFERENCES golden_items(id) ON DELETE SET NULL,
  example_id      INTEGER REFERENCES examples(id) ON DELETE SET NULL,
  output          TEXT NOT NULL,
  settings        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(settings)),  -- sampling, seed, adapter
  created_at      TEXT NOT NULL DEFAULT )SQL" TB_NOW R"SQL(
);
CREATE INDEX eval_outputs_by_run ON eval_outputs(run_id, golden_item_id);
CREATE INDEX eval_outputs_by_item ON eval_outputs(golden_item_id);

CREATE TABLE eval_scores (
  id          INTEGER PRIMARY KEY,
  output_id   INTEGER NOT NULL REFERENCES eval_outputs(id) ON DELETE CASCADE,
  criterion   TEXT NOT NULL,
  score       REAL NOT NULL,
  scorer      TEXT NOT NULL,   -- "exact_match", "judge:gpt-4o", "human:alice"
  detail      TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL DEFAULT )SQL" TB_NOW R"SQL(,
  UNIQUE (output_id, criterion, scorer)
);

-- The data report of `check`. Only the latest is kept (each check replaces it).
CREATE TABLE check_reports (
  id          INTEGER PRIMARY KEY,
  options     TEXT NOT NULL DEFAULT '{}',
  report      TEXT NOT NULL CHECK (json_valid(report)),  -- CheckReport::to_json()
  examples    INTEGER NOT NULL,
  created_at  TEXT NOT NULL DEFAULT )SQL" TB_NOW R"SQL(
);
CREATE TABLE check_findings (
  id         INTEGER PRIMARY KEY,
  report_id  INTEGER NOT NULL REFERENCES check_reports(id) ON DELETE CASCADE,
  kind       TEXT NOT NULL,
  detail     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX check_findings_by_report ON check_findings(report_id, kind);
CREATE TABLE check_finding_examples (
  finding_id  INTEGER NOT NULL REFERENCES check_findings(id) ON DELETE CASCADE,
  example_id  INTEGER NOT NULL REFERENCES examples(id) ON DELETE CASCADE,
  PRIMARY KEY (finding_id, example_id)
) WITHOUT ROWID;
CREATE INDEX check_finding_examples_by_example ON check_finding_examples(example_id);

-- The advisor's answers and recommendation (fine-tune, prompting, RAG), one row per run.
CREATE TABLE decisions (
  id              INTEGER PRIMARY KEY,
  answers         TEXT NOT NULL CHECK (json_valid(answers)),
  recommendation  TEXT NOT NULL,
  rationale       TEXT NOT NULL DEFAULT '',
  created_at      TEXT NOT NULL DEFAULT )SQL" TB_NOW R"SQL(
);
)SQL";

// Step 2: full-text search over the examples' message contents: every message content
// joined with newlines, as tb::plain_text. New rows are indexed by tb::ExampleInserter (an
// insert trigger would re-parse the JSON in SQL: it halved import speed, measured with
// bench_project_bench); edits and deletes by any writer are kept in sync by the triggers.
// Backfills the rows of older projects.
const char* kStep2 = R"SQL(
CREATE VIRTUAL TABLE examples_fts USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER examples_fts_update AFTER UPDATE OF messages ON examples BEGIN
  DELETE FROM examples_fts WHERE rowid = old.id;
  INSERT INTO examples_fts(rowid, text)
  SELECT new.id, coalesce(group_concat(json_extract(m.value, '$.content'), char(10)), '')
  FROM json_each(new.messages, '$.messages') AS m;
END;
CREATE TRIGGER examples_fts_delete AFTER DELETE ON examples BEGIN
  DELETE FROM examples_fts WHERE rowid = old.id;
END;

INSERT INTO examples_fts(rowid, text)
SELECT e.id, coalesce((SELECT group_concat(json_extract(m.value, '$.content'), char(10))
                       FROM json_each(e.messages, '$.messages') AS m), '')
FROM examples AS e;
)SQL";

// Step 3: the LLM judge and its validation against human graders. judge_cache holds every
// parsed judge reply under sha256(judge model + request), so a re-run sends no request.
// pairwise_grades records preferences between two outputs of the same item, with the
// output shown on the left (first) so position bias can be measured. judge_validations
// keeps each validation of a judge configuration (model + prompt template + rubric
// version); its scores count as validated only while a passing row exists for its key.
const char* kStep3 = R"SQL(
CREATE TABLE judge_cache (
  key                TEXT PRIMARY KEY,      -- sha256 hex of judge model + request
  judge_model        TEXT NOT NULL,
  response           TEXT NOT NULL,         -- the reply's message content
  prompt_tokens      INTEGER NOT NULL DEFAULT 0,
  completion_tokens  INTEGER NOT NULL DEFAULT 0,
  created_at         TEXT NOT NULL DEFAULT )SQL" TB_NOW R"SQL(
) WITHOUT ROWID;

CREATE TABLE pairwise_grades (
  id           INTEGER PRIMARY KEY,
  output_a     INTEGER NOT NULL REFERENCES eval_outputs(id) ON DELETE CASCADE,
  output_b     INTEGER NOT NULL REFERENCES eval_outputs(id) ON DELETE CASCADE,
  grader       TEXT NOT NULL,                -- "human:<name>" or "judge:<model>"
  left_output  INTEGER NOT NULL,             -- the output shown left (first): output_a or output_b
  preference   TEXT NOT NULL CHECK (preference IN ('a', 'b', 'tie')),
  created_at   TEXT NOT NULL DEFAULT )SQL" TB_NOW R"SQL(,
  CHECK (left_output = output_a OR left_output = output_b)
);
CREATE INDEX pairwise_grades_by_outputs ON pairwise_grades(output_a, output_b);

CREATE TABLE judge_validations (
  id             INTEGER PRIMARY KEY,
  judge_key      TEXT NOT NULL,     -- sha256 of judge model + prompt template hash + rubric version
  judge_model    TEXT NOT NULL DEFAULT '',
  set_id         INTEGER REFERENCES golden_sets(id) ON DELETE CASCADE,
  items          INTEGER NOT NULL,
  raw_agreement  REAL NOT NULL,
  kappa          REAL,              -- NULL when undefined (one single category)
  kappa_low      REAL,
  kappa_high     REAL,
  validated      INTEGER NOT NULL CHECK (validated IN (0, 1)),
  report         TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(report)),
  created_at     TEXT NOT NULL DEFAULT )SQL" TB_NOW R"SQL(
);
CREATE INDEX judge_validations_by_key ON judge_validations(judge_key, id);
)SQL";

// Step 4: why a training run ended, beside its status (the status CHECK above cannot grow
// without rebuilding runs, which would cascade-delete run_metrics): 'all_steps',
// 'early_stopping', 'non_finite_loss', 'non_finite_grad_norm', 'cancelled', 'error' (see
// core/project/runs.h); NULL while running and for eval runs. Before this step a
// run stopped early was 'completed' plus a 'train/stopped_early' metric: backfilled here, the
// metric rows kept as they were.
const char* kStep4 = R"SQL(
ALTER TABLE runs ADD COLUMN stop_reason TEXT;

UPDATE runs SET stop_reason = 'early_stopping'
WHERE kind = 'train' AND status = 'completed'
  AND EXISTS (SELECT 1 FROM run_metrics AS m WHERE m.run_id = runs.id AND m.name = 'train/stopped_early');
)SQL";

#undef TB_NOW

int read_user_version(sqlite3* db) { return static_cast<int>(query_int64(db, "PRAGMA user_version").value_or(0)); }

}  // namespace

const std::vector<Migration>& schema_migrations() {
    static const std::vector<Migration> steps = {
        {1, "pipeline tables: examples, imports, tags, splits, reviews, golden sets, runs, evals, checks, decisions",
         kStep1},
        {2, "full-text search over example messages (FTS5, kept in sync by triggers)", kStep2},
        {3, "LLM judge: response cache, pairwise grades, judge validations", kStep3},
        {4, "why a training run ended: runs.stop_reason (early stopping, NaN loss, ...)", kStep4},
    };
    return steps;
}

int current_schema_version() { return schema_migrations().back().version; }

void migrate(sqlite3* db, const std::string& path, int target_version) {
    int version = read_user_version(db);
    if (version > current_schema_version()) {
        throw Error(path + " was written by a newer Tunebench (project schema " + std::to_string(version) +
                    ", this version reads up to " + std::to_string(current_schema_version()) +
                    "): update Tunebench to open it");
    }
    for (const Migration& step : schema_migrations()) {
        if (step.version <= version || step.version > target_version) continue;
        exec_sql(db, "BEGIN IMMEDIATE");
        try {
            // Another process may have migrated while we waited for the write lock.
            int now = read_user_version(db);
            if (now < step.version) {
                exec_sql(db, step.sql);
                exec_sql(db, "PRAGMA user_version = " + std::to_string(step.version));
            }
            exec_sql(db, "COMMIT");
        } catch (const DatabaseBusy&) {
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
            throw;
        } catch (const Error& e) {
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
            throw Error(path + ": cannot upgrade the project to schema " + std::to_string(step.version) + " (" +
                        step.description + "): " + e.what());
        }
        version = step.version;
    }
}

}  // namespace tb
