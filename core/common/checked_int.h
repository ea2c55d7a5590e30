#pragma once
// Signed 64-bit arithmetic that remembers an overflow instead of wrapping (which is undefined
// behaviour): sizes read from files (config.json's widths and layer counts) multiply into
// weight counts, and a hostile file can make any product overflow.
//
//   CheckedInt64 total = CheckedInt64(vocab) * hidden + layers * per_layer;
//   if (total.overflowed()) throw Error("...");
#include <cstdint>

namespace tb {

class CheckedInt64 {
public:
    constexpr CheckedInt64(std::int64_t value = 0) : value_(value) {}

    bool overflowed() const { return overflowed_; }
    // Meaningless once overflowed(): check that first.
    std::int64_t value() const { return value_; }

    friend CheckedInt64 operator+(CheckedInt64 a, CheckedInt64 b) {
        CheckedInt64 r;
        r.overflowed_ = a.overflowed_ || b.overflowed_ || __builtin_add_overflow(a.value_, b.value_, &r.value_);
        return r;
    }
    friend CheckedInt64 operator*(CheckedInt64 a, CheckedInt64 b) {
        CheckedInt64 r;
        r.overflowed_ = a.overflowed_ || b.overflowed_ || __builtin_mul_overflow(a.value_, b.value_, &r.value_);
        return r;
    }
    CheckedInt64& operator+=(CheckedInt64 b) { return *this = *this + b; }

private:
    std::int64_t value_ = 0;
    bool overflowed_ = false;
};

}  // namespace tb
