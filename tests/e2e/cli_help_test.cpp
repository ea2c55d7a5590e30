// The command line behaves like one (issue 14, section 4): `COMMAND --help` prints that
// command's usage and exits 0 for every command and every subcommand of a group, taken from
// the list `tunebench-cli --help` prints (a new command without --help fails here); and the
// commands that need no model start without loading libtorch, which lives in the plugin
// opened by the commands that run a model (app/tunebench-cli/torch_plugin.h).
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <set>
#include <sstream>

#include "e2e/cli_runner.h"

namespace {

using tbtest::CliDir;

struct Listed {
    std::string name;
    std::vector<std::string> subcommands;  // of a group: "golden import ... | golden export ..."
};

// The commands of `tunebench-cli --help`: each listed as "  USAGE" on a line of its own.
std::vector<Listed> listed_commands(const std::string& help) {
    std::vector<Listed> commands;
    const std::regex word("^[a-z][a-z-]*$");
    for (const auto& line : tbtest::lines_of(help)) {
        if (line.size() < 3 || line.compare(0, 2, "  ") != 0 || line[2] == ' ') continue;
        std::istringstream usage(line.substr(2));
        Listed listed;
        usage >> listed.name;
        // "NAME SUB ... | NAME SUB2|SUB3 ...": the word after NAME, in each alternative.
        std::set<std::string> subs;
        std::string part, text = line.substr(2) + " | ";
        for (std::size_t at = 0, bar; (bar = text.find(" | ", at)) != std::string::npos; at = bar + 3) {
            std::istringstream alternative(text.substr(at, bar - at));
            std::string first, second;
            alternative >> first >> second;
            if (first != listed.name) continue;
            std::istringstream names(second);
            for (std::string sub; std::getline(names, sub, '|');)
                if (std::regex_match(sub, word)) subs.insert(sub);
        }
        listed.subcommands.assign(subs.begin(), subs.end());
        commands.push_back(listed);
    }
    return commands;
}

TEST(CliHelp, EveryCommandAndSubcommandPrintsItsUsageAndExitsZero) {
    CliDir dir;
    auto help = dir.run({"--help"}, "help");
    ASSERT_EQ(help.exit_code, 0) << help.err;
    const auto commands = listed_commands(help.out);
    std::set<std::string> names;
    for (const auto& c : commands) names.insert(c.name);
    // The list is complete: the torch plugin's commands are in it, and the groups.
    for (const char* expected : {"train", "generate", "merge", "create-model", "doctor", "keychain", "judge", "golden",
                                 "review", "suite", "stats", "render-template", "export", "tag"})
        EXPECT_TRUE(names.count(expected)) << expected << " missing from --help:\n" << help.out;
    ASSERT_GE(commands.size(), 25u) << help.out;

    for (const auto& c : commands) {
        std::vector<std::vector<std::string>> asks = {{c.name, "--help"}, {c.name, "-h"}};
        for (const auto& sub : c.subcommands) asks.push_back({c.name, sub, "--help"});
        for (const auto& args : asks) {
            auto result = dir.run(args, "ask");
            std::string shown;
            for (const auto& a : args) shown += a + " ";
            EXPECT_EQ(result.exit_code, 0) << shown << "\n" << result.err;
            EXPECT_EQ(result.out.rfind("usage: tunebench-cli " + c.name + " ", 0), 0u) << shown << "\n" << result.out;
            EXPECT_TRUE(result.err.empty()) << shown << "\n" << result.err;
        }
    }
    // A subcommand group lists its subcommands: keychain's are set, status and delete.
    for (const auto& c : commands) {
        if (c.name == "keychain") {
            EXPECT_EQ(c.subcommands, (std::vector<std::string>{"delete", "set", "status"}));
        }
    }
    // Anywhere among the options, --help asks for help and does nothing else ...
    auto anywhere = dir.run({"init", dir.file("p.tunebench"), "--json", "--help"}, "anywhere");
    EXPECT_EQ(anywhere.exit_code, 0);
    EXPECT_FALSE(std::filesystem::exists(dir.file("p.tunebench")));
    // ... but as the value of an option it is that value.
    auto value = dir.run({"render-template", "--template", "--help"}, "as_value");
    EXPECT_EQ(value.exit_code, 2);
    EXPECT_EQ(value.out.find("usage:"), std::string::npos) << value.out;
}

// The shared libraries the dynamic loader opened for `tunebench-cli args...` (LD_DEBUG=libs).
std::string loaded_libraries(const CliDir& dir, const std::vector<std::string>& args, int* exit_code) {
    std::string command = "LD_DEBUG=libs " + dir.command_line(args, "libs");
    *exit_code = WEXITSTATUS(std::system(command.c_str()));
    std::string opened;
    for (const auto& line : tbtest::lines_of(tbtest::read_text(dir.file("libs.err"))))
        if (line.find("calling init:") != std::string::npos) opened += line + "\n";
    return opened;
}

TEST(CliStartup, CommandsThatNeedNoModelDoNotLoadLibtorch) {
    CliDir dir;
    const std::string project = dir.file("p.tunebench");
    ASSERT_EQ(dir.run({"init", project}).exit_code, 0);
    int code = -1;
    for (const auto& args :
         std::vector<std::vector<std::string>>{{"--version"}, {"stats", project}, {"init", "--help"}}) {
        const auto libs = loaded_libraries(dir, args, &code);
        EXPECT_EQ(code, 0) << args[0];
        ASSERT_FALSE(libs.empty()) << "LD_DEBUG printed nothing: the check would pass blindly";
        EXPECT_EQ(libs.find("libtorch"), std::string::npos) << args[0] << " loaded libtorch:\n" << libs;
        EXPECT_EQ(libs.find("libc10"), std::string::npos) << args[0] << "\n" << libs;
    }
    // The commands that run a model do load it, through the plugin.
    const auto libs = loaded_libraries(dir, {"generate", "--help"}, &code);
    EXPECT_EQ(code, 0);
    EXPECT_NE(libs.find("tunebench-cli-torch.so"), std::string::npos) << libs;
    EXPECT_NE(libs.find("libtorch"), std::string::npos) << libs;
}

}  // namespace
