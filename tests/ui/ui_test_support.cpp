#include "ui_test_support.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTextStream>
#include <QWidget>

#include "core/dataset/example.h"
#include "core/project/examples.h"
#include "core/project/project_file.h"

namespace tbtest {

std::vector<std::int64_t> createProject(const std::string& path, const std::vector<ChatPair>& examples) {
    tb::ProjectFile project = tb::ProjectFile::create(path);
    std::vector<std::int64_t> ids;
    project.transaction([&] {
        ids.clear();
        tb::ExampleInserter inserter(project);
        for (const ChatPair& pair : examples) {
            tb::Example example;
            if (!pair.system.empty())
                example.messages.push_back(tb::Message{"system", pair.system, "", nullptr, "", {}});
            example.messages.push_back(tb::Message{"user", pair.user, "", nullptr, "", {}});
            example.messages.push_back(tb::Message{"assistant", pair.assistant, "", nullptr, "", {}});
            example.source_file = "test.jsonl";
            example.source_line = ids.size() + 1;
            ids.push_back(inserter.insert(example).value());
        }
    });
    return ids;
}

void createGeneratedProject(const std::string& path, std::int64_t count) {
    static const char* const topics[] = {"invoices", "passwords", "shipping", "refunds", "accounts"};
    tb::ProjectFile project = tb::ProjectFile::create(path);
    project.transaction([&] {
        tb::ExampleInserter inserter(project);
        for (std::int64_t i = 1; i <= count; ++i) {
            tb::Example example;
            example.messages.push_back(tb::Message{
                "user", "Question number " + std::to_string(i) + " about " + topics[i % 5], "", nullptr, "", {}});
            example.messages.push_back(tb::Message{
                "assistant", "Answer number " + std::to_string(i) + ", explained in full.", "", nullptr, "", {}});
            inserter.insert(example);
        }
    });
}

void writeLines(const QString& path, const QStringList& lines) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) throw std::runtime_error("cannot write test file");
    QTextStream out(&file);
    for (const QString& line : lines) out << line << '\n';
}

QString saveScreenshot(QWidget* widget, const QString& name) {
    const QString dir = QCoreApplication::applicationDirPath() + QStringLiteral("/ui_screenshots");
    QDir().mkpath(dir);
    const QString path = dir + QLatin1Char('/') + name + QStringLiteral(".png");
    widget->grab().save(path);
    return path;
}

MessageCapture::MessageCapture() {
    tbui::setMessageHook([this](const tbui::UserMessage& message) { messages_.push_back(message); });
}

MessageCapture::~MessageCapture() { tbui::setMessageHook({}); }

}  // namespace tbtest
