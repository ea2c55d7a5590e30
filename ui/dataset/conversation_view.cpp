#include "ui/dataset/conversation_view.h"

namespace tbui {
namespace {

struct RoleStyle {
    QString label;
    const char* background;
    bool alignRight;
};

RoleStyle styleFor(const std::string& role) {
    if (role == "system") return {ConversationView::tr("System"), "#eeeeee", false};
    if (role == "user") return {ConversationView::tr("User"), "#d7e8fb", true};
    if (role == "assistant") return {ConversationView::tr("Assistant"), "#e3f4dc", false};
    if (role == "tool") return {ConversationView::tr("Tool"), "#fbeed4", false};
    return {QString::fromStdString(role), "#f4f4f4", false};
}

// Message text as HTML: escaped, line breaks kept.
QString textToHtml(const std::string& text) {
    QString html = QString::fromStdString(text).toHtmlEscaped();
    html.replace(QLatin1Char('\n'), QStringLiteral("<br/>"));
    return html;
}

}  // namespace

ConversationView::ConversationView(QWidget* parent) : QTextBrowser(parent) {
    setObjectName(QStringLiteral("conversationView"));
    setOpenLinks(false);
    showPlaceholder(tr("Select an example to see its conversation."));
}

void ConversationView::showExample(const tb::Example& example) { setHtml(toHtml(example)); }

void ConversationView::showPlaceholder(const QString& text) {
    setHtml(QStringLiteral("<p style='color:#777777'>%1</p>").arg(text.toHtmlEscaped()));
}

QString ConversationView::toHtml(const tb::Example& example) {
    QString html;
    html += QStringLiteral("<p style='color:#555555'>%1</p>")
                .arg(tr("Example %1 · %2 messages").arg(example.id).arg(example.messages.size()).toHtmlEscaped());
    for (const tb::Message& message : example.messages) {
        const RoleStyle style = styleFor(message.role);
        QString label = style.label;
        if (!message.name.empty()) label += QStringLiteral(" (%1)").arg(QString::fromStdString(message.name));
        if (message.weight) label += QStringLiteral(" · ") + tr("weight %1").arg(*message.weight);
        QString body =
            message.content.empty() ? QStringLiteral("<i>%1</i>").arg(tr("(empty)")) : textToHtml(message.content);
        if (!message.tool_calls.is_null() && !message.tool_calls.empty())
            body +=
                QStringLiteral("<pre>%1</pre>").arg(QString::fromStdString(message.tool_calls.dump(2)).toHtmlEscaped());
        // A table per message: QTextBrowser's HTML subset supports cell backgrounds and
        // padding, which is enough for a bubble.
        const QString align = style.alignRight ? QStringLiteral("right") : QStringLiteral("left");
        html += QStringLiteral(
                    "<table width='85%' align='%1' cellpadding='8' cellspacing='0' style='margin-top:6px'>"
                    "<tr><td style='color:#555555; font-size:small'><b>%2</b></td></tr>"
                    "<tr><td bgcolor='%3'>%4</td></tr></table><br/>")
                    .arg(align, label.toHtmlEscaped(), QLatin1String(style.background), body);
    }
    if (!example.tools.is_null() && !example.tools.empty()) {
        html += QStringLiteral("<p><b>%1</b></p><pre>%2</pre>")
                    .arg(tr("Tools"), QString::fromStdString(example.tools.dump(2)).toHtmlEscaped());
    }
    if (!example.source_file.empty()) {
        html += QStringLiteral("<p style='color:#777777; font-size:small'>%1</p>")
                    .arg(tr("Source: %1:%2")
                             .arg(QString::fromStdString(example.source_file))
                             .arg(example.source_line)
                             .toHtmlEscaped());
    }
    return html;
}

}  // namespace tbui
