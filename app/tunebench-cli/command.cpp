#include "app/tunebench-cli/command.h"

#include <algorithm>
#include <cstdlib>

namespace tbcli {

std::map<std::string, Command>& registry() {
    static std::map<std::string, Command> commands;
    return commands;
}

Args::Args(std::vector<std::string> argv, std::vector<std::string> value_options,
           std::vector<std::string> flag_options) {
    auto is_in = [](const std::vector<std::string>& v, const std::string& s) {
        return std::find(v.begin(), v.end(), s) != v.end();
    };
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a == "--help" || a == "-h") throw HelpRequested{};
        if (a.size() > 2 && a.rfind("--", 0) == 0) {
            std::string key = a.substr(2), val;
            bool has_inline = false;
            if (auto eq = key.find('='); eq != std::string::npos) {
                val = key.substr(eq + 1);
                key = key.substr(0, eq);
                has_inline = true;
            }
            if (is_in(flag_options, key)) {
                if (has_inline) throw UsageError("--" + key + " takes no value");
                flags_[key] = true;
            } else if (is_in(value_options, key)) {
                if (!has_inline) {
                    if (i + 1 >= argv.size()) throw UsageError("--" + key + " needs a value");
                    val = argv[++i];
                }
                values_[key] = val;
            } else {
                throw UsageError("unknown option --" + key);
            }
        } else {
            positionals_.push_back(a);
        }
    }
}

std::string Args::positional(std::size_t i, const std::string& what) const {
    if (i >= positionals_.size()) throw UsageError("missing " + what);
    return positionals_[i];
}

bool Args::flag(const std::string& name) const { return flags_.count(name) > 0; }

std::optional<std::string> Args::value(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end()) return std::nullopt;
    return it->second;
}

std::string Args::value_or(const std::string& name, const std::string& fallback) const {
    auto v = value(name);
    return v ? *v : fallback;
}

double Args::number_or(const std::string& name, double fallback) const {
    auto v = value(name);
    if (!v) return fallback;
    char* end = nullptr;
    double d = std::strtod(v->c_str(), &end);
    if (v->empty() || *end != '\0') throw UsageError("--" + name + " needs a number, got '" + *v + "'");
    return d;
}

long long Args::integer_or(const std::string& name, long long fallback) const {
    auto v = value(name);
    if (!v) return fallback;
    char* end = nullptr;
    long long n = std::strtoll(v->c_str(), &end, 10);
    if (v->empty() || *end != '\0') throw UsageError("--" + name + " needs an integer, got '" + *v + "'");
    return n;
}

}  // namespace tbcli
