#pragma once
// The safetensors format (8-byte little-endian header length, a JSON header, then the raw
// tensor bytes), torch-free: parsing with full validation of hostile headers, a read-only
// memory mapping, and a writer. The torch view over a mapping lives in safetensors_torch.h.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace tb {

enum class SafeDType { F64, F32, F16, BF16, I64, I32, I16, I8, U64, U32, U16, U8, BOOL, F8_E4M3, F8_E5M2 };

// "F32" -> SafeDType::F32; throws tb::Error for an unknown name.
SafeDType safe_dtype_from_name(const std::string& name);
std::string safe_dtype_name(SafeDType dtype);
std::size_t safe_dtype_size(SafeDType dtype);

struct SafeTensorInfo {
    std::string name;
    SafeDType dtype = SafeDType::F32;
    std::vector<std::int64_t> shape;
    std::uint64_t begin = 0;  // byte offsets relative to the start of the data section
    std::uint64_t end = 0;
    std::int64_t numel() const;
};

// Refuse headers larger than this (the format's own reference implementation uses 100 MB).
constexpr std::uint64_t kMaxSafetensorsHeaderBytes = 100ull * 1024 * 1024;

struct SafetensorsHeader {
    std::uint64_t data_offset = 0;                // file offset of the data section (8 + header length)
    std::vector<SafeTensorInfo> tensors;          // sorted by name
    std::map<std::string, std::string> metadata;  // "__metadata__"
};

// Validates a whole file image: header length, JSON object, known dtypes, shapes
// (non-negative, no overflow), offsets inside the data section, byte size == numel *
// dtype size, no overlaps, no duplicate names. Throws tb::Error "<source>: <problem>".
SafetensorsHeader parse_safetensors(std::span<const std::byte> file, const std::string& source);

// A safetensors file mapped read-only (copy-on-write private mapping: a stray write never
// reaches the file). Share it with shared_ptr: tensor views keep it alive.
class SafetensorsFile {
public:
    static std::shared_ptr<SafetensorsFile> open(const std::filesystem::path& path);
    ~SafetensorsFile();
    SafetensorsFile(const SafetensorsFile&) = delete;
    SafetensorsFile& operator=(const SafetensorsFile&) = delete;

    const std::filesystem::path& path() const { return path_; }
    const SafetensorsHeader& header() const { return header_; }
    bool contains(const std::string& name) const;
    const SafeTensorInfo& info(const std::string& name) const;  // tb::Error when absent
    std::span<const std::byte> bytes(const SafeTensorInfo& info) const;
    std::vector<std::string> names() const;

private:
    SafetensorsFile() = default;
    std::filesystem::path path_;
    void* mapping_ = nullptr;
    std::size_t mapping_size_ = 0;
    SafetensorsHeader header_;
};

// One tensor to write: raw little-endian bytes of numel(shape) * dtype size.
struct SafeTensorToWrite {
    std::string name;
    SafeDType dtype = SafeDType::F32;
    std::vector<std::int64_t> shape;
    std::span<const std::byte> data;
};

// Writes a safetensors file (header padded to 8 bytes, tensors in name order) through a
// temporary file renamed into place, so a crash never leaves a half-written checkpoint.
void write_safetensors(const std::filesystem::path& path, const std::vector<SafeTensorToWrite>& tensors,
                       const std::map<std::string, std::string>& metadata = {});

// Where each weight of a model folder lives: model.safetensors, or the shards listed in
// model.safetensors.index.json ("weight_map": name -> shard file).
class SafetensorsFolder {
public:
    static SafetensorsFolder open(const std::filesystem::path& model_dir);
    bool contains(const std::string& name) const;
    // The mapped file holding `name` (tb::Error naming the folder when absent).
    const std::shared_ptr<SafetensorsFile>& file_for(const std::string& name) const;
    std::vector<std::string> names() const;
    const std::vector<std::shared_ptr<SafetensorsFile>>& files() const { return files_; }

private:
    std::filesystem::path dir_;
    std::vector<std::shared_ptr<SafetensorsFile>> files_;
    std::map<std::string, std::size_t> index_;  // tensor name -> files_ index
};

}  // namespace tb
