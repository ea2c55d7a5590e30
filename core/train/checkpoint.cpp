#include "core/train/checkpoint.h"

#include <ATen/CPUGeneratorImpl.h>

#include <fstream>
#include <mutex>
#include <sstream>

#include "core/common/error.h"

namespace tb {

namespace {

constexpr const char* kStateFile = "trainer_state.json";
constexpr const char* kTensorFile = "state.pt";

}  // namespace

torch::Tensor cpu_rng_state() {
    auto gen = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(gen.mutex());
    return gen.get_state();
}

void set_cpu_rng_state(const torch::Tensor& state) {
    auto gen = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(gen.mutex());
    gen.set_state(state);
}

std::filesystem::path checkpoint_dir(const std::filesystem::path& output_dir, std::int64_t step) {
    return output_dir / "checkpoints" / ("step-" + std::to_string(step));
}

std::optional<std::filesystem::path> latest_checkpoint(const std::filesystem::path& output_dir) {
    const auto root = output_dir / "checkpoints";
    std::error_code ec;
    if (!std::filesystem::is_directory(root, ec)) return std::nullopt;
    std::optional<std::filesystem::path> best;
    long long best_step = -1;
    for (const auto& entry : std::filesystem::directory_iterator(root, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("step-", 0) != 0 || name.find('.') != std::string::npos) continue;
        if (!std::filesystem::exists(entry.path() / kStateFile) || !std::filesystem::exists(entry.path() / kTensorFile))
            continue;
        long long step = -1;
        try {
            step = std::stoll(name.substr(5));
        } catch (...) {
            continue;
        }
        if (step > best_step) {
            best_step = step;
            best = entry.path();
        }
    }
    return best;
}

void save_checkpoint(const std::filesystem::path& dir, const CheckpointState& state,
                     const std::vector<std::pair<std::string, torch::Tensor>>& trainable,
                     torch::optim::Optimizer& optimizer, const nlohmann::json& config) {
    auto tmp = dir;
    tmp += ".tmp";
    std::filesystem::remove_all(tmp);
    std::filesystem::create_directories(tmp);

    torch::serialize::OutputArchive archive;
    nlohmann::json names = nlohmann::json::array();
    for (std::size_t i = 0; i < trainable.size(); ++i) {
        // Archive keys are attribute names (no dots): index them, names go to the JSON.
        archive.write("param_" + std::to_string(i), trainable[i].second.detach().clone(), /*is_buffer=*/true);
        names.push_back({{"name", trainable[i].first}, {"shape", trainable[i].second.sizes().vec()}});
    }
    torch::serialize::OutputArchive optimizer_archive;
    optimizer.save(optimizer_archive);
    archive.write("optimizer", optimizer_archive);
    archive.write("rng", cpu_rng_state(), /*is_buffer=*/true);
    archive.save_to((tmp / kTensorFile).string());

    nlohmann::json j = {
        {"step", state.step},
        {"epoch", state.epoch},
        {"run_id", state.run_id},
        {"best_val_loss", state.best_val_loss ? nlohmann::json(*state.best_val_loss) : nlohmann::json()},
        {"bad_validations", state.bad_validations},
        {"tokens", state.tokens},
        {"elapsed_s", state.elapsed_s},
        {"trainable", names},
        {"config", config}};
    {
        std::ofstream out(tmp / kStateFile);
        out << j.dump(2) << "\n";
        if (!out) throw Error((tmp / kStateFile).string() + ": cannot write (disk full?)");
    }
    std::filesystem::remove_all(dir);
    std::filesystem::rename(tmp, dir);
}

CheckpointState load_checkpoint(const std::filesystem::path& dir,
                                const std::vector<std::pair<std::string, torch::Tensor>>& trainable,
                                torch::optim::Optimizer& optimizer) {
    const auto state_path = dir / kStateFile;
    std::ifstream in(state_path);
    if (!in) throw Error(state_path.string() + ": cannot open (not a checkpoint folder?)");
    std::stringstream buffer;
    buffer << in.rdbuf();
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(buffer.str());
    } catch (const nlohmann::json::exception& e) {
        throw Error(state_path.string() + ": invalid JSON (" + e.what() + ")");
    }
    const auto& names = j.at("trainable");
    if (names.size() != trainable.size())
        throw Error(dir.string() + ": the checkpoint holds " + std::to_string(names.size()) +
                    " trainable tensors, this run has " + std::to_string(trainable.size()) +
                    " (another model, method or LoRA configuration?)");
    torch::serialize::InputArchive archive;
    archive.load_from((dir / kTensorFile).string());
    torch::NoGradGuard no_grad;
    for (std::size_t i = 0; i < trainable.size(); ++i) {
        const auto& [name, tensor] = trainable[i];
        if (names[i].at("name").get<std::string>() != name)
            throw Error(dir.string() + ": tensor " + std::to_string(i) + " is \"" +
                        names[i].at("name").get<std::string>() + "\" in the checkpoint but \"" + name +
                        "\" in this run");
        torch::Tensor saved;
        archive.read("param_" + std::to_string(i), saved, /*is_buffer=*/true);
        if (!saved.sizes().equals(tensor.sizes()))
            throw Error(dir.string() + ": \"" + name + "\" has shape " + c10::str(saved.sizes()) +
                        " in the checkpoint but " + c10::str(tensor.sizes()) + " in this run (another LoRA rank?)");
        tensor.copy_(saved);
    }
    torch::serialize::InputArchive optimizer_archive;
    archive.read("optimizer", optimizer_archive);
    optimizer.load(optimizer_archive);
    torch::Tensor rng;
    archive.read("rng", rng, /*is_buffer=*/true);
    set_cpu_rng_state(rng);

    CheckpointState s;
    s.step = j.at("step").get<std::int64_t>();
    s.epoch = j.at("epoch").get<double>();
    s.run_id = j.at("run_id").get<std::int64_t>();
    if (!j.at("best_val_loss").is_null()) s.best_val_loss = j.at("best_val_loss").get<double>();
    s.bad_validations = j.at("bad_validations").get<std::int64_t>();
    s.tokens = j.at("tokens").get<std::int64_t>();
    s.elapsed_s = j.at("elapsed_s").get<double>();
    return s;
}

}  // namespace tb
