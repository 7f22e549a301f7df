// A store file: opened (schema checked, migrated), then everything in it read back.
#include <cstdio>

#include "fuzz_support.h"
#include "score/score_engine.h"
#include "store/store.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string path = psfuzz::writeFile("store.sqlite", std::string(reinterpret_cast<const char*>(data), size));
  for (const char* side : {"-wal", "-shm"}) std::remove((path + side).c_str());
  psfuzz::expectOnlyProjectErrors([&] {
    ps::Store store(path);
    for (const auto& d : store.datasets())
      for (const auto& r : store.runs(d.id)) {
        for (const auto& name : store.vectorNames(r.id)) {
          if (name == "indices")
            (void)store.indexVector(r.id, name);
          else
            (void)store.vector(r.id, name);
        }
        if (r.kind == "score" || r.kind == "import") (void)ps::loadScoreRun(store, r.id);
        (void)store.result(r.id, "summary");
      }
  });
  return 0;
}
