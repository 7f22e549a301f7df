#include "model/device_choice.h"

#include "util/errors.h"

namespace ps {

DeviceChoice::DeviceChoice(const std::string& text) {
  const auto bad = [&] {
    return ConfigError("device '" + text + "': expected auto, cpu, cuda or cuda:N (N = 0, 1, ...)");
  };
  if (text == "auto" || text.empty()) return;
  if (text == "cpu") {
    kind = Kind::Cpu;
    return;
  }
  if (text.rfind("cuda", 0) != 0) throw bad();
  kind = Kind::Cuda;
  if (text.size() == 4) return;
  const std::string n = text.substr(5);
  if (text[4] != ':' || n.empty() || n.size() > 3 || n.find_first_not_of("0123456789") != std::string::npos)
    throw bad();
  index = std::stoi(n);
}

std::string DeviceChoice::str() const {
  if (kind == Kind::Auto) return "auto";
  if (kind == Kind::Cpu) return "cpu";
  return index < 0 ? "cuda" : "cuda:" + std::to_string(index);
}

}  // namespace ps
