#include "core/dataset/csv_reader.h"

#include <cstring>

#include "core/common/error.h"

namespace tb {
namespace {
constexpr std::size_t kMaxRaw = 64 * 1024;
}

CsvReader::CsvReader(const std::string& path, char delimiter, std::size_t max_row_bytes)
    : path_(path), chunks_(path), delimiter_(delimiter), max_row_bytes_(max_row_bytes) {}

bool CsvReader::next(CsvRow& row) {
    enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted };
    while (true) {
        row.fields.clear();
        row.raw.clear();
        row.line = line_;
        if (at_end_) return false;
        State state = State::FieldStart;
        std::string field;
        std::size_t row_bytes = 0;
        bool row_done = false;
        while (!row_done) {
            if (pos_ >= chunks_.size()) {
                pos_ = 0;
                if (!chunks_.next()) {
                    at_end_ = true;
                    if (state == State::Quoted)
                        throw InputError(path_, row.line,
                                         "the file ends inside a quoted field that starts in this row");
                    if (state != State::FieldStart || !row.fields.empty()) row.fields.push_back(std::move(field));
                    break;
                }
                if (!started_) {
                    started_ = true;
                    if (chunks_.size() >= 3 && std::memcmp(chunks_.data(), "\xEF\xBB\xBF", 3) == 0) pos_ = 3;
                    if (pos_ >= chunks_.size()) continue;
                }
            }
            const char c = chunks_.data()[pos_++];
            if (++row_bytes > max_row_bytes_)
                throw InputError(path_, row.line,
                                 "the row starting on line " + std::to_string(row.line) + " is longer than " +
                                     byte_size_text(max_row_bytes_) +
                                     " (the limit for one record; an unterminated quoted field?)");
            if (field.size() == field.capacity() && field.capacity() >= kReserveRecordAtOnce)
                field.reserve(max_row_bytes_);
            if (row.raw.size() < kMaxRaw) row.raw.push_back(c);
            if (c == '\n') ++line_;
            switch (state) {
                case State::FieldStart:
                case State::Unquoted:
                    if (c == '"' && state == State::FieldStart) {
                        state = State::Quoted;
                    } else if (c == delimiter_) {
                        row.fields.push_back(std::move(field));
                        field.clear();
                        state = State::FieldStart;
                    } else if (c == '\n') {
                        row.fields.push_back(std::move(field));
                        field.clear();
                        row_done = true;
                    } else if (c != '\r') {
                        field.push_back(c);
                        state = State::Unquoted;
                    }
                    break;
                case State::Quoted:
                    if (c == '"') {
                        state = State::QuoteInQuoted;
                    } else {
                        if (c == '\n' && !field.empty() && field.back() == '\r') field.pop_back();  // CRLF -> LF
                        field.push_back(c);
                    }
                    break;
                case State::QuoteInQuoted:
                    if (c == '"') {  // a doubled quote is one quote
                        field.push_back('"');
                        state = State::Quoted;
                    } else if (c == delimiter_) {
                        row.fields.push_back(std::move(field));
                        field.clear();
                        state = State::FieldStart;
                    } else if (c == '\n') {
                        row.fields.push_back(std::move(field));
                        field.clear();
                        row_done = true;
                    } else if (c != '\r') {
                        field.push_back(c);  // text after a closing quote: keep it
                        state = State::Unquoted;
                    }
                    break;
            }
        }
        if (!row.raw.empty() && row.raw.back() == '\n') row.raw.pop_back();
        if (!row.raw.empty() && row.raw.back() == '\r') row.raw.pop_back();
        const bool blank = row.fields.empty() || (row.fields.size() == 1 && row.fields[0].empty());
        if (!blank) return true;
        if (at_end_) return false;
    }
}

}  // namespace tb
