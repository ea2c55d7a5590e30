#include <gtest/gtest.h>

#include <chrono>
#include <cstring>
#include <fstream>
#include <random>

#include <nlohmann/json.hpp>

#include "core/common/error.h"
#include "core/model/safetensors.h"
#include "core/model/safetensors_torch.h"
#include "model_test_helpers.h"

using nlohmann::json;

namespace {

// A file image: length prefix + header text + data bytes.
std::vector<std::byte> image(const std::string& header, std::size_t data_bytes) {
    std::vector<std::byte> out(8 + header.size() + data_bytes, std::byte{0});
    std::uint64_t n = header.size();
    for (int i = 0; i < 8; ++i) out[static_cast<std::size_t>(i)] = std::byte((n >> (8 * i)) & 0xff);
    std::memcpy(out.data() + 8, header.data(), header.size());
    return out;
}

std::string parse_error(const std::vector<std::byte>& bytes) {
    try {
        tb::parse_safetensors(bytes, "bad.safetensors");
    } catch (const tb::Error& e) {
        return e.what();
    }
    return "";
}

void write_bytes(const std::filesystem::path& path, const std::vector<std::byte>& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace

TEST(Safetensors, WriterRoundTripsDtypesShapesAndMetadata) {
    tbtest::TempDir tmp;
    auto a = torch::arange(12, torch::kFloat32).reshape({3, 4});
    auto b = torch::tensor({1.5, -2.25, 3.0}, torch::kFloat16);
    auto c = torch::tensor({0.1, 1e10, -7.0}, torch::kFloat32).to(torch::kBFloat16);
    auto d = torch::tensor({5, -6}, torch::kInt64);
    auto path = tmp.path() / "t.safetensors";
    tb::save_safetensors(path, {{"a", a}, {"b.half", b}, {"c", c}, {"d", d}, {"empty", torch::zeros({0, 3})}},
                         {{"format", "pt"}});
    auto file = tb::SafetensorsFile::open(path);
    EXPECT_EQ(file->header().metadata.at("format"), "pt");
    EXPECT_EQ(file->header().data_offset % 8, 0u);
    EXPECT_EQ(file->names(), (std::vector<std::string>{"a", "b.half", "c", "d", "empty"}));
    EXPECT_EQ(file->info("b.half").dtype, tb::SafeDType::F16);
    EXPECT_TRUE(torch::equal(tb::tensor_view(file, "a"), a));
    EXPECT_TRUE(torch::equal(tb::tensor_view(file, "b.half"), b));
    EXPECT_TRUE(torch::equal(tb::tensor_view(file, "c"), c));
    EXPECT_TRUE(torch::equal(tb::tensor_view(file, "d"), d));
    EXPECT_EQ(tb::tensor_view(file, "empty").sizes(), (std::vector<std::int64_t>{0, 3}));
    EXPECT_THROW(file->info("nope"), tb::Error);
}

TEST(Safetensors, ViewOutlivesTheFileHandleAndIsZeroCopy) {
    tbtest::TempDir tmp;
    auto path = tmp.path() / "t.safetensors";
    auto a = torch::randn({64, 64});
    tb::save_safetensors(path, {{"a", a}});
    torch::Tensor view;
    const void* mapped = nullptr;
    {
        auto file = tb::SafetensorsFile::open(path);
        view = tb::tensor_view(file, "a");
        mapped = file->bytes(file->info("a")).data();
    }
    EXPECT_EQ(view.data_ptr(), mapped) << "F32 weights should be viewed in place, not copied";
    EXPECT_TRUE(torch::equal(view, a));  // the mapping is still alive
    view.add_(1.0);                      // copy-on-write: no crash, file untouched
    auto again = tb::tensor_view(tb::SafetensorsFile::open(path), "a");
    EXPECT_TRUE(torch::equal(again, a));
}

TEST(Safetensors, F16AndBF16ConvertToFloat32Exactly) {
    tbtest::TempDir tmp;
    auto values = torch::tensor({0.5f, -1.75f, 1024.0f, 3.140625f});  // representable in both
    tb::save_safetensors(tmp.path() / "h.safetensors",
                         {{"h", values.to(torch::kFloat16)}, {"b", values.to(torch::kBFloat16)}});
    EXPECT_THROW(tb::SafetensorsFolder::open(tmp.path()), tb::Error);  // no model.safetensors
    auto file = tb::SafetensorsFile::open(tmp.path() / "h.safetensors");
    EXPECT_EQ(file->info("h").dtype, tb::SafeDType::F16);
    EXPECT_EQ(file->info("b").dtype, tb::SafeDType::BF16);
    EXPECT_TRUE(torch::equal(tb::tensor_view(file, "h").to(torch::kFloat32), values));
    EXPECT_TRUE(torch::equal(tb::tensor_view(file, "b").to(torch::kFloat32), values));
    // Values that do not survive F16 come back rounded, as the format says.
    auto third = torch::tensor({1.0f / 3.0f});
    tb::save_safetensors(tmp.path() / "third.safetensors", {{"x", third.to(torch::kFloat16)}});
    auto x = tb::tensor_view(tb::SafetensorsFile::open(tmp.path() / "third.safetensors"), "x").to(torch::kFloat32);
    EXPECT_NEAR(x.item<float>(), 1.0f / 3.0f, 2e-4);
    EXPECT_NE(x.item<float>(), 1.0f / 3.0f);
}

TEST(Safetensors, UnsupportedDtypeIsParsedButRefusedWhenUsed) {
    std::string header = R"({"q":{"dtype":"F8_E4M3","shape":[4],"data_offsets":[0,4]}})";
    auto bytes = image(header, 4);
    auto parsed = tb::parse_safetensors(bytes, "f8.safetensors");
    EXPECT_EQ(parsed.tensors.at(0).dtype, tb::SafeDType::F8_E4M3);
    tbtest::TempDir tmp;
    write_bytes(tmp.path() / "f8.safetensors", bytes);
    auto file = tb::SafetensorsFile::open(tmp.path() / "f8.safetensors");
    try {
        tb::tensor_view(file, "q");
        FAIL();
    } catch (const tb::Error& e) {
        EXPECT_NE(std::string(e.what()).find("F8_E4M3"), std::string::npos) << e.what();
    }
}

TEST(Safetensors, HostileHeadersGiveErrorsNamingTheProblem) {
    struct Case {
        std::string header;
        std::size_t data;
        std::string expected;
    };
    const std::vector<Case> cases = {
        {R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,16]}})", 8, "past the end"},
        {R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})",
         16, "overlap"},
        {R"({"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}})", 8, "need 12 bytes"},
        {R"({"a":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}})", 8, "negative"},
        {R"({"a":{"dtype":"F32","shape":[4294967296,4294967296,16],"data_offsets":[0,8]}})", 8, "overflow"},
        {R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[8,0]}})", 8, "begin after"},
        {R"({"a":{"dtype":"F33","shape":[2],"data_offsets":[0,8]}})", 8, "unknown dtype"},
        {R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})",
         8, "twice"},
        {R"({"a":{"dtype":"F32","shape":[2]}})", 8, "data_offsets"},
        {R"({"a":{"dtype":"F32","shape":"2","data_offsets":[0,8]}})", 8, "shape"},
        {R"([1,2,3])", 8, "JSON object"},
        {R"({"a":)", 8, "not valid JSON"},
        {R"({"__metadata__":{"k":1}})", 0, "__metadata__"},
    };
    for (const auto& c : cases) {
        auto message = parse_error(image(c.header, c.data));
        EXPECT_NE(message.find(c.expected), std::string::npos) << c.header << " -> '" << message << "'";
        EXPECT_NE(message.find("bad.safetensors"), std::string::npos) << message;
    }
    // Header length fields: huge, and past the end of the file.
    auto bytes = image("{}", 0);
    bytes[7] = std::byte{0x7f};
    EXPECT_NE(parse_error(bytes).find("100 MB"), std::string::npos);
    bytes = image("{}", 0);
    bytes[0] = std::byte{200};
    EXPECT_NE(parse_error(bytes).find("past the end of the file"), std::string::npos);
    EXPECT_NE(parse_error(std::vector<std::byte>(5)).find("too short"), std::string::npos);
}

TEST(Safetensors, FuzzedFilesNeverCrash) {
    // Thousands of mutations of a valid file: bytes flipped, header text spliced, lengths
    // rewritten, truncations. Every outcome must be a parse or a tb::Error, and a parse must
    // only describe tensors inside the data.
    tbtest::TempDir tmp;
    auto path = tmp.path() / "valid.safetensors";
    tb::save_safetensors(path,
                         {{"model.embed_tokens.weight", torch::randn({8, 4})},
                          {"model.norm.weight", torch::ones({4}, torch::kBFloat16)},
                          {"lm_head.bias", torch::zeros({8}, torch::kFloat16)}},
                         {{"format", "pt"}});
    std::ifstream in(path, std::ios::binary);
    std::vector<char> raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<std::byte> valid(raw.size());
    std::memcpy(valid.data(), raw.data(), raw.size());
    const std::size_t header_end = 8 + static_cast<std::size_t>(std::to_integer<std::uint8_t>(valid[0])) +
                                   256 * std::to_integer<std::uint8_t>(valid[1]);
    const std::string tokens[] = {"{",
                                  "}",
                                  "[",
                                  "]",
                                  ",",
                                  ":",
                                  "\"",
                                  "-1",
                                  "18446744073709551615",
                                  "1e400",
                                  "\"F16\"",
                                  "\"shape\"",
                                  "\"data_offsets\"",
                                  "null",
                                  "\\u0000",
                                  "9999999999"};
    std::mt19937_64 rng(12345);
    int parsed = 0, rejected = 0;
    const auto start = std::chrono::steady_clock::now();
    for (int iteration = 0; iteration < 20000; ++iteration) {
        auto bytes = valid;
        const int mutations = 1 + static_cast<int>(rng() % 4);
        for (int m = 0; m < mutations; ++m) {
            // Header bytes still present (a truncation may have cut them).
            const std::size_t limit = std::min(bytes.size(), header_end);
            if (limit <= 8) break;
            switch (rng() % 5) {
                case 0:  // flip a byte of the header
                    bytes[8 + rng() % (limit - 8)] = std::byte(rng() & 0xff);
                    break;
                case 1: {  // splice a JSON token into the header text, fixing the length
                    const auto& token = tokens[rng() % std::size(tokens)];
                    const std::size_t at = 8 + rng() % (limit - 8);
                    std::vector<std::byte> ins(token.size());
                    std::memcpy(ins.data(), token.data(), token.size());
                    bytes.insert(bytes.begin() + static_cast<std::ptrdiff_t>(at), ins.begin(), ins.end());
                    std::uint64_t n = 0;
                    for (int i = 7; i >= 0; --i)
                        n = (n << 8) | std::to_integer<std::uint8_t>(bytes[static_cast<std::size_t>(i)]);
                    n += token.size();
                    for (int i = 0; i < 8; ++i) bytes[static_cast<std::size_t>(i)] = std::byte((n >> (8 * i)) & 0xff);
                    break;
                }
                case 2:  // rewrite the length prefix
                    bytes[rng() % 8] = std::byte(rng() & 0xff);
                    break;
                case 3:  // truncate
                    bytes.resize(rng() % (bytes.size() + 1));
                    break;
                default:  // flip a digit into another digit (offsets, shapes)
                    for (std::size_t i = 8 + rng() % (limit - 8); i < limit; ++i) {
                        auto ch = std::to_integer<char>(bytes[i]);
                        if (ch >= '0' && ch <= '9') {
                            bytes[i] = std::byte('0' + rng() % 10);
                            break;
                        }
                    }
            }
        }
        try {
            auto header = tb::parse_safetensors(bytes, "fuzz.safetensors");
            ++parsed;
            for (const auto& t : header.tensors) {
                ASSERT_LE(header.data_offset + t.end, bytes.size());
                ASSERT_EQ(t.end - t.begin, static_cast<std::uint64_t>(t.numel()) * tb::safe_dtype_size(t.dtype));
            }
        } catch (const tb::Error& e) {
            ++rejected;
            ASSERT_NE(std::string(e.what()).find("fuzz.safetensors"), std::string::npos);
        }
    }
    EXPECT_GT(rejected, 4000);
    EXPECT_GT(parsed, 10);
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 20.0);
}

TEST(Safetensors, ShardedFolderFindsEachTensorInItsShard) {
    tbtest::TempDir tmp;
    auto a = torch::randn({3});
    auto b = torch::randn({2, 2});
    tb::save_safetensors(tmp.path() / "model-00001-of-00002.safetensors", {{"a", a}});
    tb::save_safetensors(tmp.path() / "model-00002-of-00002.safetensors", {{"b", b}});
    json index = {
        {"metadata", {{"total_size", 28}}},
        {"weight_map", {{"a", "model-00001-of-00002.safetensors"}, {"b", "model-00002-of-00002.safetensors"}}}};
    std::ofstream(tmp.path() / "model.safetensors.index.json") << index.dump();
    auto folder = tb::SafetensorsFolder::open(tmp.path());
    EXPECT_EQ(folder.names(), (std::vector<std::string>{"a", "b"}));
    EXPECT_TRUE(torch::equal(tb::load_tensor(folder, "b", torch::kFloat32), b));
    EXPECT_TRUE(torch::equal(tb::load_tensor(folder, "a", torch::kFloat32), a));
    EXPECT_EQ(folder.files().size(), 2u);
    EXPECT_THROW(folder.file_for("c"), tb::Error);

    // An index pointing at the wrong shard, or at a missing one, is refused.
    index["weight_map"]["a"] = "model-00002-of-00002.safetensors";
    std::ofstream(tmp.path() / "model.safetensors.index.json") << index.dump();
    EXPECT_THROW(tb::SafetensorsFolder::open(tmp.path()), tb::Error);
    index["weight_map"]["a"] = "missing.safetensors";
    std::ofstream(tmp.path() / "model.safetensors.index.json") << index.dump();
    EXPECT_THROW(tb::SafetensorsFolder::open(tmp.path()), tb::Error);
    index["weight_map"]["a"] = "../model-00001-of-00002.safetensors";
    std::ofstream(tmp.path() / "model.safetensors.index.json") << index.dump();
    EXPECT_THROW(tb::SafetensorsFolder::open(tmp.path()), tb::Error);
}

TEST(Safetensors, OpensStories260K) {
    SKIP_WITHOUT_STORIES("opening a real safetensors file (stories260K)");
    auto folder = tb::SafetensorsFolder::open(tbtest::stories_dir());
    auto embed = tb::load_tensor(folder, "model.embed_tokens.weight", torch::kFloat32);
    EXPECT_EQ(embed.sizes(), (std::vector<std::int64_t>{512, 64}));
    EXPECT_TRUE(torch::isfinite(embed).all().item<bool>());
}
