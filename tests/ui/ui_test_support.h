#pragma once
// Shared helpers of the GUI tests: projects built through the core API, screenshots into
// the build folder, waiting on signals, and capturing message boxes.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include "ui/common/message_hook.h"

class QWidget;

namespace tbtest {

// A chat example with a user question and an assistant answer.
struct ChatPair {
    std::string user;
    std::string assistant;
    std::string system = {};  // empty: no system message
};

// Creates a project at `path` holding `examples` (in order: ids 1..n). Returns their ids.
std::vector<std::int64_t> createProject(const std::string& path, const std::vector<ChatPair>& examples);

// `count` generated examples "Question number N about TOPIC" (topics cycle through five
// words), inserted in one transaction.
void createGeneratedProject(const std::string& path, std::int64_t count);

// Writes `lines` to `path` (one per line).
void writeLines(const QString& path, const QStringList& lines);

// Saves `widget` as <build>/ui_screenshots/<name>.png; returns the path.
QString saveScreenshot(QWidget* widget, const QString& name);

// Records every message box the GUI tries to show, for as long as it lives.
class MessageCapture {
public:
    MessageCapture();
    ~MessageCapture();
    const std::vector<tbui::UserMessage>& messages() const { return messages_; }
    void clear() { messages_.clear(); }

private:
    std::vector<tbui::UserMessage> messages_;
};

}  // namespace tbtest
