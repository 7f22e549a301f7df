#pragma once
// Sentences core writes for people (a run's settings, a scaling study's verdicts, the
// planner's answer) are filled in from templates, so that the GUI can hand in its
// translations of them: core stays free of Qt, the CLI and the files it writes stay in
// English. Templates take %1..%9, as Qt's do. Every template is marked in the source as
//   w(PS_WORDS("Wording", "For %1 examples ..."), {a, b})
// which the GUI's translation tool (lupdate, told that PS_WORDS spells QT_TRANSLATE_NOOP)
// finds and lists for the translators under the context "Wording".
#include <initializer_list>
#include <string>

#define PS_WORDS(context, text) text

namespace ps {

class Wording {
 public:
  virtual ~Wording() = default;
  // The template to use for `english` (itself, here; the GUI's translation there).
  virtual std::string lookup(const char* english) const { return english; }
  // The template with %1..%9 replaced by `args` in order (a placeholder without an
  // argument stays as it is; the arguments themselves are not scanned).
  std::string operator()(const char* english, std::initializer_list<std::string> args = {}) const;
  // A policy's name in a sentence ("hard", "easy", "random", "ccs"): the identifier here.
  virtual std::string term(const std::string& identifier) const { return identifier; }
};

const Wording& englishWording();

// Fills %1..%9 of `pattern` with `args` (what Wording's operator() does after the lookup).
std::string fillPlaceholders(const std::string& pattern, std::initializer_list<std::string> args);

}  // namespace ps
