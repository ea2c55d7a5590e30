// core/train/trainer.h is included by the GUI's run dialog: it must not bring libtorch's
// headers (20 s per translation unit, and Qt's keywords clash with them). First include of
// this file, so nothing else could have pulled torch in before the check.
#include "core/train/trainer.h"

#ifdef TORCH_CHECK
#error "core/train/trainer.h includes libtorch headers (keep torch types out of it: core/model/lora_options.h)"
#endif

#include <gtest/gtest.h>

TEST(TrainerHeader, LoraOptionsComeWithoutTorch) {
    tb::TrainConfig c;
    c.lora.rank = 4;
    c.lora.alpha = 8.0;
    EXPECT_DOUBLE_EQ(c.lora.scale(), 2.0);
    c.lora.use_rslora = true;
    EXPECT_DOUBLE_EQ(c.lora.scale(), 4.0);
    const auto back = tb::TrainConfig::from_json(c.to_json());
    EXPECT_EQ(back.lora.rank, 4);
    EXPECT_TRUE(back.lora.use_rslora);
}
