// tunebench-cli tokenize: the token ids of a text, as the model's own tokenizer gives them.
#include <iostream>

#include "app/tunebench-cli/command.h"
#include "core/common/error.h"
#include "core/common/input_file.h"
#include "core/text/tokenizer.h"

namespace {

int run_tokenize(const std::vector<std::string>& argv) {
    tbcli::Args args(argv, {"model", "text", "file"}, {"no-special"});
    if (!args.positionals().empty()) throw tbcli::UsageError("unexpected argument '" + args.positionals()[0] + "'");
    auto model = args.value("model");
    if (!model) throw tbcli::UsageError("--model DIR is required");
    auto text = args.value("text");
    auto file = args.value("file");
    if (text.has_value() == file.has_value()) throw tbcli::UsageError("give exactly one of --text and --file");

    auto tokenizer = tb::Tokenizer::from_folder(*model);
    // --file is read byte for byte: no newline is trimmed, an empty file is the empty text.
    const std::string input = text ? *text : tb::read_input_file(*file);
    auto ids = tokenizer.encode(input, !args.flag("no-special"));
    std::string line;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (i) line.push_back(' ');
        line += std::to_string(ids[i]);
    }
    std::cout << line << "\n";
    return tbcli::kExitOk;
}

const tbcli::CommandRegistration registration({
    "tokenize",
    "tokenize --model DIR (--text TEXT | --file FILE) [--no-special]",
    "Print the token ids of a text (space-separated, one line) with DIR's tokenizer.json; "
    "--no-special adds no BOS/EOS.",
    run_tokenize,
});

}  // namespace
