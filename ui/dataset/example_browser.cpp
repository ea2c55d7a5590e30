#include "ui/dataset/example_browser.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include "ui/common/message_hook.h"
#include "ui/dataset/conversation_view.h"
#include "ui/dataset/example_table_model.h"

namespace tbui {
namespace {
// Typing pauses this long before the search runs, so a fast typist costs one query.
constexpr int kSearchDelayMs = 250;
}  // namespace

ExampleBrowser::ExampleBrowser(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("exampleBrowser"));
    model_ = new ExampleTableModel(this);
    connect(model_, &ExampleTableModel::totalCountChanged, this,
            [this] { Q_EMIT countChanged(model_->totalCount(), model_->totalIsLowerBound()); });

    search_ = new QLineEdit(this);
    search_->setObjectName(QStringLiteral("searchBox"));
    search_->setPlaceholderText(tr("Search messages (full text)"));
    search_->setClearButtonEnabled(true);
    tagBox_ = new QComboBox(this);
    tagBox_->setObjectName(QStringLiteral("tagFilter"));
    splitBox_ = new QComboBox(this);
    splitBox_->setObjectName(QStringLiteral("splitFilter"));
    findingBox_ = new QComboBox(this);
    findingBox_->setObjectName(QStringLiteral("findingFilter"));
    onlyIdsLabel_ = new QLabel(this);
    onlyIdsLabel_->setObjectName(QStringLiteral("onlyIdsLabel"));
    onlyIdsLabel_->setVisible(false);
    auto* clearButton = new QToolButton(this);
    clearButton->setText(tr("Clear filters"));
    connect(clearButton, &QToolButton::clicked, this, &ExampleBrowser::clearFilters);

    auto* filterBar = new QHBoxLayout;
    search_->setMinimumWidth(200);
    filterBar->addWidget(search_, 3);
    filterBar->addWidget(new QLabel(tr("Tag:"), this));
    filterBar->addWidget(tagBox_, 1);
    filterBar->addWidget(new QLabel(tr("Split:"), this));
    filterBar->addWidget(splitBox_, 1);
    filterBar->addWidget(new QLabel(tr("Finding:"), this));
    filterBar->addWidget(findingBox_, 1);
    filterBar->addWidget(onlyIdsLabel_);
    filterBar->addWidget(clearButton);

    table_ = new QTableView(this);
    table_->setObjectName(QStringLiteral("exampleTable"));
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(false);
    table_->verticalHeader()->hide();
    // Fixed row heights and column widths: the view never measures content, which would
    // touch every loaded row.
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    table_->horizontalHeader()->setSectionResizeMode(ExampleTableModel::PreviewColumn, QHeaderView::Stretch);
    const int digitWidth = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    table_->setColumnWidth(ExampleTableModel::IdColumn, digitWidth * 8);
    table_->setColumnWidth(ExampleTableModel::TurnsColumn, digitWidth * 6);
    table_->setColumnWidth(ExampleTableModel::TagsColumn, digitWidth * 12);
    table_->setColumnWidth(ExampleTableModel::SplitColumn, digitWidth * 10);
    table_->setColumnWidth(ExampleTableModel::CreatedColumn,
                           fontMetrics().horizontalAdvance(QStringLiteral("2026-11-28 15:53")) + 16);

    conversation_ = new ConversationView(this);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(table_);
    splitter->addWidget(conversation_);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({600, 400});

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filterBar);
    layout->addWidget(splitter, 1);

    searchDelay_ = new QTimer(this);
    searchDelay_->setSingleShot(true);
    searchDelay_->setInterval(kSearchDelayMs);
    connect(searchDelay_, &QTimer::timeout, this, &ExampleBrowser::applyFilter);
    connect(search_, &QLineEdit::textChanged, searchDelay_, qOverload<>(&QTimer::start));
    connect(search_, &QLineEdit::returnPressed, this, [this] {
        searchDelay_->stop();
        applyFilter();
    });
    for (QComboBox* box : {tagBox_, splitBox_, findingBox_}) {
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            if (!refilling_) applyFilter();
        });
    }
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ExampleBrowser::showCurrentExample);
    refillChoices();
}

void ExampleBrowser::setStore(ExampleStore* store) {
    store_ = store;
    onlyIds_.reset();
    reload();
}

void ExampleBrowser::reload() {
    refillChoices();
    applyFilter();
}

ExampleFilter ExampleBrowser::currentFilter() const {
    ExampleFilter filter;
    filter.search = search_->text().trimmed();
    filter.tag = tagBox_->currentData().toString();
    filter.split = splitBox_->currentData().toString();
    filter.findingKind = findingBox_->currentData().toString();
    filter.onlyIds = onlyIds_;
    return filter;
}

void ExampleBrowser::applyFilter() {
    conversation_->showPlaceholder(tr("Select an example to see its conversation."));
    try {
        model_->setStore(store_);
        model_->setFilter(currentFilter());
    } catch (const std::exception& error) {
        showError(this, tr("Cannot read the examples"), error);
    }
    Q_EMIT countChanged(model_->totalCount(), model_->totalIsLowerBound());
}

void ExampleBrowser::refillChoices() {
    // Filling the boxes must not run a query per inserted item.
    refilling_ = true;
    auto refill = [](QComboBox* box, const QString& anyText, const QStringList& values, const QStringList& labels) {
        const QString previous = box->currentData().toString();
        box->clear();
        box->addItem(anyText, QString());
        for (int i = 0; i < values.size(); ++i) box->addItem(labels.value(i, values[i]), values[i]);
        const int index = box->findData(previous);
        box->setCurrentIndex(index >= 0 ? index : 0);
    };
    QStringList tags, kinds;
    try {
        if (store_) {
            tags = store_->tagNames();
            kinds = store_->findingKinds();
        }
    } catch (const std::exception& error) {
        showError(this, tr("Cannot read the project"), error);
    }
    refill(tagBox_, tr("any tag"), tags, tags);
    const QStringList splits = {QStringLiteral("train"), QStringLiteral("validation"), QStringLiteral("test")};
    refill(splitBox_, tr("any split"), splits, {tr("train"), tr("validation"), tr("test")});
    refill(findingBox_, tr("any finding"), kinds, kinds);
    refilling_ = false;
}

void ExampleBrowser::showOnlyExamples(const std::vector<std::int64_t>& ids, const QString& description) {
    std::vector<std::int64_t> sorted = ids;
    std::sort(sorted.begin(), sorted.end());
    onlyIds_ = std::move(sorted);
    // The description can be long (a finding's detail): the full text goes in the tooltip.
    onlyIdsLabel_->setText(fontMetrics().elidedText(description, Qt::ElideRight, 260));
    onlyIdsLabel_->setToolTip(description);
    onlyIdsLabel_->setVisible(true);
    applyFilter();
    if (model_->rowCount() > 0) table_->selectRow(0);
}

void ExampleBrowser::setFindingKindFilter(const QString& kind) {
    onlyIds_.reset();
    onlyIdsLabel_->setVisible(false);
    refilling_ = true;
    int index = findingBox_->findData(kind);
    if (index < 0) {
        findingBox_->addItem(kind, kind);
        index = findingBox_->count() - 1;
    }
    findingBox_->setCurrentIndex(index);
    refilling_ = false;
    applyFilter();
}

void ExampleBrowser::clearFilters() {
    refilling_ = true;
    search_->clear();
    searchDelay_->stop();
    tagBox_->setCurrentIndex(0);
    splitBox_->setCurrentIndex(0);
    findingBox_->setCurrentIndex(0);
    refilling_ = false;
    onlyIds_.reset();
    onlyIdsLabel_->setVisible(false);
    applyFilter();
}

bool ExampleBrowser::selectExample(std::int64_t id) {
    int row = model_->rowOfExample(id);
    // Not loaded yet: page forward until it is, or the filter has no more rows.
    while (row < 0 && model_->canFetchMore({}) &&
           (model_->rowCount() == 0 || model_->exampleIdAt(model_->rowCount() - 1) < id)) {
        model_->fetchMore({});
        row = model_->rowOfExample(id);
    }
    if (row < 0) return false;
    table_->selectRow(row);
    table_->scrollTo(model_->index(row, 0));
    return true;
}

void ExampleBrowser::showCurrentExample() {
    const QModelIndex current = table_->currentIndex();
    const std::int64_t id = current.isValid() ? model_->exampleIdAt(current.row()) : 0;
    if (!store_ || id == 0) {
        conversation_->showPlaceholder(tr("Select an example to see its conversation."));
        return;
    }
    try {
        conversation_->showExample(store_->example(id));
    } catch (const std::exception& error) {
        conversation_->showPlaceholder(
            tr("Cannot read example %1: %2").arg(id).arg(QString::fromStdString(error.what())));
    }
}

}  // namespace tbui
