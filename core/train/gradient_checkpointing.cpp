#include "core/train/gradient_checkpointing.h"

#include <cstdint>

#include "core/train/checkpoint.h"

namespace tb {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// forward(x [B, T, hidden], cos/sin [B, T, head_dim], mask [B, 1, T, T] or undefined) of the
// layer at `layer_address` (the module outlives the step: it belongs to the model).
struct CheckpointedLayer : public torch::autograd::Function<CheckpointedLayer> {
    static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& x, const torch::Tensor& cos,
                                 const torch::Tensor& sin, const torch::Tensor& mask, std::int64_t layer_address) {
        ctx->save_for_backward({x});
        ctx->saved_data["cos"] = cos;
        ctx->saved_data["sin"] = sin;
        ctx->saved_data["has_mask"] = mask.defined();
        if (mask.defined()) ctx->saved_data["mask"] = mask;
        ctx->saved_data["layer"] = layer_address;
        // Dropout in the recompute must draw the same masks: every generator's state.
        const RngState rng = rng_state();
        ctx->saved_data["rng"] = rng.cpu;
        ctx->saved_data["has_rng_cuda"] = rng.cuda.defined();
        if (rng.cuda.defined()) ctx->saved_data["rng_cuda"] = rng.cuda;
        auto* layer = reinterpret_cast<DecoderLayerImpl*>(layer_address);
        return layer->forward(x, cos, sin, mask, nullptr);  // grad mode is off here: nothing kept
    }

    static variable_list backward(AutogradContext* ctx, variable_list grad_outputs) {
        auto x = ctx->get_saved_variables()[0].detach().requires_grad_(true);
        auto* layer = reinterpret_cast<DecoderLayerImpl*>(ctx->saved_data["layer"].toInt());
        const torch::Tensor mask =
            ctx->saved_data["has_mask"].toBool() ? ctx->saved_data["mask"].toTensor() : torch::Tensor();
        const RngState rng_now = rng_state();
        RngState at_forward;
        at_forward.cpu = ctx->saved_data["rng"].toTensor();
        if (ctx->saved_data["has_rng_cuda"].toBool()) at_forward.cuda = ctx->saved_data["rng_cuda"].toTensor();
        set_rng_state(at_forward);
        torch::Tensor out;
        {
            torch::AutoGradMode enable(true);
            out =
                layer->forward(x, ctx->saved_data["cos"].toTensor(), ctx->saved_data["sin"].toTensor(), mask, nullptr);
        }
        set_rng_state(rng_now);
        // Reentrant backward: parameter gradients accumulate into their .grad as usual.
        torch::autograd::backward({out}, {grad_outputs[0]});
        return {x.grad(), torch::Tensor(), torch::Tensor(), torch::Tensor(), torch::Tensor()};
    }
};

}  // namespace

void set_gradient_checkpointing(CausalLMImpl& model, bool enabled) {
    if (!enabled) {
        model.layer_runner = nullptr;
        return;
    }
    model.layer_runner = [](DecoderLayerImpl& layer, const torch::Tensor& x, const torch::Tensor& cos,
                            const torch::Tensor& sin, const torch::Tensor& mask) -> torch::Tensor {
        if (!torch::GradMode::is_enabled()) return layer.forward(x, cos, sin, mask, nullptr);  // validation
        // Frozen embeddings (LoRA) give an input without grad: the Function would then record
        // nothing and no gradient would reach the adapters inside. A grad-requiring leaf fixes it.
        const torch::Tensor input = x.requires_grad() ? x : x.detach().requires_grad_(true);
        return CheckpointedLayer::apply(input, cos, sin, mask, reinterpret_cast<std::int64_t>(&layer));
    };
}

}  // namespace tb
