#pragma once
// What the example browser reads, as an interface: the production implementation is
// ProjectExampleStore (tb::ProjectFile queries); tests may substitute a store that counts
// or delays calls. All calls happen on the GUI thread and must each be fast (one keyset
// page, one example), so the window stays responsive with a million examples.
#include <cstdint>
#include <optional>
#include <vector>

#include <QString>
#include <QStringList>

#include "core/dataset/example.h"

namespace tbui {

struct ExampleFilter {
    QString tag;          // empty: any
    QString split;        // "train" | "validation" | "test"; empty: any
    QString findingKind;  // check finding kind ("exact_duplicate", ...); empty: any
    QString search;       // full-text query; empty: no search
    // A single finding's examples (clicked in the check report); nullopt: no restriction.
    std::optional<std::vector<std::int64_t>> onlyIds;

    bool isEmpty() const {
        return tag.isEmpty() && split.isEmpty() && findingKind.isEmpty() && search.isEmpty() && !onlyIds;
    }
    bool operator==(const ExampleFilter&) const = default;
};

// One line of the browser table.
struct ExampleRow {
    std::int64_t id = 0;
    QString preview;  // first user message, shortened
    int turns = 0;
    QStringList tags;
    QString split;
    QString created;  // ISO 8601 UTC
};

class ExampleStore {
public:
    virtual ~ExampleStore() = default;

    // min(number of matching examples, limit): a search for a common word must not visit
    // every match just to show a number.
    virtual std::int64_t count(const ExampleFilter& filter, std::int64_t limit) = 0;
    // Up to `limit` rows with id > afterId matching `filter`, in ascending id order.
    virtual std::vector<ExampleRow> rowsAfter(const ExampleFilter& filter, std::int64_t afterId, int limit) = 0;
    // Throws tb::Error when the example does not exist.
    virtual tb::Example example(std::int64_t id) = 0;
    // Choices for the filter boxes.
    virtual QStringList tagNames() = 0;
    virtual QStringList findingKinds() = 0;
};

}  // namespace tbui
