#include "ui/golden/rubric_editor.h"

#include <algorithm>

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "core/common/error.h"

namespace tbui {
namespace {

const tb::CriterionKind kKinds[] = {tb::CriterionKind::exact,   tb::CriterionKind::contains,
                                    tb::CriterionKind::regex,   tb::CriterionKind::json_field,
                                    tb::CriterionKind::numeric, tb::CriterionKind::judge};

// "expected" as typed: a JSON value when it parses as one for json_field/numeric, else text.
QString expectedText(const tb::Criterion& c) {
    if (c.expected.is_null()) return {};
    if (c.expected.is_string()) return QString::fromStdString(c.expected.get<std::string>());
    return QString::fromStdString(c.expected.dump());
}

}  // namespace

RubricEditor::RubricEditor(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    table_ = new QTableWidget(0, 7, this);
    table_->setHorizontalHeaderLabels({tr("Kind"), tr("Expected"), tr("JSON path"), tr("Tolerance"),
                                       tr("Pass description (judge)"), tr("Weight"), tr("Critical")});
    table_->horizontalHeader()->setSectionResizeMode(ExpectedColumn, QHeaderView::Stretch);
    table_->horizontalHeader()->setSectionResizeMode(PassColumn, QHeaderView::Stretch);
    connect(table_, &QTableWidget::itemChanged, this, &RubricEditor::changed);
    layout->addWidget(table_);
    auto* buttons = new QHBoxLayout;
    auto* kindBox = new QComboBox(this);
    for (auto kind : kKinds) kindBox->addItem(QString::fromLatin1(tb::to_string(kind)), static_cast<int>(kind));
    auto* add = new QPushButton(tr("Add criterion"), this);
    connect(add, &QPushButton::clicked, this,
            [this, kindBox] { addCriterion(static_cast<tb::CriterionKind>(kindBox->currentData().toInt())); });
    auto* remove = new QPushButton(tr("Remove"), this);
    connect(remove, &QPushButton::clicked, this, &RubricEditor::removeSelected);
    buttons->addWidget(kindBox);
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    layout->addLayout(buttons);
}

void RubricEditor::setRubric(const tb::Rubric& rubric) {
    QSignalBlocker block(table_);
    table_->setRowCount(0);
    for (const auto& c : rubric.criteria) addRow(c);
}

void RubricEditor::addCriterion(tb::CriterionKind kind) {
    tb::Criterion c;
    c.kind = kind;
    addRow(c);
    Q_EMIT changed();
}

void RubricEditor::removeSelected() {
    auto rows = table_->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex& a, const QModelIndex& b) { return a.row() > b.row(); });
    for (const auto& index : rows) table_->removeRow(index.row());
    if (rows.isEmpty() && table_->currentRow() >= 0) table_->removeRow(table_->currentRow());
    Q_EMIT changed();
}

void RubricEditor::addRow(const tb::Criterion& c) {
    int row = table_->rowCount();
    table_->insertRow(row);
    auto* kind = new QComboBox(table_);
    for (auto k : kKinds) kind->addItem(QString::fromLatin1(tb::to_string(k)), static_cast<int>(k));
    kind->setCurrentIndex(kind->findData(static_cast<int>(c.kind)));
    connect(kind, &QComboBox::currentIndexChanged, this, &RubricEditor::changed);
    table_->setCellWidget(row, KindColumn, kind);
    table_->setItem(row, ExpectedColumn, new QTableWidgetItem(expectedText(c)));
    table_->setItem(row, PathColumn, new QTableWidgetItem(QString::fromStdString(c.path)));
    table_->setItem(row, ToleranceColumn, new QTableWidgetItem(QString::number(c.tolerance)));
    table_->setItem(row, PassColumn, new QTableWidgetItem(QString::fromStdString(c.pass)));
    table_->setItem(row, WeightColumn, new QTableWidgetItem(QString::number(c.weight)));
    auto* critical = new QTableWidgetItem;
    critical->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    critical->setCheckState(c.critical ? Qt::Checked : Qt::Unchecked);
    table_->setItem(row, CriticalColumn, critical);
}

tb::Rubric RubricEditor::rubric() const {
    tb::Rubric rubric;
    for (int row = 0; row < table_->rowCount(); ++row) {
        auto text = [&](int column) {
            auto* item = table_->item(row, column);
            return item ? item->text().trimmed() : QString();
        };
        auto fail = [&](const QString& why) {
            return tb::Error(tr("criterion %1: %2").arg(row + 1).arg(why).toStdString());
        };
        tb::Criterion c;
        auto* kindBox = qobject_cast<QComboBox*>(table_->cellWidget(row, KindColumn));
        c.kind = static_cast<tb::CriterionKind>(kindBox->currentData().toInt());
        QString expected = text(ExpectedColumn);
        if (c.kind == tb::CriterionKind::numeric) {
            bool ok = false;
            double value = expected.toDouble(&ok);
            if (!ok) throw fail(tr("numeric needs a number in Expected"));
            c.expected = value;
            c.tolerance = text(ToleranceColumn).isEmpty() ? 0.0 : text(ToleranceColumn).toDouble(&ok);
            if (!ok) throw fail(tr("tolerance must be a number"));
        } else if (c.kind == tb::CriterionKind::json_field) {
            // A JSON literal (42, true, null, "x") when it parses, else the text itself.
            auto parsed = nlohmann::json::parse(expected.toStdString(), nullptr, false);
            c.expected = parsed.is_discarded() ? nlohmann::json(expected.toStdString()) : parsed;
            c.path = text(PathColumn).toStdString();
        } else if (c.kind != tb::CriterionKind::judge) {
            c.expected =
                table_->item(row, ExpectedColumn) ? table_->item(row, ExpectedColumn)->text().toStdString() : "";
        }
        if (c.kind == tb::CriterionKind::judge) c.pass = text(PassColumn).toStdString();
        bool ok = false;
        c.weight = text(WeightColumn).toDouble(&ok);
        if (!ok) throw fail(tr("weight must be a number"));
        c.critical = table_->item(row, CriticalColumn)->checkState() == Qt::Checked;
        try {
            tb::validate_criterion(c);
        } catch (const tb::Error& e) {
            throw fail(QString::fromUtf8(e.what()));
        }
        rubric.criteria.push_back(std::move(c));
    }
    return rubric;
}

}  // namespace tbui
