#pragma once
// Editor of one golden item's rubric: a table of criteria (kind, expected, path, tolerance,
// pass description, weight, critical). rubric() validates through core, so the GUI accepts
// exactly what `golden import` accepts.
#include <QWidget>

#include "core/curation/rubric.h"

class QTableWidget;

namespace tbui {

class RubricEditor : public QWidget {
    Q_OBJECT
public:
    explicit RubricEditor(QWidget* parent = nullptr);

    void setRubric(const tb::Rubric& rubric);
    // Throws tb::Error naming the row and the problem.
    tb::Rubric rubric() const;
    void addCriterion(tb::CriterionKind kind);
    void removeSelected();
    QTableWidget* table() const { return table_; }

    enum Column { KindColumn, ExpectedColumn, PathColumn, ToleranceColumn, PassColumn, WeightColumn, CriticalColumn };

Q_SIGNALS:
    void changed();

private:
    void addRow(const tb::Criterion& criterion);

    QTableWidget* table_ = nullptr;
};

}  // namespace tbui
