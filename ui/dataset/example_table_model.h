#pragma once
// The browser's table: a lazy model over an ExampleStore. It holds only the rows the view
// has scrolled to; QTableView asks for the next keyset page through canFetchMore/fetchMore
// when the user nears the end, so opening a million-example project costs one COUNT and
// one page, and every later step one page.
#include <cstdint>
#include <vector>

#include <QAbstractTableModel>

#include "ui/dataset/example_store.h"

namespace tbui {

class ExampleTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { IdColumn, PreviewColumn, TurnsColumn, TagsColumn, SplitColumn, CreatedColumn, ColumnCount };
    static constexpr int kPageSize = 200;

    explicit ExampleTableModel(QObject* parent = nullptr);

    // The store is not owned; nullptr empties the table. Errors from the store propagate.
    void setStore(ExampleStore* store);
    void setFilter(const ExampleFilter& filter);
    const ExampleFilter& filter() const { return filter_; }
    // Re-reads count and first page (after an import or a check).
    void reload();

    // Counting stops here for a filtered view: past it the count shows as "more than".
    static constexpr std::int64_t kCountLimit = 10000;

    // How many examples match the filter (rowCount() is how many are loaded so far). With a
    // filter, counting stops at kCountLimit: then totalIsLowerBound() is true until the
    // last page has been loaded, which makes the count exact.
    std::int64_t totalCount() const { return total_; }
    bool totalIsLowerBound() const { return totalIsLowerBound_; }
    std::int64_t exampleIdAt(int row) const;
    int rowOfExample(std::int64_t id) const;  // -1 when not loaded
    // The time the last page fetch took, and how many pages were fetched since the last reset.
    double lastFetchMilliseconds() const { return lastFetchMs_; }
    int pagesFetched() const { return pagesFetched_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

Q_SIGNALS:
    // The count became exact after loading the last page of a view counted as "more than".
    void totalCountChanged();

private:
    ExampleStore* store_ = nullptr;
    ExampleFilter filter_;
    std::vector<ExampleRow> rows_;
    std::int64_t total_ = 0;
    bool totalIsLowerBound_ = false;
    bool exhausted_ = true;
    double lastFetchMs_ = 0;
    int pagesFetched_ = 0;
};

}  // namespace tbui
