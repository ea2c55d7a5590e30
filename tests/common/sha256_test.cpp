// SHA-256 against the FIPS 180-4 / NIST known-answer vectors.
#include <gtest/gtest.h>

#include "core/common/sha256.h"

namespace tb {
namespace {

TEST(Sha256, KnownVectors) {
    EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    EXPECT_EQ(sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnop"
                         "qrsmnopqrstnopqrstu"),
              "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
    EXPECT_EQ(sha256_hex(std::string(1000000, 'a')),
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, IncrementalUpdatesMatchOneShot) {
    // Split points around the 55/56/64-byte padding boundaries.
    const std::string text(200, 'x');
    for (std::size_t split : {0u, 1u, 55u, 56u, 63u, 64u, 65u, 119u, 120u, 199u, 200u}) {
        Sha256 hasher;
        hasher.update(std::string_view(text).substr(0, split));
        hasher.update(std::string_view(text).substr(split));
        EXPECT_EQ(hasher.hex_digest(), sha256_hex(text)) << split;
    }
    for (std::size_t length : {55u, 56u, 57u, 63u, 64u, 65u})
        EXPECT_NE(sha256_hex(std::string(length, 'x')), sha256_hex(std::string(length + 1, 'x')));
}

}  // namespace
}  // namespace tb
