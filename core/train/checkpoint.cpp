#include "core/train/checkpoint.h"

#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <mutex>

#include "core/common/error.h"
#include "core/train/train_files.h"

namespace tb {

namespace {

constexpr const char* kStateFile = "trainer_state.json";
constexpr const char* kTensorFile = "state.pt";
constexpr const char* kBestInfoFile = "best.json";

// Trainable tensors as "param_<i>" (archive keys cannot hold dots) and their names/shapes.
nlohmann::json write_tensors(torch::serialize::OutputArchive& archive,
                             const std::vector<std::pair<std::string, torch::Tensor>>& trainable) {
    nlohmann::json names = nlohmann::json::array();
    for (std::size_t i = 0; i < trainable.size(); ++i) {
        archive.write("param_" + std::to_string(i), trainable[i].second.detach().clone(), /*is_buffer=*/true);
        names.push_back({{"name", trainable[i].first}, {"shape", trainable[i].second.sizes().vec()}});
    }
    return names;
}

void read_tensors(torch::serialize::InputArchive& archive, const nlohmann::json& names,
                  const std::vector<std::pair<std::string, torch::Tensor>>& trainable,
                  const std::filesystem::path& dir) {
    if (names.size() != trainable.size())
        throw Error(dir.string() + ": the checkpoint holds " + std::to_string(names.size()) +
                    " trainable tensors, this run has " + std::to_string(trainable.size()) +
                    " (another model, method or LoRA configuration?)");
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
}

// Writes into `dir`.tmp through `fill`, then replaces `dir` by it.
template <class Fill>
void write_folder_atomically(const std::filesystem::path& dir, Fill fill) {
    auto tmp = dir;
    tmp += ".tmp";
    std::filesystem::remove_all(tmp);
    std::filesystem::create_directories(tmp);
    fill(tmp);
    std::filesystem::remove_all(dir);
    std::filesystem::rename(tmp, dir);
}

at::Generator cuda_generator() { return at::globalContext().defaultGenerator(at::Device(at::kCUDA)); }

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

RngState rng_state() {
    RngState state;
    state.cpu = cpu_rng_state();
    if (torch::cuda::is_available()) {
        auto gen = cuda_generator();
        std::lock_guard<std::mutex> lock(gen.mutex());
        state.cuda = gen.get_state();
    }
    return state;
}

void set_rng_state(const RngState& state) {
    set_cpu_rng_state(state.cpu);
    if (state.cuda.defined() && torch::cuda::is_available()) {
        auto gen = cuda_generator();
        std::lock_guard<std::mutex> lock(gen.mutex());
        gen.set_state(state.cuda);
    }
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

std::vector<CheckpointIdentity> list_checkpoints(const std::filesystem::path& output_dir) {
    std::vector<CheckpointIdentity> found;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(output_dir / "checkpoints", ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("step-", 0) != 0 || name.find('.') != std::string::npos) continue;
        if (!std::filesystem::exists(entry.path() / kStateFile) || !std::filesystem::exists(entry.path() / kTensorFile))
            continue;
        const nlohmann::json j = read_json_file(entry.path() / kStateFile);
        found.push_back({entry.path(), j.value("step", std::int64_t{0}), j.value("run_id", std::int64_t{0}),
                         j.value("config_hash", ""), j.value("config", nlohmann::json::object())});
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.step < b.step; });
    return found;
}

void save_checkpoint(const std::filesystem::path& dir, const CheckpointState& state,
                     const std::vector<std::pair<std::string, torch::Tensor>>& trainable,
                     torch::optim::Optimizer& optimizer, const nlohmann::json& config) {
    write_folder_atomically(dir, [&](const std::filesystem::path& tmp) {
        torch::serialize::OutputArchive archive;
        const nlohmann::json names = write_tensors(archive, trainable);
        torch::serialize::OutputArchive optimizer_archive;
        optimizer.save(optimizer_archive);
        archive.write("optimizer", optimizer_archive);
        const RngState rng = rng_state();
        archive.write("rng", rng.cpu, /*is_buffer=*/true);
        if (rng.cuda.defined()) archive.write("rng_cuda", rng.cuda, /*is_buffer=*/true);
        archive.save_to((tmp / kTensorFile).string());
        write_json_file(
            tmp / kStateFile,
            {{"step", state.step},
             {"epoch", state.epoch},
             {"run_id", state.run_id},
             {"config_hash", run_config_hash(config)},
             {"best_val_loss", state.best_val_loss ? nlohmann::json(*state.best_val_loss) : nlohmann::json()},
             {"best_step", state.best_step ? nlohmann::json(*state.best_step) : nlohmann::json()},
             {"bad_validations", state.bad_validations},
             {"tokens", state.tokens},
             {"elapsed_s", state.elapsed_s},
             {"trainable", names},
             {"config", config}});
    });
}

CheckpointState load_checkpoint(const std::filesystem::path& dir,
                                const std::vector<std::pair<std::string, torch::Tensor>>& trainable,
                                torch::optim::Optimizer& optimizer) {
    const auto state_path = dir / kStateFile;
    if (!std::filesystem::exists(state_path))
        throw Error(state_path.string() + ": cannot open (not a checkpoint folder?)");
    const nlohmann::json j = read_json_file(state_path);
    torch::serialize::InputArchive archive;
    archive.load_from((dir / kTensorFile).string());
    read_tensors(archive, j.at("trainable"), trainable, dir);
    torch::serialize::InputArchive optimizer_archive;
    archive.read("optimizer", optimizer_archive);
    optimizer.load(optimizer_archive);
    RngState rng;
    archive.read("rng", rng.cpu, /*is_buffer=*/true);
    torch::Tensor cuda;
    if (archive.try_read("rng_cuda", cuda, /*is_buffer=*/true)) rng.cuda = cuda;
    set_rng_state(rng);

    CheckpointState s;
    s.step = j.at("step").get<std::int64_t>();
    s.epoch = j.at("epoch").get<double>();
    s.run_id = j.at("run_id").get<std::int64_t>();
    s.config_hash = j.value("config_hash", "");
    if (!j.at("best_val_loss").is_null()) s.best_val_loss = j.at("best_val_loss").get<double>();
    if (j.contains("best_step") && !j.at("best_step").is_null()) s.best_step = j.at("best_step").get<std::int64_t>();
    s.bad_validations = j.at("bad_validations").get<std::int64_t>();
    s.tokens = j.at("tokens").get<std::int64_t>();
    s.elapsed_s = j.at("elapsed_s").get<double>();
    s.config = j.value("config", nlohmann::json::object());
    return s;
}

std::filesystem::path best_weights_dir(const std::filesystem::path& output_dir) {
    return output_dir / "checkpoints" / "best";
}

void save_best_weights(const std::filesystem::path& output_dir, const BestWeightsInfo& info,
                       const std::vector<std::pair<std::string, torch::Tensor>>& trainable) {
    write_folder_atomically(best_weights_dir(output_dir), [&](const std::filesystem::path& tmp) {
        torch::serialize::OutputArchive archive;
        const nlohmann::json names = write_tensors(archive, trainable);
        archive.save_to((tmp / kTensorFile).string());
        write_json_file(tmp / kBestInfoFile, {{"step", info.step}, {"val_loss", info.val_loss}, {"trainable", names}});
    });
}

std::optional<BestWeightsInfo> read_best_weights_info(const std::filesystem::path& output_dir) {
    const auto dir = best_weights_dir(output_dir);
    if (!std::filesystem::exists(dir / kBestInfoFile) || !std::filesystem::exists(dir / kTensorFile))
        return std::nullopt;
    const nlohmann::json j = read_json_file(dir / kBestInfoFile);
    return BestWeightsInfo{j.at("step").get<std::int64_t>(), j.at("val_loss").get<double>()};
}

void load_best_weights(const std::filesystem::path& output_dir,
                       const std::vector<std::pair<std::string, torch::Tensor>>& trainable) {
    const auto dir = best_weights_dir(output_dir);
    const nlohmann::json j = read_json_file(dir / kBestInfoFile);
    torch::serialize::InputArchive archive;
    archive.load_from((dir / kTensorFile).string());
    read_tensors(archive, j.at("trainable"), trainable, dir);
}

}  // namespace tb
