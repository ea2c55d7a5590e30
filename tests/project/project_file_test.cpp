#include "core/project/project_file.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <thread>

#include "common/temp_dir.h"
#include "core/project/schema.h"

namespace {

using tb::ProjectFile;

std::int64_t scalar(const ProjectFile& project, const char* sql) {
    auto value = tb::query_int64(project.handle(), sql);
    EXPECT_TRUE(value.has_value()) << sql;
    return value.value_or(-1);
}

std::string error_of(const std::function<void()>& fn) {
    try {
        fn();
    } catch (const tb::Error& e) {
        return e.what();
    }
    return "(no error)";
}

// Writes the project file an older Tunebench (project schema `version`) made, then `fill`s it
// with that version's SQL, and closes it.
void write_old_project(const std::string& path, int version, const std::function<void(ProjectFile&)>& fill) {
    tb::ProjectOpenOptions old;
    old.schema_version = version;
    auto project = ProjectFile::create(path, old);
    ASSERT_EQ(project.schema_version(), version);
    fill(project);
}

TEST(ProjectFile, CreateSetsPragmasSchemaAndMeta) {
    tbtest::TempDir dir;
    auto project = ProjectFile::create(dir.file("p.tunebench"));
    EXPECT_EQ(project.schema_version(), tb::current_schema_version());
    EXPECT_EQ(scalar(project, "PRAGMA application_id"), tb::kProjectApplicationId);
    EXPECT_EQ(scalar(project, "PRAGMA foreign_keys"), 1);
    EXPECT_EQ(scalar(project, "PRAGMA synchronous"), 2);  // FULL
    auto mode = project.prepare("PRAGMA journal_mode");
    ASSERT_TRUE(mode.step());
    EXPECT_EQ(mode.column_text(0), "wal");
    ASSERT_TRUE(project.meta("created_with").has_value());
    EXPECT_NE(project.meta("created_with")->find("tunebench"), std::string::npos);
    EXPECT_FALSE(project.meta("no such key").has_value());
}

TEST(ProjectFile, ReopensWithSettings) {
    tbtest::TempDir dir;
    {
        auto project = ProjectFile::create(dir.file("p.tunebench"));
        project.set_meta("name", "support bot");
        project.set_meta("name", "support bot v2");
    }
    auto project = ProjectFile::open(dir.file("p.tunebench"));
    EXPECT_EQ(project.meta("name").value_or(""), "support bot v2");
    EXPECT_EQ(scalar(project, "PRAGMA foreign_keys"), 1);
}

TEST(ProjectFile, CreateRefusesAnExistingFile) {
    tbtest::TempDir dir;
    ProjectFile::create(dir.file("p.tunebench"));
    EXPECT_NE(error_of([&] { ProjectFile::create(dir.file("p.tunebench")); }).find("already exists"),
              std::string::npos);
}

TEST(ProjectFile, OpenMissingFileSaysHowToCreateOne) {
    tbtest::TempDir dir;
    std::string message = error_of([&] { ProjectFile::open(dir.file("missing.tunebench")); });
    EXPECT_NE(message.find("no such project"), std::string::npos) << message;
    EXPECT_NE(message.find("init"), std::string::npos) << message;
}

TEST(ProjectFile, RefusesAFileThatIsNotSqlite) {
    tbtest::TempDir dir;
    std::string path = dir.write("notes.tunebench", std::string(5000, 'x') + "\nhello world\n");
    std::string message = error_of([&] { ProjectFile::open(path); });
    EXPECT_NE(message.find("is not a Tunebench project"), std::string::npos) << message;
}

TEST(ProjectFile, RefusesAnotherProgramsSqliteDatabase) {
    tbtest::TempDir dir;
    std::string path = dir.file("other.db");
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES (1);", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
    std::string message = error_of([&] { ProjectFile::open(path); });
    EXPECT_NE(message.find("is not a Tunebench project (an SQLite database of another program)"), std::string::npos)
        << message;
    // And it was not modified: still no application id.
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    EXPECT_EQ(tb::query_int64(db, "PRAGMA application_id").value_or(-1), 0);
    sqlite3_close(db);
}

TEST(ProjectFile, RefusesAProjectFromANewerVersion) {
    tbtest::TempDir dir;
    std::string path = dir.file("future.tunebench");
    {
        auto project = ProjectFile::create(path);
        project.exec("PRAGMA user_version = " + std::to_string(tb::current_schema_version() + 1));
    }
    std::string message = error_of([&] { ProjectFile::open(path); });
    EXPECT_NE(message.find("newer Tunebench"), std::string::npos) << message;
    EXPECT_NE(message.find(path), std::string::npos) << message;
}

TEST(ProjectFile, MigratesAVersion1ProjectAndIndexesItsExamples) {
    tbtest::TempDir dir;
    std::string path = dir.file("old.tunebench");
    write_old_project(path, 1, [&](ProjectFile& project) {
        // A version-1 file has no full-text index yet.
        EXPECT_EQ(scalar(project, "SELECT count(*) FROM sqlite_master WHERE name = 'examples_fts'"), 0);
        project.exec(R"(INSERT INTO examples(messages, content_hash, preview, turns) VALUES
            ('{"messages":[{"role":"user","content":"How do penguins sleep?"},{"role":"assistant","content":"Standing up, in short naps."}]}', 'h1', 'How do penguins sleep?', 2),
            ('{"messages":[{"role":"user","content":"Name a prime"},{"role":"assistant","content":"Seven."}]}', 'h2', 'Name a prime', 2))");
    });
    auto project = ProjectFile::open(path);
    EXPECT_EQ(project.schema_version(), tb::current_schema_version());
    EXPECT_EQ(scalar(project, "SELECT count(*) FROM examples"), 2);
    EXPECT_EQ(scalar(project, "SELECT rowid FROM examples_fts WHERE examples_fts MATCH 'penguins'"), 1);
    EXPECT_EQ(scalar(project, "SELECT rowid FROM examples_fts WHERE examples_fts MATCH 'seven'"), 2);
    // Triggers keep it in sync from now on.
    project.exec(
        R"(UPDATE examples SET messages = '{"messages":[{"role":"user","content":"Name an odd prime"},{"role":"assistant","content":"Eleven."}]}' WHERE id = 2)");
    EXPECT_EQ(scalar(project, "SELECT count(*) FROM examples_fts WHERE examples_fts MATCH 'seven'"), 0);
    EXPECT_EQ(scalar(project, "SELECT rowid FROM examples_fts WHERE examples_fts MATCH 'eleven'"), 2);
    project.exec("DELETE FROM examples WHERE id = 1");
    EXPECT_EQ(scalar(project, "SELECT count(*) FROM examples_fts WHERE examples_fts MATCH 'penguins'"), 0);
}

TEST(ProjectFile, MigratesAVersion3ProjectToRunStopReasonsKeepingEveryRunAndMetric) {
    tbtest::TempDir dir;
    std::string path = dir.file("v3.tunebench");
    write_old_project(path, 3, [&](ProjectFile& project) {
        EXPECT_EQ(scalar(project, "SELECT count(*) FROM pragma_table_info('runs') WHERE name = 'stop_reason'"), 0);
        // Schema 3 recorded an early stop as 'completed' plus the marker metric 'train/stopped_early'.
        project.exec(R"(INSERT INTO runs(id, kind, status) VALUES
            (1, 'train', 'completed'), (2, 'train', 'completed'), (3, 'eval', 'completed'), (4, 'train', 'running'))");
        project.exec(R"(INSERT INTO run_metrics(run_id, name, step, value) VALUES
            (1, 'train/loss', 1, 3.0), (1, 'train/stopped_early', 7, 1), (2, 'train/loss', 1, 2.0),
            (3, 'train/stopped_early', 2, 1))");
    });
    auto project = ProjectFile::open(path);
    EXPECT_EQ(project.schema_version(), tb::current_schema_version());
    EXPECT_EQ(scalar(project, "SELECT count(*) FROM pragma_table_info('runs') WHERE name = 'stop_reason'"), 1);
    // Backfilled from the marker, for completed training runs only.
    EXPECT_EQ(scalar(project, "SELECT count(*) FROM runs WHERE stop_reason = 'early_stopping'"), 1);
    EXPECT_EQ(scalar(project, "SELECT id FROM runs WHERE stop_reason = 'early_stopping'"), 1);
    EXPECT_EQ(scalar(project, "SELECT count(*) FROM runs WHERE stop_reason IS NULL"), 3);
    // A column added, not a rebuilt table: no run and no metric lost (a rebuild of runs
    // would cascade-delete run_metrics), statuses unchanged.
    EXPECT_EQ(scalar(project, "SELECT count(*) FROM runs"), 4);
    EXPECT_EQ(scalar(project, "SELECT count(*) FROM run_metrics"), 4);
    EXPECT_EQ(scalar(project, "SELECT count(*) FROM runs WHERE status = 'completed'"), 3);
    // The status CHECK is still there; the reason is free text.
    EXPECT_THROW(project.exec("UPDATE runs SET status = 'stopped_early' WHERE id = 1"), tb::Error);
    project.exec("UPDATE runs SET stop_reason = 'cancelled', status = 'cancelled' WHERE id = 4");
    EXPECT_EQ(scalar(project, "SELECT count(*) FROM runs WHERE status = 'cancelled'"), 1);
}

TEST(ProjectFile, EveryMigrationStepIsRecordedInOrder) {
    const auto& steps = tb::schema_migrations();
    ASSERT_FALSE(steps.empty());
    for (std::size_t i = 0; i < steps.size(); ++i) EXPECT_EQ(steps[i].version, static_cast<int>(i) + 1);
}

TEST(ProjectFile, TransactionCommitsOrRollsBackAsAWhole) {
    tbtest::TempDir dir;
    auto project = ProjectFile::create(dir.file("p.tunebench"));
    EXPECT_THROW(project.transaction([&] {
        project.exec("INSERT INTO tags(name) VALUES ('a')");
        project.exec("INSERT INTO tags(name) VALUES ('b')");
        throw tb::Error("user cancelled half-way");
    }),
                 tb::Error);
    EXPECT_EQ(scalar(project, "SELECT count(*) FROM tags"), 0);
    EXPECT_FALSE(project.in_transaction());

    std::int64_t id = project.transaction([&] {
        project.exec("INSERT INTO tags(name) VALUES ('a')");
        // A nested call joins the outer transaction.
        project.transaction([&] { project.exec("INSERT INTO tags(name) VALUES ('b')"); });
        return tb::query_int64(project.handle(), "SELECT id FROM tags WHERE name = 'b'").value();
    });
    EXPECT_GT(id, 0);
    EXPECT_EQ(scalar(project, "SELECT count(*) FROM tags"), 2);
}

TEST(ProjectFile, ConstraintsAreEnforced) {
    tbtest::TempDir dir;
    auto project = ProjectFile::create(dir.file("p.tunebench"));
    // Foreign keys: a tag on an example that does not exist.
    project.exec("INSERT INTO tags(name) VALUES ('x')");
    EXPECT_THROW(project.exec("INSERT INTO example_tags(example_id, tag_id) VALUES (42, 1)"), tb::Error);
    // Reviews are history: never rewritten.
    project.exec(R"(INSERT INTO examples(messages, content_hash) VALUES ('{"messages":[]}', 'h'))");
    project.exec("INSERT INTO reviews(example_id, reviewer, verdict) VALUES (1, 'ana', 'accept')");
    std::string message = error_of([&] { project.exec("UPDATE reviews SET verdict = 'reject'"); });
    EXPECT_NE(message.find("append-only"), std::string::npos) << message;
    // Duplicate content hashes are refused.
    EXPECT_THROW(project.exec(R"(INSERT INTO examples(messages, content_hash) VALUES ('{"messages":[]}', 'h'))"),
                 tb::Error);
}

TEST(ProjectFile, TransactionWaitsForAnotherWriterInsteadOfFailing) {
    tbtest::TempDir dir;
    std::string path = dir.file("p.tunebench");
    ProjectFile::create(path);
    tb::ProjectOpenOptions impatient;
    impatient.busy_timeout_ms = 20;  // SQLite gives up quickly: transaction() must retry
    auto writer = ProjectFile::open(path);
    auto waiter = ProjectFile::open(path, impatient);

    std::atomic<bool> locked{false};
    std::thread holder([&] {
        writer.transaction([&] {
            writer.exec("INSERT INTO tags(name) VALUES ('first')");
            locked = true;
            std::this_thread::sleep_for(std::chrono::milliseconds(400));
        });
    });
    while (!locked) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    EXPECT_NO_THROW(waiter.transaction([&] { waiter.exec("INSERT INTO tags(name) VALUES ('second')"); }));
    holder.join();
    EXPECT_EQ(scalar(waiter, "SELECT count(*) FROM tags"), 2);
    EXPECT_EQ(scalar(waiter, "SELECT id FROM tags WHERE name = 'second'"), 2);  // ran after 'first' committed
}

TEST(ProjectFile, GivesUpWithAnActionableMessageAfterTheWaitBudget) {
    tbtest::TempDir dir;
    std::string path = dir.file("p.tunebench");
    ProjectFile::create(path);
    tb::ProjectOpenOptions short_wait;
    short_wait.busy_timeout_ms = 20;
    short_wait.max_busy_wait_ms = 100;
    auto writer = ProjectFile::open(path);
    auto waiter = ProjectFile::open(path, short_wait);
    writer.exec("BEGIN IMMEDIATE");
    std::string message =
        error_of([&] { waiter.transaction([&] { waiter.exec("INSERT INTO tags(name) VALUES ('x')"); }); });
    writer.exec("ROLLBACK");
    EXPECT_NE(message.find("another program"), std::string::npos) << message;
    EXPECT_EQ(message.find("database is locked"), std::string::npos) << message;
}

}  // namespace
