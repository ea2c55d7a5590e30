#include "core/model/safetensors.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/common/error.h"
#include "core/common/input_file.h"

namespace tb {

namespace {

using nlohmann::json;

[[noreturn]] void fail(const std::string& source, const std::string& reason) { throw Error(source + ": " + reason); }

struct DTypeEntry {
    SafeDType dtype;
    const char* name;
    std::size_t size;
};

constexpr DTypeEntry kDTypes[] = {
    {SafeDType::F64, "F64", 8},   {SafeDType::F32, "F32", 4},         {SafeDType::F16, "F16", 2},
    {SafeDType::BF16, "BF16", 2}, {SafeDType::I64, "I64", 8},         {SafeDType::I32, "I32", 4},
    {SafeDType::I16, "I16", 2},   {SafeDType::I8, "I8", 1},           {SafeDType::U64, "U64", 8},
    {SafeDType::U32, "U32", 4},   {SafeDType::U16, "U16", 2},         {SafeDType::U8, "U8", 1},
    {SafeDType::BOOL, "BOOL", 1}, {SafeDType::F8_E4M3, "F8_E4M3", 1}, {SafeDType::F8_E5M2, "F8_E5M2", 1},
};

const DTypeEntry& entry(SafeDType d) {
    for (const auto& e : kDTypes)
        if (e.dtype == d) return e;
    throw Error("unknown safetensors dtype");
}

// Parses one tensor entry of the header; `name` is already known unique.
SafeTensorInfo parse_entry(const std::string& name, const json& value, std::uint64_t data_size,
                           const std::string& source) {
    const std::string where = "tensor \"" + name + "\"";
    if (!value.is_object()) fail(source, where + ": entry must be an object");
    SafeTensorInfo t;
    t.name = name;
    auto dt = value.find("dtype");
    if (dt == value.end() || !dt->is_string()) fail(source, where + ": missing string \"dtype\"");
    try {
        t.dtype = safe_dtype_from_name(dt->get<std::string>());
    } catch (const Error& e) {
        fail(source, where + ": " + e.what());
    }
    auto shape = value.find("shape");
    if (shape == value.end() || !shape->is_array()) fail(source, where + ": missing array \"shape\"");
    if (shape->size() > 64) fail(source, where + ": shape has more than 64 dimensions");
    std::uint64_t numel = 1;
    for (const auto& d : *shape) {
        if (!d.is_number_integer()) fail(source, where + ": shape must hold integers");
        if (d.is_number_unsigned() ? false : d.get<std::int64_t>() < 0)
            fail(source, where + ": negative dimension in shape");
        std::uint64_t dim = d.get<std::uint64_t>();
        if (dim > static_cast<std::uint64_t>(INT64_MAX)) fail(source, where + ": dimension too large");
        if (__builtin_mul_overflow(numel, dim, &numel) || numel > static_cast<std::uint64_t>(INT64_MAX))
            fail(source, where + ": shape overflows (too many elements)");
        t.shape.push_back(static_cast<std::int64_t>(dim));
    }
    std::uint64_t bytes = 0;
    if (__builtin_mul_overflow(numel, static_cast<std::uint64_t>(safe_dtype_size(t.dtype)), &bytes))
        fail(source, where + ": shape overflows (byte size)");
    auto offsets = value.find("data_offsets");
    if (offsets == value.end() || !offsets->is_array() || offsets->size() != 2 || !(*offsets)[0].is_number_unsigned() ||
        !(*offsets)[1].is_number_unsigned())
        fail(source, where + ": \"data_offsets\" must be two non-negative integers");
    t.begin = (*offsets)[0].get<std::uint64_t>();
    t.end = (*offsets)[1].get<std::uint64_t>();
    if (t.begin > t.end) fail(source, where + ": data_offsets begin after they end");
    if (t.end > data_size)
        fail(source, where + ": data_offsets end at byte " + std::to_string(t.end) + ", past the end of the data (" +
                         std::to_string(data_size) + " bytes): file truncated or header corrupt");
    if (t.end - t.begin != bytes)
        fail(source, where + ": shape and dtype need " + std::to_string(bytes) + " bytes but data_offsets span " +
                         std::to_string(t.end - t.begin));
    for (auto& [key, _] : value.items())
        if (key != "dtype" && key != "shape" && key != "data_offsets")
            fail(source, where + ": unexpected field \"" + key + "\"");
    return t;
}

}  // namespace

SafeDType safe_dtype_from_name(const std::string& name) {
    for (const auto& e : kDTypes)
        if (name == e.name) return e.dtype;
    throw Error("unknown dtype \"" + name.substr(0, 32) + "\"");
}

std::string safe_dtype_name(SafeDType dtype) { return entry(dtype).name; }
std::size_t safe_dtype_size(SafeDType dtype) { return entry(dtype).size; }

std::int64_t SafeTensorInfo::numel() const {
    std::int64_t n = 1;
    for (auto d : shape) n *= d;
    return n;
}

SafetensorsHeader parse_safetensors(std::span<const std::byte> file, const std::string& source) {
    if (file.size() < 8)
        fail(source, "file too short for a safetensors header (" + std::to_string(file.size()) + " bytes)");
    std::uint64_t header_len = 0;
    for (int i = 7; i >= 0; --i)
        header_len = (header_len << 8) | static_cast<std::uint8_t>(file[static_cast<std::size_t>(i)]);
    if (header_len > kMaxSafetensorsHeaderBytes)
        fail(source,
             "header length " + std::to_string(header_len) + " exceeds the 100 MB limit: not a safetensors file?");
    if (header_len > file.size() - 8)
        fail(source, "header length " + std::to_string(header_len) + " runs past the end of the file (" +
                         std::to_string(file.size()) + " bytes)");
    if (header_len < 2) fail(source, "header too short to be a JSON object");

    const char* text = reinterpret_cast<const char*>(file.data() + 8);
    // nlohmann keeps the last of duplicate keys silently: catch them while parsing.
    std::string duplicate;
    std::set<std::string> seen;
    json::parser_callback_t on_event = [&](int depth, json::parse_event_t event, json& parsed) {
        if (event == json::parse_event_t::key && depth == 1 && duplicate.empty()) {
            auto key = parsed.get<std::string>();
            if (!seen.insert(key).second) duplicate = key;
        }
        return true;
    };
    json header;
    try {
        header = json::parse(text, text + header_len, on_event);
    } catch (const json::exception& e) {
        fail(source, std::string("header is not valid JSON (") + e.what() + ")");
    }
    if (!header.is_object()) fail(source, "header must be a JSON object");
    if (!duplicate.empty()) fail(source, "tensor \"" + duplicate.substr(0, 200) + "\" appears twice in the header");

    SafetensorsHeader result;
    result.data_offset = 8 + header_len;
    const std::uint64_t data_size = file.size() - result.data_offset;
    for (auto& [name, value] : header.items()) {
        if (name == "__metadata__") {
            if (!value.is_object()) fail(source, "\"__metadata__\" must be an object of strings");
            for (auto& [k, v] : value.items()) {
                if (!v.is_string()) fail(source, "\"__metadata__\" value of \"" + k + "\" must be a string");
                result.metadata[k] = v.get<std::string>();
            }
            continue;
        }
        result.tensors.push_back(parse_entry(name, value, data_size, source));
    }
    // Overlapping byte ranges would alias two tensors: refuse.
    std::vector<const SafeTensorInfo*> by_offset;
    for (const auto& t : result.tensors) by_offset.push_back(&t);
    std::sort(by_offset.begin(), by_offset.end(), [](const SafeTensorInfo* a, const SafeTensorInfo* b) {
        return std::tie(a->begin, a->end) < std::tie(b->begin, b->end);
    });
    std::uint64_t covered_to = 0;
    const SafeTensorInfo* previous = nullptr;
    for (const auto* t : by_offset) {
        if (t->begin == t->end) continue;  // empty tensors occupy no bytes
        if (previous && t->begin < covered_to)
            fail(source, "tensors \"" + previous->name + "\" and \"" + t->name + "\" overlap in the data section");
        covered_to = t->end;
        previous = t;
    }
    std::sort(result.tensors.begin(), result.tensors.end(),
              [](const SafeTensorInfo& a, const SafeTensorInfo& b) { return a.name < b.name; });
    return result;
}

// ---- SafetensorsFile -------------------------------------------------------------------

std::shared_ptr<SafetensorsFile> SafetensorsFile::open(const std::filesystem::path& path) {
    std::shared_ptr<SafetensorsFile> file(new SafetensorsFile());
    file->path_ = path;
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw Error(path.string() + ": cannot open (" + std::strerror(errno) + ")");
    struct stat st {};
    if (fstat(fd, &st) != 0) {
        ::close(fd);
        throw Error(path.string() + ": cannot stat (" + std::strerror(errno) + ")");
    }
    if (!S_ISREG(st.st_mode)) {
        ::close(fd);
        throw Error(path.string() + ": not a regular file");
    }
    const auto size = static_cast<std::size_t>(st.st_size);
    if (size < 8) {
        ::close(fd);
        throw Error(path.string() + ": file too short for a safetensors header (" + std::to_string(size) + " bytes)");
    }
    // MAP_PRIVATE + PROT_WRITE: copy-on-write, so an in-place torch op on a weight view
    // cannot crash nor modify the file.
    void* mapping = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (mapping == MAP_FAILED) throw Error(path.string() + ": cannot map into memory (" + std::strerror(errno) + ")");
    file->mapping_ = mapping;
    file->mapping_size_ = size;
    file->header_ =
        parse_safetensors(std::span<const std::byte>(static_cast<const std::byte*>(mapping), size), path.string());
    return file;
}

SafetensorsFile::~SafetensorsFile() {
    if (mapping_) munmap(mapping_, mapping_size_);
}

bool SafetensorsFile::contains(const std::string& name) const {
    auto it = std::lower_bound(header_.tensors.begin(), header_.tensors.end(), name,
                               [](const SafeTensorInfo& t, const std::string& n) { return t.name < n; });
    return it != header_.tensors.end() && it->name == name;
}

const SafeTensorInfo& SafetensorsFile::info(const std::string& name) const {
    auto it = std::lower_bound(header_.tensors.begin(), header_.tensors.end(), name,
                               [](const SafeTensorInfo& t, const std::string& n) { return t.name < n; });
    if (it == header_.tensors.end() || it->name != name)
        throw Error(path_.string() + ": no tensor named \"" + name + "\"");
    return *it;
}

std::span<const std::byte> SafetensorsFile::bytes(const SafeTensorInfo& info) const {
    const auto* base = static_cast<const std::byte*>(mapping_) + header_.data_offset;
    return {base + info.begin, static_cast<std::size_t>(info.end - info.begin)};
}

std::vector<std::string> SafetensorsFile::names() const {
    std::vector<std::string> out;
    for (const auto& t : header_.tensors) out.push_back(t.name);
    return out;
}

// ---- writer ----------------------------------------------------------------------------

void write_safetensors(const std::filesystem::path& path, const std::vector<SafeTensorToWrite>& tensors,
                       const std::map<std::string, std::string>& metadata) {
    std::vector<const SafeTensorToWrite*> ordered;
    for (const auto& t : tensors) ordered.push_back(&t);
    std::sort(ordered.begin(), ordered.end(), [](auto* a, auto* b) { return a->name < b->name; });
    json header = json::object();
    if (!metadata.empty()) header["__metadata__"] = metadata;
    std::uint64_t offset = 0;
    for (std::size_t i = 0; i < ordered.size(); ++i) {
        const auto& t = *ordered[i];
        if (t.name == "__metadata__" || t.name.empty())
            throw Error(path.string() + ": invalid tensor name \"" + t.name + "\"");
        if (i > 0 && ordered[i - 1]->name == t.name)
            throw Error(path.string() + ": tensor \"" + t.name + "\" given twice");
        std::uint64_t numel = 1;
        for (auto d : t.shape) {
            if (d < 0) throw Error(path.string() + ": tensor \"" + t.name + "\" has a negative dimension");
            numel *= static_cast<std::uint64_t>(d);
        }
        if (numel * safe_dtype_size(t.dtype) != t.data.size())
            throw Error(path.string() + ": tensor \"" + t.name + "\": data size does not match its shape and dtype");
        header[t.name] = {{"dtype", safe_dtype_name(t.dtype)},
                          {"shape", t.shape},
                          {"data_offsets", {offset, offset + t.data.size()}}};
        offset += t.data.size();
    }
    std::string text = header.dump();
    while (text.size() % 8 != 0) text.push_back(' ');  // keeps the data section 8-byte aligned

    auto tmp = path;
    tmp += ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throw Error(tmp.string() + ": cannot write (" + std::strerror(errno) + ")");
        std::uint64_t len = text.size();
        char len_bytes[8];
        for (int i = 0; i < 8; ++i) len_bytes[i] = static_cast<char>((len >> (8 * i)) & 0xff);
        out.write(len_bytes, 8);
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        for (const auto* t : ordered)
            out.write(reinterpret_cast<const char*>(t->data.data()), static_cast<std::streamsize>(t->data.size()));
        out.flush();
        if (!out) throw Error(tmp.string() + ": write failed (disk full?)");
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) throw Error(path.string() + ": cannot move the written file into place (" + ec.message() + ")");
}

// ---- SafetensorsFolder -----------------------------------------------------------------

SafetensorsFolder SafetensorsFolder::open(const std::filesystem::path& model_dir) {
    SafetensorsFolder folder;
    folder.dir_ = model_dir;
    const auto index_path = model_dir / "model.safetensors.index.json";
    const auto single_path = model_dir / "model.safetensors";
    if (std::filesystem::exists(index_path)) {
        const std::string text = read_input_file(index_path.string());
        json index;
        try {
            index = json::parse(text);
        } catch (const json::exception& e) {
            throw Error(index_path.string() + ": invalid JSON (" + e.what() + ")");
        }
        if (!index.is_object() || !index.contains("weight_map") || !index["weight_map"].is_object())
            throw Error(index_path.string() + ": missing object \"weight_map\"");
        std::map<std::string, std::size_t> shard_of_file;
        for (auto& [name, shard] : index["weight_map"].items()) {
            if (!shard.is_string())
                throw Error(index_path.string() + ": weight_map value of \"" + name + "\" must be a file name");
            auto shard_name = shard.get<std::string>();
            if (shard_name.find('/') != std::string::npos || shard_name == "..")
                throw Error(index_path.string() + ": shard \"" + shard_name + "\" must be a file in the model folder");
            auto it = shard_of_file.find(shard_name);
            if (it == shard_of_file.end()) {
                auto shard_path = model_dir / shard_name;
                if (!std::filesystem::exists(shard_path))
                    throw Error(index_path.string() + ": lists shard \"" + shard_name + "\" which is missing");
                folder.files_.push_back(SafetensorsFile::open(shard_path));
                it = shard_of_file.emplace(shard_name, folder.files_.size() - 1).first;
            }
            if (!folder.files_[it->second]->contains(name))
                throw Error(index_path.string() + ": says \"" + name + "\" is in " + shard_name + ", which lacks it");
            folder.index_[name] = it->second;
        }
    } else if (std::filesystem::exists(single_path)) {
        folder.files_.push_back(SafetensorsFile::open(single_path));
        for (const auto& t : folder.files_[0]->header().tensors) folder.index_[t.name] = 0;
    } else {
        throw Error(model_dir.string() +
                    ": no model.safetensors nor model.safetensors.index.json (PyTorch .bin weights are not "
                    "supported: convert them to safetensors)");
    }
    return folder;
}

bool SafetensorsFolder::contains(const std::string& name) const { return index_.count(name) > 0; }

const std::shared_ptr<SafetensorsFile>& SafetensorsFolder::file_for(const std::string& name) const {
    auto it = index_.find(name);
    if (it == index_.end()) throw Error(dir_.string() + ": the weights lack tensor \"" + name + "\"");
    return files_[it->second];
}

std::vector<std::string> SafetensorsFolder::names() const {
    std::vector<std::string> out;
    for (const auto& [name, _] : index_) out.push_back(name);
    return out;
}

}  // namespace tb
