#include "ui/advisor/advisor_text.h"

#include <QCoreApplication>

namespace tbui {

QString approachName(tb::Approach approach) {
    switch (approach) {
        case tb::Approach::fine_tune:
            return QCoreApplication::translate("tbui::Advisor", "Fine-tune");
        case tb::Approach::prompting:
            return QCoreApplication::translate("tbui::Advisor", "Better prompting");
        case tb::Approach::rag:
            return QCoreApplication::translate("tbui::Advisor", "Retrieval (RAG)");
    }
    return {};
}

QString methodName(tb::TuningMethod method) {
    switch (method) {
        case tb::TuningMethod::lora:
            return QCoreApplication::translate("tbui::Advisor", "LoRA");
        case tb::TuningMethod::qlora:
            return QCoreApplication::translate("tbui::Advisor", "QLoRA (4-bit base)");
        case tb::TuningMethod::full:
            return QCoreApplication::translate("tbui::Advisor", "Full fine-tuning");
    }
    return {};
}

QString treeText(const std::string& text) {
    // The tree's English text is the source string; without a translation it comes back as is.
    return QCoreApplication::translate("DecisionTree", text.c_str());
}

QString describeDecision(const tb::Decision& decision) {
    // QCoreApplication::translate with a literal context, so lupdate files these under it.
    QString text = QStringLiteral("<b>%1</b>").arg(approachName(decision.chosen()).toHtmlEscaped());
    if (decision.chosen() == tb::Approach::fine_tune && decision.method)
        text +=
            QCoreApplication::translate("tbui::Advisor", " with %1").arg(methodName(*decision.method).toHtmlEscaped());
    if (decision.override_with) {
        text += QCoreApplication::translate("tbui::Advisor", " (the advisor recommended %1; overridden because: %2)")
                    .arg(approachName(decision.recommended).toHtmlEscaped(),
                         QString::fromStdString(decision.override_reason).toHtmlEscaped());
    } else {
        text += QCoreApplication::translate("tbui::Advisor", ", as the advisor recommended");
    }
    text += QCoreApplication::translate("tbui::Advisor", "<br>Decided by %1 on %2.")
                .arg(QString::fromStdString(decision.decided_by).toHtmlEscaped(),
                     QString::fromStdString(decision.decided_at).toHtmlEscaped());
    return text;
}

}  // namespace tbui
