#include "ui/dataset/example_table_model.h"

#include <limits>

#include <QElapsedTimer>

namespace tbui {

ExampleTableModel::ExampleTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ExampleTableModel::setStore(ExampleStore* store) {
    store_ = store;
    reload();
}

void ExampleTableModel::setFilter(const ExampleFilter& filter) {
    filter_ = filter;
    reload();
}

void ExampleTableModel::reload() {
    beginResetModel();
    rows_.clear();
    total_ = 0;
    totalIsLowerBound_ = false;
    exhausted_ = true;
    pagesFetched_ = 0;
    // The reset must end even when the store throws, or the view is left inconsistent.
    try {
        if (store_) {
            // The unfiltered count is one b-tree count (40 ms for a million rows); a filter,
            // above all a search for a common word, would have to visit every match.
            const std::int64_t limit = filter_.isEmpty() ? std::numeric_limits<std::int64_t>::max() : kCountLimit + 1;
            total_ = store_->count(filter_, limit);
            totalIsLowerBound_ = total_ > kCountLimit && !filter_.isEmpty();
            if (totalIsLowerBound_) total_ = kCountLimit;
            exhausted_ = total_ == 0;
        }
    } catch (...) {
        endResetModel();
        throw;
    }
    endResetModel();
    if (!exhausted_) fetchMore({});
}

std::int64_t ExampleTableModel::exampleIdAt(int row) const {
    return row >= 0 && row < static_cast<int>(rows_.size()) ? rows_[static_cast<std::size_t>(row)].id : 0;
}

int ExampleTableModel::rowOfExample(std::int64_t id) const {
    // Rows are in ascending id order (keyset pages), so a binary search finds it.
    auto it = std::lower_bound(rows_.begin(), rows_.end(), id,
                               [](const ExampleRow& row, std::int64_t wanted) { return row.id < wanted; });
    return it != rows_.end() && it->id == id ? static_cast<int>(it - rows_.begin()) : -1;
}

int ExampleTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int ExampleTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ExampleTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= static_cast<int>(rows_.size())) return {};
    const ExampleRow& row = rows_[static_cast<std::size_t>(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
            case IdColumn:
                return QVariant::fromValue<qlonglong>(row.id);
            case PreviewColumn:
                return row.preview;
            case TurnsColumn:
                return row.turns;
            case TagsColumn:
                return row.tags.join(QStringLiteral(", "));
            case SplitColumn:
                return row.split;
            // "2026-11-28T15:53:59.123Z" -> "2026-11-28 15:53": minutes are enough in a list.
            case CreatedColumn:
                return row.created.left(16).replace(QLatin1Char('T'), QLatin1Char(' '));
            default:
                return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == PreviewColumn) return row.preview;
    if (role == Qt::ToolTipRole && index.column() == CreatedColumn) return row.created;
    if (role == Qt::TextAlignmentRole && (index.column() == IdColumn || index.column() == TurnsColumn))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant ExampleTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
        case IdColumn:
            return tr("ID");
        case PreviewColumn:
            return tr("First user message");
        case TurnsColumn:
            return tr("Turns");
        case TagsColumn:
            return tr("Tags");
        case SplitColumn:
            return tr("Split");
        case CreatedColumn:
            return tr("Created");
        default:
            return {};
    }
}

bool ExampleTableModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && store_ && !exhausted_;
}

void ExampleTableModel::fetchMore(const QModelIndex& parent) {
    if (!canFetchMore(parent)) return;
    QElapsedTimer timer;
    timer.start();
    const std::int64_t afterId = rows_.empty() ? 0 : rows_.back().id;
    std::vector<ExampleRow> page = store_->rowsAfter(filter_, afterId, kPageSize);
    lastFetchMs_ = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    ++pagesFetched_;
    if (static_cast<int>(page.size()) < kPageSize) {
        exhausted_ = true;
        // Every match is loaded: the count is exact now.
        if (totalIsLowerBound_) {
            totalIsLowerBound_ = false;
            total_ = static_cast<std::int64_t>(rows_.size() + page.size());
            Q_EMIT totalCountChanged();
        }
    }
    if (page.empty()) return;
    const int first = static_cast<int>(rows_.size());
    beginInsertRows({}, first, first + static_cast<int>(page.size()) - 1);
    rows_.insert(rows_.end(), std::make_move_iterator(page.begin()), std::make_move_iterator(page.end()));
    endInsertRows();
}

}  // namespace tbui
