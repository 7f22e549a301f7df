#pragma once
// Typed exceptions thrown by core. Every message names the file or value at fault
// and what was expected, so the CLI can print it as is and the GUI can show it.
#include <stdexcept>
#include <string>

namespace ps {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A dataset that cannot be opened or read: missing, truncated or corrupt files.
class DatasetError : public Error {
 public:
  using Error::Error;
};

// The SQLite store: not a database, newer schema, constraint failures, I/O errors.
class StoreError : public Error {
 public:
  using Error::Error;
};

// A job's checkpoint that cannot be read back (short or damaged bytes).
class CheckpointError : public Error {
 public:
  using Error::Error;
};

// A file that cannot be written (missing folder, permissions, full disk): not a setting
// at fault, not bad data.
class IoError : public Error {
 public:
  using Error::Error;
};

// A setting or argument outside what is accepted.
class ConfigError : public Error {
 public:
  using Error::Error;
};

// Training that cannot give a trustworthy result: a diverged (non-finite) loss, a model
// still at chance level, a score that cannot rank examples. The message says what to change.
class TrainingError : public Error {
 public:
  using Error::Error;
};

// Thrown from inside a job when its cancel token was set; not a failure.
class Cancelled : public Error {
 public:
  Cancelled() : Error("cancelled") {}
};

// The message to show for any exception that reached a boundary (the CLI, a job, the
// GUI): the project's own errors as they are; a library's translated into a sentence a
// user can act on, without its internals (LibTorch's C++ stack, OpenCV's source lines).
std::string describeError(const std::exception& e);

}  // namespace ps
