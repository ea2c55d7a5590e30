#include "core/eval/judge_validation.h"

#include <sqlite3.h>

#include <cmath>
#include <map>
#include <set>

#include "core/common/error.h"
#include "core/common/sha256.h"
#include "core/curation/golden_sets.h"
#include "core/eval/judge_prompts.h"
#include "core/eval/scorers.h"
#include "core/project/project_file.h"

namespace tb {
namespace {

nlohmann::json number_or_null(double v) { return std::isnan(v) ? nlohmann::json() : nlohmann::json(v); }

AgreementStats agreement_of(const std::string& name, const std::vector<const GradedPair*>& pairs) {
    AgreementStats s;
    s.criterion = name;
    std::vector<std::string> human, judge;
    std::set<std::int64_t> outputs;
    for (const auto* p : pairs) {
        human.push_back(p->human_pass ? "pass" : "fail");
        judge.push_back(p->judge_pass ? "pass" : "fail");
        outputs.insert(p->output_id);
    }
    s.items = static_cast<std::int64_t>(outputs.size());
    s.judgements = static_cast<std::int64_t>(pairs.size());
    if (!pairs.empty()) {
        s.kappa = cohen_kappa(human, judge, KappaWeighting::none, {"fail", "pass"});
        s.raw_agreement = s.kappa.observed_agreement;
    } else {
        s.kappa.kappa = std::nan("");
    }
    return s;
}

}  // namespace

nlohmann::json AgreementStats::to_json() const {
    return {{"criterion", criterion},
            {"items", items},
            {"judgements", judgements},
            {"raw_agreement", raw_agreement},
            {"kappa", number_or_null(kappa.kappa)},
            {"kappa_ci", {number_or_null(kappa.ci_low), number_or_null(kappa.ci_high)}},
            {"categories", kappa.categories},
            // rows: human label, columns: judge label
            {"confusion", kappa.confusion}};
}

std::vector<AgreementStats> judge_human_agreement(const std::vector<GradedPair>& pairs) {
    std::vector<const GradedPair*> all;
    std::map<std::string, std::vector<const GradedPair*>> by_criterion;
    for (const auto& p : pairs) {
        all.push_back(&p);
        by_criterion[p.criterion].push_back(&p);
    }
    std::vector<AgreementStats> out{agreement_of("overall", all)};
    for (const auto& [name, list] : by_criterion) out.push_back(agreement_of(name, list));
    return out;
}

std::string rubric_version(const ProjectFile& project, std::int64_t set_id) {
    std::set<std::string> criteria;  // sorted and distinct: item order and duplicates do not matter
    for (const auto& item : golden_items(project, set_id))
        for (const auto& c : item.rubric.criteria)
            if (c.kind == CriterionKind::judge) criteria.insert(to_json(c).dump());
    Sha256 h;
    for (const auto& c : criteria) {
        h.update(c);
        h.update("\n");
    }
    return h.hex_digest().substr(0, 16);
}

std::string judge_config_key(const JudgeConfig& config, const std::string& rubric_version) {
    Sha256 h;
    h.update("model=" + config.model + "\nprompts=" + judge_prompt_template_hash() + "\nrubric=" + rubric_version);
    return h.hex_digest().substr(0, 24);
}

bool is_judge_validated(const ProjectFile& project, const JudgeConfig& config, std::int64_t set_id) {
    const std::string key = judge_config_key(config, rubric_version(project, set_id));
    auto s = project.prepare("SELECT validated FROM judge_validations WHERE judge_key = ? ORDER BY id DESC LIMIT 1");
    s.bind(1, key);
    return s.step() && s.column_int64(0) == 1;
}

bool JudgeValidationReport::probes_ok() const { return (!bias || bias->ok) && (!reward_hacking || reward_hacking->ok); }

nlohmann::json JudgeValidationReport::to_json() const {
    nlohmann::json per = nlohmann::json::array();
    for (std::size_t i = 1; i < agreement.size(); ++i) per.push_back(agreement[i].to_json());
    nlohmann::json j{{"judge_model", judge_model},
                     {"config_key", config_key},
                     {"prompt_hash", prompt_hash},
                     {"rubric_version", rubric_version},
                     {"set_id", set_id},
                     {"validated", validated},
                     {"reason", reason},
                     {"overall", agreement.empty() ? nlohmann::json() : agreement[0].to_json()},
                     {"per_criterion", per},
                     {"unscorable", unscorable},
                     {"probes_ok", probes_ok()},
                     {"requests", cost.requests},
                     {"cached", cost.cached},
                     {"prompt_tokens", cost.prompt_tokens},
                     {"completion_tokens", cost.completion_tokens},
                     {"cost", cost.cost}};
    j["bias"] = bias ? bias->to_json() : nlohmann::json();
    j["reward_hacking"] = reward_hacking ? reward_hacking->to_json() : nlohmann::json();
    if (validation_id) j["validation_id"] = validation_id;
    return j;
}

std::vector<StoredJudgeValidation> list_judge_validations(const ProjectFile& project,
                                                          std::optional<std::int64_t> set_id) {
    std::string sql =
        "SELECT id, judge_key, judge_model, set_id, items, raw_agreement, kappa, kappa_low, kappa_high, validated, "
        "report, created_at FROM judge_validations";
    if (set_id) sql += " WHERE set_id = ?";
    sql += " ORDER BY id DESC";
    auto s = project.prepare(sql);
    if (set_id) s.bind(1, *set_id);
    std::vector<StoredJudgeValidation> out;
    while (s.step()) {
        StoredJudgeValidation v;
        v.id = s.column_int64(0);
        v.judge_key = s.column_text(1);
        v.judge_model = s.column_text(2);
        v.set_id = s.column_optional_int64(3);
        v.items = s.column_int64(4);
        v.raw_agreement = s.column_double(5);
        if (!s.is_null(6)) v.kappa = s.column_double(6);
        if (!s.is_null(7)) v.kappa_low = s.column_double(7);
        if (!s.is_null(8)) v.kappa_high = s.column_double(8);
        v.validated = s.column_int64(9) != 0;
        // The column is CHECKed json_valid, so parsing cannot fail on a project Tunebench wrote.
        v.report = nlohmann::json::parse(s.column_text(10), nullptr, false);
        if (v.report.is_discarded()) v.report = nlohmann::json::object();
        v.created_at = s.column_text(11);
        out.push_back(std::move(v));
    }
    return out;
}

JudgeValidationReport validate_judge(ProjectFile& project, std::int64_t set_id, const JudgeConfig& config,
                                     const JudgeValidationOptions& options, const JobContext& ctx) {
    {
        auto s = project.prepare("SELECT 1 FROM golden_sets WHERE id = ?");
        s.bind(1, set_id);
        if (!s.step()) throw Error("golden set " + std::to_string(set_id) + " does not exist");
    }
    JudgeValidationReport report;
    report.judge_model = config.model;
    report.set_id = set_id;
    report.prompt_hash = judge_prompt_template_hash();
    report.rubric_version = rubric_version(project, set_id);
    report.config_key = judge_config_key(config, report.rubric_version);

    std::map<std::int64_t, GoldenItem> items;
    for (auto& item : golden_items(project, set_id)) items.emplace(item.id, std::move(item));

    // The latest human grade per (output, criterion) of this set's outputs.
    struct Human {
        std::int64_t output_id, item_id, run_id;
        std::string criterion, output;
        bool pass;
    };
    std::map<std::pair<std::int64_t, std::string>, Human> human;
    {
        std::string sql =
            "SELECT sc.output_id, sc.criterion, sc.score, o.output, o.golden_item_id, o.run_id FROM eval_scores sc "
            "JOIN eval_outputs o ON o.id = sc.output_id JOIN golden_items g ON g.id = o.golden_item_id "
            "WHERE g.set_id = ? AND ";
        sql += options.grader.empty() ? "sc.scorer LIKE 'human:%'" : "sc.scorer = ?";
        sql += " ORDER BY sc.created_at, sc.id";
        auto s = project.prepare(sql);
        s.bind(1, set_id);
        if (!options.grader.empty()) s.bind(2, "human:" + options.grader);
        while (s.step()) {
            Human h{s.column_int64(0), s.column_int64(4), s.column_int64(5),
                    s.column_text(1),  s.column_text(3),  s.column_double(2) >= 1.0};
            human[{h.output_id, h.criterion}] = std::move(h);
        }
    }
    // Only judge criteria of the item's current rubric are compared.
    std::vector<JudgeTask> tasks;
    std::vector<const Human*> graded;
    for (const auto& [key, h] : human) {
        auto it = items.find(h.item_id);
        if (it == items.end()) continue;
        const auto& rubric = it->second.rubric;
        for (std::size_t c = 0; c < rubric.criteria.size(); ++c) {
            if (rubric.criteria[c].kind != CriterionKind::judge ||
                criterion_name(rubric.criteria[c], c + 1) != h.criterion)
                continue;
            tasks.push_back({JudgeTaskKind::single, single_answer_prompt(it->second.messages, it->second.reference,
                                                                         rubric.criteria[c].pass, h.output)});
            graded.push_back(&h);
        }
    }
    const auto verdicts = run_judge_tasks(project, config, tasks, &report.cost, ctx);
    std::vector<GradedPair> pairs;
    for (std::size_t i = 0; i < verdicts.size(); ++i) {
        if (!verdicts[i].scorable) {
            ++report.unscorable;
            continue;
        }
        pairs.push_back({graded[i]->output_id, graded[i]->criterion, graded[i]->pass, verdicts[i].score >= 1.0});
    }
    report.agreement = judge_human_agreement(pairs);
    const auto& overall = report.agreement[0];
    const double kappa = overall.kappa.kappa;
    char buffer[256];
    if (overall.items < options.min_items) {
        std::snprintf(buffer, sizeof buffer, "only %lld human-graded outputs compared; at least %lld are needed",
                      static_cast<long long>(overall.items), static_cast<long long>(options.min_items));
    } else if (std::isnan(kappa)) {
        std::snprintf(buffer, sizeof buffer, "kappa is undefined (one single label on both sides)");
    } else if (kappa < options.kappa_threshold) {
        std::snprintf(buffer, sizeof buffer, "kappa %.3f is below the threshold %.2f", kappa, options.kappa_threshold);
    } else {
        report.validated = true;
        std::snprintf(buffer, sizeof buffer, "kappa %.3f >= %.2f on %lld outputs", kappa, options.kappa_threshold,
                      static_cast<long long>(overall.items));
    }
    report.reason = buffer;

    if (options.run_probes) {
        std::vector<GoldenItem> probe_items;
        for (const auto& [id, item] : items) probe_items.push_back(item);
        report.reward_hacking =
            run_reward_hacking_probes(project, config, probe_items, options.probes, &report.cost, ctx);
        // Position pairs: two runs' answers to the same item. Verbosity: graded answers, else references.
        std::map<std::int64_t, std::vector<const Human*>> by_item;
        std::set<std::int64_t> seen_outputs;
        for (const auto& [key, h] : human)
            if (seen_outputs.insert(h.output_id).second) by_item[h.item_id].push_back(&h);
        std::vector<AnswerPair> position, verbosity;
        for (const auto& [item_id, list] : by_item) {
            auto it = items.find(item_id);
            if (it == items.end()) continue;
            for (std::size_t i = 1; i < list.size(); ++i)
                if (list[i]->run_id != list[0]->run_id && list[i]->output != list[0]->output) {
                    position.push_back({&it->second, list[0]->output, list[i]->output});
                    break;
                }
            if (!list[0]->output.empty()) verbosity.push_back({&it->second, list[0]->output, ""});
        }
        if (verbosity.empty())
            for (const auto& [id, item] : items)
                if (!item.reference.empty()) verbosity.push_back({&item, item.reference, ""});
        report.bias = run_bias_probes(project, config, position, verbosity, options.probes, &report.cost, ctx);
    }

    report.validation_id = project.transaction([&] {
        auto s = project.prepare(
            "INSERT INTO judge_validations(judge_key, judge_model, set_id, items, raw_agreement, kappa, kappa_low, "
            "kappa_high, validated, report, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        s.bind(1, report.config_key).bind(2, config.model).bind(3, set_id).bind(4, overall.items);
        s.bind(5, overall.raw_agreement);
        if (std::isnan(kappa))
            s.bind_null(6).bind_null(7).bind_null(8);
        else
            s.bind(6, kappa).bind(7, overall.kappa.ci_low).bind(8, overall.kappa.ci_high);
        s.bind(9, report.validated ? 1 : 0).bind(10, report.to_json().dump()).bind(11, utc_now_iso8601());
        s.run();
        return static_cast<std::int64_t>(sqlite3_last_insert_rowid(project.handle()));
    });
    return report;
}

}  // namespace tb
