#pragma once
// The "OpenAI-compatible endpoint" half of the Evaluate dialog: base URL, model name and
// where the API key comes from (core/eval/api_key.h): an environment variable named here,
// the OS keychain entry for the URL, or none (a local server). The form says whether a key
// was found, never the key itself; only the variable's name reaches the eval target, so the
// project file never holds a secret.
//
// The keychain lookup runs on a JobRunner thread (a locked or absent Secret Service can take
// seconds to give up); the form stays usable and reports "checking" until it answers.
//
// QSettings remembers the last URL, model, key source and variable name (never the key).
#include <memory>

#include <QString>
#include <QStringList>
#include <QWidget>

#include "core/eval/eval_targets.h"

class QComboBox;
class QLabel;
class QLineEdit;

namespace tbui {

class JobRunner;

class EndpointTargetForm : public QWidget {
    Q_OBJECT
public:
    enum class KeySource { Environment = 0, Keychain = 1, None = 2 };
    // What the last key check found.
    enum class KeyState { NotChecked, Checking, Found, NotNeeded, Missing, Unavailable };

    explicit EndpointTargetForm(QWidget* parent = nullptr);

    // What is missing or wrong, one sentence each; empty when a run can start.
    QStringList problems() const;
    // The remote target the fields describe (call when problems() is empty).
    tb::EvalTarget target() const;
    KeySource keySource() const;
    KeyState keyState() const { return keyState_; }

    // QSettings: the fields of the last accepted dialog (no key).
    void loadSettings();
    void saveSettings() const;

    QLineEdit* urlEdit() const { return urlEdit_; }
    QLineEdit* modelEdit() const { return modelEdit_; }
    QComboBox* keySourceCombo() const { return keySourceCombo_; }
    QLineEdit* keyEnvEdit() const { return keyEnvEdit_; }
    QLabel* keyStatusLabel() const { return keyStatus_; }

public Q_SLOTS:
    // Checks the key again for the current fields (the variable now, the keychain on a thread).
    void checkKey();

Q_SIGNALS:
    // A field or the key status changed: the dialog re-reads problems().
    void changed();
    // A key check finished (the keychain answered, or a synchronous check ran).
    void keyChecked();

private:
    void setKeyState(KeyState state, const QString& text);
    void startKeychainLookup(const std::string& normalisedUrl);
    // The normalised URL when the field holds an http(s) URL with a host, else "".
    std::string validUrl() const;

    QLineEdit* urlEdit_ = nullptr;
    QLineEdit* modelEdit_ = nullptr;
    QComboBox* keySourceCombo_ = nullptr;
    QLineEdit* keyEnvEdit_ = nullptr;
    QLabel* keyEnvLabel_ = nullptr;
    QLabel* keyStatus_ = nullptr;
    JobRunner* keychainRunner_ = nullptr;
    KeyState keyState_ = KeyState::NotChecked;
    QString keyProblem_;           // the status text when the state is Missing or Unavailable
    std::string lookupUrl_;        // the URL the running keychain lookup asks about
    bool lookupOutdated_ = false;  // the fields changed while a lookup ran: look again after it
};

}  // namespace tbui
