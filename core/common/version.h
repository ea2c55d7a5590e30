#pragma once
#include <string>

namespace tb {
// "0.1.0": the application version, also written into every project file and run record.
inline std::string version_string() { return "0.1.0"; }
}  // namespace tb
