#include "ui/common/message_hook.h"

#include <QMessageBox>

namespace tbui {
namespace {

MessageHook& installedHook() {
    static MessageHook hook;
    return hook;
}

QMessageBox::Icon iconFor(MessageKind kind) {
    switch (kind) {
        case MessageKind::Information:
            return QMessageBox::Information;
        case MessageKind::Warning:
            return QMessageBox::Warning;
        case MessageKind::Error:
            return QMessageBox::Critical;
    }
    return QMessageBox::NoIcon;
}

}  // namespace

void setMessageHook(MessageHook hook) { installedHook() = std::move(hook); }

void showMessage(QWidget* parent, const UserMessage& message) {
    if (installedHook()) {
        installedHook()(message);
        return;
    }
    QMessageBox box(iconFor(message.kind), message.title, message.text, QMessageBox::Ok, parent);
    if (!message.details.isEmpty()) box.setDetailedText(message.details);
    box.exec();
}

void showError(QWidget* parent, const QString& title, const std::exception& error) {
    showError(parent, title, QString::fromStdString(error.what()));
}

void showError(QWidget* parent, const QString& title, const QString& text, const QString& details) {
    showMessage(parent, UserMessage{MessageKind::Error, title, text, details});
}

}  // namespace tbui
