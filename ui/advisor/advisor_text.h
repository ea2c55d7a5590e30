#pragma once
// How the advisor's core values read in the GUI, shared by the wizard and the overview.
// Texts of the decision tree come from core (decision_tree.json) and pass through
// QCoreApplication::translate with the context "DecisionTree", so a translation file can
// carry them next to the GUI's own strings.
#include <string>

#include <QString>

#include "core/advisor/decision_record.h"

namespace tbui {

QString approachName(tb::Approach approach);  // "Fine-tune", "Better prompting", "Retrieval (RAG)"
QString methodName(tb::TuningMethod method);  // "LoRA", "QLoRA (4-bit base)", "Full fine-tuning"
QString treeText(const std::string& text);    // a decision-tree text, translated when a translation exists

// One paragraph (rich text): what was decided, the recommendation when overridden and why,
// who decided and when.
QString describeDecision(const tb::Decision& decision);

}  // namespace tbui
