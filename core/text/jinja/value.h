#pragma once
// The values a template computes with, modelled on the Python objects Jinja2 sees: None,
// bool, int (int64), float, str (UTF-8, indexed by code point), list/tuple, dict (insertion
// ordered), Jinja2's Undefined, and objects (namespace, loop, macro, functions, methods).
// Strings, lists and dicts live behind shared_ptr so copying a Value never deep-copies data.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace tb::jinja {

class Value;
class Renderer;

struct HeapValue {
    virtual ~HeapValue() = default;
};

struct StringData final : HeapValue {
    explicit StringData(std::string t) : text(std::move(t)) {}
    std::string text;
    mutable std::int64_t codepoints = -1;  // cached length in code points
    bool markup = false;                   // markupsafe.Markup (from |safe, |escape): + and % escape plain strings
};

// The destructors of ListData and DictData are defined in value.cpp, where Value is complete:
// clang instantiates an inline virtual destructor of vector<Value> here, where it is not.
struct ListData final : HeapValue {
    ~ListData() override;
    // Python sequences that are no list but iterate like one, materialised (all are bounded):
    // they differ in repr, type name, + and *, and tojson.
    enum class View : std::uint8_t { None, Range, DictKeys, DictValues, DictItems };
    std::vector<Value> items;
    std::uint32_t depth = 1;  // nesting depth, bounded so destruction and repr cannot overflow the stack
    bool tuple = false;       // Python tuple: repr uses ( )
    bool generator = false;   // result of map/select/...: Python would hold a generator here
    View view = View::None;
    bool group_tuple = false;  // groupby's (grouper, list) namedtuple: .grouper and .list name its items
    std::int64_t range_start = 0, range_stop = 0, range_step = 1;  // View::Range
    // What Python's repr names the generator: "generator object sync_do_map", "list_reverseiterator object".
    const char* generator_repr = "generator object";
};

struct DictData final : HeapValue {
    ~DictData() override;
    std::vector<std::pair<Value, Value>> items;  // insertion order, like Python dicts
    std::uint32_t depth = 1;
    const Value* find(const Value& key) const;
    const Value* find(std::string_view key) const;
    void set(Value key, Value value);
};

// Why a value is undefined, to build Jinja2's exact UndefinedError message lazily.
struct UndefinedData final : HeapValue {
    std::string hint;         // explicit message (takes precedence)
    std::string object_type;  // "dict object", ... ; empty when no object was involved
    std::string name;         // the missing name / attribute / repr of the missing key
    bool name_is_attribute = true;
    std::string error_kind = "UndefinedError";  // "SecurityError" for unsafe attribute access
    std::string message() const;
};

struct CallArgs {
    std::vector<Value> positional;
    std::vector<std::pair<std::string, Value>> keyword;
    const Value* keyword_arg(std::string_view name) const;
};

// Anything that is not plain data: namespace(), loop, macros, builtins, bound methods.
class Object : public HeapValue {
public:
    virtual std::string type_name() const = 0;  // as object_type_repr words it: "jinja2.utils.Namespace object"
    virtual std::string repr() const;
    virtual Value get_attr(const std::string& name) const;
    virtual bool callable() const { return false; }
    virtual Value call(Renderer& renderer, CallArgs& args);
};

class Value {
public:
    enum class Kind : std::uint8_t { Undefined, None, Bool, Int, Float, String, List, Dict, Object };

    Value() = default;  // a plain Undefined
    static Value none() {
        Value v;
        v.kind_ = Kind::None;
        return v;
    }
    static Value boolean(bool b) {
        Value v;
        v.kind_ = Kind::Bool;
        v.int_ = b;
        return v;
    }
    static Value integer(std::int64_t i) {
        Value v;
        v.kind_ = Kind::Int;
        v.int_ = i;
        return v;
    }
    static Value number(double d) {
        Value v;
        v.kind_ = Kind::Float;
        v.float_ = d;
        return v;
    }
    static Value string(std::string s);
    static Value markup(std::string s);  // a markupsafe.Markup string
    static Value list(std::vector<Value> items = {}, bool tuple = false);
    // `repr_name` as Python's repr shows the iterator ("generator object sync_do_map").
    static Value generator(std::vector<Value> items, const char* repr_name = "generator object");
    static Value range(std::int64_t start, std::int64_t stop, std::int64_t step, std::vector<Value> items);
    static Value dict_view(ListData::View view, std::vector<Value> items);
    static Value dict(std::shared_ptr<DictData> d = nullptr);
    static Value object(std::shared_ptr<Object> o);
    static Value undefined_name(std::string name);
    static Value undefined_attribute(const Value& obj, std::string attribute);
    static Value undefined_element(const Value& obj, const Value& key);
    static Value undefined_hint(std::string hint, std::string error_kind = "UndefinedError");

    Kind kind() const { return kind_; }
    bool is_undefined() const { return kind_ == Kind::Undefined; }
    bool is_none() const { return kind_ == Kind::None; }
    bool is_bool() const { return kind_ == Kind::Bool; }
    bool is_int() const { return kind_ == Kind::Int; }
    bool is_float() const { return kind_ == Kind::Float; }
    bool is_number() const { return kind_ == Kind::Int || kind_ == Kind::Float || kind_ == Kind::Bool; }
    bool is_string() const { return kind_ == Kind::String; }
    bool is_list() const { return kind_ == Kind::List; }
    bool is_dict() const { return kind_ == Kind::Dict; }
    bool is_object() const { return kind_ == Kind::Object; }

    bool as_bool() const { return int_ != 0; }
    std::int64_t as_int() const { return int_; }  // also for Bool
    double as_double() const { return kind_ == Kind::Float ? float_ : static_cast<double>(int_); }
    const std::string& str() const { return static_cast<const StringData*>(heap_.get())->text; }
    const StringData& string_data() const { return *static_cast<const StringData*>(heap_.get()); }
    const ListData& list_data() const { return *static_cast<const ListData*>(heap_.get()); }
    const std::vector<Value>& items() const { return list_data().items; }
    const DictData& dict_data() const { return *static_cast<const DictData*>(heap_.get()); }
    Object& object_ref() const { return *static_cast<Object*>(heap_.get()); }
    template <class T>
    T* object_as() const {
        return kind_ == Kind::Object ? dynamic_cast<T*>(heap_.get()) : nullptr;
    }
    const UndefinedData* undefined_data() const { return static_cast<const UndefinedData*>(heap_.get()); }
    bool is_markup() const { return kind_ == Kind::String && string_data().markup; }
    bool is_tuple() const { return kind_ == Kind::List && list_data().tuple; }
    bool is_generator() const { return kind_ == Kind::List && list_data().generator; }
    // range(), dict.keys()/values()/items(): iterable, not a list.
    bool is_view() const { return kind_ == Kind::List && list_data().view != ListData::View::None; }
    // A list or tuple proper: + and * work on it.
    bool is_sequence() const { return kind_ == Kind::List && !list_data().generator && !is_view(); }
    bool same_object(const Value& o) const { return heap_ && heap_ == o.heap_; }
    // The string's buffer when this Value is its only owner (a temporary), so "a + b + c"
    // can append in place instead of copying at every step. Null otherwise.
    std::string* unique_plain_string() {
        if (kind_ != Kind::String || heap_.use_count() != 1) return nullptr;
        auto* data = static_cast<StringData*>(heap_.get());
        if (data->markup) return nullptr;
        data->codepoints = -1;
        return &data->text;
    }

    // Python semantics.
    bool truthy() const;
    std::string to_str() const;  // str(x); Undefined prints ""
    void append_str(std::string& out) const;
    std::string repr() const;              // repr(x)
    std::string python_type() const;       // "str", "int", "dict", "NoneType", ...
    std::string object_type_repr() const;  // Jinja2's object_type_repr: "dict object", "None"
    std::int64_t length() const;           // len(x); throws TypeError when it has none
    // Throws the UndefinedError (or SecurityError) this undefined carries.
    [[noreturn]] void raise_undefined() const;

private:
    Kind kind_ = Kind::Undefined;
    union {
        std::int64_t int_ = 0;
        double float_;
    };
    std::shared_ptr<HeapValue> heap_;
};

// Text built from values (repr of a list, str of a dict) is bounded like the output: a list
// holding one 60 MB string 1000 times must stop at the limit, not build 60 GB. The renderer
// sets the limit for its thread while it renders (ReprLimitScope); outside a render there is none.
void check_built_text(std::size_t bytes);
void check_built_text(std::size_t bytes, std::size_t limit);
struct ReprLimitScope {
    explicit ReprLimitScope(std::size_t limit);
    ~ReprLimitScope();
    ReprLimitScope(const ReprLimitScope&) = delete;
    ReprLimitScope& operator=(const ReprLimitScope&) = delete;
    std::size_t saved;
};

// Containers nest at most this deep (a template building [[[...]]] in a loop stops here).
constexpr std::uint32_t kMaxValueDepth = 1000;
std::uint32_t nesting_depth(const Value& v);  // 0 for scalars

bool values_equal(const Value& a, const Value& b);  // Python ==
// Python <: -1, 0, 1; throws TypeError "'<' not supported between ..." (op names the operator).
int compare_values(const Value& a, const Value& b, const char* op);

Value from_json(const nlohmann::json& j);
Value from_json(const nlohmann::ordered_json& j);

// Python str / repr helpers shared by printing and filters.
std::string python_float_repr(double d);
std::string python_string_repr(std::string_view s);
std::string html_escape(std::string_view s);  // markupsafe.escape

}  // namespace tb::jinja
