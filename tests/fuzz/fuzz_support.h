#pragma once
// What the fuzz targets share: their input written to files of a private folder, and the
// rule they check (the project's own errors are expected outcomes; a raw library
// exception escaping, a crash or a sanitizer report is a finding).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace psfuzz {

// The folder of this process's files (created once, under the temporary directory).
const std::string& workDir();

// Writes `bytes` to workDir()/name and returns the path.
std::string writeFile(const std::string& name, const std::string& bytes);

// The input cut at each "\n%%\n" into at most `n` parts (the last one takes the rest;
// missing parts are empty), so one input can stand for several files.
std::vector<std::string> parts(const uint8_t* data, size_t size, size_t n);

// Runs `work`; returns normally for ps::Error, aborts (a finding) for any other exception.
void expectOnlyProjectErrors(void (*work)(void*), void* arg);

template <typename F>
void expectOnlyProjectErrors(F&& f) {
  expectOnlyProjectErrors([](void* p) { (*static_cast<F*>(p))(); }, &f);
}

}  // namespace psfuzz
