// The committed demo base model (examples/demo-model/model): it loads, its own tokenizer
// round-trips, its chat template renders the demo's support-ticket conversations with the
// assistant answer as the trained span, and pretraining really taught it what it learned in
// its CPU pretraining (chat format, generic JSON objects with the requested keys, classifying
// a message into the labels a prompt lists; not reliably arithmetic, so nothing here asserts
// that).
// Plus `tunebench-cli create-model`, which made its random starting point.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "core/model/generation.h"
#include "core/model/hf_config.h"
#include "core/model/llama.h"
#include "core/text/chat_template.h"
#include "core/text/tokenizer.h"
#include "core/train/sample_formatter.h"

namespace fs = std::filesystem;

namespace {

const fs::path kModelDir = fs::path(TUNEBENCH_SOURCE_DIR) / "examples/demo-model/model";
const fs::path kTickets = fs::path(TUNEBENCH_SOURCE_DIR) / "examples/support-tickets/train.jsonl";

tb::Example example_from_json(const nlohmann::json& record) {
    tb::Example example;
    for (const auto& m : record.at("messages"))
        example.messages.push_back(
            {m.at("role").get<std::string>(), m.at("content").get<std::string>(), "", nullptr, "", std::nullopt});
    return example;
}

nlohmann::json first_ticket() {
    std::ifstream in(kTickets);
    std::string line;
    std::getline(in, line);
    return nlohmann::json::parse(line);
}

std::uintmax_t folder_bytes(const fs::path& dir) {
    std::uintmax_t total = 0;
    for (const auto& entry : fs::recursive_directory_iterator(dir))
        if (entry.is_regular_file()) total += entry.file_size();
    return total;
}

// Greedy answer of the model to a conversation, through its own chat template.
std::string answer_conversation(tb::CausalLMImpl& model, const tb::Tokenizer& tokenizer,
                                const nlohmann::ordered_json& messages, std::int64_t max_new_tokens = 24) {
    nlohmann::ordered_json vars = {{"messages", messages}, {"add_generation_prompt", true}};
    auto rendered = tb::ChatTemplate(tokenizer.config().chat_template).render(vars);
    auto ids32 = tokenizer.encode(rendered.text, /*add_special_tokens=*/false);
    tb::GenerationOptions options;
    options.max_new_tokens = max_new_tokens;
    options.sampling.greedy = true;
    options.eos_token_ids = {*tokenizer.eos_id()};
    auto result = tb::generate(model, std::vector<std::int64_t>(ids32.begin(), ids32.end()), options);
    return tokenizer.decode(std::vector<std::int32_t>(result.tokens.begin(), result.tokens.end()), true);
}

std::string answer(tb::CausalLMImpl& model, const tb::Tokenizer& tokenizer, const std::string& question) {
    return answer_conversation(model, tokenizer,
                               nlohmann::ordered_json::array({{{"role", "user"}, {"content", question}}}));
}

TEST(DemoModel, FolderIsSmallAndLoads) {
    ASSERT_TRUE(fs::exists(kModelDir / "model.safetensors")) << kModelDir;
    EXPECT_LE(folder_bytes(kModelDir), 10u * 1000u * 1000u);
    auto config = tb::load_model_config(kModelDir);
    auto tokenizer = tb::Tokenizer::from_folder(kModelDir.string());
    EXPECT_EQ(config.model_type, "llama");
    EXPECT_TRUE(config.tie_word_embeddings);
    EXPECT_EQ(config.vocab_size, static_cast<std::int64_t>(tokenizer.vocab_size()));
    EXPECT_LE(tb::parameter_count(config), 2'500'000);
    auto model = tb::load_causal_lm(kModelDir);
    auto logits = model->forward(torch::tensor({{1, 2, 3}}, torch::kInt64));
    EXPECT_EQ(logits.sizes(), (std::vector<std::int64_t>{1, 3, config.vocab_size}));
    EXPECT_TRUE(torch::isfinite(logits).all().item<bool>());
    // The end-of-turn token stops generation: it must be the one config and tokenizer agree on.
    ASSERT_TRUE(tokenizer.eos_id().has_value());
    EXPECT_EQ(tokenizer.eos_token(), "<|im_end|>");
    auto eos_ids = tb::merged_eos_ids(config, tb::load_generation_defaults(kModelDir));
    EXPECT_NE(std::find(eos_ids.begin(), eos_ids.end(), *tokenizer.eos_id()), eos_ids.end());
}

TEST(DemoModel, TokenizerRoundTripsAndSplitsDigits) {
    auto tokenizer = tb::Tokenizer::from_folder(kModelDir.string());
    const std::vector<std::string> texts = {
        "What is 47 + 38?",
        "{\"name\": \"Alice\", \"age\": 31}",
        "Hi, my laser printer keeps restarting!!",
        "  two  spaces\tand a tab\n\nnew lines ",
        "Grüße aus Köln, 東京 🙂",
        "",
        "don't won't it's",
    };
    for (const auto& text : texts) {
        auto ids = tokenizer.encode(text, /*add_special_tokens=*/false);
        EXPECT_EQ(tokenizer.decode(ids), text);
        for (auto id : ids) EXPECT_LT(static_cast<std::size_t>(id), tokenizer.vocab_size());
    }
    // Digits are tokens of their own: the same digit is the same token wherever it stands.
    auto number = tokenizer.encode("90125", false);
    ASSERT_EQ(number.size(), 5u);
    for (std::size_t i = 0; i < number.size(); ++i)
        EXPECT_EQ(tokenizer.decode({number[i]}), std::string(1, "90125"[i]));
    auto palindrome = tokenizer.encode("x 7117", false);
    ASSERT_GE(palindrome.size(), 4u);
    EXPECT_EQ(palindrome[palindrome.size() - 4], palindrome.back());
    // ChatML markers are single special tokens, not text.
    auto marked = tokenizer.encode("<|im_start|>user\nhi<|im_end|>", false);
    ASSERT_GE(marked.size(), 3u);
    EXPECT_EQ(marked.front(), *tokenizer.token_to_id("<|im_start|>"));
    EXPECT_EQ(marked.back(), *tokenizer.eos_id());
    EXPECT_TRUE(tokenizer.is_special(marked.front()));
    // No BOS: the template starts every conversation itself.
    EXPECT_EQ(tokenizer.encode("hi", true), tokenizer.encode("hi", false));
}

TEST(DemoModel, ChatTemplateRendersSupportTicketWithAssistantSpan) {
    auto tokenizer = tb::Tokenizer::from_folder(kModelDir.string());
    const auto record = first_ticket();
    const std::string system = record["messages"][0]["content"], user = record["messages"][1]["content"],
                      reply = record["messages"][2]["content"];
    tb::ChatTemplate chat_template(tokenizer.config().chat_template);
    ASSERT_TRUE(chat_template.has_generation_blocks());
    nlohmann::ordered_json vars = {{"messages", record["messages"]}, {"add_generation_prompt", false}};
    auto rendered = chat_template.render(vars);
    EXPECT_EQ(rendered.text, "<|im_start|>system\n" + system + "<|im_end|>\n<|im_start|>user\n" + user +
                                 "<|im_end|>\n<|im_start|>assistant\n" + reply + "<|im_end|>\n");
    ASSERT_EQ(rendered.generation_spans.size(), 1u);
    const auto [begin, end] = rendered.generation_spans[0];
    EXPECT_EQ(rendered.text.substr(begin, end - begin), reply + "<|im_end|>");

    // What the trainer trains on: exactly the JSON answer and its end-of-turn token.
    tb::SampleFormatter formatter(tokenizer, tokenizer.config().chat_template);
    auto sample = formatter.format(example_from_json(record));
    ASSERT_TRUE(sample.has_value());
    std::vector<std::int32_t> trained;
    for (std::size_t i = 0; i < sample->input_ids.size(); ++i)
        if (sample->loss_weights[i] > 0) trained.push_back(sample->input_ids[i]);
    ASSERT_FALSE(trained.empty());
    EXPECT_EQ(trained.back(), *tokenizer.eos_id());
    EXPECT_EQ(tokenizer.decode(trained), reply + "<|im_end|>");
}

// Pretraining taught the JSON format the demo's LoRA run builds on: asked for an object with
// given keys, the model answers with a JSON object that starts with the first requested key.
TEST(DemoModel, GreedyAnswersFollowTheCorpusFormats) {
    auto tokenizer = tb::Tokenizer::from_folder(kModelDir.string());
    auto model = tb::load_causal_lm(kModelDir);
    model->eval();
    torch::NoGradGuard no_grad;
    const std::vector<std::pair<std::string, std::string>> requests = {
        {"Return a JSON object with key colour set to red.", "colour"},
        {"Give me a JSON object with key animal set to owl and key size set to tiny.", "animal"},
        {"Make a JSON object where fruit is mango, day is Monday.", "fruit"},
        {"Write this as JSON: shape is star, status is open.", "shape"},
        {"Format as a JSON object: country is Peru.", "country"},
        {"Answer with JSON only: an object with key level set to 7.", "level"},
        {"Return a JSON object with key city set to Lima and key day set to Friday.", "city"},
        {"Write this as JSON: name is Omar, age is 33.", "name"},
    };
    int objects = 0, first_key_right = 0;
    for (const auto& [question, first_key] : requests) {
        const auto text = answer(*model, tokenizer, question);
        auto parsed = nlohmann::ordered_json::parse(text, nullptr, /*allow_exceptions=*/false);
        if (!parsed.is_object() || parsed.empty()) {
            std::cerr << question << " -> not a JSON object: " << text << "\n";
            continue;
        }
        ++objects;
        if (parsed.begin().key() == first_key) ++first_key_right;
    }
    EXPECT_GE(objects, 7);
    EXPECT_GE(first_key_right, 6);
    // Greetings are answered in kind; a random model would not end its turn like this.
    EXPECT_EQ(answer(*model, tokenizer, "Hello!").rfind("Hello", 0), 0u);
}

// The skill the demo's LoRA run builds on (corpus_classify.py): read a message, answer with a
// JSON object with exactly the keys the system prompt lists, in its order, each with one of the
// listed labels, the one the message implies ("a film with ghosts" -> horror). Schemas of the
// pretraining corpus, never the support tickets'.
TEST(DemoModel, ClassifiesMessagesIntoTheListedLabels) {
    auto tokenizer = tb::Tokenizer::from_folder(kModelDir.string());
    auto model = tb::load_causal_lm(kModelDir);
    model->eval();
    torch::NoGradGuard no_grad;
    struct Case {
        std::string system, message;
        nlohmann::ordered_json expected;
    };
    const std::vector<Case> cases = {
        {"You read one weather report and answer with a JSON object with exactly the keys sky "
         "(sunny|rainy|snowy|cloudy) and wind (calm|windy|stormy).",
         "Hello, tomorrow it will rain and a storm arrives at night.",
         {{"sky", "rainy"}, {"wind", "stormy"}}},
        {"Read the film review. Reply with JSON only, with the keys genre (comedy|horror|drama|cartoon) and verdict "
         "(great|okay|bad).",
         "We watched a film with ghosts; I fell asleep.",
         {{"genre", "horror"}, {"verdict", "bad"}}},
        {"You read one pet adoption note and answer with a JSON object with exactly the keys animal "
         "(dog|cat|rabbit|bird|fish) and need (food|doctor|home|play).",
         "Hi, our kitten needs to see a vet. Thanks, Lena",
         {{"animal", "cat"}, {"need", "doctor"}}},
        {"Classify the car repair note into a JSON object with the keys part (brakes|tyres|engine|battery|lights) and "
         "symptom (noise|dead|leak).",
         "Since Monday the headlights do nothing.",
         {{"part", "lights"}, {"symptom", "dead"}}},
        {"You read one garden question and answer with a JSON object with exactly the keys plant "
         "(rose|tomato|tulip|basil|tree) and problem (insects|water|light).",
         "My cherry tomatoes get no sun.",
         {{"plant", "tomato"}, {"problem", "light"}}},
        {"Extract the fields of this note as JSON: drink (tea|coffee|milk|juice), room (kitchen|garage|attic) and day "
         "(Monday|Friday|Sunday).",
         "We meet every Friday. A cup of coffee would be nice. The cat sleeps in the attic.",
         {{"drink", "coffee"}, {"room", "attic"}, {"day", "Friday"}}},
    };
    int right_keys = 0, all_right = 0;
    for (const auto& c : cases) {
        const nlohmann::ordered_json messages = {{{"role", "system"}, {"content", c.system}},
                                                 {{"role", "user"}, {"content", c.message}}};
        const auto text = answer_conversation(*model, tokenizer, messages, 40);
        const auto parsed = nlohmann::ordered_json::parse(text, nullptr, /*allow_exceptions=*/false);
        std::vector<std::string> keys, expected_keys;
        if (parsed.is_object())
            for (const auto& [key, value] : parsed.items()) keys.push_back(key);
        for (const auto& [key, value] : c.expected.items()) expected_keys.push_back(key);
        right_keys += keys == expected_keys;
        all_right += parsed == c.expected;
        if (parsed != c.expected) std::cerr << c.message << " -> " << text << "\n";
    }
    // Measured: all six right; one may differ with other CPU kernels.
    EXPECT_GE(right_keys, 5);
    EXPECT_GE(all_right, 5);
}

// create-model: the random starting point of the demo model, from a config and a tokenizer.
TEST(CreateModelCli, WritesALoadableRandomModelAndChecksTheVocabulary) {
    tbtest::CliDir dir;
    auto config = nlohmann::json::parse(
        tbtest::read_text((fs::path(TUNEBENCH_SOURCE_DIR) / "examples/demo-model/config.json").string()));
    config["num_hidden_layers"] = 1;
    config["vocab_size"] = 1000;  // fewer rows than the tokenizer's 1024 ids
    auto small = dir.write("small.json", config.dump());
    auto refused = dir.run(
        {"create-model", "--config", small, "--tokenizer", kModelDir.string(), "--out", dir.file("m")}, "small");
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_NE(refused.err.find("vocab_size is 1000"), std::string::npos) << refused.err;
    EXPECT_FALSE(fs::exists(dir.file("m") + "/model.safetensors"));

    config["vocab_size"] = 1024;
    auto good = dir.write("good.json", config.dump());
    auto made = dir.run(
        {"create-model", "--config", good, "--tokenizer", kModelDir.string(), "--out", dir.file("m"), "--seed", "3"},
        "good");
    ASSERT_EQ(made.exit_code, 0) << made.err;
    auto model = tb::load_causal_lm(dir.file("m"));
    EXPECT_EQ(model->config().num_hidden_layers, 1);
    auto tokenizer = tb::Tokenizer::from_folder(dir.file("m"));
    EXPECT_EQ(tokenizer.vocab_size(), 1024u);
    EXPECT_FALSE(tokenizer.config().chat_template.empty());
    auto defaults = tb::load_generation_defaults(dir.file("m"));
    ASSERT_EQ(defaults.eos_token_ids.size(), 1u);
    EXPECT_EQ(defaults.eos_token_ids[0], *tokenizer.eos_id());
    // Random weights, seeded: not the trained ones.
    auto trained = tb::load_causal_lm(kModelDir);
    EXPECT_FALSE(torch::allclose(model->model->embed_tokens->weight, trained->model->embed_tokens->weight));
    // An existing model is not overwritten by accident.
    EXPECT_EQ(
        dir.run({"create-model", "--config", good, "--tokenizer", kModelDir.string(), "--out", dir.file("m")}, "again")
            .exit_code,
        2);
}

}  // namespace
