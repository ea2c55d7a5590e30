// The golden set editor offscreen: edit a reference and the rubric, core validation on save.
#include <gtest/gtest.h>

#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QTableWidget>
#include <QTemporaryDir>

#include "core/curation/golden_sets.h"
#include "core/project/project_file.h"
#include "ui/golden/golden_set_editor.h"
#include "ui/golden/rubric_editor.h"
#include "ui_test_support.h"

namespace {

TEST(GoldenEditor, EditsReferenceAndRubricAndRefusesAnInvalidCriterion) {
    QTemporaryDir dir;
    std::string path = dir.filePath(QStringLiteral("golden.tunebench")).toStdString();
    tbtest::createProject(path, {{"hello", "hi", ""}});
    auto project = tb::ProjectFile::open(path);
    QString jsonl = dir.filePath(QStringLiteral("set.jsonl"));
    tbtest::writeLines(
        jsonl,
        {QStringLiteral(
             R"({"messages": [{"role": "system", "content": "Reply in JSON."}, {"role": "user", "content": "Charged twice"}], "reference": "{\"category\": \"billing\"}", "rubric": [{"kind": "json_field", "path": "category", "expected": "billing", "weight": 1, "critical": true}], "author": "dr. lee"})"),
         QStringLiteral(
             R"({"messages": [{"role": "user", "content": "2+2?"}], "reference": "4", "rubric": [{"kind": "numeric", "expected": 4, "tolerance": 0, "weight": 1, "critical": false}]})")});
    tb::import_golden_jsonl(project, "support", jsonl.toStdString(), tb::GoldenKind::task);

    tbui::GoldenSetEditor editor(project, QStringLiteral("ana"));
    editor.resize(1100, 750);
    editor.show();
    ASSERT_EQ(editor.itemList()->count(), 2);
    EXPECT_TRUE(editor.adviceLabel()->text().contains(QStringLiteral("100-500")));
    EXPECT_TRUE(editor.authorLabel()->text().contains(QStringLiteral("dr. lee")));
    EXPECT_EQ(editor.questionEdit()->toPlainText(), QStringLiteral("Charged twice"));
    ASSERT_EQ(editor.rubricEditor()->table()->rowCount(), 1);

    // A numeric criterion without a number: refused with a message, nothing stored.
    editor.referenceEdit()->setPlainText(QStringLiteral("{\"category\": \"billing\", \"priority\": \"high\"}"));
    editor.rubricEditor()->addCriterion(tb::CriterionKind::numeric);
    auto* table = editor.rubricEditor()->table();
    table->item(1, tbui::RubricEditor::ExpectedColumn)->setText(QStringLiteral("lots"));
    {
        tbtest::MessageCapture capture;
        EXPECT_FALSE(editor.saveItem());
        ASSERT_EQ(capture.messages().size(), 1u);
        EXPECT_TRUE(capture.messages()[0].text.contains(QStringLiteral("criterion 2")) ||
                    capture.messages()[0].details.contains(QStringLiteral("criterion 2")));
    }
    auto set = tb::find_golden_set(project, "support");
    EXPECT_EQ(tb::golden_items(project, set->id)[0].rubric.criteria.size(), 1u);

    // Replace it with a judge criterion and save: stored, signed by the editor's author.
    editor.rubricEditor()->table()->selectRow(1);
    editor.rubricEditor()->removeSelected();
    editor.rubricEditor()->addCriterion(tb::CriterionKind::judge);
    table->item(1, tbui::RubricEditor::PassColumn)->setText(QStringLiteral("Names the priority"));
    table->item(1, tbui::RubricEditor::WeightColumn)->setText(QStringLiteral("2"));
    EXPECT_TRUE(editor.saveItem());
    auto stored = tb::golden_items(project, set->id)[0];
    EXPECT_EQ(stored.reference, "{\"category\": \"billing\", \"priority\": \"high\"}");
    ASSERT_EQ(stored.rubric.criteria.size(), 2u);
    EXPECT_EQ(stored.rubric.criteria[0].path, "category");
    EXPECT_EQ(stored.rubric.criteria[0].expected, "billing");
    EXPECT_TRUE(stored.rubric.criteria[0].critical);
    EXPECT_EQ(stored.rubric.criteria[1].kind, tb::CriterionKind::judge);
    EXPECT_EQ(stored.rubric.criteria[1].pass, "Names the priority");
    EXPECT_EQ(stored.rubric.criteria[1].weight, 2.0);
    EXPECT_EQ(stored.author, "ana");
    tbtest::saveScreenshot(&editor, QStringLiteral("golden_editor"));
}

}  // namespace
