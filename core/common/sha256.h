#pragma once
// SHA-256 (FIPS 180-4), written here so content hashes need no crypto library.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace tb {

class Sha256 {
public:
    Sha256();
    void update(std::string_view data);
    std::array<std::uint8_t, 32> digest();  // finishes; the object must not be updated after
    std::string hex_digest();               // 64 lowercase hex characters

private:
    void compress(const std::uint8_t* block);
    std::array<std::uint32_t, 8> state_;
    std::array<std::uint8_t, 64> buffer_{};
    std::size_t buffered_ = 0;
    std::uint64_t total_bytes_ = 0;
};

// Hex SHA-256 of `data` in one call.
std::string sha256_hex(std::string_view data);

}  // namespace tb
