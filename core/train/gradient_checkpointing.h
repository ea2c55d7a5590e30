#pragma once
// Gradient checkpointing: each decoder layer runs forward without keeping its activations
// (only its input), and backward recomputes the layer (same dropout masks: the RNG state is
// saved with the input) before back-propagating through it. Trades ~1/3 more compute for
// activation memory of one layer instead of all. Internal to the trainer.
#include "core/model/llama.h"

namespace tb {

// Installs (or, with enabled = false, removes) the checkpointing layer runner on `model`.
void set_gradient_checkpointing(CausalLMImpl& model, bool enabled);

}  // namespace tb
