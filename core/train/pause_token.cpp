// The pause between optimizer steps (tb::PauseToken, core/train/trainer.h). Torch-free.
#include <chrono>

#include "core/train/trainer.h"

namespace tb {

void PauseToken::pause() {
    std::lock_guard<std::mutex> lock(mutex_);
    paused_ = true;
    changed_.notify_all();
}

void PauseToken::resume() {
    std::lock_guard<std::mutex> lock(mutex_);
    paused_ = false;
    changed_.notify_all();
}

bool PauseToken::paused() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return paused_;
}

void PauseToken::wait_while_paused(const CancelToken* cancel) const {
    std::unique_lock<std::mutex> lock(mutex_);
    // Cancel has no way to notify this condition variable: poll it a few times a second.
    while (paused_ && !(cancel && cancel->cancelled())) changed_.wait_for(lock, std::chrono::milliseconds(100));
}

}  // namespace tb
