// "Evaluate..." against an OpenAI-compatible endpoint, offscreen: the dialog checks the URL,
// the model name and whether an API key is there (environment variable or keychain entry)
// without ever showing it; the eval panel runs the eval against an echo server on 127.0.0.1
// (tests/common/loopback_http_server.h); the stored run has the endpoint's answers, the
// key was sent, and neither the project file nor QSettings holds it.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QThread>

#include "common/temp_dir.h"
#include "core/eval/api_key.h"
#include "core/eval/eval_store.h"
#include "core/eval/run_history.h"
#include "eval/eval_test_helpers.h"
#include "ui/eval/endpoint_target_form.h"
#include "ui/eval/eval_dialog.h"
#include "ui/eval/eval_panel.h"
#include "ui_test_support.h"

namespace {

namespace fs = std::filesystem;
using Form = tbui::EndpointTargetForm;
constexpr int kTimeoutMs = 60000;

// An in-memory keychain (core/eval/api_key.h) that can also play an unreachable one.
class FakeKeychain : public tb::SecretStore {
public:
    std::string describe() const override { return "the test keychain"; }
    std::optional<std::string> lookup(const std::string& base_url) override {
        std::lock_guard lock(mutex);
        if (unavailable) throw tb::KeychainUnavailable("no Secret Service on the session bus");
        auto it = keys.find(base_url);
        if (it == keys.end()) return std::nullopt;
        return it->second;
    }
    void store(const std::string& base_url, const std::string& key) override {
        std::lock_guard lock(mutex);
        keys[base_url] = key;
    }
    bool remove(const std::string& base_url) override {
        std::lock_guard lock(mutex);
        return keys.erase(base_url) > 0;
    }
    std::mutex mutex;
    std::map<std::string, std::string> keys;
    bool unavailable = false;
};

// Runs the event loop until `done` holds or `ms` pass.
bool waitUntil(const std::function<bool()>& done, int ms = 10000) {
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > ms) return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return true;
}

bool contains(const QString& text, const char* part) { return text.contains(QLatin1String(part)); }

std::string fileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

class EvalEndpointTest : public ::testing::Test {
protected:
    void SetUp() override {
        // QSettings into this test's folder: the dialog remembers endpoint fields, and parallel
        // test processes must not see each other's (nor a developer's own settings).
        defaultSettingsDir_ = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                           QString::fromStdString(dir_.file("settings")));
        project_.emplace(tb::ProjectFile::create(dir_.file("endpoint.tunebench")));
        tbeval::fill_project(*project_);  // golden set "probe" of 6 items
        keyVar_ = "TB_GUI_ENDPOINT_KEY_" + std::to_string(::getpid());
        ::unsetenv(keyVar_.c_str());
    }
    void TearDown() override {
        ::unsetenv(keyVar_.c_str());
        tb::reset_default_keychain();
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, defaultSettingsDir_);
    }

    // A dialog switched to the endpoint, with URL, model and the key variable filled in.
    void fillEndpoint(tbui::EvalDialog& dialog, const std::string& url, Form::KeySource source) {
        dialog.setTargetKind(tbui::EvalDialog::RemoteEndpoint);
        Form* form = dialog.endpointForm();
        form->urlEdit()->setText(QString::fromStdString(url));
        form->modelEdit()->setText(QStringLiteral("echo-1"));
        form->keySourceCombo()->setCurrentIndex(form->keySourceCombo()->findData(static_cast<int>(source)));
        form->keyEnvEdit()->setText(QString::fromStdString(keyVar_));
        const int index = dialog.setCombo()->findData(QStringLiteral("probe"));
        ASSERT_GE(index, 0);
        dialog.setCombo()->setCurrentIndex(index);
    }

    // Every text the dialog shows, to check that a key never appears in any of them.
    static QString everyLabel(const QWidget& widget) {
        QString all;
        for (const QLabel* label : widget.findChildren<QLabel*>()) all += label->text() + label->toolTip();
        for (const QLineEdit* edit : widget.findChildren<QLineEdit*>()) all += edit->text();
        return all;
    }

    tbtest::TempDir dir_{"tb_evalendpoint_"};
    QString defaultSettingsDir_;
    std::optional<tb::ProjectFile> project_;
    std::string keyVar_;
};

TEST_F(EvalEndpointTest, FieldsAreCheckedAndAFoundKeyIsNeverShown) {
    tbui::EvalDialog dialog(*project_);
    auto* ok = dialog.buttons()->button(QDialogButtonBox::Ok);
    EXPECT_EQ(dialog.targetKind(), tbui::EvalDialog::LocalModel);  // the default without settings
    dialog.setTargetKind(tbui::EvalDialog::RemoteEndpoint);
    Form* form = dialog.endpointForm();
    EXPECT_TRUE(form->isVisibleTo(&dialog));
    EXPECT_FALSE(dialog.modelEdit()->isVisibleTo(&dialog));  // the local fields make way
    form->keySourceCombo()->setCurrentIndex(form->keySourceCombo()->findData(static_cast<int>(Form::KeySource::None)));

    // URL: required, http(s) only, with a host; flagged in the dialog's red problems line.
    EXPECT_TRUE(contains(dialog.problemsLabel()->text(), "base URL")) << dialog.problemsLabel()->text().toStdString();
    EXPECT_FALSE(ok->isEnabled());
    form->urlEdit()->setText(QStringLiteral("ftp://example.com/v1"));
    EXPECT_TRUE(contains(dialog.problemsLabel()->text(), "not an http:// or https:// URL"));
    form->urlEdit()->setText(QStringLiteral("localhost:8000/v1"));
    EXPECT_TRUE(contains(dialog.problemsLabel()->text(), "not an http:// or https:// URL"));
    EXPECT_TRUE(dialog.problemsLabel()->styleSheet().contains(QStringLiteral("#b00020")));
    form->urlEdit()->setText(QStringLiteral("https://api.example.com/v1"));
    EXPECT_FALSE(contains(dialog.problemsLabel()->text(), "URL"));
    // Model name: required.
    EXPECT_TRUE(contains(dialog.problemsLabel()->text(), "model name"));
    form->modelEdit()->setText(QStringLiteral("   "));
    EXPECT_TRUE(contains(dialog.problemsLabel()->text(), "model name"));
    form->modelEdit()->setText(QStringLiteral("echo-1"));
    EXPECT_TRUE(dialog.problems().isEmpty()) << dialog.problems().join(' ').toStdString();
    EXPECT_TRUE(ok->isEnabled());  // no key needed: a local server

    // Environment variable: named, set, non-empty; the key itself is never shown.
    form->keySourceCombo()->setCurrentIndex(
        form->keySourceCombo()->findData(static_cast<int>(Form::KeySource::Environment)));
    EXPECT_FALSE(form->keyEnvEdit()->isHidden());
    form->keyEnvEdit()->clear();
    EXPECT_EQ(form->keyState(), Form::KeyState::Missing);
    EXPECT_TRUE(contains(dialog.problemsLabel()->text(), "Name the environment variable"));
    form->keyEnvEdit()->setText(QString::fromStdString(keyVar_));
    EXPECT_TRUE(contains(form->keyStatusLabel()->text(), "is not set"));
    EXPECT_TRUE(form->keyStatusLabel()->styleSheet().contains(QStringLiteral("#b00020")));
    EXPECT_FALSE(ok->isEnabled());
    ::setenv(keyVar_.c_str(), "", 1);
    form->checkKey();
    EXPECT_TRUE(contains(dialog.problemsLabel()->text(), "is empty"));
    EXPECT_FALSE(ok->isEnabled());
    ::setenv(keyVar_.c_str(), "sk-shown-nowhere-4711", 1);
    form->checkKey();
    EXPECT_EQ(form->keyState(), Form::KeyState::Found);
    EXPECT_TRUE(contains(form->keyStatusLabel()->text(), "found"));
    EXPECT_TRUE(form->keyStatusLabel()->text().contains(QString::fromStdString(keyVar_)));
    EXPECT_FALSE(everyLabel(dialog).contains(QStringLiteral("sk-shown-nowhere")));
    EXPECT_TRUE(dialog.problems().isEmpty()) << dialog.problems().join(' ').toStdString();
    EXPECT_TRUE(ok->isEnabled());
    dialog.show();
    tbtest::saveScreenshot(&dialog, QStringLiteral("eval_dialog_endpoint"));

    // The request: a remote target holding the variable's name only.
    const auto request = dialog.request();
    EXPECT_EQ(request.target.kind, tb::EvalTarget::Kind::remote);
    EXPECT_EQ(request.target.base_url, "https://api.example.com/v1");
    EXPECT_EQ(request.target.remote_model, "echo-1");
    EXPECT_EQ(request.target.api_key_env, keyVar_);
    EXPECT_EQ(request.target.to_json().dump().find("sk-shown-nowhere"), std::string::npos);

    // Back to a local model: its own checks again.
    dialog.setTargetKind(tbui::EvalDialog::LocalModel);
    EXPECT_TRUE(contains(dialog.problemsLabel()->text(), "Choose the model folder"));
    EXPECT_FALSE(ok->isEnabled());
}

TEST_F(EvalEndpointTest, KeychainSourceSaysWhetherTheUrlHasAnEntry) {
    auto keychain = std::make_shared<FakeKeychain>();
    tb::set_default_keychain(keychain);
    tbui::EvalDialog dialog(*project_);
    fillEndpoint(dialog, "HTTPS://API.Example.com/v1/", Form::KeySource::Keychain);
    Form* form = dialog.endpointForm();
    EXPECT_TRUE(form->keyEnvEdit()->isHidden());  // no variable for this source
    ASSERT_TRUE(waitUntil([&] { return form->keyState() != Form::KeyState::Checking; }));
    EXPECT_EQ(form->keyState(), Form::KeyState::Missing);
    // The error names the normalised URL and how to store a key.
    EXPECT_TRUE(contains(dialog.problemsLabel()->text(), "keychain set --url https://api.example.com/v1"))
        << dialog.problemsLabel()->text().toStdString();
    EXPECT_FALSE(dialog.buttons()->button(QDialogButtonBox::Ok)->isEnabled());

    keychain->store("https://api.example.com/v1", "sk-keychain-secret-99");
    form->checkKey();
    ASSERT_TRUE(waitUntil([&] { return form->keyState() != Form::KeyState::Checking; }));
    EXPECT_EQ(form->keyState(), Form::KeyState::Found);
    EXPECT_TRUE(contains(form->keyStatusLabel()->text(), "found in the OS keychain"));
    EXPECT_FALSE(everyLabel(dialog).contains(QStringLiteral("sk-keychain-secret")));
    EXPECT_TRUE(dialog.problems().isEmpty()) << dialog.problems().join(' ').toStdString();
    // No variable named: the client reads the keychain entry itself when the run starts.
    EXPECT_EQ(dialog.request().target.api_key_env, "");

    // Another URL while typing: the answer is for the URL in the field, not an older one.
    form->urlEdit()->setText(QStringLiteral("https://other.example.com/v1"));
    ASSERT_TRUE(waitUntil([&] { return form->keyState() != Form::KeyState::Checking; }));
    EXPECT_EQ(form->keyState(), Form::KeyState::Missing);
    EXPECT_TRUE(contains(form->keyStatusLabel()->text(), "other.example.com"));

    // A keychain that cannot be reached is said, with its reason.
    keychain->unavailable = true;
    form->urlEdit()->setText(QStringLiteral("https://api.example.com/v1"));
    ASSERT_TRUE(waitUntil([&] { return form->keyState() != Form::KeyState::Checking; }));
    EXPECT_EQ(form->keyState(), Form::KeyState::Unavailable);
    EXPECT_TRUE(contains(dialog.problemsLabel()->text(), "no Secret Service"));

    // Keychain lookups turned off.
    tb::set_default_keychain(nullptr);
    form->checkKey();
    EXPECT_EQ(form->keyState(), Form::KeyState::Unavailable);
    EXPECT_TRUE(contains(dialog.problemsLabel()->text(), "turned off"));
}

TEST_F(EvalEndpointTest, PanelEvaluatesTheEndpointAndStoresNoKey) {
    tbtest::MessageCapture messages;
    const std::string secret = "sk-gui-secret-4242";
    ::setenv(keyVar_.c_str(), secret.c_str(), 1);
    tbeval::EchoServer server("you said: ");
    std::int64_t runId = 0;
    {
        tbui::EvalPanel panel(*project_);
        tbui::EvalDialog dialog(*project_, &panel);
        fillEndpoint(dialog, server.url(), Form::KeySource::Environment);
        ASSERT_TRUE(dialog.problems().isEmpty()) << dialog.problems().join(' ').toStdString();
        // OK accepts and remembers the endpoint fields.
        dialog.buttons()->button(QDialogButtonBox::Ok)->click();
        EXPECT_EQ(dialog.result(), QDialog::Accepted);

        QSignalSpy finished(&panel, &tbui::EvalPanel::evaluationFinished);
        QSignalSpy failed(&panel, &tbui::EvalPanel::evaluationFailed);
        ASSERT_TRUE(panel.startEvaluation(dialog.request()));
        EXPECT_TRUE(panel.isEvaluating());
        EXPECT_FALSE(panel.cancelEvalButton()->isHidden());
        ASSERT_TRUE(finished.wait(kTimeoutMs)) << panel.evalStatusLabel()->text().toStdString();
        EXPECT_EQ(failed.count(), 0);
        runId = finished.at(0).at(0).toLongLong();
        EXPECT_DOUBLE_EQ(finished.at(0).at(1).toDouble(), 1.0);  // each echo holds the asked word
        ASSERT_EQ(panel.runsTable()->rowCount(), 1);
        EXPECT_EQ(panel.runsTable()->item(0, 0)->text(), QStringLiteral("#%1").arg(runId));
    }

    // The stored run holds the endpoint's answers, one per golden item, in item order.
    const auto items = tb::eval_run_items(*project_, runId);
    const auto golden = tb::golden_items(*project_, tb::find_golden_set(*project_, "probe")->id);
    ASSERT_EQ(items.size(), golden.size());
    for (std::size_t i = 0; i < items.size(); ++i)
        EXPECT_EQ(items[i].output, "you said: " + golden[i].messages.back().content);
    const auto run = tb::find_run(*project_, runId);
    ASSERT_TRUE(run.has_value());
    EXPECT_EQ(run->config["target"]["kind"], "remote");
    EXPECT_EQ(run->config["target"]["model"], "echo-1");
    EXPECT_EQ(run->config["target"]["api_key_env"], keyVar_);
    // Every request carried the key and the model name.
    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), golden.size());
    for (const auto& request : requests) {
        EXPECT_NE(request.find("Bearer " + secret), std::string::npos);
        EXPECT_NE(request.find("\"model\":\"echo-1\""), std::string::npos);
    }
    EXPECT_TRUE(messages.messages().empty());

    // The key is nowhere in the project file, nor in the remembered settings.
    project_.reset();  // closed: every page is in the file
    const std::string projectBytes = fileBytes(dir_.file("endpoint.tunebench"));
    ASSERT_FALSE(projectBytes.empty());
    EXPECT_EQ(projectBytes.find(secret), std::string::npos);
    EXPECT_NE(projectBytes.find("you said: "), std::string::npos);  // the outputs are there
    {
        QSettings settings;
        settings.sync();
        const std::string settingsBytes = fileBytes(settings.fileName().toStdString());
        EXPECT_NE(settingsBytes.find("127.0.0.1"), std::string::npos) << settings.fileName().toStdString();
        EXPECT_EQ(settingsBytes.find(secret), std::string::npos);
    }

    // The next dialog opens on the endpoint, with the URL, model and variable filled in.
    project_.emplace(tb::ProjectFile::open(dir_.file("endpoint.tunebench")));
    tbui::EvalDialog next(*project_);
    EXPECT_EQ(next.targetKind(), tbui::EvalDialog::RemoteEndpoint);
    EXPECT_EQ(next.endpointForm()->urlEdit()->text().toStdString(), server.url());
    EXPECT_EQ(next.endpointForm()->modelEdit()->text(), QStringLiteral("echo-1"));
    EXPECT_EQ(next.endpointForm()->keyEnvEdit()->text().toStdString(), keyVar_);
    EXPECT_EQ(next.endpointForm()->keySource(), Form::KeySource::Environment);
    EXPECT_EQ(next.endpointForm()->keyState(), Form::KeyState::Found);
}

TEST_F(EvalEndpointTest, AnEndpointRunShowsProgressAndCanBeCancelled) {
    // A slow endpoint: each answer takes a moment, so the run is still going when cancelled.
    std::atomic<int> answered{0};
    tbtest::LoopbackHttpServer server([&](const std::string&) {
        std::this_thread::sleep_for(std::chrono::milliseconds(150));
        ++answered;
        return tbtest::LoopbackHttpServer::Reply{
            200, R"({"choices": [{"message": {"role": "assistant", "content": "slow"}, "finish_reason": "stop"}]})"};
    });
    tbtest::MessageCapture messages;
    tbui::EvalPanel panel(*project_);
    tbui::EvalDialog dialog(*project_, &panel);
    fillEndpoint(dialog, server.url(), Form::KeySource::None);
    ASSERT_TRUE(dialog.problems().isEmpty()) << dialog.problems().join(' ').toStdString();

    QSignalSpy failed(&panel, &tbui::EvalPanel::evaluationFailed);
    ASSERT_TRUE(panel.startEvaluation(dialog.request()));
    EXPECT_TRUE(contains(panel.evalProgress()->format(), "endpoint"));
    // Progress counts the answered prompts.
    ASSERT_TRUE(waitUntil([&] { return panel.evalProgress()->value() >= 1; }, kTimeoutMs));
    EXPECT_EQ(panel.evalProgress()->maximum(), 6);
    panel.cancelEvalButton()->click();
    ASSERT_TRUE(failed.wait(kTimeoutMs));
    EXPECT_EQ(failed.at(0).at(0).toString(), QStringLiteral("cancelled"));
    EXPECT_TRUE(panel.evaluateButton()->isEnabled());
    EXPECT_LT(answered.load(), 6);
    const auto runs = tb::list_runs(*project_, tb::RunKind::Eval);
    ASSERT_EQ(runs.size(), 1u);
    EXPECT_EQ(runs[0].status, tb::RunStatus::Cancelled);
    EXPECT_TRUE(messages.messages().empty());  // a cancellation is no error
}

}  // namespace
