// Python's arithmetic operators on template values (+ - * / // % ** and Jinja's ~).
#include <cmath>
#include <limits>

#include "core/text/jinja/renderer.h"

namespace tb::jinja {

namespace {

[[noreturn]] void type_error(const std::string& m) { throw TemplateError("TypeError", m); }
[[noreturn]] void overflow() {
    throw TemplateError("OverflowError",
                        "integer result does not fit in 64 bits (Tunebench's templates use 64-bit integers)");
}

const char* symbol_of(BinaryOp op) {
    switch (op) {
        case BinaryOp::Add:
            return "+";
        case BinaryOp::Sub:
            return "-";
        case BinaryOp::Mul:
            return "*";
        case BinaryOp::Div:
            return "/";
        case BinaryOp::FloorDiv:
            return "//";
        case BinaryOp::Mod:
            return "%";
        case BinaryOp::Pow:
            return "** or pow()";
        default:
            return "?";
    }
}

[[noreturn]] void unsupported(BinaryOp op, const Value& a, const Value& b) {
    type_error(std::string("unsupported operand type(s) for ") + symbol_of(op) + ": '" + a.python_type() + "' and '" +
               b.python_type() + "'");
}

Value repeat(Renderer& r, const Value& seq, std::int64_t times) {
    if (times <= 0) return seq.is_string() ? Value::string("") : Value::list({}, seq.is_tuple());
    // Sizes are checked before allocating, without overflow: 'ab' * 10**18 is refused, not wrapped.
    std::size_t total;
    if (seq.is_string()) {
        if (__builtin_mul_overflow(seq.str().size(), static_cast<std::uint64_t>(times), &total)) r.output_too_large();
        r.check_size(total);
        std::string out;
        out.reserve(total);
        out = seq.str();
        while (out.size() * 2 <= total) out.append(out);  // doubling: log(times) appends
        out.append(out.data(), total - out.size());
        return Value::string(std::move(out));
    }
    if (__builtin_mul_overflow(seq.items().size(), static_cast<std::uint64_t>(times), &total) ||
        total > r.limits.max_range_length)
        throw TemplateError("SandboxError", "list repetition would hold more than " +
                                                std::to_string(r.limits.max_range_length) + " items");
    std::vector<Value> out;
    for (std::int64_t i = 0; i < times; ++i) out.insert(out.end(), seq.items().begin(), seq.items().end());
    return Value::list(std::move(out), seq.is_tuple());
}

double python_fmod(double a, double b) {
    double m = std::fmod(a, b);
    if (m != 0 && ((m < 0) != (b < 0))) m += b;
    return m;
}

}  // namespace

Value binary_op(Renderer& r, BinaryOp op, const Value& a, const Value& b) {
    if (op == BinaryOp::Concat) {
        std::string s;
        a.append_str(s);
        b.append_str(s);
        r.check_size(s.size());
        return Value::string(std::move(s));
    }
    if (a.is_undefined()) a.raise_undefined();
    if (b.is_undefined()) b.raise_undefined();
    // String % formatting.
    if (op == BinaryOp::Mod && a.is_string()) {
        if (!a.is_markup()) return Value::string(percent_format(a.str(), b, r.limits.max_output_bytes));
        // Markup % args escapes the arguments.
        auto escaped = [](const Value& x) { return x.is_markup() ? x : Value::string(html_escape(x.to_str())); };
        Value args = b;
        if (b.is_tuple()) {
            std::vector<Value> items;
            for (const auto& x : b.items()) items.push_back(escaped(x));
            args = Value::list(std::move(items), true);
        } else if (!b.is_dict()) {
            args = escaped(b);
        }
        return Value::markup(percent_format(a.str(), args, r.limits.max_output_bytes));
    }
    if (a.is_number() && b.is_number()) {
        bool floats = a.is_float() || b.is_float();
        std::int64_t x = a.as_int(), y = b.as_int(), res = 0;
        double fx = a.as_double(), fy = b.as_double();
        switch (op) {
            case BinaryOp::Add:
                if (floats) return Value::number(fx + fy);
                if (__builtin_add_overflow(x, y, &res)) overflow();
                return Value::integer(res);
            case BinaryOp::Sub:
                if (floats) return Value::number(fx - fy);
                if (__builtin_sub_overflow(x, y, &res)) overflow();
                return Value::integer(res);
            case BinaryOp::Mul:
                if (floats) return Value::number(fx * fy);
                if (__builtin_mul_overflow(x, y, &res)) overflow();
                return Value::integer(res);
            case BinaryOp::Div:
                if (fy == 0) throw TemplateError("ZeroDivisionError", "division by zero");
                return Value::number(fx / fy);
            case BinaryOp::FloorDiv:
                if (floats) {
                    if (fy == 0) throw TemplateError("ZeroDivisionError", "float floor division by zero");
                    return Value::number(std::floor(fx / fy));
                }
                if (y == 0) throw TemplateError("ZeroDivisionError", "integer division or modulo by zero");
                if (x == std::numeric_limits<std::int64_t>::min() && y == -1) overflow();
                res = x / y;
                if ((x % y != 0) && ((x < 0) != (y < 0))) --res;
                return Value::integer(res);
            case BinaryOp::Mod:
                if (floats) {
                    if (fy == 0) throw TemplateError("ZeroDivisionError", "float modulo");
                    return Value::number(python_fmod(fx, fy));
                }
                if (y == 0) throw TemplateError("ZeroDivisionError", "integer modulo by zero");
                if (y == -1) return Value::integer(0);
                res = x % y;
                if (res != 0 && ((res < 0) != (y < 0))) res += y;
                return Value::integer(res);
            case BinaryOp::Pow:
                if (!floats && y >= 0) {
                    std::int64_t acc = 1, base = x;
                    std::int64_t e = y;
                    while (e > 0) {
                        if (e & 1)
                            if (__builtin_mul_overflow(acc, base, &acc)) overflow();
                        e >>= 1;
                        if (e > 0 && __builtin_mul_overflow(base, base, &base)) overflow();
                    }
                    return Value::integer(acc);
                }
                if (fx == 0 && fy < 0)
                    throw TemplateError("ZeroDivisionError", "0.0 cannot be raised to a negative power");
                return Value::number(std::pow(fx, fy));
            default:
                break;
        }
    }
    if (op == BinaryOp::Add) {
        if (a.is_string() && b.is_string()) {
            r.check_size(a.str().size() + b.str().size());
            if (a.is_markup() || b.is_markup()) {
                // markupsafe: Markup + str escapes the plain side.
                return Value::markup((a.is_markup() ? a.str() : html_escape(a.str())) +
                                     (b.is_markup() ? b.str() : html_escape(b.str())));
            }
            return Value::string(a.str() + b.str());
        }
        if (a.is_sequence() && b.is_sequence() && a.is_tuple() == b.is_tuple()) {
            std::vector<Value> out = a.items();
            out.insert(out.end(), b.items().begin(), b.items().end());
            return Value::list(std::move(out), a.is_tuple());
        }
        if (a.is_string() || a.is_sequence())
            type_error("can only concatenate " + a.python_type() + " (not \"" + b.python_type() + "\") to " +
                       a.python_type());
    }
    if (op == BinaryOp::Mul) {
        if ((a.is_string() || a.is_sequence()) && (b.is_int() || b.is_bool())) return repeat(r, a, b.as_int());
        if ((b.is_string() || b.is_sequence()) && (a.is_int() || a.is_bool())) return repeat(r, b, a.as_int());
        if (a.is_string() || b.is_string())
            type_error("can't multiply sequence by non-int of type '" + (a.is_string() ? b : a).python_type() + "'");
    }
    unsupported(op, a, b);
}

}  // namespace tb::jinja
