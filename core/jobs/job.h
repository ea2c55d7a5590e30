#pragma once
// Long work in core (import, checks, training, evaluation) reports progress through a
// callback and polls a cancel token. No Qt here: ui/ adapts this to a QThread worker
// with signals, the CLI to a progress line on stderr.
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/common/error.h"

namespace tb {

// Shared between the thread that runs a job and the one that may cancel or pause it.
class CancelToken {
public:
    void cancel() { cancelled_.store(true, std::memory_order_relaxed); }
    bool cancelled() const { return cancelled_.load(std::memory_order_relaxed); }
    // Throws tb::Cancelled when cancel() was called: call it often inside loops.
    void check() const {
        if (cancelled()) throw Cancelled();
    }

private:
    std::atomic<bool> cancelled_{false};
};

struct Progress {
    std::int64_t done = 0;   // units done so far (bytes, examples, steps, ...)
    std::int64_t total = 0;  // 0 when unknown
    std::string stage;       // short human text: "importing", "checking duplicates", ...
};

using ProgressFn = std::function<void(const Progress&)>;

// What a job needs from its runner. Both members may be empty/null.
struct JobContext {
    ProgressFn progress;
    std::shared_ptr<CancelToken> cancel;

    void report(std::int64_t done, std::int64_t total, const std::string& stage) const {
        if (progress) progress(Progress{done, total, stage});
    }
    void check_cancel() const {
        if (cancel) cancel->check();
    }
};

}  // namespace tb
