// The pre-flight report as JSON (CLI --json-preflight, tunebench_run.json) and as the text
// the CLI prints and the run dialog shows. Torch-free.
#include <cstdio>
#include <sstream>

#include "core/train/preflight_report.h"

namespace tb {

namespace {

std::string human_duration(double seconds) {
    char buf[64];
    if (seconds < 90)
        std::snprintf(buf, sizeof buf, "%.0f s", seconds);
    else if (seconds < 5400)
        std::snprintf(buf, sizeof buf, "%.1f min", seconds / 60.0);
    else
        std::snprintf(buf, sizeof buf, "%.1f h", seconds / 3600.0);
    return buf;
}

std::string human_bytes(double bytes) {
    char buf[64];
    if (bytes < 1024.0 * 1024.0 * 1024.0)
        std::snprintf(buf, sizeof buf, "%.0f MiB", bytes / (1024.0 * 1024.0));
    else
        std::snprintf(buf, sizeof buf, "%.2f GiB", bytes / (1024.0 * 1024.0 * 1024.0));
    return buf;
}

}  // namespace

nlohmann::json PreflightReport::to_json() const {
    return {{"train_examples", train_examples},
            {"validation_examples", validation_examples},
            {"dropped_too_long", dropped_too_long},
            {"truncated", truncated},
            {"dropped_untrained", dropped_untrained},
            {"failed", failed},
            {"format_errors", format_errors},
            {"train_tokens", train_tokens},
            {"trained_tokens", trained_tokens},
            {"trained_share", trained_share()},
            {"rows_per_epoch", rows_per_epoch},
            {"steps_per_epoch", steps_per_epoch},
            {"total_steps", total_steps},
            {"trainable_parameters", trainable_parameters},
            {"total_parameters", total_parameters},
            {"chat_template_origin", chat_template_origin},
            {"template_has_generation_blocks", template_has_generation_blocks},
            {"compute_dtype", compute_dtype},
            {"seconds_per_step", seconds_per_step},
            {"estimated_seconds", estimated_seconds},
            {"estimated_memory_bytes", estimated_memory_bytes},
            {"warnings", warnings}};
}

std::string PreflightReport::to_text() const {
    std::ostringstream out;
    char share[32];
    std::snprintf(share, sizeof share, "%.1f%%", 100.0 * trained_share());
    out << "Pre-flight report\n";
    out << "  examples: " << train_examples << " train, " << validation_examples << " validation\n";
    out << "  too long: " << dropped_too_long << " dropped, " << truncated << " truncated; " << dropped_untrained
        << " with nothing to train; " << failed << " failed to render\n";
    for (const auto& e : format_errors) out << "    " << e << "\n";
    out << "  tokens per epoch: " << train_tokens << " (" << trained_tokens << " trained, " << share << ")\n";
    out << "  rows per epoch: " << rows_per_epoch << ", steps per epoch: " << steps_per_epoch
        << ", total steps: " << total_steps << "\n";
    char params[96];
    std::snprintf(params, sizeof params, "%lld trainable of %lld (%.3f%%)",
                  static_cast<long long>(trainable_parameters), static_cast<long long>(total_parameters),
                  total_parameters ? 100.0 * double(trainable_parameters) / double(total_parameters) : 0.0);
    out << "  parameters: " << params << "\n";
    out << "  chat template: " << chat_template_origin
        << (template_has_generation_blocks ? " ({% generation %} blocks)" : " (assistant turns by prefix diffing)")
        << "\n";
    out << "  compute: " << compute_dtype << "\n";
    char step[64];
    std::snprintf(step, sizeof step, "%.3f s/step", seconds_per_step);
    out << "  time: " << step << ", estimated " << human_duration(estimated_seconds) << " in all\n";
    out << "  memory: about " << human_bytes(estimated_memory_bytes) << "\n";
    for (const auto& w : warnings) out << "  warning: " << w << "\n";
    return out.str();
}

}  // namespace tb
