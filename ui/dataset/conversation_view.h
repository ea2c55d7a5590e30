#pragma once
// One example shown as a conversation: a role label and a message bubble per message,
// user on the right, everything else on the left, tool calls and tools listed as JSON.
// Read-only; plain HTML in a QTextBrowser keeps it selectable and copyable.
#include <QTextBrowser>

#include "core/dataset/example.h"

namespace tbui {

class ConversationView : public QTextBrowser {
    Q_OBJECT
public:
    explicit ConversationView(QWidget* parent = nullptr);

    void showExample(const tb::Example& example);
    void showPlaceholder(const QString& text);

    // The HTML of an example (also used by tests to check what is shown).
    static QString toHtml(const tb::Example& example);
};

}  // namespace tbui
