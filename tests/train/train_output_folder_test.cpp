// What a run may do to its output folder (issue 14, section 2): never the base model's folder
// or one holding the project; a new run refuses a folder holding an earlier run's checkpoints
// or output unless told to replace it, and then leaves no stale file of it; checkpoints carry
// their run's id and config hash, and resume refuses a checkpoint of another run, naming both.
#include <gtest/gtest.h>

#include <fstream>

#include "core/common/error.h"
#include "core/common/output_file.h"
#include "core/project/runs.h"
#include "core/train/checkpoint.h"
#include "core/train/train_files.h"
#include "train/train_test_helpers.h"

namespace {

namespace fs = std::filesystem;
using tbtrain::Fixture;
using tbtrain::read_json;

std::string error_of(const std::function<void()>& work) {
    try {
        work();
    } catch (const tb::Error& e) {
        return e.what();
    }
    return "";
}

TEST(TrainOutputFolder, ANewRunRefusesAnEarlierRunsCheckpointsUnlessItReplacesThem) {
    Fixture f;
    auto c = f.config("out");
    c.max_steps = 3;
    c.checkpoint_every = 1;
    const auto first = tb::Trainer(f.project, c).run();
    ASSERT_EQ(first.status, tb::RunStatus::Completed) << first.message;
    ASSERT_EQ(tb::list_checkpoints(c.output_dir).size(), 3u);

    // The case: a new run with new settings into the folder. It used to train, so that a
    // later --resume continued the old run's step 3 over the new adapter.
    auto other = c;
    other.learning_rate = 2e-3;
    other.max_steps = 2;
    const std::string refused = error_of([&] { tb::Trainer(f.project, other).run(); });
    EXPECT_NE(refused.find("checkpoints of run " + std::to_string(first.run_id)), std::string::npos) << refused;
    EXPECT_NE(refused.find("--resume"), std::string::npos) << refused;
    EXPECT_NE(refused.find("--force"), std::string::npos) << refused;
    ASSERT_EQ(tb::list_checkpoints(c.output_dir).size(), 3u);  // untouched
    EXPECT_THROW(tb::Trainer(f.project, other).run(), tb::OutputRefused);

    const auto second = tb::Trainer(f.project, other).run({}, {}, false, nullptr, tb::Overwrite::replace);
    ASSERT_EQ(second.status, tb::RunStatus::Completed) << second.message;
    const auto left = tb::list_checkpoints(c.output_dir);
    ASSERT_EQ(left.size(), 2u);  // the earlier run's step-3 is gone: resume cannot pick it
    for (const auto& cp : left) EXPECT_EQ(cp.run_id, second.run_id) << cp.dir;
    EXPECT_EQ(read_json(c.output_dir / "tunebench_run.json")["run_id"], second.run_id);
}

TEST(TrainOutputFolder, CheckpointsCarryTheirRunsIdAndConfigHash) {
    Fixture f;
    auto c = f.config("out");
    c.max_steps = 2;
    const auto run = tb::Trainer(f.project, c).run();
    ASSERT_EQ(run.status, tb::RunStatus::Completed) << run.message;
    const auto checkpoints = tb::list_checkpoints(c.output_dir);
    ASSERT_EQ(checkpoints.size(), 1u);
    const auto state = read_json(checkpoints[0].dir / "trainer_state.json");
    EXPECT_EQ(state["run_id"], run.run_id);
    // The hash of the config the project recorded for the run.
    const auto row = tb::find_run(f.project, run.run_id);
    ASSERT_TRUE(row);
    EXPECT_EQ(state["config_hash"], tb::run_config_hash(row->config));
    EXPECT_EQ(state["config_hash"].get<std::string>().size(), 16u);
    // The settings a resume may change leave the hash alone; the others change it.
    auto more_steps = row->config;
    more_steps["max_steps"] = 10;
    EXPECT_EQ(tb::run_config_hash(more_steps), tb::run_config_hash(row->config));
    auto other_lr = row->config;
    other_lr["learning_rate"] = 0.5;
    EXPECT_NE(tb::run_config_hash(other_lr), tb::run_config_hash(row->config));
}

TEST(TrainOutputFolder, ResumeRefusesACheckpointOfAnotherRunNamingBoth) {
    Fixture f;
    auto c = f.config("out");
    c.max_steps = 2;
    c.checkpoint_every = 1;
    const auto first = tb::Trainer(f.project, c).run();
    ASSERT_EQ(first.status, tb::RunStatus::Completed) << first.message;
    const std::string first_hash = tb::list_checkpoints(c.output_dir).back().config_hash;

    // Resuming with other settings (learning rate) is another run: refused, naming both.
    auto changed = c;
    changed.max_steps = 4;  // more steps: allowed
    changed.learning_rate = 5e-3;
    const std::string refused = error_of([&] { tb::Trainer(f.project, changed).run({}, {}, true); });
    EXPECT_NE(refused.find("run " + std::to_string(first.run_id)), std::string::npos) << refused;
    EXPECT_NE(refused.find(first_hash), std::string::npos) << refused;
    EXPECT_NE(refused.find("learning_rate"), std::string::npos) << refused;

    // A folder that holds checkpoints of two runs (an older Tunebench let a new run write into
    // an earlier one's folder): resume names both and continues neither.
    auto b = f.config("b");
    b.max_steps = 3;
    b.checkpoint_every = 3;
    b.learning_rate = 4e-3;
    const auto other = tb::Trainer(f.project, b).run();
    ASSERT_EQ(other.status, tb::RunStatus::Completed) << other.message;
    fs::copy(tb::checkpoint_dir(b.output_dir, 3), tb::checkpoint_dir(c.output_dir, 3), fs::copy_options::recursive);
    const std::string mixed = error_of([&] {
        auto more = c;
        more.max_steps = 5;
        tb::Trainer(f.project, more).run({}, {}, true);
    });
    EXPECT_NE(mixed.find("run " + std::to_string(first.run_id)), std::string::npos) << mixed;
    EXPECT_NE(mixed.find("run " + std::to_string(other.run_id)), std::string::npos) << mixed;

    // Its own checkpoints resume, with more steps.
    fs::remove_all(tb::checkpoint_dir(c.output_dir, 3));
    auto more = c;
    more.max_steps = 3;
    const auto resumed = tb::Trainer(f.project, more).run({}, {}, true);
    ASSERT_EQ(resumed.status, tb::RunStatus::Completed) << resumed.message;
    EXPECT_EQ(resumed.run_id, first.run_id);
    EXPECT_EQ(resumed.steps, 3);
}

TEST(TrainOutputFolder, ReplacingAnEarlierOutputLeavesNoStaleFileAndKeepsOthers) {
    Fixture f;
    auto c = f.config("out");
    c.max_steps = 1;
    fs::create_directories(c.output_dir);
    // A full model's files from an earlier run, and a file Tunebench did not write.
    f.dir.write("out/config.json", "{\"model_type\": \"llama\"}");
    f.dir.write("out/model.safetensors", "stale");
    f.dir.write("out/notes.txt", "mine");
    const std::string refused = error_of([&] { tb::Trainer(f.project, c).run(); });
    EXPECT_NE(refused.find("not empty"), std::string::npos) << refused;
    EXPECT_TRUE(fs::exists(c.output_dir / "config.json"));

    const auto run = tb::Trainer(f.project, c).run({}, {}, false, nullptr, tb::Overwrite::replace);
    ASSERT_EQ(run.status, tb::RunStatus::Completed) << run.message;
    EXPECT_TRUE(fs::exists(c.output_dir / "adapter_model.safetensors"));
    EXPECT_FALSE(fs::exists(c.output_dir / "config.json"));  // a loader would take the folder for a full model
    EXPECT_FALSE(fs::exists(c.output_dir / "model.safetensors"));
    std::ifstream notes(c.output_dir / "notes.txt");
    std::string kept;
    std::getline(notes, kept);
    EXPECT_EQ(kept, "mine");
}

TEST(TrainOutputFolder, TheOutputIsNeverTheModelFolderNorOneHoldingTheProject) {
    Fixture f;
    for (const fs::path& out : {f.model_dir, fs::path(f.dir.file(""))}) {
        auto c = f.config("unused");
        c.output_dir = out;
        EXPECT_THROW(tb::Trainer(f.project, c).run({}, {}, false, nullptr, tb::Overwrite::replace), tb::OutputRefused)
            << out;
    }
    EXPECT_TRUE(fs::exists(f.model_dir / "config.json"));
    EXPECT_TRUE(fs::exists(f.project.path()));
}

}  // namespace
