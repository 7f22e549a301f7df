#pragma once
// The built-in model names, without pulling in LibTorch (for the GUI and the CLI).
#include <string>
#include <vector>

namespace ps {

const std::vector<std::string>& builtinModelNames();  // small_cnn, resnet18, small_cnn_nobn
bool isBuiltinModel(const std::string& name);

}  // namespace ps
