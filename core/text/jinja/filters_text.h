#pragma once
// Jinja2's text-shaping filters (jinja2/filters.py, utils.py, markupsafe, pprint, textwrap
// semantics): title, pprint, striptags, wordwrap, urlize, urlencode, filesizeformat, xmlattr.
// Registered in filters.cpp's table.
#include <string>

#include "core/text/jinja/renderer.h"

namespace tb::jinja {

Value filter_title(Renderer& r, const Value& v, CallArgs& a);
Value filter_pprint(Renderer& r, const Value& v, CallArgs& a);
Value filter_striptags(Renderer& r, const Value& v, CallArgs& a);
Value filter_wordwrap(Renderer& r, const Value& v, CallArgs& a);
Value filter_urlize(Renderer& r, const Value& v, CallArgs& a);
Value filter_urlencode(Renderer& r, const Value& v, CallArgs& a);
Value filter_filesizeformat(Renderer& r, const Value& v, CallArgs& a);
Value filter_xmlattr(Renderer& r, const Value& v, CallArgs& a);

// pprint.pformat(value) with its defaults (width 80, sorted dict keys), as Jinja's pprint.
std::string python_pformat(const Value& v);

// Python's float(str): decimal digits with optional "_" separators, exponent, inf, nan;
// surrounding whitespace allowed. False when Python would raise ValueError.
bool parse_python_float(std::string_view text, double& out);

}  // namespace tb::jinja
