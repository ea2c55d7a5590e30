#pragma once
// Every message box the GUI shows goes through here, so offscreen tests can record the
// message instead of blocking on a modal dialog.
#include <exception>
#include <functional>

#include <QString>

class QWidget;

namespace tbui {

enum class MessageKind { Information, Warning, Error };

struct UserMessage {
    MessageKind kind = MessageKind::Information;
    QString title;
    QString text;
    QString details;  // long text (e.g. one FILE:LINE: reason per line); shown expandable
};

// Replaces the dialog with `hook` (tests); an empty function restores the real dialog.
using MessageHook = std::function<void(const UserMessage&)>;
void setMessageHook(MessageHook hook);

// Shows `message` modally (or hands it to the hook).
void showMessage(QWidget* parent, const UserMessage& message);

// The GUI boundary for core errors: tb::Error and friends become an error box.
void showError(QWidget* parent, const QString& title, const std::exception& error);
void showError(QWidget* parent, const QString& title, const QString& text, const QString& details = {});

}  // namespace tbui
