// The runs module (core/project/runs.h), the one owner of the runs and run_metrics tables:
// the enums and the words the schema stores, each stop reason with the status it implies,
// eval and training runs ending their own way, metrics replaced or added up, what a training
// run's metrics say, and a project written before runs.stop_reason existed (schema 3: early
// stopping was a marker metric) still reporting its early-stopped run once opened.
#include "core/project/runs.h"

#include <gtest/gtest.h>

#include "common/temp_dir.h"
#include "core/common/error.h"
#include "core/project/project_file.h"
#include "core/project/schema.h"

namespace {

TEST(Runs, TheStoredWordsAreTheSchemasAndReadBack) {
    tbtest::TempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    // Every status word passes the runs.status CHECK of schema step 1; anything else does not.
    for (auto status : {tb::RunStatus::Pending, tb::RunStatus::Running, tb::RunStatus::Completed, tb::RunStatus::Failed,
                        tb::RunStatus::Cancelled}) {
        EXPECT_NO_THROW(project.exec(std::string("INSERT INTO runs(kind, status) VALUES ('train', '") +
                                     tb::to_string(status) + "')"))
            << tb::to_string(status);
        EXPECT_EQ(tb::run_status_from_string(tb::to_string(status)), status);
    }
    EXPECT_THROW(project.exec("INSERT INTO runs(kind, status) VALUES ('train', 'stopped_early')"), tb::Error);
    for (auto kind : {tb::RunKind::Train, tb::RunKind::Eval})
        EXPECT_EQ(tb::run_kind_from_string(tb::to_string(kind)), kind);
    EXPECT_THROW(project.exec("INSERT INTO runs(kind) VALUES ('deploy')"), tb::Error);
    // The stop reasons as schema step 4 documents them (and backfills 'early_stopping').
    const std::vector<std::pair<tb::RunStopReason, std::string>> reasons = {
        {tb::RunStopReason::AllSteps, "all_steps"},
        {tb::RunStopReason::EarlyStopping, "early_stopping"},
        {tb::RunStopReason::NonFiniteLoss, "non_finite_loss"},
        {tb::RunStopReason::NonFiniteGradNorm, "non_finite_grad_norm"},
        {tb::RunStopReason::Error, "error"},
        {tb::RunStopReason::Cancelled, "cancelled"}};
    for (const auto& [reason, word] : reasons) {
        EXPECT_EQ(tb::to_string(reason), word);
        EXPECT_EQ(tb::run_stop_reason_from_string(word), reason);
    }
    EXPECT_THROW(tb::run_stop_reason_from_string("stopped_early"), tb::Error);  // a status word of old, not a reason
    EXPECT_THROW(tb::run_status_from_string("done"), tb::Error);
}

TEST(Runs, EachStopReasonImpliesItsStatus) {
    tbtest::TempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    const auto run_id = tb::create_run(project, tb::RunKind::Train, "by hand", nlohmann::json{{"max_steps", 3}});
    auto running = tb::find_run(project, run_id);
    ASSERT_TRUE(running);
    EXPECT_EQ(running->kind, tb::RunKind::Train);
    EXPECT_EQ(running->status, tb::RunStatus::Running);
    EXPECT_FALSE(running->stop_reason);
    EXPECT_TRUE(running->ended_at.empty());
    EXPECT_FALSE(running->started_at.empty());
    EXPECT_FALSE(running->app_version.empty());
    EXPECT_EQ(running->config["max_steps"], 3);

    struct Expected {
        tb::RunStopReason reason;
        tb::RunStatus status;
        bool wrote_output, resumable;
    };
    const std::vector<Expected> expected = {{tb::RunStopReason::AllSteps, tb::RunStatus::Completed, true, false},
                                            {tb::RunStopReason::EarlyStopping, tb::RunStatus::Completed, true, false},
                                            {tb::RunStopReason::NonFiniteLoss, tb::RunStatus::Failed, false, true},
                                            {tb::RunStopReason::NonFiniteGradNorm, tb::RunStatus::Failed, false, true},
                                            {tb::RunStopReason::Error, tb::RunStatus::Failed, false, true},
                                            {tb::RunStopReason::Cancelled, tb::RunStatus::Cancelled, false, true}};
    for (const auto& e : expected) {
        const std::string reason = tb::to_string(e.reason);
        EXPECT_EQ(tb::status_for(e.reason), e.status) << reason;
        tb::restart_run(project, run_id);
        tb::finish_run(project, run_id, e.reason);
        const auto row = tb::find_run(project, run_id);
        EXPECT_EQ(row->status, e.status) << reason;
        EXPECT_EQ(row->stop_reason, e.reason);
        EXPECT_EQ(row->stopped_early(), e.reason == tb::RunStopReason::EarlyStopping) << reason;
        EXPECT_FALSE(row->ended_at.empty()) << reason;
        EXPECT_EQ(row->wrote_output(), e.wrote_output) << reason;
        EXPECT_EQ(row->resumable(), e.resumable) << reason;
    }
    // A training run ends with a reason; an eval run without one.
    EXPECT_THROW(tb::finish_run(project, run_id, tb::RunStatus::Completed), tb::Error);
    EXPECT_EQ(tb::find_run(project, run_id)->stop_reason, tb::RunStopReason::Cancelled);  // unchanged by the refusal
    EXPECT_THROW(tb::finish_run(project, run_id + 1, tb::RunStopReason::AllSteps), tb::Error);  // no such run
    EXPECT_FALSE(tb::find_run(project, run_id + 1));
}

TEST(Runs, EvalRunsEndWithoutAReasonAndListByKind) {
    tbtest::TempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    const auto train = tb::create_run(project, tb::RunKind::Train, "t", nlohmann::json::object());
    const auto eval = tb::create_run(project, tb::RunKind::Eval, "e", {{"set", "probe"}}, train);
    const auto other = tb::create_run(project, tb::RunKind::Eval, "f", nlohmann::json::object());
    EXPECT_THROW(tb::create_run(project, tb::RunKind::Eval, "bad", nlohmann::json::array()), tb::Error);
    EXPECT_THROW(tb::finish_run(project, eval, tb::RunStatus::Running), tb::Error);  // not an end
    EXPECT_THROW(tb::finish_run(project, eval, tb::RunStopReason::AllSteps), tb::Error);
    tb::finish_run(project, eval, tb::RunStatus::Failed);
    const auto row = tb::require_run(project, eval, tb::RunKind::Eval);
    EXPECT_EQ(row.status, tb::RunStatus::Failed);
    EXPECT_FALSE(row.stop_reason);
    EXPECT_FALSE(row.resumable());  // only training runs continue from a checkpoint
    EXPECT_EQ(row.parent_run_id, train);
    EXPECT_EQ(row.config["set"], "probe");
    try {
        tb::require_run(project, train, tb::RunKind::Eval);
        FAIL() << "a train run passed as an eval run";
    } catch (const tb::Error& e) {
        EXPECT_EQ(std::string(e.what()), "run " + std::to_string(train) + " is a train run, not an eval run");
    }
    EXPECT_THROW(tb::require_run(project, 99, tb::RunKind::Train), tb::Error);

    EXPECT_EQ(tb::count_runs(project), 3);
    const auto all = tb::list_runs(project);
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].id, train);  // oldest first
    EXPECT_EQ(all[2].id, other);
    const auto evals = tb::list_runs(project, tb::RunKind::Eval);
    ASSERT_EQ(evals.size(), 2u);
    EXPECT_EQ(evals[0].id, eval);
    EXPECT_EQ(tb::list_runs(project, tb::RunKind::Train).size(), 1u);
}

TEST(Runs, MetricsAreReplacedOrAddedUpAndLogsAppend) {
    tbtest::TempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    const auto run = tb::create_run(project, tb::RunKind::Train, "t", nlohmann::json::object());
    tb::record_run_metrics(project, run, 2, {{tb::kMetricTrainLoss, 1.5}, {tb::kMetricValLoss, 1.9}});
    tb::record_run_metrics(project, run, 1, {{tb::kMetricTrainLoss, 2.5}});
    tb::record_run_metrics(project, run, 4, {{tb::kMetricTrainLoss, 1.25}, {tb::kMetricValLoss, 1.7}});
    tb::record_run_metrics(project, run, 3, {{tb::kMetricValLoss, 1.8}});
    tb::record_run_metrics(project, run, 4, {{tb::kMetricTrainLoss, 1.0}});  // a resumed run rewrites step 4
    tb::add_to_run_metrics(project, run, 0, {{"judge:m/requests", 3}});
    tb::add_to_run_metrics(project, run, 0, {{"judge:m/requests", 2}});

    const auto metrics = tb::run_metrics(project, run);
    ASSERT_EQ(metrics.size(), 3u);
    EXPECT_EQ(metrics.at(tb::kMetricTrainLoss), (tb::MetricSeries{{1, 2.5}, {2, 1.5}, {4, 1.0}}));
    EXPECT_EQ(metrics.at("judge:m/requests"), (tb::MetricSeries{{0, 5.0}}));
    EXPECT_EQ(tb::run_metric(project, run, tb::kMetricValLoss), (tb::MetricSeries{{2, 1.9}, {3, 1.8}, {4, 1.7}}));
    EXPECT_TRUE(tb::run_metric(project, run, "nothing").empty());

    // By hand: the last logged step is 4 with loss 1.0; the lowest validation loss is 1.7.
    const auto progress = tb::train_run_progress(metrics);
    EXPECT_EQ(progress.last_step, 4);
    EXPECT_EQ(progress.final_loss, 1.0);
    EXPECT_EQ(progress.best_val_loss, 1.7);
    const auto none = tb::train_run_progress({});
    EXPECT_FALSE(none.last_step || none.final_loss || none.best_val_loss);

    tb::append_run_log(project, run, "first");
    tb::append_run_log(project, run, "second");
    EXPECT_EQ(tb::run_log(project, run), "first\nsecond\n");
    EXPECT_EQ(tb::run_log(project, run + 1), "");
}

TEST(Runs, AProjectWrittenBeforeStopReasonStillReportsItsEarlyStoppedRun) {
    tbtest::TempDir dir;
    const std::string path = dir.file("old.tunebench");
    {
        // What Tunebench wrote at project schema 3: a run stopped early was 'completed' plus
        // the marker metric; a run that trained every step had no marker.
        tb::ProjectOpenOptions v3;
        v3.schema_version = 3;
        auto project = tb::ProjectFile::create(path, v3);
        ASSERT_EQ(project.schema_version(), 3);
        project.exec(
            "INSERT INTO runs(id, kind, name, status) VALUES (1, 'train', 'stopped', 'completed'), "
            "(2, 'train', 'all steps', 'completed'), (3, 'train', 'diverged', 'failed')");
        project.exec(
            "INSERT INTO run_metrics(run_id, name, step, value) VALUES (1, 'train/loss', 4, 2.5), "
            "(1, 'train/stopped_early', 4, 1), (2, 'train/loss', 9, 1.5)");
    }
    auto project = tb::ProjectFile::open(path);
    EXPECT_EQ(project.schema_version(), tb::current_schema_version());
    const auto stopped = tb::find_run(project, 1);
    ASSERT_TRUE(stopped);
    EXPECT_EQ(stopped->status, tb::RunStatus::Completed);
    EXPECT_EQ(stopped->stop_reason, tb::RunStopReason::EarlyStopping);
    EXPECT_TRUE(stopped->stopped_early());
    EXPECT_TRUE(stopped->wrote_output());
    // The old runs whose reason was never recorded keep their status and no reason.
    EXPECT_EQ(tb::find_run(project, 2)->status, tb::RunStatus::Completed);
    EXPECT_FALSE(tb::find_run(project, 2)->stop_reason);
    EXPECT_EQ(tb::find_run(project, 3)->status, tb::RunStatus::Failed);
    EXPECT_FALSE(tb::find_run(project, 3)->stop_reason);
    EXPECT_TRUE(tb::find_run(project, 3)->resumable());
    // The metrics are untouched.
    EXPECT_EQ(tb::run_metric(project, 1, tb::kMetricTrainLoss).size(), 1u);
    EXPECT_EQ(tb::run_metric(project, 1, tb::kMetricStoppedEarly).size(), 1u);
}

}  // namespace
