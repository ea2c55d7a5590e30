#include "ui/eval/endpoint_target_form.h"

#include <optional>

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QUrl>

#include "core/eval/api_key.h"
#include "core/eval/openai_client.h"
#include "ui/common/job_runner.h"

namespace tbui {
namespace {

// QSettings keys: what the last accepted endpoint run used. Never the key itself.
const QString kUrlKey = QStringLiteral("eval/endpointUrl");
const QString kModelKey = QStringLiteral("eval/endpointModel");
const QString kKeySourceKey = QStringLiteral("eval/endpointKeySource");
const QString kKeyEnvKey = QStringLiteral("eval/endpointKeyEnv");

const QString kErrorStyle = QStringLiteral("color: #b00020; font-weight: bold;");
const QString kFoundStyle = QStringLiteral("color: #1b7a1b;");

// What a keychain lookup found, handed from the worker thread to the form. Holds no key.
struct KeychainAnswer {
    bool found = false;
    bool unavailable = false;
    QString problem;  // why the keychain could not be read
};

}  // namespace

EndpointTargetForm::EndpointTargetForm(QWidget* parent) : QWidget(parent) {
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);

    urlEdit_ = new QLineEdit(this);
    urlEdit_->setObjectName(QStringLiteral("endpointUrl"));
    urlEdit_->setPlaceholderText(tr("e.g. https://api.openai.com/v1 or http://localhost:8000/v1"));
    urlEdit_->setToolTip(tr("The base URL of an OpenAI-compatible chat API, without /chat/completions"));
    form->addRow(tr("Endpoint URL"), urlEdit_);

    modelEdit_ = new QLineEdit(this);
    modelEdit_->setObjectName(QStringLiteral("endpointModel"));
    modelEdit_->setPlaceholderText(tr("the model name the endpoint serves, e.g. gpt-4o-mini"));
    form->addRow(tr("Model name"), modelEdit_);

    keySourceCombo_ = new QComboBox(this);
    keySourceCombo_->addItem(tr("Environment variable"), static_cast<int>(KeySource::Environment));
    keySourceCombo_->addItem(tr("OS keychain entry for the URL"), static_cast<int>(KeySource::Keychain));
    keySourceCombo_->addItem(tr("No key (a local server)"), static_cast<int>(KeySource::None));
    keySourceCombo_->setToolTip(
        tr("The API key is read when the run starts and is never stored in the project file. "
           "Store a key in the keychain with: tunebench-cli keychain set --url URL"));
    form->addRow(tr("API key from"), keySourceCombo_);

    keyEnvEdit_ = new QLineEdit(this);
    keyEnvEdit_->setObjectName(QStringLiteral("endpointKeyEnv"));
    keyEnvEdit_->setText(QString::fromStdString(tb::OpenAiClientOptions{}.api_key_env));
    keyEnvEdit_->setPlaceholderText(tr("the name of the variable, e.g. OPENAI_API_KEY"));
    keyEnvLabel_ = new QLabel(tr("Variable name"), this);
    form->addRow(keyEnvLabel_, keyEnvEdit_);

    keyStatus_ = new QLabel(this);
    keyStatus_->setObjectName(QStringLiteral("keyStatus"));
    keyStatus_->setWordWrap(true);
    keyStatus_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(QString(), keyStatus_);

    keychainRunner_ = new JobRunner(this);

    for (QLineEdit* edit : {urlEdit_, modelEdit_, keyEnvEdit_})
        connect(edit, &QLineEdit::textChanged, this, &EndpointTargetForm::changed);
    // The model name does not change which key is used; the URL and the source do.
    for (QLineEdit* edit : {urlEdit_, keyEnvEdit_})
        connect(edit, &QLineEdit::textChanged, this, &EndpointTargetForm::checkKey);
    connect(keySourceCombo_, &QComboBox::currentIndexChanged, this, &EndpointTargetForm::checkKey);
    checkKey();
}

EndpointTargetForm::KeySource EndpointTargetForm::keySource() const {
    return static_cast<KeySource>(keySourceCombo_->currentData().toInt());
}

std::string EndpointTargetForm::validUrl() const {
    const QString text = urlEdit_->text().trimmed();
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")) || url.host().isEmpty())
        return {};
    try {
        return tb::normalise_endpoint_url(text.toStdString());
    } catch (const std::exception&) {
        return {};
    }
}

QStringList EndpointTargetForm::problems() const {
    QStringList out;
    const QString url = urlEdit_->text().trimmed();
    if (url.isEmpty())
        out << tr("Enter the endpoint's base URL.");
    else if (validUrl().empty())
        out << tr("%1 is not an http:// or https:// URL with a host (e.g. https://api.openai.com/v1).").arg(url);
    if (modelEdit_->text().trimmed().isEmpty()) out << tr("Enter the model name the endpoint serves.");
    switch (keyState_) {
        case KeyState::Missing:
        case KeyState::Unavailable:
            out << keyProblem_;
            break;
        case KeyState::Checking:
            out << tr("Waiting for the OS keychain to answer.");
            break;
        case KeyState::NotChecked:  // the keychain source with no valid URL yet: flagged above
        case KeyState::Found:
        case KeyState::NotNeeded:
            break;
    }
    return out;
}

tb::EvalTarget EndpointTargetForm::target() const {
    // Only the variable's name travels: the client reads the key itself when the run starts;
    // an empty name makes it use the keychain entry for the URL, if there is one.
    const std::string env = keySource() == KeySource::Environment ? keyEnvEdit_->text().trimmed().toStdString() : "";
    return tb::EvalTarget::remote(urlEdit_->text().trimmed().toStdString(), modelEdit_->text().trimmed().toStdString(),
                                  env);
}

void EndpointTargetForm::setKeyState(KeyState state, const QString& text) {
    keyState_ = state;
    keyProblem_ = (state == KeyState::Missing || state == KeyState::Unavailable) ? text : QString();
    keyStatus_->setText(text);
    if (state == KeyState::Found)
        keyStatus_->setStyleSheet(kFoundStyle);
    else if (state == KeyState::Missing || state == KeyState::Unavailable)
        keyStatus_->setStyleSheet(kErrorStyle);
    else
        keyStatus_->setStyleSheet(QString());
    Q_EMIT changed();
}

void EndpointTargetForm::checkKey() {
    const KeySource source = keySource();
    const bool environment = source == KeySource::Environment;
    keyEnvLabel_->setVisible(environment);
    keyEnvEdit_->setVisible(environment);

    if (source == KeySource::None) {
        setKeyState(KeyState::NotNeeded, tr("No key is sent, unless the OS keychain holds one for this URL "
                                            "(local servers such as vLLM, llama.cpp or Ollama need none)."));
        Q_EMIT keyChecked();
        return;
    }
    if (environment) {
        const QString name = keyEnvEdit_->text().trimmed();
        if (name.isEmpty()) {
            setKeyState(KeyState::Missing, tr("Name the environment variable that holds the API key."));
        } else {
            // Read like the client reads it; only whether it is there is kept, never the value.
            const std::optional<std::string> value = tb::process_environment(name.toStdString());
            if (!value)
                setKeyState(KeyState::Missing,
                            tr("The environment variable %1 is not set: set it before starting Tunebench, or store "
                               "the key in the OS keychain (tunebench-cli keychain set --url URL).")
                                .arg(name));
            else if (value->empty())
                setKeyState(KeyState::Missing,
                            tr("The environment variable %1 is empty: it must hold the API key.").arg(name));
            else
                setKeyState(KeyState::Found, tr("API key found in the environment variable %1 (not shown).").arg(name));
        }
        Q_EMIT keyChecked();
        return;
    }
    // The keychain: its entry is keyed by the normalised URL.
    const std::string url = validUrl();
    if (url.empty()) {
        setKeyState(KeyState::NotChecked, tr("Enter the endpoint URL to look up its keychain entry."));
        Q_EMIT keyChecked();
        return;
    }
    if (!tb::default_keychain()) {
        setKeyState(KeyState::Unavailable,
                    tr("Keychain lookups are turned off (TUNEBENCH_NO_KEYCHAIN is set): name an environment "
                       "variable instead."));
        Q_EMIT keyChecked();
        return;
    }
    setKeyState(KeyState::Checking, tr("Looking up the OS keychain entry for %1...").arg(QString::fromStdString(url)));
    if (keychainRunner_->isRunning()) {
        // One lookup at a time; a different URL is looked up once the running one answers.
        if (lookupUrl_ != url) lookupOutdated_ = true;
        return;
    }
    startKeychainLookup(url);
}

void EndpointTargetForm::startKeychainLookup(const std::string& normalisedUrl) {
    lookupUrl_ = normalisedUrl;
    lookupOutdated_ = false;
    auto answered = [this, normalisedUrl](const KeychainAnswer& answer) {
        const std::string current = validUrl();
        if (lookupOutdated_ || keySource() != KeySource::Keychain || current != normalisedUrl) {
            // The fields moved on while the keychain was asked: ask again for what they say now.
            lookupOutdated_ = false;
            checkKey();
            return;
        }
        const QString url = QString::fromStdString(normalisedUrl);
        if (answer.found)
            setKeyState(KeyState::Found, tr("API key found in the OS keychain entry for %1 (not shown).").arg(url));
        else if (answer.unavailable)
            setKeyState(KeyState::Unavailable,
                        tr("The OS keychain could not be read (%1): name an environment variable instead.")
                            .arg(answer.problem));
        else
            setKeyState(KeyState::Missing, tr("No API key is stored in the OS keychain for %1: store one with "
                                              "tunebench-cli keychain set --url %1 (the key is read from standard "
                                              "input), or name an environment variable.")
                                               .arg(url));
        Q_EMIT keyChecked();
    };
    auto lookup = [store = tb::default_keychain(), url = normalisedUrl](const tb::JobContext&) {
        KeychainAnswer answer;
        try {
            const std::optional<std::string> key = store->lookup(url);
            answer.found = key && !key->empty();  // the key itself goes out of scope here
        } catch (const tb::KeychainUnavailable& e) {
            answer.unavailable = true;
            answer.problem = QString::fromStdString(e.what());
        }
        return answer;
    };
    // Any other error reads as "no key stored", as an empty answer.
    keychainRunner_->start<KeychainAnswer>(lookup, this, answered, [answered] { answered(KeychainAnswer{}); });
}

void EndpointTargetForm::loadSettings() {
    const QSettings settings;
    if (settings.contains(kUrlKey)) urlEdit_->setText(settings.value(kUrlKey).toString());
    if (settings.contains(kModelKey)) modelEdit_->setText(settings.value(kModelKey).toString());
    if (settings.contains(kKeyEnvKey)) keyEnvEdit_->setText(settings.value(kKeyEnvKey).toString());
    if (settings.contains(kKeySourceKey)) {
        const int index = keySourceCombo_->findData(settings.value(kKeySourceKey).toInt());
        if (index >= 0) keySourceCombo_->setCurrentIndex(index);
    }
}

void EndpointTargetForm::saveSettings() const {
    QSettings settings;
    settings.setValue(kUrlKey, urlEdit_->text().trimmed());
    settings.setValue(kModelKey, modelEdit_->text().trimmed());
    settings.setValue(kKeySourceKey, static_cast<int>(keySource()));
    settings.setValue(kKeyEnvKey, keyEnvEdit_->text().trimmed());
}

}  // namespace tbui
